package io.polycache.tck;

import io.polycache.testsupport.MemcachedServer;
import io.polycache.testsupport.Servers;
import io.polycache.testsupport.RedisServer;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives a TCK run its server: for the backend named by {@code polycache.tck.backend}, starts a
 * real {@code redis-server} or {@code memcached} on a free loopback port before any test runs,
 * points the default CacheManager URI ({@code polycache.uri}) at it, and stops exactly that
 * process when the run ends. The memory run needs no server. The URI carries no query options:
 * the TCK derives MBean names from it, and a {@code ?} would make them JMX patterns.
 */
public final class TckServers implements LauncherSessionListener {

  private AutoCloseable server;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String backend = System.getProperty("polycache.tck.backend", "memory");
    switch (backend) {
      case "redis": {
        RedisServer redis = Servers.startRedis();
        server = redis;
        System.setProperty("polycache.uri", redis.uri().toString());
        break;
      }
      case "memcached": {
        MemcachedServer memcached = Servers.startMemcached();
        server = memcached;
        System.setProperty("polycache.uri", memcached.uri().toString());
        break;
      }
      default:
        System.setProperty("polycache.uri", "memory:default");
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (server != null) {
      try {
        server.close();
      } catch (Exception e) {
        throw new IllegalStateException("Could not stop the TCK's server", e);
      }
    }
  }
}
