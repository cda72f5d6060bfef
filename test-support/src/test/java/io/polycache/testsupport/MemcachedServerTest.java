package io.polycache.testsupport;

import static io.polycache.testsupport.Probes.assertPortRefusesConnections;
import static io.polycache.testsupport.Probes.assertProcessGone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests that only send commands share the server the extension injects; tests about the life cycle start their
 * own.
 */
@RealServers
class MemcachedServerTest {

    @BeforeEach
    void startEmpty(MemcachedServer memcached) {
        memcached.flushAll();
    }

    @Test
    void memcached_startNew_answersVersionAsTheStartedProcess() {
        try (MemcachedServer memcached = MemcachedServer.startNew()) {
            assertTrue(memcached.isRunning());
            List<String> version = memcached.command("version");
            assertEquals(1, version.size());
            assertTrue(version.get(0).startsWith("VERSION "), version.toString());
            assertTrue(memcached.command("stats").contains("STAT pid " + memcached.pid()));
        }
    }

    @Test
    void memcached_addresses_nameLoopbackAndTheChosenPort(MemcachedServer memcached) {
        assertEquals("127.0.0.1", memcached.host());
        assertNotEquals(11211, memcached.port());
        assertEquals("127.0.0.1:" + memcached.port(), memcached.address());
        assertEquals(URI.create("memcached://127.0.0.1:" + memcached.port()), memcached.uri());
    }

    @Test
    void memcached_setThenGet_returnsValueLineDataAndEnd(MemcachedServer memcached) {
        assertEquals(List.of("STORED"), memcached.command("set k 5 0 5", "hello".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("VALUE k 5 5", "hello", "END"), memcached.command("get k"));
        assertEquals(List.of("END"), memcached.command("get missing"));
        assertEquals(List.of("DELETED"), memcached.command("delete k"));
        assertEquals(List.of("NOT_FOUND"), memcached.command("delete k"));
    }

    @Test
    void memcached_valueThatLooksLikeAResponseLine_isReadAsData(MemcachedServer memcached) {
        memcached.command("set a 0 0 3", "END".getBytes(StandardCharsets.US_ASCII));
        memcached.command("set b 0 0 7", "x\r\nEND\r".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("VALUE a 0 3", "END", "VALUE b 0 7", "x\r\nEND\r", "END"), memcached.command("get a b"));
    }

    @Test
    void memcached_singleLineCommands_returnOneLine(MemcachedServer memcached) {
        assertEquals(List.of("STORED"), memcached.command("set n 0 0 1\r\n7"));
        assertEquals(List.of("8"), memcached.command("incr n 1"));
        assertEquals(List.of("OK"), memcached.command("flush_all"));
        assertEquals(List.of("ERROR"), memcached.command("bogus"));
        assertEquals(List.of("RESET"), memcached.command("stats reset"));
    }

    @Test
    void memcached_metaGet_returnsValueBlock(MemcachedServer memcached) {
        memcached.command("set m 0 0 2", "hi".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("VA 2", "hi"), memcached.command("mg m v"));
        assertEquals(List.of("EN"), memcached.command("mg absent v"));
    }

    @Test
    void memcached_extraArgs_arePassedToTheServer() {
        try (MemcachedServer memcached = MemcachedServer.startNew("-I", "2m", "-m", "32")) {
            List<String> settings = memcached.command("stats settings");
            assertTrue(settings.contains("STAT item_size_max 2097152"), settings.toString());
            assertTrue(settings.contains("STAT maxbytes 33554432"), settings.toString());
            assertTrue(settings.contains("STAT udpport 0"), settings.toString());
            assertEquals("END", settings.get(settings.size() - 1));
        }
    }

    @Test
    void memcached_stop_portRefusesConnectionsAndProcessIsGone() {
        try (MemcachedServer memcached = MemcachedServer.startNew()) {
            long pid = memcached.pid();
            memcached.stop();
            assertFalse(memcached.isRunning());
            assertProcessGone(pid);
            assertPortRefusesConnections(memcached.port());
            assertThrows(UncheckedIOException.class, () -> memcached.command("version"));
        }
    }

    @Test
    void memcached_pause_freezesTheProcessUntilResume_andStopEndsAPausedOne() throws Exception {
        try (MemcachedServer memcached = MemcachedServer.startNew()) {
            long pid = memcached.pid();
            memcached.pause();
            assertEquals('T', processState(pid), "a paused server is a stopped process");
            memcached.resume();
            assertNotEquals('T', processState(pid));
            assertTrue(memcached.command("version").get(0).startsWith("VERSION "));

            memcached.pause();
            long start = System.nanoTime();
            memcached.stop();
            assertProcessGone(pid);
            assertTrue(System.nanoTime() - start < ServerProcess.STOP_GRACE.toNanos(),
                    "a paused server must stop without the forcible kill");
        }
    }

    /** The state letter of {@code /proc/PID/stat}: {@code T} for a stopped process. */
    private static char processState(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    @Test
    void memcached_stopAndStart_versionAnswersAgainOnSamePort() {
        try (MemcachedServer memcached = MemcachedServer.startNew()) {
            int port = memcached.port();
            long firstPid = memcached.pid();
            memcached.command("set k 0 0 1", new byte[] {'v'});
            memcached.stop();
            memcached.start();
            assertEquals(port, memcached.port());
            assertNotEquals(firstPid, memcached.pid());
            assertTrue(memcached.command("version").get(0).startsWith("VERSION "));
            assertEquals(List.of("END"), memcached.command("get k"));
        }
    }

    @Test
    void memcached_close_processIsNoLongerAliveAndWorkDirIsDeleted() {
        MemcachedServer memcached = MemcachedServer.startNew();
        long pid = memcached.pid();
        Path workDir = memcached.workDir();
        memcached.close();
        assertProcessGone(pid);
        assertFalse(Files.exists(workDir));
        assertPortRefusesConnections(memcached.port());
    }
}
