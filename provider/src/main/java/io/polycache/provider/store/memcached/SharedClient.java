package io.polycache.provider.store.memcached;

import io.polycache.provider.store.Deadlines;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.ConnectionObserver;
import net.spy.memcached.DefaultHashAlgorithm;
import net.spy.memcached.FailureMode;
import net.spy.memcached.MemcachedNode;
import net.spy.memcached.NodeLocator;
import net.spy.memcached.auth.AuthDescriptor;
import net.spy.memcached.auth.PlainCallbackHandler;
import net.spy.memcached.ops.StoreType;

/**
 * What all stores of one backend share: the one spymemcached client (binary protocol, ketama
 * consistent hashing over several servers, failure mode {@code Cancel}), the {@link Deadlines}
 * that fail operations after the timeout (on one timer thread), and a small daemon pool for the
 * blocking key dumps.
 *
 * <p>With a single server every key goes to it, so the client skips ketama's MD5 of each key
 * and uses the plain locator; the servers a key maps to are the same either way.
 *
 * <p>Failure mode {@code Cancel}: an operation for a key whose server is down fails at once
 * (naming the server); keys on the other servers keep working. {@code Redistribute} would move
 * those keys to another server while it is down and serve the stale copies again when it comes
 * back, which breaks compare-and-set, and {@code Retry} would queue them until the timeout.
 * Since {@code Cancel} also fails operations sent before a connection is first established,
 * {@link #connect} waits (at most the timeout) for the initial connections.
 *
 * <p>Sending never blocks on a full queue (the per-server input queues are unbounded; callers
 * bound what they send, as {@code clear()} does). One spymemcached wait remains: with SASL
 * credentials, an operation sent while its connection is (re)authenticating waits for the
 * authentication on the sending thread, at most the timeout.
 */
final class SharedClient implements AutoCloseable {

  private static final int MAX_BUSY_RETRIES = 40;
  private static final long BUSY_RETRY_MILLIS = 50;

  private final MemcachedOptions options;
  private final List<InetSocketAddress> addresses;
  private final Map<SocketAddress, String> names;
  private final SpyClient client;
  private final NodeLocator locator;
  private final ScheduledThreadPoolExecutor timer;
  private final Deadlines deadlines;
  private final ExecutorService admin;
  private final long timeoutMillis;
  private volatile boolean closed;

  private SharedClient(MemcachedOptions options, List<InetSocketAddress> addresses,
      Map<SocketAddress, String> names, SpyClient client, ScheduledThreadPoolExecutor timer,
      ExecutorService admin) {
    this.options = options;
    this.addresses = addresses;
    this.names = names;
    this.client = client;
    this.locator = client.getNodeLocator();
    this.timer = timer;
    this.admin = admin;
    this.timeoutMillis = Math.max(1, options.timeout().toMillis());
    this.deadlines = new Deadlines(timer, timeoutMillis);
  }

