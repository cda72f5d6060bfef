package io.polycache.testsupport;

import static io.polycache.testsupport.Probes.assertPortRefusesConnections;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@RealServers
class RedisClusterTest {

    @Test
    void cluster_reachesStateOk_withThreeMastersOwningAllSlots(RedisCluster cluster) {
        assertEquals(3, cluster.nodes().size());
        Set<Long> ports = new HashSet<>();
        for (RedisServer node : cluster.nodes()) {
            ports.add((long) node.port());
        }
        for (RedisServer node : cluster.nodes()) {
            String info = (String) node.command("CLUSTER", "INFO");
            assertTrue(info.contains("cluster_state:ok"), info);
            assertTrue(info.contains("cluster_slots_assigned:16384"), info);
            assertTrue(info.contains("cluster_known_nodes:3"), info);

            long covered = 0;
            Set<Long> owners = new HashSet<>();
            for (Object range : (List<?>) node.command("CLUSTER", "SLOTS")) {
                List<?> fields = (List<?>) range;
                covered += (Long) fields.get(1) - (Long) fields.get(0) + 1;
                List<?> master = (List<?>) fields.get(2);
                assertEquals("127.0.0.1", master.get(0));
                owners.add((Long) master.get(1));
                assertEquals(3, fields.size(), "no replicas");
            }
            assertEquals(RedisCluster.SLOTS, covered);
            assertEquals(ports, owners);

            String nodes = (String) node.command("CLUSTER", "NODES");
            assertEquals(3, nodes.lines().filter(line -> line.contains("master")).count(), nodes);
        }
    }

    @Test
    void cluster_slotRanges_areSplitInNodeOrder(RedisCluster cluster) {
        List<RedisServer> nodes = cluster.nodes();
        assertEquals(0L, nodes.get(0).command("CLUSTER", "COUNTKEYSINSLOT", "0"));
        assertOwner(nodes, 0, nodes.get(0));
        assertOwner(nodes, 5460, nodes.get(0));
        assertOwner(nodes, 5461, nodes.get(1));
        assertOwner(nodes, 10922, nodes.get(1));
        assertOwner(nodes, 10923, nodes.get(2));
        assertOwner(nodes, 16383, nodes.get(2));
    }

    @Test
    void cluster_keyOnAnotherNode_isRedirectedWithMoved(RedisCluster cluster) {
        List<RedisServer> nodes = cluster.nodes();
        long slot = (Long) nodes.get(0).command("CLUSTER", "KEYSLOT", "foo");
        RedisServer owner = nodes.get(slot <= 5460 ? 0 : slot <= 10922 ? 1 : 2);
        RedisServer other = nodes.get((nodes.indexOf(owner) + 1) % 3);
        assertEquals("OK", owner.command("SET", "foo", "bar"));
        RedisErrorException moved = assertThrows(RedisErrorException.class, () -> other.command("GET", "foo"));
        assertEquals("MOVED", moved.errorCode());
        assertEquals("MOVED " + slot + " " + owner.address(), moved.reply());
    }

    @Test
    void cluster_addresses_listEverySeedNode(RedisCluster cluster) {
        List<String> seeds = cluster.seedAddresses();
        assertEquals(3, seeds.size());
        for (int i = 0; i < 3; i++) {
            assertEquals("127.0.0.1:" + cluster.nodes().get(i).port(), seeds.get(i));
        }
        URI uri = cluster.uri();
        assertEquals("redis-cluster", uri.getScheme());
        assertEquals(URI.create("redis-cluster://" + String.join(",", seeds)), uri);
        assertEquals(String.join(",", seeds), uri.getAuthority());
    }

    @Test
    void cluster_nodeStopAndStart_clusterIsHealthyAgainOnSamePort(RedisCluster cluster) {
        RedisServer node = cluster.nodes().get(1);
        int port = node.port();
        node.stop();
        assertFalse(cluster.isRunning());
        assertPortRefusesConnections(port);
        node.start();
        cluster.awaitHealthy(Duration.ofSeconds(30));
        assertEquals(port, node.port());
        String key = keyInSlots(node, 5461, 10922);
        assertEquals("OK", node.command("SET", key, "v"));
        assertEquals("v", node.command("GET", key));
    }

    @Test
    void cluster_close_stopsEveryNodeAndDeletesTheirDirectories() {
        RedisCluster cluster = RedisCluster.startNew();
        List<Long> pids = cluster.nodes().stream().map(RedisServer::pid).toList();
        List<Path> dirs = cluster.nodes().stream().map(RedisServer::workDir).toList();
        assertTrue(dirs.stream().allMatch(dir -> Files.exists(dir.resolve("nodes.conf"))));
        cluster.close();
        pids.forEach(Probes::assertProcessGone);
        dirs.forEach(dir -> assertFalse(Files.exists(dir), dir + " still exists"));
        cluster.nodes().forEach(node -> assertPortRefusesConnections(node.port()));
        assertThrows(IllegalStateException.class, cluster::start);
    }

    private static String keyInSlots(RedisServer node, long first, long last) {
        for (int i = 0; ; i++) {
            String key = "key-" + i;
            long slot = (Long) node.command("CLUSTER", "KEYSLOT", key);
            if (first <= slot && slot <= last) {
                return key;
            }
        }
    }

    private static void assertOwner(List<RedisServer> nodes, int slot, RedisServer expected) {
        for (Object range : (List<?>) nodes.get(2).command("CLUSTER", "SLOTS")) {
            List<?> fields = (List<?>) range;
            if ((Long) fields.get(0) <= slot && slot <= (Long) fields.get(1)) {
                assertEquals((long) expected.port(), ((List<?>) fields.get(2)).get(1), "owner of slot " + slot);
                return;
            }
        }
        throw new AssertionError("slot " + slot + " has no owner");
    }
}
