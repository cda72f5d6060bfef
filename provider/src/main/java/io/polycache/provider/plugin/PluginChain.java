package io.polycache.provider.plugin;

import io.polycache.async.CacheCall;
import io.polycache.async.CacheOperation;
import io.polycache.async.CachePlugin;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.cache.CacheException;
import javax.cache.configuration.Factory;

/**
 * The plugins of one cache, run around each operation: every {@code before} hook, the
 * operation, every {@code after} hook, once per call. A cache without plugins has no chain at
 * all (a {@code null} field), so an operation then pays one null check.
 *
 * <p>Synchronous calls run their {@code after} hooks on the caller's thread; asynchronous calls
 * on the completing thread when the future is already complete when the operation returns (the
 * memory backend), otherwise on the cache's executor, so that no plugin runs on an I/O thread.
 */
public final class PluginChain {

  private static final System.Logger LOG = System.getLogger(PluginChain.class.getName());

  private final String cacheName;
  private final CachePlugin[] plugins;
  private final AtomicBoolean[] warned;
  private final Executor executor;

  private PluginChain(String cacheName, List<CachePlugin> plugins, Executor executor) {
    this.cacheName = cacheName;
    this.plugins = plugins.toArray(CachePlugin[]::new);
    this.warned = new AtomicBoolean[this.plugins.length];
    for (int i = 0; i < warned.length; i++) {
      warned[i] = new AtomicBoolean();
    }
    this.executor = executor;
  }

  /** The chain of {@code plugins}, or {@code null} when there is none. */
  public static PluginChain of(String cacheName, List<CachePlugin> plugins, Executor executor) {
    return plugins.isEmpty() ? null : new PluginChain(cacheName, plugins, executor);
  }

  /**
   * Makes the plugins of a cache from its configured factories: {@code null} when there is
   * none. If a factory fails, the plugins made so far are closed and a {@link CacheException}
   * names the cache and the factory.
   */
  public static PluginChain create(String cacheName,
      List<? extends Factory<? extends CachePlugin>> factories, Executor executor) {
    if (factories.isEmpty()) {
      return null;
    }
    List<CachePlugin> made = new ArrayList<>(factories.size());
    for (Factory<? extends CachePlugin> factory : factories) {
      CachePlugin plugin;
      try {
        plugin = factory.create();
      } catch (RuntimeException | LinkageError e) {
        made.forEach(PluginChain::closeQuietly);
        throw new CacheException("Cache " + cacheName + ": the plugin factory " + factory
            + " failed: " + e, e);
      }
      if (plugin == null) {
        made.forEach(PluginChain::closeQuietly);
        throw new CacheException("Cache " + cacheName + ": the plugin factory " + factory
            + " made null");
      }
      made.add(plugin);
    }
    return new PluginChain(cacheName, made, executor);
  }

  /** The plugins, in the order they run. */
  public List<CachePlugin> plugins() {
    return List.of(plugins);
  }

  /** The first plugin of that type, or {@code null}. */
  public <T> T find(Class<T> type) {
    for (CachePlugin plugin : plugins) {
      if (type.isInstance(plugin)) {
        return type.cast(plugin);
      }
    }
    return null;
  }

  /** Closes the plugins that are {@link AutoCloseable}; failures are logged. */
  public void close() {
    for (CachePlugin plugin : plugins) {
      closeQuietly(plugin);
    }
  }

