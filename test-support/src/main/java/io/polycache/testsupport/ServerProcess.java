package io.polycache.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The life cycle shared by every server kind: a temporary working directory holding the server's output,
 * free-port selection with retries on the first start, readiness polling against a deadline, restarts on the
 * same port, and stopping exactly the process that was started.
 */
final class ServerProcess {

    /** Builds the command line for a server listening on {@code ports[0]}. */
    @FunctionalInterface
    interface CommandLine {
        List<String> build(Path executable, Path workDir, int[] ports);
    }

    /** Answers whether the server on {@code port} is serving requests and is the process {@code pid}. */
    @FunctionalInterface
    interface ReadinessProbe {
        boolean isReady(int port, long pid) throws IOException;
    }

    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private static final int PORT_ATTEMPTS = 5;

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private static final int OUTPUT_LIMIT = 16 * 1024;

    private static final String BIND_FAILURE = "Address already in use";

    private final String name;
    private final Supplier<Path> executable;
    private final int portCount;
    private final CommandLine commandLine;
    private final ReadinessProbe probe;
    private final Duration startupTimeout;

    private Path workDir;
    private Path logFile;
    private int[] ports;
    private Process process;
    private long lastPid = -1;
    private boolean paused;
    private boolean closed;

    ServerProcess(String name, Supplier<Path> executable, int portCount, CommandLine commandLine,
            ReadinessProbe probe, Duration startupTimeout) {
        this.name = name;
        this.executable = executable;
        this.portCount = portCount;
        this.commandLine = commandLine;
        this.probe = probe;
        this.startupTimeout = startupTimeout;
    }

    synchronized void start() {
        if (closed) {
            throw new IllegalStateException(name + " has been closed and cannot be started again");
        }
        if (process != null) {
            if (process.isAlive()) {
                return;
            }
            ProcessRegistry.unregister(process);
            process = null;
        }
        Path binary = executable.get();
        ensureWorkDir();
        if (ports != null) {
            try {
                launch(binary, ports);
            } catch (PortInUseException e) {
                throw new IllegalStateException(name + " cannot restart on " + Loopback.HOST + ":" + ports[0]
                        + " because another process holds the port; server output:\n" + e.output, e);
            }
            return;
        }
        PortInUseException lastFailure = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int[] candidate = FreePorts.reserve(portCount);
            try {
                launch(binary, candidate);
                ports = candidate;
                return;
            } catch (PortInUseException e) {
                FreePorts.release(candidate);
                lastFailure = e;
            } catch (RuntimeException e) {
                FreePorts.release(candidate);
                throw e;
            }
        }
        throw new IllegalStateException(name + " could not bind a free loopback port in " + PORT_ATTEMPTS
                + " attempts; last server output:\n" + lastFailure.output, lastFailure);
    }

    synchronized void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        if (paused && running.isAlive()) {
            resume();
        }
        paused = false;
        process = null;
        terminate(running);
        ProcessRegistry.unregister(running);
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Freezes the running process ({@code SIGSTOP}): it keeps its port and connections but answers nothing,
     * like a hung server, until {@link #resume()}.
     */
    synchronized void pause() {
        signal("STOP");
        paused = true;
    }

    /** Lets a paused process run again ({@code SIGCONT}). */
    synchronized void resume() {
        signal("CONT");
        paused = false;
    }

    private void signal(String signal) {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(name + " is not running");
        }
        List<String> command = List.of("kill", "-" + signal, Long.toString(process.pid()));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + name, e);
        }
    }

    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        if (ports != null) {
            FreePorts.release(ports);
        }
        if (workDir != null) {
            try {
                WorkDirectories.delete(workDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the working directory of " + name + ": " + workDir, e);
            }
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** The ports chosen on the first start; the first one is the client port. */
    synchronized int port(int index) {
        if (ports == null) {
            throw new IllegalStateException(name + " has not been started yet, so it has no port");
        }
        return ports[index];
    }

    synchronized long pid() {
        if (lastPid < 0) {
            throw new IllegalStateException(name + " has not been started yet, so it has no pid");
        }
        return lastPid;
    }

    synchronized Path workDir() {
        if (workDir == null) {
            throw new IllegalStateException(name + " has not been started yet, so it has no working directory");
        }
        return workDir;
    }

    /** Everything the server wrote to stdout and stderr across all of its starts (empty once closed). */
    synchronized String output() {
        if (logFile == null) {
            return "";
        }
        return readLog(0, Integer.MAX_VALUE);
    }

    String name() {
        return name;
    }

    @Override
    public synchronized String toString() {
        String where = ports == null ? "unstarted" : Loopback.HOST + ":" + ports[0];
        String state = closed ? "closed" : isRunning() ? "pid " + lastPid : "stopped";
        return name + "[" + where + ", " + state + "]";
    }

    private void ensureWorkDir() {
        if (workDir != null) {
            return;
        }
        try {
            workDir = WorkDirectories.create("polycache-" + name + "-");
            logFile = workDir.resolve(name + ".log");
            Files.createFile(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a working directory for " + name, e);
        }
    }

    private void launch(Path binary, int[] candidatePorts) throws PortInUseException {
        List<String> command = commandLine.build(binary, workDir, candidatePorts);
        long logOffset = logSize();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Process started;
        try {
            started = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        }
        ProcessRegistry.register(started);
        closeQuietly(started.getOutputStream());
        int port = candidatePorts[0];
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        Exception lastProbeFailure = null;
        while (true) {
            if (!started.isAlive()) {
                ProcessRegistry.unregister(started);
                String output = readLog(logOffset, OUTPUT_LIMIT);
                if (output.contains(BIND_FAILURE)) {
                    throw new PortInUseException(output);
                }
                throw new IllegalStateException(name + " exited with code " + started.exitValue()
                        + " while starting on " + Loopback.HOST + ":" + port + "\ncommand: "
                        + String.join(" ", command) + "\nserver output:\n" + output);
            }
            try {
                if (probe.isReady(port, started.pid())) {
                    process = started;
                    lastPid = started.pid();
                    return;
                }
            } catch (IOException | RuntimeException e) {
                lastProbeFailure = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                terminate(started);
                ProcessRegistry.unregister(started);
                throw new IllegalStateException(name + " (pid " + started.pid() + ") did not answer on "
                        + Loopback.HOST + ":" + port + " within " + startupTimeout.toMillis() + " ms\ncommand: "
                        + String.join(" ", command) + "\nserver output:\n" + readLog(logOffset, OUTPUT_LIMIT),
                        lastProbeFailure);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Stops one process: a polite termination signal first, then a forcible kill if it lingers. */
    static void terminate(Process target) {
        target.destroy();
        try {
            if (!target.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                target.destroyForcibly();
                target.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            target.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private long logSize() {
        try {
            return Files.size(logFile);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Reads the log from {@code offset}, keeping at most the last {@code limit} bytes. */
    private String readLog(long offset, int limit) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(logFile);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
        int from = (int) Math.min(bytes.length, Math.max(0, offset));
        from = Math.max(from, bytes.length - limit);
        String text = new String(Arrays.copyOfRange(bytes, from, bytes.length), StandardCharsets.UTF_8);
        return from > offset ? "[...]\n" + text : text;
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // the server does not read its standard input
        }
    }

    /** The server exited because its port was taken between choosing the port and binding it. */
    private static final class PortInUseException extends Exception {

        private static final long serialVersionUID = 1L;

        private final String output;

        PortInUseException(String output) {
            super(BIND_FAILURE);
            this.output = output;
        }
    }
}
