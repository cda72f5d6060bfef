package io.polycache.testsupport;

import static io.polycache.testsupport.Probes.assertProcessGone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShutdownHookTest {

    @Test
    void jvmExit_stopsServersThatWereNeverClosed(@TempDir Path temp) throws Exception {
        Path output = temp.resolve("probe.out");
        Process jvm = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ShutdownHookProbe.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not exit");
        } finally {
            jvm.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output);
        assertEquals(0, jvm.exitValue(), String.join("\n", lines));
        assertEquals(2, lines.size(), String.join("\n", lines));
        for (String line : lines) {
            String[] fields = line.split(" ", 3);
            assertProcessGone(Long.parseLong(fields[1]));
            assertFalse(Files.exists(Path.of(fields[2])), fields[2] + " was left behind");
        }
    }
}
