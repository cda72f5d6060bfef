package io.polycache.provider.store.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.polycache.provider.store.Deadlines;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Owns a backend's Lettuce client and its one multiplexed connection, opened on first use.
 *
 * <p>Opening lazily means a CacheManager can be created while Redis is down: the first
 * operations fail within the connect timeout, and a later one connects. Once open, Lettuce
 * reconnects by itself: for Sentinel it asks the sentinels for the current master on every
 * attempt; for a cluster Lettuce's adaptive topology refresh (on by default) reacts to
 * redirects and reconnects, and a periodic refresh catches what those miss. Every command is
 * bounded by the command timeout ({@link #track}: the backend's {@link Deadlines}, one sweep
 * on one timer thread, instead of Lettuce's timer task per command), so a dead server costs a
 * caller at most that timeout. A single-server connection rejects commands at once while it is
 * down; a cluster connection lets them wait (within the timeout), because Lettuce opens its
 * per-node connections lazily and would otherwise reject the first command sent to each node.
 */
final class RedisConnector {

  /** The longest pause between two reconnect attempts; short, so recovery is noticed soon. */
  static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

  private static final Duration CLUSTER_REFRESH_PERIOD = Duration.ofSeconds(30);
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

  private final RedisSettings settings;
  private final ClientResources resources;
  private final RedisClient client;
  private final RedisClusterClient clusterClient;
  private final Object lock = new Object();
  private final ScheduledThreadPoolExecutor timer;
  private final Deadlines deadlines;
  private final long timeoutMillis;

  private volatile RedisLink link;
  private CompletableFuture<RedisLink> opening;
  private boolean closed;

  RedisConnector(RedisSettings settings) {
    this.settings = settings;
    this.resources = DefaultClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(1), MAX_RECONNECT_DELAY, 2,
            TimeUnit.MILLISECONDS))
        .nettyCustomizer(new SharedFlushes())
        .build();
    SocketOptions socket = SocketOptions.builder()
        .connectTimeout(settings.connectTimeout())
        .keepAlive(true)
        .build();
    this.timeoutMillis = Math.max(1, settings.timeout().toMillis());
    this.timer = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "polycache-redis-timer");
      thread.setDaemon(true);
      return thread;
    });
    this.deadlines = new Deadlines(timer, timeoutMillis);
    TimeoutOptions timeouts = TimeoutOptions.builder().timeoutCommands(false).build();
    if (settings.mode() == RedisSettings.Mode.CLUSTER) {
      this.client = null;
      this.clusterClient = RedisClusterClient.create(resources, settings.clusterSeeds());
      clusterClient.setOptions(ClusterClientOptions.builder()
          .autoReconnect(true)
          .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
          .socketOptions(socket)
          .timeoutOptions(timeouts)
          .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
              .enablePeriodicRefresh(CLUSTER_REFRESH_PERIOD)
              .build())
          .build());
    } else {
      this.clusterClient = null;
      this.client = RedisClient.create(resources);
      client.setOptions(ClientOptions.builder()
          .autoReconnect(true)
          .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
          .socketOptions(socket)
          .timeoutOptions(timeouts)
          .build());
    }
  }

  RedisSettings settings() {
    return settings;
  }

  /**
   * Starts the timeout of what an operation just sent: unless {@code sent} completes within the
   * command timeout, it fails with Lettuce's {@code RedisCommandTimeoutException}. Settling the
   * returned deadline when {@code sent} completes spares the sweep a look at the future.
   */
  CommandDeadline track(CompletableFuture<?> sent) {
    CommandDeadline deadline = new CommandDeadline(sent, timeoutMillis);
    deadlines.add(deadline);
    return deadline;
  }

  /** The open link, or {@code null} before the first connection succeeded (or after close). */
  RedisLink linkNow() {
    return link;
  }

  /**
   * The open link, connecting first if needed. Callers arriving while a connection is being
   * opened share that attempt; after a failed attempt the next caller starts a new one.
   */
  CompletableFuture<RedisLink> link() {
    RedisLink open = link;
    if (open != null) {
      return CompletableFuture.completedFuture(open);
    }
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.failedFuture(
            new RedisStoreException("The Redis backend " + settings.describe() + " is closed"));
      }
      if (link != null) {
        return CompletableFuture.completedFuture(link);
      }
      if (opening != null) {
        return opening;
      }
      CompletableFuture<RedisLink> attempt = connect();
      opening = attempt;
      attempt.whenComplete((opened, failure) -> settle(attempt, opened));
      return attempt;
    }
  }

  private void settle(CompletableFuture<RedisLink> attempt, RedisLink opened) {
    boolean closeNow;
    synchronized (lock) {
      if (opening == attempt) {
        opening = null;
      }
      closeNow = opened != null && closed;
      if (opened != null && !closed) {
        link = opened;
      }
    }
    if (closeNow) {
      opened.connection().closeAsync();
    }
  }

  private CompletableFuture<RedisLink> connect() {
    try {
      if (clusterClient != null) {
        // connectAsync needs a topology; the blocking getPartitions() would load it on this thread
        return clusterClient.refreshPartitionsAsync().toCompletableFuture()
            .thenCompose(loaded -> clusterClient.connectAsync(ByteArrayCodec.INSTANCE))
            .thenApply(connection -> new RedisLink.Cluster(connection, settings.servers()));
      }
      return client.connectAsync(ByteArrayCodec.INSTANCE, settings.redisUri())
          .toCompletableFuture()
          .thenApply(connection -> new RedisLink.Single(connection, settings.servers()));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Closes the connection and shuts the client and its threads down, waiting a bounded time. */
  void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      link = null;
    }
    try {
      if (clusterClient != null) {
        clusterClient.shutdown(Duration.ZERO, SHUTDOWN_TIMEOUT);
      } else {
        client.shutdown(Duration.ZERO, SHUTDOWN_TIMEOUT);
      }
    } finally {
      resources.shutdown(0, SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .awaitUninterruptibly(SHUTDOWN_TIMEOUT.toMillis() + 500);
      timer.shutdown();
      deadlines.expireAll();
    }
  }

  boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }
}
