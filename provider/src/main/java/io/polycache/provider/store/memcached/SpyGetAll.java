package io.polycache.provider.store.memcached;

import io.polycache.provider.store.Deadlines;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import net.spy.memcached.ops.GetOperation;
import net.spy.memcached.ops.OperationStatus;
import net.spy.memcached.protocol.binary.MultiGetOperationImpl;

/**
 * The GETs of a {@code getAll}: one binary multi-get per server (a quiet GET per key, then a
 * NOOP that ends the answer), so the server answers only the hits and the client handles one
 * operation per server instead of one per key. Each hit keeps its CAS id. One future and one
 * deadline for the whole call: the future completes once every server has answered, or fails
 * with the first failure, naming the server.
 *
 * <p>Hits are recorded on the I/O thread; they are read after the future completed.
 */
final class SpyGetAll extends Deadlines.Tracked {

  private final SharedClient shared;
  private final String cacheName;
  /** Where each key's hit is recorded: its own position, or that of an equal key before it. */
  private final int[] slots;
  private final Map<String, Integer> positions;
  private final int[] flags;
  private final long[] cas;
  private final byte[][] data;
  private final List<ServerGet> parts = new ArrayList<>(1);
  private final AtomicInteger left = new AtomicInteger();
  private final CompletableFuture<SpyGetAll> future = new CompletableFuture<>();

  SpyGetAll(SharedClient shared, String cacheName, List<String> keys) {
    this.shared = shared;
    this.cacheName = cacheName;
    int n = keys.size();
    this.slots = new int[n];
    this.positions = new HashMap<>(n * 4 / 3 + 1);
    for (int i = 0; i < n; i++) {
      Integer earlier = positions.putIfAbsent(keys.get(i), i);
      slots[i] = earlier == null ? i : earlier;
    }
    this.flags = new int[n];
    this.cas = new long[n];
    this.data = new byte[n][];
  }

  /** Adds the multi-get of {@code keys}, which all live on {@code server}; before sending. */
  MultiGets part(String server, Collection<String> keys) {
    ServerGet part = new ServerGet(server, keys.size());
    part.op = new MultiGets(keys, part);
    parts.add(part);
    left.incrementAndGet();
    return part.op;
  }

  CompletableFuture<SpyGetAll> future() {
    return future;
  }

  /** The item bytes found for the {@code index}th key, or {@code null} for a miss. */
  byte[] data(int index) {
    return data[slots[index]];
  }

  int flags(int index) {
    return flags[slots[index]];
  }

  long cas(int index) {
    return cas[slots[index]];
  }

  /** The multi-get of {@code op} could not be sent. */
  void failed(MultiGets op, RuntimeException e) {
    for (ServerGet part : parts) {
      if (part.op == op) {
        fail(SpyCall.unsent(cacheName, part, e));
      }
    }
  }

  private void fail(MemcachedStoreException e) {
    future.completeExceptionally(e);
    settle();
  }

  @Override
  protected boolean isDone() {
    return future.isDone();
  }

  /** Fails the call, naming a server that has not answered, and abandons what is unanswered. */
  @Override
  protected void expire() {
    for (ServerGet part : parts) {
      if (!part.finished) {
        fail(SpyCall.timeout(shared, cacheName, part.server, part.what()));
        SpyCall.abandon(part.op);
      }
    }
  }

  /** spymemcached's binary multi-get, which also tells the CAS id of the hit it reports. */
  static final class MultiGets extends MultiGetOperationImpl {
    private final String routeKey;

    MultiGets(Collection<String> keys, GetOperation.Callback callback) {
      super(keys, callback);
      this.routeKey = keys.iterator().next();
    }

    /** One of its keys: all live on the server the operation goes to. */
    String routeKey() {
      return routeKey;
    }

    /** The CAS id of the answer being read: valid while {@code gotData} runs. */
    long currentCas() {
      return responseCas;
    }
  }

  /** The answer of one server. */
  private final class ServerGet implements GetOperation.Callback, SpySubject {
    private final String server;
    private final int size;
    private MultiGets op;
    private OperationStatus status;
    private volatile boolean finished;

    ServerGet(String server, int size) {
      this.server = server;
      this.size = size;
    }

    @Override
    public String server() {
      return server;
    }

    @Override
    public String what() {
      return "get of " + size + (size == 1 ? " key" : " keys");
    }

    @Override
    public void gotData(String key, int itemFlags, byte[] itemData) {
      Integer position = positions.get(key);
      if (position != null) {
        flags[position] = itemFlags;
        cas[position] = op.currentCas();
        data[position] = itemData;
      }
    }

    @Override
    public void receivedStatus(OperationStatus s) {
      this.status = s;
    }

    @Override
    public void complete() {
      finished = true;
      MemcachedStoreException failure = SpyCall.failure(op, status, shared, cacheName, this);
      if (failure != null) {
        fail(failure);
      } else if (left.decrementAndGet() == 0) {
        future.complete(SpyGetAll.this);
        settle();
      }
    }
  }
}
