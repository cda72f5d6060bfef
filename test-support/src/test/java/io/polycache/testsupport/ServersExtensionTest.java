package io.polycache.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@RealServers
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServersExtensionTest {

    private static RedisServer fromBeforeAll;

    private static int memcachedPortBeforeStop;

    private static long memcachedPidBeforeStop;

    private final RedisServer fromConstructor;

    private RedisServer fromBeforeEach;

    ServersExtensionTest(RedisServer redis) {
        this.fromConstructor = redis;
    }

    @BeforeAll
    static void rememberRedisFromBeforeAll(RedisServer redis) {
        fromBeforeAll = redis;
    }

    @BeforeEach
    void rememberRedisFromBeforeEach(RedisServer redis) {
        fromBeforeEach = redis;
    }

    @Test
    @Order(1)
    void extension_injectsOneRunningRedisIntoConstructorLifecycleMethodsAndTests(RedisServer redis) {
        assertSame(fromBeforeAll, redis);
        assertSame(fromConstructor, redis);
        assertSame(fromBeforeEach, redis);
        assertTrue(redis.isRunning());
        assertEquals("PONG", redis.command("PING"));
    }

    @Test
    @Order(2)
    void extension_serverNames_giveIndependentMemcachedServers(MemcachedServer first,
            @ServerName("b") MemcachedServer second, @ServerName("b") MemcachedServer secondAgain) {
        assertNotSame(first, second);
        assertSame(second, secondAgain);
        assertNotEquals(first.port(), second.port());
        assertNotEquals(first.pid(), second.pid());
        assertEquals(List.of("STORED"), first.command("set only-first 0 0 1", "1".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(List.of("END"), second.command("get only-first"));
    }

    @Test
    @Order(3)
    void extension_testMayStopItsServer(MemcachedServer memcached) {
        memcachedPortBeforeStop = memcached.port();
        memcachedPidBeforeStop = memcached.pid();
        memcached.stop();
        assertFalse(memcached.isRunning());
    }

    @Test
    @Order(4)
    void extension_serverLeftStoppedByEarlierTest_isRestartedOnSamePort(MemcachedServer memcached) {
        assertTrue(memcached.isRunning());
        assertEquals(memcachedPortBeforeStop, memcached.port());
        assertNotEquals(memcachedPidBeforeStop, memcached.pid());
        assertTrue(memcached.command("version").get(0).startsWith("VERSION "));
    }

    @Nested
    class NestedTests {

        @Test
        void extension_nestedClass_sharesTheOuterClassServer(RedisServer redis) {
            assertSame(fromBeforeAll, redis);
            assertSame(fromConstructor, redis);
        }
    }
}
