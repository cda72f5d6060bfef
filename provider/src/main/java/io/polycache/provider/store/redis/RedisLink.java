package io.polycache.provider.store.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.ValueListOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One open connection of a backend, with what differs between a single server (standalone or
 * found through Sentinel) and a cluster: which nodes a key walk visits, and which server to
 * name when a command fails. Both kinds offer the same asynchronous command interface; on a
 * cluster Lettuce routes each command by the slot of its key.
 */
sealed interface RedisLink permits RedisLink.Single, RedisLink.Cluster {

  /** The native connection (escape hatch). */
  StatefulConnection<byte[], byte[]> connection();

  /** The asynchronous commands of the connection; never blocks the caller. */
  RedisClusterAsyncCommands<byte[], byte[]> commands();

  /**
   * The values of {@code keys} in the order asked, {@code null} where a key holds none: one
   * {@code MGET} (on a cluster, Lettuce sends one per hash slot and merges the replies).
   */
  CompletableFuture<List<byte[]>> mget(byte[][] keys);

  /** The nodes that hold keys, in the order a key walk visits them. */
  List<String> scanNodes();

  /** One {@code SCAN} step on {@code node}, one of {@link #scanNodes()}. */
  CompletionStage<KeyScanCursor<byte[]>> scan(String node, ScanCursor cursor, ScanArgs args);

  /** The server holding {@code key}, as a message names it. */
  String serverOf(byte[] key);

  /** The server {@code node} names, as a message names it. */
  String serverOfNode(String node);

  /** All servers, as a message names them. */
  String servers();

  /** A standalone server, or the master that the sentinels point to. */
  record Single(StatefulRedisConnection<byte[], byte[]> connection, String servers)
      implements RedisLink {

    private static final List<String> NODES = List.of("");

    @Override
    public RedisClusterAsyncCommands<byte[], byte[]> commands() {
      return connection.async();
    }

    /** The reply's values alone: no key-value pair per key, as Lettuce's {@code mget} makes. */
    @Override
    public CompletableFuture<List<byte[]>> mget(byte[][] keys) {
      return connection.async().dispatch(CommandType.MGET,
          new ValueListOutput<>(ByteArrayCodec.INSTANCE),
          new CommandArgs<>(ByteArrayCodec.INSTANCE).addKeys(keys)).toCompletableFuture();
    }

    @Override
    public List<String> scanNodes() {
      return NODES;
    }

    @Override
    public CompletionStage<KeyScanCursor<byte[]>> scan(String node, ScanCursor cursor,
        ScanArgs args) {
      return connection.async().scan(cursor, args);
    }

    @Override
    public String serverOf(byte[] key) {
      return servers;
    }

    @Override
    public String serverOfNode(String node) {
      return servers;
    }
  }

  /** A Redis Cluster: every master is scanned, and a key's server is its slot's master. */
  record Cluster(StatefulRedisClusterConnection<byte[], byte[]> connection, String servers)
      implements RedisLink {

    @Override
    public RedisClusterAsyncCommands<byte[], byte[]> commands() {
      return connection.async();
    }

    @Override
    public CompletableFuture<List<byte[]>> mget(byte[][] keys) {
      return connection.async().mget(keys).toCompletableFuture().thenApply(found -> {
        List<byte[]> values = new ArrayList<>(found.size());
        for (KeyValue<byte[], byte[]> value : found) {
          values.add(value.getValueOrElse(null));
        }
        return values;
      });
    }

    @Override
    public List<String> scanNodes() {
      List<String> masters = new ArrayList<>();
      for (RedisClusterNode node : connection.getPartitions()) {
        if (node.is(RedisClusterNode.NodeFlag.UPSTREAM) && !node.hasNoSlots()) {
          masters.add(node.getNodeId());
        }
      }
      if (masters.isEmpty()) {
        throw new IllegalStateException("the cluster reports no master that serves slots");
      }
      return masters;
    }

    @Override
    public CompletionStage<KeyScanCursor<byte[]>> scan(String node, ScanCursor cursor,
        ScanArgs args) {
      return connection.getConnectionAsync(node)
          .thenCompose(nodeConnection -> nodeConnection.async().scan(cursor, args));
    }

    @Override
    public String serverOf(byte[] key) {
      RedisClusterNode node = connection.getPartitions().getPartitionBySlot(SlotHash.getSlot(key));
      return node == null ? servers : describe(node);
    }

    @Override
    public String serverOfNode(String node) {
      RedisClusterNode known = connection.getPartitions().getPartitionByNodeId(node);
      return known == null ? servers + " (node " + node + ")" : describe(known);
    }

    private static String describe(RedisClusterNode node) {
      return "Redis Cluster node " + node.getUri().getHost() + ":" + node.getUri().getPort();
    }
  }
}
