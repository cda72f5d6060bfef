package io.polycache.provider.internal;

import io.polycache.async.CacheOperation;
import io.polycache.provider.configuration.ManagerOptions;
import io.polycache.provider.configuration.PolycacheConfiguration;
import io.polycache.provider.event.EventDispatcher;
import io.polycache.provider.expiry.ExpiryCalculator;
import io.polycache.provider.integration.ReadThrough;
import io.polycache.provider.integration.WriteThrough;
import io.polycache.provider.management.CacheConfigurationBean;
import io.polycache.provider.management.CacheStatistics;
import io.polycache.provider.management.MBeans;
import io.polycache.provider.plugin.PluginChain;
import io.polycache.provider.store.Backend;
import io.polycache.provider.store.Store;
import io.polycache.provider.store.StoreSpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

/**
 * The {@link javax.cache.Cache} of every backend: checks arguments and the cache's state, then
 * waits (at most the operation timeout) on the asynchronous core. Owns the customizations its
 * configuration's factories made, and closes them. Each operation runs the plugins once around
 * itself when there are any ({@code plugins} is null otherwise: one check); it calls the core
 * directly, never through the {@link AsyncView}, so nothing is observed twice.
 */
public final class PolycacheCache<K, V> implements Cache<K, V> {

  private final ManagerView manager;
  private final String name;
  private final PolycacheConfiguration<K, V> configuration;
  private final ExpiryPolicy expiryPolicy;
  private final CacheLoader<K, V> loader;
  private final CacheWriter<? super K, ? super V> writer;
  private final EventDispatcher<K, V> events;
  private final CacheStatistics statistics = new CacheStatistics();
  private final CacheConfigurationBean configurationBean;
  private final Store<Object, Object> store;
  /** Whether the store is in-process: get and put then run without futures. */
  private final boolean local;
  private final Backend backend;
  private final CacheCore<K, V> core;
  private final AsyncView<K, V> async;
  private final Writes<K, V> writes;
  private final PluginChain plugins;
  private final long timeoutMillis;
  /** The configured key and value types, or null for {@code Object}: nothing to check. */
  private final Class<K> keyType;
  private final Class<V> valueType;
  private volatile boolean closed;

  /** What a cache needs of the manager that owns it. */
  public interface ManagerView {
    CacheManager cacheManager();

    /** Forgets the cache (it was closed); does not touch its data. */
    void release(String cacheName);

    /** The manager's shared options: defaults for what the cache's configuration leaves open. */
    ManagerOptions options();
  }

  public PolycacheCache(ManagerView manager, String name, PolycacheConfiguration<K, V> configuration,
      Backend backend) {
    this.manager = manager;
    this.name = name;
    this.configuration = configuration;
    this.keyType = checked(configuration.getKeyType());
    this.valueType = checked(configuration.getValueType());
    ManagerOptions options = manager.options();
    this.timeoutMillis = (configuration.getOperationTimeout() != null
        ? configuration.getOperationTimeout() : options.operationTimeout()).toMillis();
    ClassLoader classLoader = manager.cacheManager().getClassLoader();
    String namespace = configuration.getNamespace() != null ? configuration.getNamespace()
        : options.namespace();
    byte[] keyPrefix = backend.storesBytes() ? KeyLayout.prefix(namespace, name) : new byte[0];
    // checked first: a configuration error must not leave customizations unclosed
    Codecs codecs = Codecs.of(backend, name, configuration, options, classLoader, keyPrefix);
    Executor executor = configuration.getExecutorFactory().create();
    Clock clock = configuration.getClockFactory().create();
    this.events = new EventDispatcher<>(executor);
    this.expiryPolicy = configuration.getExpiryPolicyFactory().create();
    this.loader = configuration.getCacheLoaderFactory() == null ? null
        : configuration.getCacheLoaderFactory().create();
    this.writer = configuration.isWriteThrough() && configuration.getCacheWriterFactory() != null
        ? configuration.getCacheWriterFactory().create() : null;
    try {
      for (CacheEntryListenerConfiguration<K, V> listener
          : configuration.getCacheEntryListenerConfigurations()) {
        events.register(listener);
      }
      this.plugins = PluginChain.create(name, configuration.getPlugins(), executor);
      this.store = backend.open(new StoreSpec(name, keyPrefix, configuration,
          !(expiryPolicy instanceof EternalExpiryPolicy), statistics::recordEviction,
          this::expiredByStore));
    } catch (RuntimeException e) {
      closeCustomizations();
      throw e;
    }
    this.core = new CacheCore<>(new CoreParts<>(this, store, codecs.keys(), codecs.values(),
        new ExpiryCalculator(expiryPolicy),
        ReadThrough.of(loader, configuration.isReadThrough()),
        WriteThrough.of(writer), events, statistics, clock, executor));
    this.writes = new Writes<>(core);
    this.backend = backend;
    this.local = store.isLocal();
    this.async = new AsyncView<>(this, core, writes, plugins);
    this.configurationBean = new CacheConfigurationBean(configuration);
    setStatisticsEnabled(configuration.isStatisticsEnabled());
    setManagementEnabled(configuration.isManagementEnabled());
  }

