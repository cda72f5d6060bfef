package io.polycache.benchmarks.client;

import io.polycache.benchmarks.Dataset.KeySet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.MemcachedClient;

/**
 * The Memcached targets: Polycache and raw spymemcached (the limit), each synchronous and
 * asynchronous. spymemcached speaks the binary protocol here, as Polycache's client does, and
 * stores strings as UTF-8 with its default transcoder.
 */
public final class MemcachedClients {

  public static final String POLYCACHE = "polycache";
  public static final String SPYMEMCACHED = "spymemcached";

  private MemcachedClients() {}

  public static SyncClient sync(String target) {
    InetSocketAddress memcached = Endpoints.memcached();
    return switch (target) {
      case POLYCACHE -> RemoteCaches.polycacheSync(uri(memcached));
      case SPYMEMCACHED -> new SpySync(spy(memcached));
      default -> throw new IllegalArgumentException("unknown Memcached target " + target);
    };
  }

  public static AsyncClient async(String target) {
    InetSocketAddress memcached = Endpoints.memcached();
    return switch (target) {
      case POLYCACHE -> RemoteCaches.polycacheAsync(uri(memcached));
      case SPYMEMCACHED -> new SpyAsync(spy(memcached));
      default -> throw new IllegalArgumentException("unknown Memcached target " + target);
    };
  }

  private static URI uri(InetSocketAddress memcached) {
    return URI.create("memcached://" + Endpoints.hostAndPort(memcached));
  }

  private static MemcachedClient spy(InetSocketAddress memcached) {
    try {
      return new MemcachedClient(
          new ConnectionFactoryBuilder()
              .setProtocol(ConnectionFactoryBuilder.Protocol.BINARY)
              .setDaemon(true)
              .build(),
          List.of(new InetSocketAddress(memcached.getHostString(), memcached.getPort())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect spymemcached to " + memcached, e);
    }
  }

  private static void setAll(MemcachedClient client, Map<String, String> entries) {
    List<Future<Boolean>> stored = new ArrayList<>(entries.size());
    entries.forEach((key, value) -> stored.add(client.set(key, 0, value)));
    for (Future<Boolean> future : stored) {
      if (!Boolean.TRUE.equals(await(future))) {
        throw new IllegalStateException("memcached did not store a preloaded entry");
      }
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** spymemcached's blocking calls; a {@code set} is its future, awaited. */
  private static final class SpySync implements SyncClient {
    private final MemcachedClient client;

    SpySync(MemcachedClient client) {
      this.client = client;
    }

    @Override
    public Object get(String key) {
      return client.get(key);
    }

    @Override
    public void put(String key, String value) {
      await(client.set(key, 0, value));
    }

    @Override
    public Object getAll(KeySet keys) {
      return client.getBulk(keys.list());
    }

    @Override
    public void preload(Map<String, String> entries) {
      setAll(client, entries);
    }

    @Override
    public void close() {
      client.shutdown();
    }
  }

  /** spymemcached's futures: {@code GetFuture}, {@code OperationFuture}, {@code BulkFuture}. */
  private static final class SpyAsync implements AsyncClient {
    private final MemcachedClient client;

    SpyAsync(MemcachedClient client) {
      this.client = client;
    }

    @Override
    public Future<?> get(String key) {
      return client.asyncGet(key);
    }

    @Override
    public Future<?> put(String key, String value) {
      return client.set(key, 0, value);
    }

    @Override
    public Future<?> getAll(KeySet keys) {
      return client.asyncGetBulk(keys.list());
    }

    @Override
    public void preload(Map<String, String> entries) {
      setAll(client, entries);
    }

    @Override
    public void close() {
      client.shutdown();
    }
  }
}
