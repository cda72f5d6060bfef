package io.polycache.testsupport;

import static io.polycache.testsupport.Probes.assertPortRefusesConnections;
import static io.polycache.testsupport.Probes.assertProcessGone;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisServerTest {

    @Test
    void redis_startNew_answersPingAsTheStartedProcess() {
        try (RedisServer redis = RedisServer.startNew()) {
            assertTrue(redis.isRunning());
            assertEquals("PONG", redis.command("PING"));
            String info = (String) redis.command("INFO", "server");
            assertTrue(info.contains("process_id:" + redis.pid() + "\r\n"), info);
            assertTrue(info.contains("tcp_port:" + redis.port() + "\r\n"), info);
        }
    }

    @Test
    void redis_addresses_nameLoopbackAndTheChosenPort() {
        try (RedisServer redis = RedisServer.startNew()) {
            assertEquals("127.0.0.1", redis.host());
            assertNotEquals(6379, redis.port());
            assertEquals(URI.create("redis://127.0.0.1:" + redis.port()), redis.uri());
            assertEquals("127.0.0.1:" + redis.port(), redis.address());
        }
    }

    @Test
    void redis_configuration_hasNoPersistenceAndUsesItsOwnWorkDir() throws Exception {
        try (RedisServer redis = RedisServer.startNew()) {
            assertEquals(List.of("save", ""), redis.command("CONFIG", "GET", "save"));
            assertEquals(List.of("appendonly", "no"), redis.command("CONFIG", "GET", "appendonly"));
            assertEquals(List.of("bind", "127.0.0.1"), redis.command("CONFIG", "GET", "bind"));
            List<?> dir = (List<?>) redis.command("CONFIG", "GET", "dir");
            assertEquals(redis.workDir().toRealPath().toString(), dir.get(1));
        }
    }

    @Test
    void redis_extraArgs_arePassedToTheServer() {
        try (RedisServer redis = RedisServer.startNew("--maxmemory", "10mb")) {
            assertEquals(List.of("maxmemory", "10485760"), redis.command("CONFIG", "GET", "maxmemory"));
        }
    }

    @Test
    void redis_command_decodesEveryReplyType() {
        try (RedisServer redis = RedisServer.startNew()) {
            assertEquals("OK", redis.command("SET", "greeting", "héllo"));
            assertEquals("héllo", redis.command("GET", "greeting"));
            assertNull(redis.command("GET", "missing"));
            assertEquals(1L, redis.command("INCR", "counter"));
            assertEquals(3L, redis.command("RPUSH", "list", "a", "", "c"));
            assertEquals(List.of("a", "", "c"), redis.command("LRANGE", "list", "0", "-1"));
            assertEquals(3L, redis.command("DBSIZE"));
            String stats = (String) redis.command("INFO", "commandstats");
            assertTrue(stats.contains("cmdstat_set:calls=1"), stats);
        }
    }

    @Test
    void redis_command_errorReplyThrowsWithTheServerMessage() {
        try (RedisServer redis = RedisServer.startNew()) {
            redis.command("SET", "text", "x");
            RedisErrorException error = assertThrows(RedisErrorException.class, () -> redis.command("LPUSH", "text", "y"));
            assertEquals("WRONGTYPE", error.errorCode());
            assertTrue(error.reply().startsWith("WRONGTYPE "), error.reply());
            assertEquals("ERR", assertThrows(RedisErrorException.class, () -> redis.command("NOSUCHCOMMAND")).errorCode());
        }
    }

    @Test
    void redis_commandBytes_storesAndReturnsForeignBytesExactly() {
        byte[] key = {'k', 0, (byte) 0xff};
        byte[] value = new byte[256];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) i;
        }
        try (RedisServer redis = RedisServer.startNew()) {
            assertEquals("OK", redis.commandBytes("SET".getBytes(StandardCharsets.US_ASCII), key, value));
            Object reply = redis.commandBytes("GET".getBytes(StandardCharsets.US_ASCII), key);
            assertArrayEquals(value, assertInstanceOf(byte[].class, reply));
            assertEquals(1L, redis.command("DBSIZE"));
        }
    }

    @Test
    void redis_stop_portRefusesConnectionsAndProcessIsGone() {
        try (RedisServer redis = RedisServer.startNew()) {
            long pid = redis.pid();
            redis.stop();
            assertFalse(redis.isRunning());
            assertProcessGone(pid);
            assertPortRefusesConnections(redis.port());
            assertThrows(UncheckedIOException.class, () -> redis.command("PING"));
        }
    }

    @Test
    void redis_stopAndStart_sameCommandWorksAgainOnSamePort() {
        try (RedisServer redis = RedisServer.startNew()) {
            int port = redis.port();
            long firstPid = redis.pid();
            redis.command("SET", "k", "v");
            redis.stop();
            redis.start();
            assertTrue(redis.isRunning());
            assertEquals(port, redis.port());
            assertNotEquals(firstPid, redis.pid());
            assertEquals("PONG", redis.command("PING"));
            assertNull(redis.command("GET", "k"), "nothing survives a restart without persistence");
        }
    }

    @Test
    void redis_restartWhileAnotherProcessHoldsThePort_failsWithTheServerOutput() throws Exception {
        try (RedisServer redis = RedisServer.startNew()) {
            redis.stop();
            try (ServerSocket squatter = new ServerSocket()) {
                squatter.bind(new InetSocketAddress("127.0.0.1", redis.port()));
                IllegalStateException failure = assertThrows(IllegalStateException.class, redis::start);
                assertTrue(failure.getMessage().contains("127.0.0.1:" + squatter.getLocalPort()), failure.getMessage());
                assertTrue(failure.getMessage().contains("Address already in use"), failure.getMessage());
                assertFalse(redis.isRunning());
            }
            redis.start();
            assertEquals("PONG", redis.command("PING"));
        }
    }

    @Test
    void redis_badOption_failsWithTheServerOutputAndLeavesNothingBehind() throws Exception {
        RedisServer redis = new RedisServer("--no-such-directive", "x");
        try {
            IllegalStateException failure = assertThrows(IllegalStateException.class, redis::start);
            assertTrue(failure.getMessage().contains("exited with code"), failure.getMessage());
            assertTrue(failure.getMessage().contains("no-such-directive"), failure.getMessage());
            assertFalse(redis.isRunning());
            assertTrue(Files.isDirectory(redis.workDir()));
        } finally {
            redis.close();
        }
        assertFalse(Files.exists(redis.workDir()));
    }

    @Test
    void redis_twoServers_getDistinctPortsAndProcesses() {
        try (RedisServer first = RedisServer.startNew(); RedisServer second = RedisServer.startNew()) {
            assertNotEquals(first.port(), second.port());
            assertNotEquals(first.pid(), second.pid());
            first.command("SET", "only-in-first", "1");
            assertEquals(0L, second.command("DBSIZE"));
        }
    }

    @Test
    void redis_close_processIsNoLongerAliveAndWorkDirIsDeleted() {
        RedisServer redis = RedisServer.startNew();
        long pid = redis.pid();
        Path workDir = redis.workDir();
        assertTrue(Files.isDirectory(workDir));
        redis.close();
        assertProcessGone(pid);
        assertFalse(redis.isRunning());
        assertFalse(Files.exists(workDir));
        assertPortRefusesConnections(redis.port());
        assertThrows(IllegalStateException.class, redis::start);
    }

    @Test
    void redis_beforeFirstStart_hasNoPortOrPid() {
        try (RedisServer redis = new RedisServer()) {
            assertFalse(redis.isRunning());
            assertThrows(IllegalStateException.class, redis::port);
            assertThrows(IllegalStateException.class, redis::pid);
        }
    }
}
