package io.polycache.provider.internal;

/** Closes the customizations a cache made from its configuration's factories. */
public final class Closeables {

  private static final System.Logger LOG = System.getLogger(Closeables.class.getName());

  private Closeables() {}

  /** Closes {@code o} if it is {@link AutoCloseable}; a failure is logged, never thrown. */
  public static void closeQuietly(Object o) {
    if (o instanceof AutoCloseable) {
      try {
        ((AutoCloseable) o).close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "Closing " + o.getClass().getName() + " failed", e);
      }
    }
  }
}
