package io.polycache.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Locates the server executables this library starts.
 *
 * <p>A binary is looked up, in order, at the path named by the system property
 * {@code polycache.<name>.path} (for example {@code -Dpolycache.redis-server.path=/opt/redis/bin/redis-server}),
 * then in every directory of {@code PATH}, then in {@code /usr/bin}, {@code /usr/local/bin} and
 * {@code /usr/sbin}.
 */
public final class Binaries {

    /** The command that installs every binary this library needs on Debian and Ubuntu. */
    public static final String INSTALL_COMMAND = "apt-get install redis-server memcached";

    private static final List<String> FALLBACK_DIRECTORIES = List.of("/usr/bin", "/usr/local/bin", "/usr/sbin");

    private Binaries() {
    }

    /**
     * Returns the {@code redis-server} executable.
     *
     * @throws IllegalStateException if it is not installed; the message names the package to install
     */
    public static Path redisServer() {
        return require("redis-server");
    }

    /** Returns the {@code redis-cli} executable if one is installed; nothing in this library needs it. */
    public static Optional<Path> redisCli() {
        return find("redis-cli");
    }

    /**
     * Returns the {@code memcached} executable.
     *
     * @throws IllegalStateException if it is not installed; the message names the package to install
     */
    public static Path memcached() {
        return require("memcached");
    }

    /**
     * Returns the executable called {@code name}.
     *
     * @throws IllegalStateException if it cannot be found; the message names the package to install
     */
    public static Path require(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException(
                name + " was not found (looked at system property " + propertyName(name) + ", on PATH and in "
                        + String.join(", ", FALLBACK_DIRECTORIES) + "). Install it with: " + INSTALL_COMMAND));
    }

    /** Finds the executable called {@code name}, or returns empty if there is none. */
    public static Optional<Path> find(String name) {
        String override = System.getProperty(propertyName(name));
        if (override != null && !override.isBlank()) {
            Path path = Path.of(override);
            if (!isExecutableFile(path)) {
                throw new IllegalStateException("system property " + propertyName(name) + " names " + override
                        + ", which is not an executable file");
            }
            return Optional.of(path);
        }
        for (Path directory : searchDirectories()) {
            Path candidate = directory.resolve(name);
            if (isExecutableFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String propertyName(String name) {
        return "polycache." + name + ".path";
    }

    private static List<Path> searchDirectories() {
        List<Path> directories = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    directories.add(Path.of(entry));
                }
            }
        }
        for (String fallback : FALLBACK_DIRECTORIES) {
            directories.add(Path.of(fallback));
        }
        return directories;
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
