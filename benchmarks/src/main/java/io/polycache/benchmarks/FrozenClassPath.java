package io.polycache.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private copy of this JVM's class path, so that every JMH fork of one run loads the same
 * Polycache classes. Without it a {@code mvn install} elsewhere on the machine during the run
 * replaces the provider jar under the forks still to come: their numbers would mix two builds,
 * or a fork would fail to find a class.
 */
final class FrozenClassPath {

  private FrozenClassPath() {}

  /**
   * Copies every class path entry into {@code directory} (emptied first) and points
   * {@code java.class.path}, which JMH and {@link HeapPerEntry} give their child JVMs, at the
   * copies. Entries that do not exist are dropped.
   */
  static void freezeInto(Path directory) {
    deleteRecursively(directory);
    List<String> copies = new ArrayList<>();
    String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
    try {
      Files.createDirectories(directory);
      for (int i = 0; i < entries.length; i++) {
        Path entry = Path.of(entries[i]);
        if (!Files.exists(entry)) {
          continue;
        }
        Path copy = directory.resolve(i + "-" + entry.getFileName());
        if (Files.isDirectory(entry)) {
          copyTree(entry, copy);
        } else {
          Files.copy(entry, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
        copies.add(copy.toAbsolutePath().toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the class path into " + directory, e);
    }
    System.setProperty("java.class.path", String.join(File.pathSeparator, copies));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty " + directory, e);
    }
  }
}
