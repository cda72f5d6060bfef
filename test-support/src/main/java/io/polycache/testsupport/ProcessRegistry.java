package io.polycache.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Remembers every server process and working directory this library created and has not cleaned up yet, and
 * installs a JVM shutdown hook that stops those processes (and only those) and deletes those directories, so
 * an aborted test run leaves nothing behind.
 */
final class ProcessRegistry {

    private static final long SHUTDOWN_GRACE_MILLIS = 3_000;

    private static final Set<Process> PROCESSES = ConcurrentHashMap.newKeySet();

    private static final Set<Path> DIRECTORIES = ConcurrentHashMap.newKeySet();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(ProcessRegistry::cleanUp, "polycache-server-cleanup"));
        } catch (IllegalStateException shutdownInProgress) {
            // the JVM is already exiting; nothing started from here on can be cleaned up by a hook
        }
    }

    private ProcessRegistry() {
    }

    static void register(Process process) {
        PROCESSES.add(process);
    }

    static void unregister(Process process) {
        PROCESSES.remove(process);
    }

    static void register(Path directory) {
        DIRECTORIES.add(directory);
    }

    static void unregister(Path directory) {
        DIRECTORIES.remove(directory);
    }

    private static void cleanUp() {
        List<Process> processes = List.copyOf(PROCESSES);
        for (Process process : processes) {
            process.destroy();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_GRACE_MILLIS);
        for (Process process : processes) {
            long remaining = deadline - System.nanoTime();
            try {
                if (remaining <= 0 || !process.waitFor(remaining, TimeUnit.NANOSECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        for (Path directory : List.copyOf(DIRECTORIES)) {
            try {
                WorkDirectories.delete(directory);
            } catch (IOException e) {
                // best effort while the JVM exits
            }
        }
    }
}
