package io.polycache.testsupport;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A Redis Cluster of three real {@code redis-server} masters (no replicas) on free loopback ports.
 *
 * <p>Each node has its own temporary directory holding its {@code nodes.conf}, and an explicit cluster bus port
 * ({@code --cluster-port}), so nothing depends on the default {@code port + 10000} rule. The cluster is formed
 * with {@code CLUSTER ADDSLOTSRANGE} (slots 0-5460, 5461-10922 and 10923-16383) and {@code CLUSTER MEET}, and
 * {@link #start()} returns once every node reports {@code cluster_state:ok} and knows all three masters.
 * Nodes run with {@code --cluster-node-timeout 3000}.
 *
 * <p>A test can {@link RedisServer#stop() stop} and {@link RedisServer#start() restart} single
 * {@linkplain #nodes() nodes}; a restarted node rejoins with its saved identity. {@link #start()} or
 * {@link #awaitHealthy(Duration)} waits for the cluster to recover.
 */
public final class RedisCluster implements AutoCloseable {

    /** How many masters the cluster has. */
    public static final int MASTERS = 3;

    /** How many hash slots Redis Cluster has. */
    public static final int SLOTS = 16384;

    static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(30);

    private static final int[][] SLOT_RANGES = {{0, 5460}, {5461, 10922}, {10923, 16383}};

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final List<RedisServer> nodes;
    private boolean formed;
    private boolean closed;

    /**
     * Creates a cluster that is not started yet.
     *
     * @param extraNodeArgs further {@code redis-server} options given to every node, for example
     *        {@code "--cluster-require-full-coverage", "no"}
     */
    public RedisCluster(String... extraNodeArgs) {
        List<String> extra = List.of(extraNodeArgs);
        List<RedisServer> servers = new ArrayList<>(MASTERS);
        for (int i = 0; i < MASTERS; i++) {
            servers.add(new RedisServer(true, extra));
        }
        this.nodes = List.copyOf(servers);
    }

    /** Creates and starts a cluster; the caller closes it. */
    public static RedisCluster startNew(String... extraNodeArgs) {
        RedisCluster cluster = new RedisCluster(extraNodeArgs);
        try {
            cluster.start();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /**
     * Starts every node that is not running, forms the cluster on the first call, and waits (up to 30 seconds)
     * until the cluster is healthy. Cheap when everything is already up.
     *
     * @throws IllegalStateException if a node cannot start or the cluster does not become healthy in time
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("this Redis cluster has been closed and cannot be started again");
        }
        for (RedisServer node : nodes) {
            node.start();
        }
        if (!formed) {
            form();
            formed = true;
        }
        awaitHealthy(HEALTHY_TIMEOUT);
    }

    /** Stops every node; {@link #start()} brings them back on the same ports with the same cluster layout. */
    public synchronized void stop() {
        for (RedisServer node : nodes) {
            node.stop();
        }
    }

    /** Whether every node process is running (not whether the cluster state is ok). */
    public boolean isRunning() {
        return nodes.stream().allMatch(RedisServer::isRunning);
    }

    /** The three master nodes, in slot order: node 0 owns slots 0-5460, node 1 5461-10922, node 2 10923-16383. */
    public List<RedisServer> nodes() {
        return nodes;
    }

    /** {@code host:port} of every node, for a cluster client's seed list. */
    public List<String> seedAddresses() {
        return nodes.stream().map(RedisServer::address).toList();
    }

    /** {@code redis-cluster://127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3}. */
    public URI uri() {
        return URI.create("redis-cluster://" + String.join(",", seedAddresses()));
    }

    /** Runs {@code FLUSHALL} on every node. */
    public void flushAll() {
        for (RedisServer node : nodes) {
            node.flushAll();
        }
    }

    /**
     * Waits until every node runs, reports {@code cluster_state:ok} with all slots assigned, and lists exactly
     * the three masters, each connected and not flagged as failing.
     *
     * @throws IllegalStateException if that does not happen within {@code timeout}; the message says what was
     *         still wrong
     */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String problem = healthProblem();
            if (problem == null) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("Redis cluster " + seedAddresses() + " did not become healthy within "
                        + timeout.toMillis() + " ms: " + problem);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Stops every node and deletes their directories; the cluster cannot be started again. */
    @Override
    public synchronized void close() {
        closed = true;
        RuntimeException failure = null;
        for (RedisServer node : nodes) {
            try {
                node.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "RedisCluster" + nodes;
    }

    private void form() {
        for (int i = 0; i < MASTERS; i++) {
            RedisServer node = nodes.get(i);
            expectOk(node, "CLUSTER", "SET-CONFIG-EPOCH", Integer.toString(i + 1));
            expectOk(node, "CLUSTER", "ADDSLOTSRANGE",
                    Integer.toString(SLOT_RANGES[i][0]), Integer.toString(SLOT_RANGES[i][1]));
        }
        for (int i = 0; i < MASTERS; i++) {
            for (int j = i + 1; j < MASTERS; j++) {
                RedisServer peer = nodes.get(j);
                expectOk(nodes.get(i), "CLUSTER", "MEET", peer.host(),
                        Integer.toString(peer.port()), Integer.toString(peer.busPort()));
            }
        }
    }

    private static void expectOk(RedisServer node, String... command) {
        Object reply = node.command(command);
        if (!"OK".equals(reply)) {
            throw new IllegalStateException(String.join(" ", command) + " on " + node + " answered " + reply);
        }
    }

    /** Returns what keeps the cluster from being healthy, or {@code null} if it is healthy. */
    private String healthProblem() {
        Set<String> expected = new HashSet<>(seedAddresses());
        for (RedisServer node : nodes) {
            if (!node.isRunning()) {
                return node + " is not running";
            }
            String info;
            String known;
            try {
                info = String.valueOf(node.command("CLUSTER", "INFO"));
                known = String.valueOf(node.command("CLUSTER", "NODES"));
            } catch (RuntimeException e) {
                return node + " did not answer: " + e.getMessage();
            }
            Map<String, String> fields = infoFields(info);
            if (!"ok".equals(fields.get("cluster_state"))
                    || !Integer.toString(SLOTS).equals(fields.get("cluster_slots_assigned"))
                    || !Integer.toString(MASTERS).equals(fields.get("cluster_known_nodes"))
                    || !Integer.toString(MASTERS).equals(fields.get("cluster_size"))) {
                return node + " reports " + fields;
            }
            Set<String> masters = new HashSet<>();
            for (String line : known.split("\r?\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.trim().split(" ");
                if (parts.length < 8) {
                    return node + " lists a malformed node: " + line;
                }
                String address = parts[1].split("@", 2)[0];
                Set<String> flags = Set.of(parts[2].split(","));
                boolean sound = flags.contains("master") && !flags.contains("fail") && !flags.contains("fail?")
                        && !flags.contains("handshake") && !flags.contains("noaddr") && "connected".equals(parts[7]);
                if (!sound) {
                    return node + " sees " + line;
                }
                masters.add(address);
            }
            if (!masters.equals(expected)) {
                return node + " knows masters " + masters + " instead of " + expected;
            }
        }
        return null;
    }

    private static Map<String, String> infoFields(String info) {
        Map<String, String> fields = new HashMap<>();
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }
}
