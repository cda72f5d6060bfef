package io.polycache.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Creation and recursive deletion of the per-server temporary directories. */
final class WorkDirectories {

    private WorkDirectories() {
    }

    static Path create(String prefix) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        ProcessRegistry.register(directory);
        return directory;
    }

    static void delete(Path directory) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (NoSuchFileException alreadyGone) {
            ProcessRegistry.unregister(directory);
            return;
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
        ProcessRegistry.unregister(directory);
    }
}
