package io.polycache.benchmarks.client;

/** Closes what a trial opened; a failure to close must not hide the measurement. */
final class Closing {

  private Closing() {}

  static void close(AutoCloseable... resources) {
    for (AutoCloseable resource : resources) {
      if (resource == null) {
        continue;
      }
      try {
        resource.close();
      } catch (Exception e) {
        System.err.println("closing " + resource + " failed: " + e);
      }
    }
  }
}
