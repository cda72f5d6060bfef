package io.polycache.testsupport;

/**
 * Starts servers outside of a JUnit extension, for example from a JUnit Platform {@code LauncherSessionListener}
 * that runs one server for a whole test session:
 *
 * <pre>{@code
 * public final class RedisSession implements LauncherSessionListener {
 *     private RedisServer redis;
 *
 *     public void launcherSessionOpened(LauncherSession session) {
 *         redis = Servers.startRedis();
 *         System.setProperty("polycache.redis.uri", redis.uri().toString());
 *     }
 *
 *     public void launcherSessionClosed(LauncherSession session) {
 *         redis.close();
 *     }
 * }
 * }</pre>
 *
 * <p>Every server started by this library that is still running when the JVM exits is stopped by a shutdown
 * hook, so an aborted run leaves no process behind.
 */
public final class Servers {

    private Servers() {
    }

    /** Starts a {@link RedisServer}; see {@link RedisServer#RedisServer(String...)} for {@code extraArgs}. */
    public static RedisServer startRedis(String... extraArgs) {
        return RedisServer.startNew(extraArgs);
    }

    /** Starts a {@link MemcachedServer}; see {@link MemcachedServer#MemcachedServer(String...)} for {@code extraArgs}. */
    public static MemcachedServer startMemcached(String... extraArgs) {
        return MemcachedServer.startNew(extraArgs);
    }

    /** Starts a healthy three-master {@link RedisCluster}. */
    public static RedisCluster startRedisCluster(String... extraNodeArgs) {
        return RedisCluster.startNew(extraNodeArgs);
    }
}
