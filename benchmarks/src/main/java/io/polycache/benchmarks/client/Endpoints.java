package io.polycache.benchmarks.client;

import java.net.InetSocketAddress;

/**
 * Where the servers are. The launcher starts them and hands their addresses to every JMH fork as
 * system properties; run by hand, point these properties at servers of your own.
 */
public final class Endpoints {

  /** {@code host:port} of the Redis server: {@value}. */
  public static final String REDIS_PROPERTY = "polycache.bench.redis";

  /** {@code host:port} of the Memcached server: {@value}. */
  public static final String MEMCACHED_PROPERTY = "polycache.bench.memcached";

  private Endpoints() {}

  public static InetSocketAddress redis() {
    return address(REDIS_PROPERTY);
  }

  public static InetSocketAddress memcached() {
    return address(MEMCACHED_PROPERTY);
  }

  static InetSocketAddress address(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("System property " + property + " is not set: run the"
          + " benchmarks through io.polycache.benchmarks.Launcher, which starts the servers, or"
          + " pass -D" + property + "=host:port");
    }
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new IllegalStateException("System property " + property + " must be host:port, not "
          + value);
    }
    return InetSocketAddress.createUnresolved(value.substring(0, colon),
        Integer.parseInt(value.substring(colon + 1)));
  }

  /** {@code host:port}, as the property gives it. */
  static String hostAndPort(InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }
}
