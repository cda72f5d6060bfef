package io.polycache.provider.store.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.polycache.provider.store.KeyPage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Walks one cache's keys with {@code SCAN MATCH <prefix>*}, node after node on a cluster.
 *
 * <p>A page costs at most one {@code SCAN}. {@code SCAN}'s {@code COUNT} is only a hint and
 * counts keys looked at, not keys matched, so a step may find more keys than the caller asked
 * for: the surplus rides along in the cursor and makes the next page, with no round trip.
 */
final class KeyScan {

  /** Keys looked at per {@code SCAN} at least, so sparse prefixes need few round trips. */
  static final int MIN_SCAN_COUNT = 100;
  /** Keys looked at per {@code SCAN} at most, so one step never holds the server long. */
  static final int MAX_SCAN_COUNT = 1000;

  /**
   * Where a walk stands: the nodes it visits (fixed when it starts), the node it is on and that
   * node's {@code SCAN} cursor, and keys found but not yet handed out.
   */
  record Cursor(Object owner, List<String> nodes, int node, String position,
      List<byte[]> found) {

    boolean nodesDone() {
      return node >= nodes.size();
    }

    @Override
    public String toString() {
      return "RedisKeyCursor[node " + node + " of " + nodes.size() + ", position " + position
          + ", " + found.size() + " keys found]";
    }
  }

  private final RedisLink link;
  private final byte[] prefix;
  private final byte[] pattern;

  KeyScan(RedisLink link, byte[] prefix) {
    this.link = link;
    this.prefix = prefix;
    this.pattern = pattern(prefix);
  }

  /** The first cursor of a walk. */
  Cursor start(Object owner) {
    return new Cursor(owner, link.scanNodes(), 0, ScanCursor.INITIAL.getCursor(), List.of());
  }

  /** The next page from {@code cursor}; its keys are at most {@code limit}. */
  CompletionStage<KeyPage<Object>> page(Cursor cursor, int limit) {
    if (!cursor.found().isEmpty() || cursor.nodesDone()) {
      return CompletableFuture.completedFuture(handOut(cursor, limit));
    }
    int count = Math.max(MIN_SCAN_COUNT, Math.min(limit, MAX_SCAN_COUNT));
    return step(cursor, count).thenApply(next -> handOut(next, limit));
  }

  /** One {@code SCAN} on the cursor's node; the result holds the matching keys it found. */
  CompletionStage<Cursor> step(Cursor cursor, int count) {
    String node = cursor.nodes().get(cursor.node());
    ScanArgs args = ScanArgs.Builder.matches(pattern).limit(count);
    return link.scan(node, ScanCursor.of(cursor.position()), args).thenApply(result -> {
      List<byte[]> found = new ArrayList<>(cursor.found());
      for (byte[] key : result.getKeys()) {
        if (startsWithPrefix(key)) {
          found.add(key);
        }
      }
      return finished(result)
          ? new Cursor(cursor.owner(), cursor.nodes(), cursor.node() + 1,
              ScanCursor.INITIAL.getCursor(), found)
          : new Cursor(cursor.owner(), cursor.nodes(), cursor.node(), result.getCursor(), found);
    });
  }

  /** The node a failed step ran on, as a message names it. */
  String serverOf(Cursor cursor) {
    return cursor.nodesDone() ? link.servers() : link.serverOfNode(cursor.nodes().get(cursor.node()));
  }

  private static boolean finished(KeyScanCursor<byte[]> result) {
    return result.isFinished() || "0".equals(result.getCursor());
  }

  private static KeyPage<Object> handOut(Cursor cursor, int limit) {
    List<byte[]> found = cursor.found();
    int n = Math.min(limit, found.size());
    List<Object> keys = new ArrayList<>(found.subList(0, n));
    List<byte[]> rest = List.copyOf(found.subList(n, found.size()));
    boolean last = rest.isEmpty() && cursor.nodesDone();
    return new KeyPage<>(keys, last ? null
        : new Cursor(cursor.owner(), cursor.nodes(), cursor.node(), cursor.position(), rest));
  }

  private boolean startsWithPrefix(byte[] key) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** {@code prefix*}, with any glob character of the prefix escaped. */
  private static byte[] pattern(byte[] prefix) {
    byte[] pattern = new byte[prefix.length * 2 + 1];
    int n = 0;
    for (byte b : prefix) {
      if (b == '*' || b == '?' || b == '[' || b == ']' || b == '\\') {
        pattern[n++] = '\\';
      }
      pattern[n++] = b;
    }
    pattern[n++] = '*';
    return Arrays.copyOf(pattern, n);
  }
}