  // ------------------------------------------------------------------ lifecycle and checks

  private void expiredByStore(Object storeKey, Object storeValue) {
    core.expiredByStore(storeKey, storeValue);
  }

  void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("Cache " + name + " is closed");
    }
  }

  <T> T await(CompletableFuture<T> future) {
    return Futures.await(future, timeoutMillis, name);
  }

  private static <T> Class<T> checked(Class<T> type) {
    return type == Object.class ? null : type;
  }

  /**
   * Rejects a null key, or one not of the configured key type. The exact class, the usual case,
   * is compared first: on a memory {@code get} that costs less than {@link Class#isInstance}.
   */
  void checkKey(K key) {
    Objects.requireNonNull(key, "key");
    if (keyType != null && key.getClass() != keyType && !keyType.isInstance(key)) {
      throw new ClassCastException("Cache " + name + " has keys of type " + keyType.getName()
          + ", not " + key.getClass().getName());
    }
  }

  /** Rejects a null value, or one not of the configured value type, as {@link #checkKey} does. */
  void checkValue(V value) {
    Objects.requireNonNull(value, "value");
    if (valueType != null && value.getClass() != valueType && !valueType.isInstance(value)) {
      throw new ClassCastException("Cache " + name + " has values of type " + valueType.getName()
          + ", not " + value.getClass().getName());
    }
  }

  void checkKeys(Iterable<? extends K> keys) {
    Objects.requireNonNull(keys, "keys");
    for (K key : keys) {
      checkKey(key);
    }
  }

  /**
   * The keys of a bulk call as a list of their own, each checked as {@link #checkKey} does,
   * walking the caller's collection once.
   */
  @SuppressWarnings("unchecked")
  List<K> checkedKeys(Collection<? extends K> keys) {
    Objects.requireNonNull(keys, "keys");
    K[] array = (K[]) keys.toArray();
    for (K key : array) {
      checkKey(key);
    }
    return Arrays.asList(array);
  }

  /** Turns statistics on or off, registering or removing the statistics MBean. */
  public void setStatisticsEnabled(boolean enabled) {
    configuration.setStatisticsEnabled(enabled);
    statistics.setEnabled(enabled);
    if (enabled) {
      MBeans.register(statistics, mbeanName(MBeans.Type.STATISTICS));
    } else {
      MBeans.unregister(mbeanName(MBeans.Type.STATISTICS));
    }
  }

  /** Turns management on or off, registering or removing the configuration MBean. */
  public void setManagementEnabled(boolean enabled) {
    configuration.setManagementEnabled(enabled);
    if (enabled) {
      MBeans.register(configurationBean, mbeanName(MBeans.Type.CONFIGURATION));
    } else {
      MBeans.unregister(mbeanName(MBeans.Type.CONFIGURATION));
    }
  }

  private javax.management.ObjectName mbeanName(MBeans.Type type) {
    return MBeans.name(type, manager.cacheManager().getURI(), name);
  }

  /** The statistics of this cache in this JVM (also readable as an MBean when enabled). */
  public CacheStatistics statistics() {
    return statistics;
  }

  /** Removes every entry of this cache from the backend, then closes it. */
  public void destroy() {
    if (!closed) {
      try {
        await(store.clear());
      } finally {
        close();
      }
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    manager.release(name);
    MBeans.unregister(mbeanName(MBeans.Type.STATISTICS));
    MBeans.unregister(mbeanName(MBeans.Type.CONFIGURATION));
    closeCustomizations();
    store.close();
  }

  private void closeCustomizations() {
    events.close();
    Closeables.closeQuietly(loader);
    Closeables.closeQuietly(writer);
    Closeables.closeQuietly(expiryPolicy);
    if (plugins != null) {
      plugins.close();
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public CacheManager getCacheManager() {
    return manager.cacheManager();
  }

  @Override
  public <C extends Configuration<K, V>> C getConfiguration(Class<C> clazz) {
    if (clazz.isInstance(configuration)) {
      return clazz.cast(configuration);
    }
    throw new IllegalArgumentException("Cache " + name + " has no configuration of type "
        + clazz.getName());
  }

  /** The backend's native client, for {@link io.polycache.async.AsyncCache#unwrap}. */
  <T> T unwrapNative(Class<T> clazz) {
    return backend.unwrap(clazz);
  }

  Class<V> valueType() {
    return configuration.getValueType();
  }

  /**
   * This cache itself, its {@link io.polycache.async.AsyncCache} view, or one of its configured
   * {@link io.polycache.async.CachePlugin}s (the first of that type).
   */
  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    if (clazz.isInstance(async)) {
      return clazz.cast(async);
    }
    T plugin = plugins == null ? null : plugins.find(clazz);
    if (plugin != null) {
      return plugin;
    }
    throw new IllegalArgumentException("Cache " + name + " cannot be unwrapped to "
        + clazz.getName());
  }

  // ------------------------------------------------------------------------------ reads

  @Override
  public V get(K key) {
    ensureOpen();
    checkKey(key);
    if (local) {
      return plugins == null ? core.getNow(key)
          : plugins.sync(CacheOperation.GET, key, () -> core.getNow(key));
    }
    return plugins == null ? await(core.get(key))
        : plugins.sync(CacheOperation.GET, key, () -> await(core.get(key)));
  }

  @Override
  public Map<K, V> getAll(Set<? extends K> keys) {
    ensureOpen();
    List<K> keyList = checkedKeys(keys);
    return plugins == null ? await(core.getAll(keyList))
        : plugins.sync(CacheOperation.GET_ALL, keys, () -> await(core.getAll(keyList)));
  }

  @Override
  public boolean containsKey(K key) {
    ensureOpen();
    checkKey(key);
    return plugins == null ? await(core.containsKey(key))
        : plugins.sync(CacheOperation.CONTAINS_KEY, key, () -> await(core.containsKey(key)));
  }

  @Override
  public void loadAll(Set<? extends K> keys, boolean replaceExistingValues,
      CompletionListener completionListener) {
    ensureOpen();
    checkKeys(keys);
    CompletableFuture<Void> loading = plugins == null ? core.loadAll(keys, replaceExistingValues)
        : plugins.async(CacheOperation.LOAD_ALL, false, keys,
            () -> core.loadAll(keys, replaceExistingValues));
    if (completionListener != null) {
      loading.whenComplete((ignored, failure) -> {
        if (failure == null) {
          completionListener.onCompletion();
        } else {
          RuntimeException e = Futures.translate(failure, name);
          completionListener.onException(e);
        }
      });
    }
  }

  @Override
  public Iterator<Entry<K, V>> iterator() {
    ensureOpen();
    return new CacheIterator<>(this, core);
  }

  // ----------------------------------------------------------------------------- writes

  @Override
  public void put(K key, V value) {
    ensureOpen();
    checkKey(key);
    checkValue(value);
    if (local) {
      if (plugins == null) {
        writes.putNow(key, value);
      } else {
        plugins.sync(CacheOperation.PUT, key, () -> {
          writes.putNow(key, value);
          return null;
        });
      }
    } else if (plugins == null) {
      await(writes.put(key, value, null));
    } else {
      plugins.sync(CacheOperation.PUT, key, () -> await(writes.put(key, value, null)));
    }
  }

  @Override
  public V getAndPut(K key, V value) {
    ensureOpen();
    checkKey(key);
    checkValue(value);
    return plugins == null ? await(writes.getAndPut(key, value, null))
        : plugins.sync(CacheOperation.GET_AND_PUT, key,
            () -> await(writes.getAndPut(key, value, null)));
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> map) {
    ensureOpen();
    Objects.requireNonNull(map, "map");
    for (Map.Entry<? extends K, ? extends V> entry : map.entrySet()) {
      checkKey(entry.getKey());
      checkValue(entry.getValue());
    }
    if (plugins == null) {
      await(writes.putAll(map, null));
    } else {
      plugins.sync(CacheOperation.PUT_ALL, map.keySet(), () -> await(writes.putAll(map, null)));
    }
  }

  @Override
  public boolean putIfAbsent(K key, V value) {
    ensureOpen();
    checkKey(key);
    checkValue(value);
    return plugins == null ? await(writes.putIfAbsent(key, value, null))
        : plugins.sync(CacheOperation.PUT_IF_ABSENT, key,
            () -> await(writes.putIfAbsent(key, value, null)));
  }

  @Override
  public boolean remove(K key) {
    ensureOpen();
    checkKey(key);
    return plugins == null ? await(writes.remove(key))
        : plugins.sync(CacheOperation.REMOVE, key, () -> await(writes.remove(key)));
  }

  @Override
  public boolean remove(K key, V oldValue) {
    ensureOpen();
    checkKey(key);
    checkValue(oldValue);
    return plugins == null ? await(writes.remove(key, oldValue))
        : plugins.sync(CacheOperation.REMOVE_IF_EQUAL, key,
            () -> await(writes.remove(key, oldValue)));
  }

  @Override
  public V getAndRemove(K key) {
    ensureOpen();
    checkKey(key);
    return plugins == null ? await(writes.getAndRemove(key))
        : plugins.sync(CacheOperation.GET_AND_REMOVE, key, () -> await(writes.getAndRemove(key)));
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    ensureOpen();
    checkKey(key);
    checkValue(oldValue);
    checkValue(newValue);
    return plugins == null ? await(writes.replace(key, oldValue, newValue))
        : plugins.sync(CacheOperation.REPLACE_IF_EQUAL, key,
            () -> await(writes.replace(key, oldValue, newValue)));
  }

  @Override
  public boolean replace(K key, V value) {
    ensureOpen();
    checkKey(key);
    checkValue(value);
    return plugins == null ? await(writes.replaceExisting(key, value, null))
        : plugins.sync(CacheOperation.REPLACE, key,
            () -> await(writes.replaceExisting(key, value, null)));
  }

  @Override
  public V getAndReplace(K key, V value) {
    ensureOpen();
    checkKey(key);
    checkValue(value);
    return plugins == null ? await(writes.getAndReplace(key, value))
        : plugins.sync(CacheOperation.GET_AND_REPLACE, key,
            () -> await(writes.getAndReplace(key, value)));
  }

  @Override
  public void removeAll(Set<? extends K> keys) {
    ensureOpen();
    checkKeys(keys);
    if (plugins == null) {
      await(writes.removeAll(keys));
    } else {
      plugins.sync(CacheOperation.REMOVE_ALL, keys, () -> await(writes.removeAll(keys)));
    }
  }

  @Override
  public void removeAll() {
    ensureOpen();
    if (plugins == null) {
      await(writes.removeAll());
    } else {
      plugins.sync(CacheOperation.REMOVE_ALL_ENTRIES, null, () -> await(writes.removeAll()));
    }
  }

  @Override
  public void clear() {
    ensureOpen();
    if (plugins == null) {
      await(core.clear());
    } else {
      plugins.sync(CacheOperation.CLEAR, null, () -> await(core.clear()));
    }
  }

  @Override
  public <T> T invoke(K key, EntryProcessor<K, V, T> entryProcessor, Object... arguments) {
    ensureOpen();
    checkKey(key);
    Objects.requireNonNull(entryProcessor, "entryProcessor");
    return plugins == null ? invokeOne(key, entryProcessor, arguments)
        : plugins.sync(CacheOperation.INVOKE, key,
            () -> invokeOne(key, entryProcessor, arguments));
  }

  private <T> T invokeOne(K key, EntryProcessor<K, V, T> entryProcessor, Object... arguments) {
    try {
      return await(writes.invoke(key, entry -> process(entryProcessor, entry, arguments)));
    } catch (EntryProcessorException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new EntryProcessorException(e);
    }
  }

  static <K, V, T> T process(EntryProcessor<K, V, T> processor,
      MutableEntryImpl<K, V> entry, Object... arguments) {
    try {
      return processor.process(entry, arguments);
    } catch (EntryProcessorException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new EntryProcessorException(e);
    }
  }

  @Override
  public <T> Map<K, EntryProcessorResult<T>> invokeAll(Set<? extends K> keys,
      EntryProcessor<K, V, T> entryProcessor, Object... arguments) {
    ensureOpen();
    checkKeys(keys);
    Objects.requireNonNull(entryProcessor, "entryProcessor");
    return plugins == null ? invokeEach(keys, entryProcessor, arguments)
        : plugins.sync(CacheOperation.INVOKE_ALL, keys,
            () -> invokeEach(keys, entryProcessor, arguments));
  }

  private <T> Map<K, EntryProcessorResult<T>> invokeEach(Set<? extends K> keys,
      EntryProcessor<K, V, T> entryProcessor, Object... arguments) {
    Map<K, EntryProcessorResult<T>> results = new HashMap<>();
    for (K key : keys) {
      try {
        T result = invokeOne(key, entryProcessor, arguments);
        if (result != null) {
          results.put(key, () -> result);
        }
      } catch (EntryProcessorException e) {
        results.put(key, () -> {
          throw e;
        });
      }
    }
    return results;
  }

  // -------------------------------------------------------------------------- listeners

  @Override
  public void registerCacheEntryListener(CacheEntryListenerConfiguration<K, V> listener) {
    ensureOpen();
    Objects.requireNonNull(listener, "cacheEntryListenerConfiguration");
    configuration.addCacheEntryListenerConfiguration(listener);
    events.register(listener);
  }

  @Override
  public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> listener) {
    ensureOpen();
    Objects.requireNonNull(listener, "cacheEntryListenerConfiguration");
    configuration.removeCacheEntryListenerConfiguration(listener);
    events.deregister(listener);
  }

  @Override
  public String toString() {
    return "PolycacheCache[" + name + "]";
  }
}
