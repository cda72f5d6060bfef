package io.polycache.provider.store.redis;

import io.lettuce.core.api.StatefulConnection;
import io.polycache.provider.store.Backend;
import io.polycache.provider.store.StoreSpec;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Redis backend of one CacheManager: one Lettuce client (standalone, Sentinel or Cluster)
 * with one multiplexed connection that every cache of the manager shares, each cache in its own
 * {@link RedisStore}.
 *
 * <p>The connection is opened on first use, not by {@link #create}: a manager can be created
 * while Redis is down, and its first operations then fail within the connect timeout until
 * Redis answers. Once open, the connection reconnects by itself; commands sent while it is down
 * fail at once, and no command waits longer than the command timeout.
 *
 * <p>URI forms (the password may instead come from the {@code polycache.redis.password}
 * property):
 * <ul>
 *   <li>{@code redis://[[user]:password@]host[:port][/database]}; {@code rediss://} for TLS</li>
 *   <li>{@code redis-sentinel://[[user]:password@]host[:port][,host[:port]...][/database]
 *       ?sentinelMasterId=name} (or {@code #name}); {@code rediss-sentinel://} for TLS</li>
 *   <li>{@code redis-cluster://[[user]:password@]host[:port][,host[:port]...]};
 *       {@code rediss-cluster://} for TLS</li>
 * </ul>
 * Options, as query parameters or as properties named {@code polycache.redis.<option>} (the URI
 * wins when both are given): {@code timeout}, {@code connectTimeout} (durations such as
 * {@code 500ms}, {@code 2s}, {@code PT1M}, or plain milliseconds), {@code sentinelMasterId},
 * {@code sentinelPassword}, {@code clientName}, {@code verifyPeer} ({@code full}, {@code ca},
 * {@code none}); as properties only: {@code username}, {@code password}, {@code database}.
 *
 * <p>Neither {@link #toString()} nor any exception message contains a password.
 */
public final class RedisBackend implements Backend {

  /** The command timeout when none is configured. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  /** The connect timeout when none is configured. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /** Properties named this followed by an option name configure the backend. */
  public static final String PROPERTY_PREFIX = "polycache.redis.";

  private final RedisConnector connector;

  private RedisBackend(RedisSettings settings) {
    this.connector = new RedisConnector(settings);
  }

  /**
   * Creates a backend for {@code uri}; connects on first use.
   *
   * @param uri a {@code redis}, {@code rediss}, {@code redis-sentinel}, {@code rediss-sentinel},
   *     {@code redis-cluster} or {@code rediss-cluster} URI; query options other than the ones
   *     listed above are ignored here (other layers read them)
   * @param properties further options as {@code polycache.redis.*}; may be null
   * @throws IllegalArgumentException when the URI or an option is malformed; the message never
   *     contains the password
   */
  public static RedisBackend create(URI uri, Properties properties) {
    return new RedisBackend(RedisUriParser.parse(uri, properties));
  }

  @Override
  public boolean supportsStoreByReference() {
    return false;
  }

  @Override
  public boolean storesBytes() {
    return true;
  }

  /**
   * Opens the store of one cache on the shared connection. The store reads "now" from the
   * cache's configured clock to turn expiry times into Redis time-to-live values.
   */
  @Override
  public RedisStore open(StoreSpec spec) {
    if (connector.isClosed()) {
      throw new IllegalStateException("The Redis backend " + connector.settings().describe()
          + " is closed");
    }
    if (spec.keyPrefix().length == 0) {
      throw new IllegalArgumentException("Cache " + spec.cacheName() + ": a Redis store needs a"
          + " key prefix, or clear() would remove other caches' keys");
    }
    Clock clock = spec.configuration().getClockFactory().create();
    return new RedisStore(connector, spec.cacheName(), spec.keyPrefix(), clock);
  }

  /**
   * The shared native connection, opened first if needed: a
   * {@code StatefulRedisConnection<byte[], byte[]>}, or a
   * {@code StatefulRedisClusterConnection<byte[], byte[]>} for a cluster. Waits at most the
   * connect timeout plus the command timeout; do not call it on a Lettuce I/O thread.
   *
   * @throws RedisStoreException when no connection can be opened
   */
  public StatefulConnection<byte[], byte[]> connection() {
    RedisSettings settings = connector.settings();
    long waitMillis = settings.connectTimeout().plus(settings.timeout()).toMillis();
    try {
      return connectionAsync().get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedisStoreException("Interrupted while connecting to " + settings.servers(), e);
    } catch (ExecutionException e) {
      throw new Failures("Redis backend", settings).of("connect", settings.servers(), null, e);
    } catch (TimeoutException e) {
      throw new RedisStoreException("Could not connect to " + settings.servers() + " within "
          + waitMillis + " ms", e);
    }
  }

  /**
   * The shared native connection, once open; see {@link #connection()}. Completes
   * exceptionally with a {@link RedisStoreException} when no connection can be opened.
   */
  public CompletableFuture<StatefulConnection<byte[], byte[]>> connectionAsync() {
    CompletableFuture<StatefulConnection<byte[], byte[]>> result = new CompletableFuture<>();
    connector.link().whenComplete((link, failure) -> {
      if (failure != null) {
        RedisSettings settings = connector.settings();
        result.completeExceptionally(new Failures("Redis backend", settings)
            .of("connect", settings.servers(), null, failure));
      } else {
        result.complete(link.connection());
      }
    });
    return result;
  }

  /** Closes the connection and the client's threads (waiting a few seconds at most). */
  @Override
  public void close() {
    connector.close();
  }

  /** The backend's URI without its password, and its timeouts. */
  @Override
  public String toString() {
    return "RedisBackend[" + connector.settings() + "]";
  }

  /** This backend, or {@link #connection}: the shared Lettuce connection ({@code StatefulConnection<byte[], byte[]>}; a cluster's is a {@code StatefulRedisClusterConnection}). */
  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    Object nativeClient = connection();
    if (clazz.isInstance(nativeClient)) {
      return clazz.cast(nativeClient);
    }
    throw new IllegalArgumentException(getClass().getSimpleName() + " has no native client of type "
        + clazz.getName());
  }
}