  /**
   * Creates the client and waits (at most the timeout) until every server is connected. A server
   * that is down is not an error here: its keys fail until the client reconnects to it.
   */
  static SharedClient connect(MemcachedOptions options) {
    Map<SocketAddress, String> names = new LinkedHashMap<>();
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (String server : options.servers()) {
      int colon = server.lastIndexOf(':');
      String host = server.substring(0, colon);
      if (host.startsWith("[")) {
        host = host.substring(1, host.length() - 1);
      }
      InetSocketAddress address = new InetSocketAddress(host,
          Integer.parseInt(server.substring(colon + 1)));
      if (address.isUnresolved()) {
        throw new IllegalArgumentException("Cannot resolve the memcached host " + host);
      }
      addresses.add(address);
      names.put(address, server);
    }
    Set<SocketAddress> connected = ConcurrentHashMap.newKeySet();
    CountDownLatch allConnected = new CountDownLatch(1);
    ConnectionObserver observer = new ConnectionObserver() {
      @Override
      public void connectionEstablished(SocketAddress address, int reconnectCount) {
        if (connected.add(address) && connected.size() >= addresses.size()) {
          allConnected.countDown();
        }
      }

      @Override
      public void connectionLost(SocketAddress address) {
        // the client reconnects by itself
      }
    };
    long timeoutMillis = Math.max(1, options.timeout().toMillis());
    ConnectionFactoryBuilder builder = new ConnectionFactoryBuilder()
        .setProtocol(ConnectionFactoryBuilder.Protocol.BINARY)
        .setLocatorType(addresses.size() == 1 ? ConnectionFactoryBuilder.Locator.ARRAY_MOD
            : ConnectionFactoryBuilder.Locator.CONSISTENT)
        .setHashAlg(addresses.size() == 1 ? DefaultHashAlgorithm.NATIVE_HASH
            : DefaultHashAlgorithm.KETAMA_HASH)
        .setFailureMode(FailureMode.Cancel)
        .setOpTimeout(timeoutMillis)
        .setOpQueueFactory(LinkedTransferQueue::new)
        .setOpQueueMaxBlockTime(timeoutMillis)
        .setAuthWaitTime(timeoutMillis)
        .setMaxReconnectDelay(Math.max(1, (options.maxReconnectDelay().toMillis() + 999) / 1000))
        .setDaemon(true)
        .setInitialObservers(List.of(observer));
    if (options.username() != null) {
      builder.setAuthDescriptor(new AuthDescriptor(new String[] {"PLAIN"},
          new PlainCallbackHandler(options.username(), options.password())));
    }
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
        daemon("polycache-memcached-timer"));
    int dumpThreads = Math.max(2, 2 * addresses.size());
    ThreadPoolExecutor admin = new ThreadPoolExecutor(dumpThreads, dumpThreads, 30,
        TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon("polycache-memcached-keys"));
    admin.allowCoreThreadTimeOut(true);
    SpyClient client;
    try {
      client = new SpyClient(builder.build(), addresses);
    } catch (IOException | RuntimeException e) {
      timer.shutdownNow();
      admin.shutdownNow();
      throw new MemcachedStoreException("Cannot create the memcached client for "
          + options.describe() + ": " + e.getMessage(), e);
    }
    try {
      allConnected.await(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new SharedClient(options, List.copyOf(addresses), names, client, timer, admin);
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  SpyClient client() {
    return client;
  }

  MemcachedOptions options() {
    return options;
  }

  boolean isClosed() {
    return closed;
  }

  long timeoutMillis() {
    return timeoutMillis;
  }

  /** The server ({@code host:port} as configured) that holds {@code key}. */
  String serverOf(String key) {
    try {
      MemcachedNode node = locator.getPrimary(key);
      return name(node.getSocketAddress());
    } catch (RuntimeException e) {
      return String.join(",", options.servers());
    }
  }

  private String name(SocketAddress address) {
    String name = names.get(address);
    if (name != null) {
      return name;
    }
    if (address instanceof InetSocketAddress inet) {
      return inet.getHostString() + ":" + inet.getPort();
    }
    return String.valueOf(address);
  }

  // ------------------------------------------------------------------------------ operations

  CompletableFuture<SpyCall> gets(String cacheName, String key) {
    return call(cacheName, "get", key, c -> client.gets(key, c), Function.identity());
  }

  /** A GET whose future completes with {@code answer} applied to the call, on the I/O thread. */
  <T> CompletableFuture<T> gets(String cacheName, String key, Function<SpyCall, T> answer) {
    return call(cacheName, "get", key, c -> client.gets(key, c), answer);
  }

  CompletableFuture<SpyCall> store(String cacheName, StoreType type, String key, int exptime,
      byte[] item) {
    return call(cacheName, type.name(), key, c -> client.store(type, key, exptime, item, c),
        Function.identity());
  }

  /** A store whose future completes with {@code answer} applied to the call, on the I/O thread. */
  <T> CompletableFuture<T> store(String cacheName, StoreType type, String key, int exptime,
      byte[] item, Function<SpyCall, T> answer) {
    return call(cacheName, type.name(), key, c -> client.store(type, key, exptime, item, c),
        answer);
  }

  CompletableFuture<SpyCall> cas(String cacheName, String key, long cas, int exptime,
      byte[] item) {
    return call(cacheName, "cas", key, c -> client.cas(key, cas, exptime, item, c),
        Function.identity());
  }

  CompletableFuture<SpyCall> delete(String cacheName, String key, long cas) {
    return call(cacheName, "delete", key, c -> client.delete(key, cas, c), Function.identity());
  }

  /**
   * GETs (with CAS ids) of {@code keys}: one multi-get per server, all sent before any answer is
   * awaited. Equal keys are read once.
   */
  CompletableFuture<SpyGetAll> getAll(String cacheName, List<String> keys) {
    if (closed) {
      return Stages.failed(closedException(cacheName));
    }
    SpyGetAll call = new SpyGetAll(this, cacheName, keys);
    List<SpyGetAll.MultiGets> ops = new ArrayList<>(1);
    if (addresses.size() == 1) {
      ops.add(call.part(options.servers().get(0), keys));
    } else {
      Map<MemcachedNode, List<String>> byServer = new LinkedHashMap<>();
      for (String key : keys) {
        byServer.computeIfAbsent(locator.getPrimary(key), node -> new ArrayList<>()).add(key);
      }
      for (Map.Entry<MemcachedNode, List<String>> server : byServer.entrySet()) {
        ops.add(call.part(name(server.getKey().getSocketAddress()), server.getValue()));
      }
    }
    deadlines.add(call);
    for (SpyGetAll.MultiGets op : ops) {
      try {
        client.getAll(op);
      } catch (RuntimeException e) {
        call.failed(op, e);
      }
    }
    return call.future();
  }

  private <T> CompletableFuture<T> call(String cacheName, String command, String key,
      Consumer<SpyCall> send, Function<SpyCall, T> answer) {
    if (closed) {
      return Stages.failed(closedException(cacheName));
    }
    SpyCall call = new SpyCall(this, cacheName, command, key, answer);
    deadlines.add(call);
    try {
      send.accept(call);
    } catch (RuntimeException e) {
      call.failed(e);
    }
    return call.future();
  }

  // ---------------------------------------------------------------------------- key listing

  /**
   * The memcached keys starting with {@code storePrefix} on every server (see {@link Metadump}
   * for the limits). Fails, naming the server, if any server cannot be listed: a partial list
   * would let {@code clear()} leave entries behind silently.
   */
  CompletableFuture<List<String>> listKeys(String cacheName, String storePrefix) {
    List<CompletableFuture<List<String>>> parts = new ArrayList<>(addresses.size());
    for (InetSocketAddress address : addresses) {
      parts.add(dump(cacheName, address, storePrefix, 1));
    }
    return Stages.map(Stages.all(parts), lists -> {
      Set<String> keys = new LinkedHashSet<>();
      for (List<String> list : lists) {
        keys.addAll(list);
      }
      return List.copyOf(keys);
    });
  }

  private CompletableFuture<List<String>> dump(String cacheName, InetSocketAddress address,
      String storePrefix, int attempt) {
    CompletableFuture<List<String>> result = new CompletableFuture<>();
    String name = name(address);
    Runnable task = () -> {
      try {
        result.complete(Metadump.keys(address, name, (int) Math.min(Integer.MAX_VALUE,
            timeoutMillis), storePrefix));
      } catch (Metadump.Busy busy) {
        if (attempt >= MAX_BUSY_RETRIES || closed) {
          result.completeExceptionally(new MemcachedStoreException("Cache '" + cacheName
              + "': memcached server " + name + " stayed busy with another lru_crawler request ("
              + busy.getMessage() + ") for " + attempt + " attempts; try again later"));
          return;
        }
        try {
          timer.schedule(() -> Stages.relay(dump(cacheName, address, storePrefix, attempt + 1),
              result), BUSY_RETRY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
          result.completeExceptionally(closedException(cacheName));
        }
      } catch (MemcachedStoreException e) {
        result.completeExceptionally(new MemcachedStoreException("Cache '" + cacheName + "': "
            + e.getMessage(), e));
      } catch (IOException | RuntimeException e) {
        result.completeExceptionally(new MemcachedStoreException("Cache '" + cacheName
            + "': cannot list the keys of memcached server " + name + ": " + e, e));
      }
    };
    if (closed) {
      result.completeExceptionally(closedException(cacheName));
      return result;
    }
    try {
      admin.execute(task);
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(closedException(cacheName));
    }
    return result;
  }

  private static MemcachedStoreException closedException(String cacheName) {
    return new MemcachedStoreException("Cache '" + cacheName
        + "': the memcached backend is closed");
  }

  /**
   * Shuts the client down, waiting at most the timeout for operations in flight; operations that
   * still have no answer then fail, saying the backend was closed.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      client.shutdown(timeoutMillis, TimeUnit.MILLISECONDS);
    } finally {
      timer.shutdown();
      admin.shutdown();
      deadlines.expireAll();
    }
  }
}
