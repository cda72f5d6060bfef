package io.polycache.testsupport;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BinariesTest {

    @Test
    void binaries_installedServers_areFoundAsExecutables() {
        assertTrue(Files.isExecutable(Binaries.redisServer()));
        assertTrue(Files.isExecutable(Binaries.memcached()));
        Binaries.redisCli().ifPresent(cli -> assertTrue(Files.isExecutable(cli)));
    }

    @Test
    void binaries_missingBinary_failsWithTheInstallCommand() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> Binaries.require("polycache-no-such-server"));
        assertTrue(missing.getMessage().contains("polycache-no-such-server"), missing.getMessage());
        assertTrue(missing.getMessage().contains("apt-get install redis-server memcached"), missing.getMessage());
    }

    @Test
    void binaries_overrideProperty_mustNameAnExecutable() throws Exception {
        Path notExecutable = Files.createTempFile("polycache-not-executable", ".txt");
        String property = "polycache.polycache-fake-server.path";
        System.setProperty(property, notExecutable.toString());
        try {
            IllegalStateException wrong = assertThrows(IllegalStateException.class,
                    () -> Binaries.require("polycache-fake-server"));
            assertTrue(wrong.getMessage().contains(property), wrong.getMessage());
        } finally {
            System.clearProperty(property);
            Files.delete(notExecutable);
        }
    }
}
