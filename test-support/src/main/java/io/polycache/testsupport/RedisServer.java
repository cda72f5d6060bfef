package io.polycache.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A real {@code redis-server} process listening on {@code 127.0.0.1} on a free port, with no persistence
 * ({@code --save ""}, {@code --appendonly no}) and its own temporary working directory.
 *
 * <p>{@link #start()} launches it; the first start picks the port, later starts (after {@link #stop()}) reuse
 * it, so a test can simulate an outage and a recovery. {@link #close()} stops the process and deletes the
 * working directory. Processes still running when the JVM exits are stopped by a shutdown hook.
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.startNew()) {
 *     redis.command("SET", "k", "v");
 *     URI uri = redis.uri(); // redis://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class RedisServer implements AutoCloseable {

    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    /** Lower than Redis' 15 s default so that outages and recoveries of cluster nodes are noticed quickly. */
    static final String CLUSTER_NODE_TIMEOUT_MILLIS = "3000";

    private final boolean clusterNode;
    private final List<String> extraArgs;
    private final ServerProcess server;

    /**
     * Creates a server that is not started yet.
     *
     * @param extraArgs further {@code redis-server} options appended to the command line, for example
     *        {@code "--maxmemory", "10mb"}; they must not change the bind address, port or working directory
     */
    public RedisServer(String... extraArgs) {
        this(false, List.of(extraArgs));
    }

    RedisServer(boolean clusterNode, List<String> extraArgs) {
        this.clusterNode = clusterNode;
        this.extraArgs = List.copyOf(extraArgs);
        this.server = new ServerProcess(clusterNode ? "redis-cluster-node" : "redis-server", Binaries::redisServer,
                clusterNode ? 2 : 1, this::commandLine, RedisServer::answers, STARTUP_TIMEOUT);
    }

    /** Creates and starts a server; the caller closes it. */
    public static RedisServer startNew(String... extraArgs) {
        RedisServer redis = new RedisServer(extraArgs);
        try {
            redis.start();
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
        return redis;
    }

    /**
     * Starts the server and waits until it answers {@code PING}; does nothing if it is running. The first start
     * chooses a free port (retrying with another port if the chosen one got taken); later starts reuse it.
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

    /** The client port; fixed by the first {@link #start()}. */
    public int port() {
        return server.port(0);
    }

    /** {@code redis://127.0.0.1:PORT}. */
    public URI uri() {
        return URI.create("redis://" + Loopback.HOST + ":" + port());
    }

    /** {@code 127.0.0.1:PORT}. */
    public String address() {
        return Loopback.HOST + ":" + port();
    }

    /** The pid of the most recently started process; it may have been stopped since. */
    public long pid() {
        return server.pid();
    }

    /** The temporary directory the server runs in; deleted by {@link #close()}. */
    public Path workDir() {
        return server.workDir();
    }

    /** What the server has logged so far, across restarts; empty after {@link #close()}. */
    public String output() {
        return server.output();
    }

    /**
     * Sends one command over a fresh connection and returns the decoded reply: {@link String} for simple and bulk
     * strings (bulk strings decoded as UTF-8), {@link Long} for integers, an unmodifiable {@link List} for arrays,
     * {@code null} for nil.
     *
     * @throws RedisErrorException if the server replies with an error
     * @throws UncheckedIOException if the server cannot be reached or does not reply within 10 seconds
     */
    public Object command(String... args) {
        return send(false, Resp.utf8(args));
    }

    /**
     * Sends one binary-safe command; like {@link #command(String...)}, except that bulk strings in the reply are
     * returned as {@code byte[]} (simple strings are still {@link String}).
     */
    public Object commandBytes(byte[]... args) {
        return send(true, args);
    }

    /** Removes every key from every database. */
    public void flushAll() {
        command("FLUSHALL");
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

    int busPort() {
        if (!clusterNode) {
            throw new IllegalStateException("not a cluster node");
        }
        return server.port(1);
    }

    private Object send(boolean binary, byte[][] args) {
        Objects.requireNonNull(args, "args");
        if (args.length == 0) {
            throw new IllegalArgumentException("a Redis command needs at least a command name");
        }
        int port = port();
        try (Resp connection = Resp.connect(port, COMMAND_TIMEOUT)) {
            return connection.call(binary, args);
        } catch (IOException e) {
            throw new UncheckedIOException(server.name() + " at " + Loopback.HOST + ":" + port + " did not answer "
                    + new String(args[0], StandardCharsets.UTF_8) + ": " + e.getMessage(), e);
        }
    }

    private List<String> commandLine(Path executable, Path workDir, int[] ports) {
        List<String> command = new ArrayList<>(List.of(
                executable.toString(),
                "--bind", Loopback.HOST,
                "--port", Integer.toString(ports[0]),
                "--dir", workDir.toString(),
                "--save", "",
                "--appendonly", "no",
                "--daemonize", "no",
                "--logfile", ""));
        if (clusterNode) {
            command.addAll(List.of(
                    "--cluster-enabled", "yes",
                    "--cluster-config-file", workDir.resolve("nodes.conf").toString(),
                    "--cluster-port", Integer.toString(ports[1]),
                    "--cluster-node-timeout", CLUSTER_NODE_TIMEOUT_MILLIS));
        }
        command.addAll(extraArgs);
        return command;
    }

    private static boolean answers(int port, long pid) throws IOException {
        try (Resp connection = Resp.connect(port, PROBE_TIMEOUT)) {
            if (!"PONG".equals(connection.call("PING"))) {
                return false;
            }
            return connection.call("INFO", "server") instanceof String info && reportsPid(info, pid);
        }
    }

    private static boolean reportsPid(String info, long pid) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("process_id:")) {
                return line.substring("process_id:".length()).trim().equals(Long.toString(pid));
            }
        }
        return false;
    }
}