  private static void closeQuietly(CachePlugin plugin) {
    if (plugin instanceof AutoCloseable) {
      try {
        ((AutoCloseable) plugin).close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "Closing plugin " + plugin.getClass().getName()
            + " failed", e);
      }
    }
  }

  /**
   * Runs a synchronous operation between the hooks; its result or exception passes through
   * unchanged.
   *
   * @param keys the key of a single-key operation, the collection of keys of a bulk one,
   *     {@code null} for an operation on the whole cache
   */
  public <T> T sync(CacheOperation operation, Object keys, Supplier<T> body) {
    Call call = new Call(cacheName, operation, false, keys);
    before(call);
    long start = System.nanoTime();
    T result;
    try {
      result = body.get();
    } catch (RuntimeException | Error e) {
      call.finish(null, e, System.nanoTime() - start);
      after(call);
      throw e;
    }
    call.finish(result, null, System.nanoTime() - start);
    after(call);
    return result;
  }

  /**
   * Starts an asynchronous operation between the hooks: the returned future completes, with the
   * operation's outcome, once the {@code after} hooks ran.
   *
   * @param viaAsyncApi whether the caller used {@code AsyncCache} (for {@link CacheCall#isAsync})
   * @param keys as for {@link #sync}
   */
  public <T> CompletableFuture<T> async(CacheOperation operation, boolean viaAsyncApi,
      Object keys, Supplier<CompletableFuture<T>> body) {
    Call call = new Call(cacheName, operation, viaAsyncApi, keys);
    before(call);
    long start = System.nanoTime();
    CompletableFuture<T> future;
    try {
      future = body.get();
    } catch (RuntimeException | Error e) {
      future = CompletableFuture.failedFuture(e);
    }
    if (future.isDone()) {
      future.handle((result, failure) -> {
        call.finish(result, unwrap(failure), System.nanoTime() - start);
        return null;
      });
      after(call);
      return future;
    }
    return future
        .whenComplete((result, failure) ->
            call.finish(result, unwrap(failure), System.nanoTime() - start))
        .whenCompleteAsync((result, failure) -> after(call), executor);
  }

  private void before(Call call) {
    for (int i = 0; i < plugins.length; i++) {
      try {
        plugins[i].before(call);
      } catch (RuntimeException | LinkageError e) {
        failed(i, "before", call, e);
      }
    }
  }

  private void after(Call call) {
    for (int i = 0; i < plugins.length; i++) {
      try {
        plugins[i].after(call);
      } catch (RuntimeException | LinkageError e) {
        failed(i, "after", call, e);
      }
    }
  }

  /** Logs a hook's failure: the first of each plugin as a warning, later ones at debug level. */
  private void failed(int index, String hook, Call call, Throwable e) {
    boolean first = warned[index].compareAndSet(false, true);
    System.Logger.Level level = first ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG;
    if (LOG.isLoggable(level)) {
      LOG.log(level, "Cache " + cacheName + ": plugin " + plugins[index].getClass().getName()
          + " failed in " + hook + "(" + call.operation().methodName() + "); the operation goes"
          + " on" + (first ? " (further failures of this plugin are logged at debug level)" : ""),
          e);
    }
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** One call, as the hooks see it; its outcome is set once, before the {@code after} hooks. */
  private static final class Call implements CacheCall {
    private final String cacheName;
    private final CacheOperation operation;
    private final boolean async;
    private final Collection<?> keys;
    private volatile Object result;
    private volatile Throwable error;
    private volatile long elapsedNanos;

    Call(String cacheName, CacheOperation operation, boolean async, Object keys) {
      this.cacheName = cacheName;
      this.operation = operation;
      this.async = async;
      this.keys = keys == null ? List.of()
          : operation.scope() == CacheOperation.Scope.KEY ? List.of(keys) : (Collection<?>) keys;
    }

    void finish(Object result, Throwable error, long elapsedNanos) {
      this.result = result;
      this.error = error;
      this.elapsedNanos = elapsedNanos;
    }

    @Override
    public String cacheName() {
      return cacheName;
    }

    @Override
    public CacheOperation operation() {
      return operation;
    }

    @Override
    public boolean isAsync() {
      return async;
    }

    @Override
    public Collection<?> keys() {
      return keys;
    }

    @Override
    public Object result() {
      return result;
    }

    @Override
    public Throwable error() {
      return error;
    }

    @Override
    public long elapsedNanos() {
      return elapsedNanos;
    }

    @Override
    public String toString() {
      return "CacheCall[" + cacheName + "." + operation.methodName() + ", " + keys.size()
          + " key(s)]";
    }
  }
}
