package io.polycache.benchmarks.client;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.polycache.benchmarks.Dataset.KeySet;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Future;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.redisson.Redisson;
import org.redisson.api.CacheAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.jcache.configuration.RedissonConfiguration;

/**
 * The Redis targets: Polycache, raw Lettuce on one shared connection (the limit) and Redisson's
 * JCache, each synchronous and asynchronous. All use UTF-8 string values.
 */
public final class RedisClients {

  public static final String POLYCACHE = "polycache";
  public static final String LETTUCE = "lettuce";
  public static final String REDISSON_JCACHE = "redisson-jcache";

  private RedisClients() {}

  public static SyncClient sync(String target) {
    InetSocketAddress redis = Endpoints.redis();
    return switch (target) {
      case POLYCACHE -> RemoteCaches.polycacheSync(uri(redis));
      case LETTUCE -> new LettuceSync(redis);
      case REDISSON_JCACHE -> redissonSync(redis);
      default -> throw new IllegalArgumentException("unknown Redis target " + target);
    };
  }

  public static AsyncClient async(String target) {
    InetSocketAddress redis = Endpoints.redis();
    return switch (target) {
      case POLYCACHE -> RemoteCaches.polycacheAsync(uri(redis));
      case LETTUCE -> new LettuceAsync(redis);
      case REDISSON_JCACHE -> redissonAsync(redis);
      default -> throw new IllegalArgumentException("unknown Redis target " + target);
    };
  }

  private static URI uri(InetSocketAddress redis) {
    return URI.create("redis://" + Endpoints.hostAndPort(redis));
  }

  private static SyncClient redissonSync(InetSocketAddress redis) {
    RedissonClient redisson = redisson(redis);
    CacheManager manager = Providers.redisson().getCacheManager();
    Cache<String, String> cache = redissonCache(redisson, manager);
    return new JCacheSyncClient(cache, () -> {
      Closing.close(manager);
      redisson.shutdown();
    });
  }

  private static AsyncClient redissonAsync(InetSocketAddress redis) {
    RedissonClient redisson = redisson(redis);
    CacheManager manager = Providers.redisson().getCacheManager();
    return new RedissonAsync(redissonCache(redisson, manager), () -> {
      Closing.close(manager);
      redisson.shutdown();
    });
  }

  private static RedissonClient redisson(InetSocketAddress redis) {
    Config config = new Config();
    config.setCodec(StringCodec.INSTANCE);
    config.useSingleServer().setAddress("redis://" + Endpoints.hostAndPort(redis));
    return Redisson.create(config);
  }

  private static Cache<String, String> redissonCache(RedissonClient redisson,
      CacheManager manager) {
    MutableConfiguration<String, String> jcache =
        new MutableConfiguration<String, String>().setTypes(String.class, String.class);
    return manager.createCache(Providers.CACHE_NAME,
        RedissonConfiguration.fromInstance(redisson, jcache));
  }

  /** Lettuce's blocking commands on one connection that both benchmark threads share. */
  private static final class LettuceSync implements SyncClient {
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> commands;

    LettuceSync(InetSocketAddress redis) {
      this.client = RedisClient.create(RedisURI.create(redis.getHostString(), redis.getPort()));
      this.connection = client.connect();
      this.commands = connection.sync();
    }

    @Override
    public Object get(String key) {
      return commands.get(key);
    }

    @Override
    public void put(String key, String value) {
      commands.set(key, value);
    }

    @Override
    public Object getAll(KeySet keys) {
      return commands.mget(keys.array());
    }

    @Override
    public void preload(Map<String, String> entries) {
      commands.mset(entries);
    }

    @Override
    public void close() {
      Closing.close(connection);
      client.shutdown();
    }
  }

  /** Lettuce's asynchronous commands on one shared connection: pipelined by design. */
  private static final class LettuceAsync implements AsyncClient {
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> commands;

    LettuceAsync(InetSocketAddress redis) {
      this.client = RedisClient.create(RedisURI.create(redis.getHostString(), redis.getPort()));
      this.connection = client.connect();
      this.commands = connection.async();
    }

    @Override
    public Future<?> get(String key) {
      return commands.get(key);
    }

    @Override
    public Future<?> put(String key, String value) {
      return commands.set(key, value);
    }

    @Override
    public Future<?> getAll(KeySet keys) {
      return commands.mget(keys.array());
    }

    @Override
    public void preload(Map<String, String> entries) {
      connection.sync().mset(entries);
    }

    @Override
    public void close() {
      Closing.close(connection);
      client.shutdown();
    }
  }

  /** Redisson's {@code CacheAsync} view of its JCache: every call returns an {@code RFuture}. */
  private static final class RedissonAsync implements AsyncClient {
    private final Cache<String, String> cache;
    private final CacheAsync<String, String> async;
    private final AutoCloseable owner;

    @SuppressWarnings("unchecked")
    RedissonAsync(Cache<String, String> cache, AutoCloseable owner) {
      this.cache = cache;
      this.async = cache.unwrap(CacheAsync.class);
      this.owner = owner;
    }

    @Override
    public Future<?> get(String key) {
      return async.getAsync(key);
    }

    @Override
    public Future<?> put(String key, String value) {
      return async.putAsync(key, value);
    }

    @Override
    public Future<?> getAll(KeySet keys) {
      return async.getAllAsync(keys.set());
    }

    @Override
    public void preload(Map<String, String> entries) {
      cache.putAll(entries);
    }

    @Override
    public void close() {
      Closing.close(owner);
    }
  }
}
