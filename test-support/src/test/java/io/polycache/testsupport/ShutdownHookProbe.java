package io.polycache.testsupport;

/**
 * Run in a child JVM by {@link ShutdownHookTest}: starts servers, reports their pids and directories, and exits
 * without closing them.
 */
public final class ShutdownHookProbe {

    private ShutdownHookProbe() {
    }

    public static void main(String[] args) {
        RedisServer redis = Servers.startRedis();
        MemcachedServer memcached = Servers.startMemcached();
        System.out.println("redis " + redis.pid() + " " + redis.workDir());
        System.out.println("memcached " + memcached.pid() + " " + memcached.workDir());
        System.out.flush();
    }
}
