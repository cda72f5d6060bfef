package io.polycache.provider.store.memcached;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import net.spy.memcached.ConnectionFactory;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.ops.Operation;
import net.spy.memcached.ops.StoreType;

/**
 * The backend's one {@link MemcachedClient}, with entry points that take an operation callback
 * ({@link SpyCall}) instead of returning an {@code OperationFuture}. The operations are the
 * client's own binary-protocol ones, sent through its connection, so routing (ketama), failure
 * mode, reconnection and authentication stay spymemcached's.
 */
final class SpyClient extends MemcachedClient {

  SpyClient(ConnectionFactory factory, List<InetSocketAddress> servers) throws IOException {
    super(factory, servers);
  }

  /** Binary GET, which answers with the CAS id. */
  void gets(String key, SpyCall call) {
    send(key, opFact.gets(key, call), call);
  }

  /** Binary ADD / SET / REPLACE. */
  void store(StoreType type, String key, int exptime, byte[] item, SpyCall call) {
    send(key, opFact.store(type, key, ItemFormat.FLAGS, exptime, item, call), call);
  }

  /** Binary SET with a CAS id: stores only if the item still has that CAS id. */
  void cas(String key, long cas, int exptime, byte[] item, SpyCall call) {
    send(key, opFact.cas(StoreType.set, key, cas, ItemFormat.FLAGS, exptime, item, call), call);
  }

  /** Binary DELETE, with a CAS id unless {@code cas} is 0. */
  void delete(String key, long cas, SpyCall call) {
    send(key, opFact.delete(key, cas, call), call);
  }

  /** A binary multi-get; its keys all live on one server. */
  void getAll(SpyGetAll.MultiGets op) {
    mconn.enqueueOperation(op.routeKey(), op);
  }

  private void send(String key, Operation op, SpyCall call) {
    call.started(op);
    mconn.enqueueOperation(key, op);
  }
}
