package io.polycache.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A real {@code memcached} process started as {@code memcached -l 127.0.0.1 -p PORT -U 0} (plus {@code -u root}
 * when the JVM runs as root, plus any extra arguments), with its output kept in a temporary directory.
 *
 * <p>{@link #start()} launches it; the first start picks the port, later starts (after {@link #stop()}) reuse
 * it. {@link #close()} stops the process and deletes the directory. Processes still running when the JVM exits
 * are stopped by a shutdown hook.
 *
 * <pre>{@code
 * try (MemcachedServer memcached = MemcachedServer.startNew("-m", "64")) {
 *     memcached.command("set k 0 0 1", new byte[] {'v'}); // [STORED]
 *     memcached.command("get k");                           // [VALUE k 0 1, v, END]
 * }
 * }</pre>
 */
public final class MemcachedServer implements AutoCloseable {

    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final List<String> extraArgs;
    private final ServerProcess server;

    /**
     * Creates a server that is not started yet.
     *
     * @param extraArgs further {@code memcached} options, for example {@code "-I", "2m"} or {@code "-m", "64"};
     *        they must not change the listen address or port
     */
    public MemcachedServer(String... extraArgs) {
        this.extraArgs = List.of(extraArgs);
        this.server = new ServerProcess("memcached", Binaries::memcached, 1, this::commandLine,
                MemcachedServer::answers, STARTUP_TIMEOUT);
    }

    /** Creates and starts a server; the caller closes it. */
    public static MemcachedServer startNew(String... extraArgs) {
        MemcachedServer memcached = new MemcachedServer(extraArgs);
        try {
            memcached.start();
        } catch (RuntimeException e) {
            memcached.close();
            throw e;
        }
        return memcached;
    }

    /**
     * Starts the server and waits until it answers {@code version}; does nothing if it is running. The first
     * start chooses a free port (retrying with another port if the chosen one got taken); later starts reuse it.
     *
     * @throws IllegalStateException if the server does not come up within 10 seconds, exits, or was closed;
     *         the message includes the server's output
     */
    public void start() {
        server.start();
    }

    /** Stops the process this object started (termination signal, bounded wait, then a forcible kill). */
    public void stop() {
        server.stop();
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    /**
     * Freezes the process ({@code SIGSTOP}) so that it holds its connections and answers nothing, like a hung
     * server; {@link #resume()} (or {@link #stop()}) lets it go on.
     */
    public void pause() {
        server.pause();
    }

    /** Lets a paused server run again. */
    public void resume() {
        server.resume();
    }

    /** Always {@code 127.0.0.1}. */
    public String host() {
        return Loopback.HOST;
    }

    /** The port; fixed by the first {@link #start()}. */
    public int port() {
        return server.port(0);
    }

    /** {@code 127.0.0.1:PORT}. */
    public String address() {
        return Loopback.HOST + ":" + port();
    }

    /** {@code memcached://127.0.0.1:PORT}. */
    public URI uri() {
        return URI.create("memcached://" + address());
    }

    /** The pid of the most recently started process; it may have been stopped since. */
    public long pid() {
        return server.pid();
    }

    /** The temporary directory holding the server's output; deleted by {@link #close()}. */
    public Path workDir() {
        return server.workDir();
    }

    /** What the server has written to stdout and stderr so far, across restarts; empty after {@link #close()}. */
    public String output() {
        return server.output();
    }

    /**
     * Sends one text-protocol line (the {@code \r\n} is appended) over a fresh connection and returns the
     * response lines without their line ends.
     *
     * <p>Retrieval and statistics responses are read up to and including {@code END}, with the data block of
     * each {@code VALUE} line as its own element (so {@code get k} gives {@code [VALUE k 0 1, v, END]}); every
     * other command gets its single response line ({@code STORED}, {@code DELETED}, {@code OK}, {@code 5},
     * {@code VERSION 1.6.x}, {@code ERROR}...). A meta {@code mg} hit with a value returns the {@code VA} line and
     * the data. Commands with {@code noreply} and streaming commands ({@code watch}) are not supported.
     *
     * @throws UncheckedIOException if the server cannot be reached or does not reply within 10 seconds
     */
    public List<String> command(String line) {
        return send(line, null);
    }

    /**
     * Sends a storage command line followed by its data block, for example
     * {@code command("set k 0 0 5", "hello".getBytes(UTF_8))}, and returns the response as
     * {@link #command(String)} does.
     */
    public List<String> command(String line, byte[] data) {
        return send(line, Objects.requireNonNull(data, "data"));
    }

    /** Invalidates every item. */
    public void flushAll() {
        List<String> reply = command("flush_all");
        if (!reply.equals(List.of("OK"))) {
            throw new IllegalStateException("flush_all answered " + reply);
        }
    }

    /** Stops the process and deletes the working directory; the server cannot be started again. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return server.toString();
    }

    private List<String> send(String line, byte[] data) {
        Objects.requireNonNull(line, "line");
        int port = port();
        try {
            return MemcachedText.exchange(port, COMMAND_TIMEOUT, line, data);
        } catch (IOException e) {
            throw new UncheckedIOException("memcached at " + Loopback.HOST + ":" + port + " did not answer '"
                    + line + "': " + e.getMessage(), e);
        }
    }

    private List<String> commandLine(Path executable, Path workDir, int[] ports) {
        List<String> command = new ArrayList<>(List.of(
                executable.toString(),
                "-l", Loopback.HOST,
                "-p", Integer.toString(ports[0]),
                "-U", "0"));
        if (runningAsRoot()) {
            command.addAll(List.of("-u", "root"));
        }
        command.addAll(extraArgs);
        return command;
    }

    private static boolean answers(int port, long pid) throws IOException {
        List<String> version = MemcachedText.exchange(port, PROBE_TIMEOUT, "version", null);
        if (version.isEmpty() || !version.get(0).startsWith("VERSION ")) {
            return false;
        }
        return MemcachedText.exchange(port, PROBE_TIMEOUT, "stats", null).contains("STAT pid " + pid);
    }

    /** memcached refuses to run as root unless told which user to run as. */
    static boolean runningAsRoot() {
        if ("root".equals(System.getProperty("user.name"))) {
            return true;
        }
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return false;
        }
    }
}
