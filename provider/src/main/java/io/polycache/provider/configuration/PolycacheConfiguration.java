package io.polycache.provider.configuration;

import io.polycache.async.CachePlugin;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableConfiguration;

/**
 * A {@link MutableConfiguration} with Polycache's own per-cache options. Any JCache
 * configuration works with Polycache; use this class for the options the standard lacks.
 *
 * <table>
 *   <caption>Options beyond the standard</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@link #setMaximumEntries maximumEntries}</td><td>{@value #DEFAULT_MAXIMUM_ENTRIES}
 *   (none)</td><td>memory backend: evict beyond this many entries</td></tr>
 *   <tr><td>{@link #setMaximumBytes maximumBytes}</td><td>{@value #DEFAULT_MAXIMUM_BYTES}
 *   (none)</td><td>memory backend, store-by-value: evict beyond this many bytes of keys and
 *   values</td></tr>
 *   <tr><td>{@link #setOperationTimeout operationTimeout}</td><td>the manager's ({@code timeout}
 *   option, 5 s by default)</td><td>the longest a synchronous call waits for its backend</td></tr>
 *   <tr><td>{@link #setNamespace namespace}</td><td>the manager's ({@code polycache} by
 *   default)</td><td>Redis/Memcached: the first part of every key,
 *   {@code <namespace>:<cache>:<key>}</td></tr>
 *   <tr><td>{@link #setSerializer serializer}</td><td>the manager's ({@code java} by default)</td>
 *   <td>Redis/Memcached: the value format: {@code java}, {@code json}, {@code string},
 *   {@code bytes} or a custom factory's id</td></tr>
 *   <tr><td>{@link #setAllowedClasses allowedClasses}</td><td>none beyond the manager's</td>
 *   <td>class-name patterns the {@code java} serializer may read besides the JDK's value types
 *   and the configured types</td></tr>
 *   <tr><td>{@link #setExecutorFactory executorFactory}</td><td>the common pool</td><td>runs
 *   user code off I/O threads: loaders, writers, asynchronous listeners</td></tr>
 *   <tr><td>{@link #setClockFactory clockFactory}</td><td>the system clock</td><td>the time
 *   source of expiry</td></tr>
 *   <tr><td>{@link #setPlugins plugins}</td><td>none</td><td>{@link CachePlugin}s that see every
 *   operation of the cache, sync and async</td></tr>
 * </table>
 *
 * <p>Like its superclass it is mutable and not thread-safe; a cache copies it at creation.
 */
public class PolycacheConfiguration<K, V> extends MutableConfiguration<K, V> {

  private static final long serialVersionUID = 1L;

  public static final long DEFAULT_MAXIMUM_ENTRIES = 0;
  public static final long DEFAULT_MAXIMUM_BYTES = 0;
  public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(5);

  private long maximumEntries = DEFAULT_MAXIMUM_ENTRIES;
  private long maximumBytes = DEFAULT_MAXIMUM_BYTES;
  private Duration operationTimeout;
  private String namespace;
  private String serializer;
  private List<String> allowedClasses = List.of();
  private Factory<Executor> executorFactory = new CommonPoolFactory();
  private Factory<Clock> clockFactory = new SystemClockFactory();
  private List<Factory<? extends CachePlugin>> plugins = List.of();

  public PolycacheConfiguration() {}

  /** A copy of {@code configuration}, keeping Polycache's options when it has them. */
  public PolycacheConfiguration(CompleteConfiguration<K, V> configuration) {
    super(configuration);
    if (configuration instanceof PolycacheConfiguration) {
      PolycacheConfiguration<K, V> other = (PolycacheConfiguration<K, V>) configuration;
      this.maximumEntries = other.maximumEntries;
      this.maximumBytes = other.maximumBytes;
      this.operationTimeout = other.operationTimeout;
      this.namespace = other.namespace;
      this.serializer = other.serializer;
      this.allowedClasses = other.allowedClasses;
      this.executorFactory = other.executorFactory;
      this.clockFactory = other.clockFactory;
      this.plugins = other.plugins;
    }
  }

  /** A complete copy of any configuration: the basic {@link Configuration} gets defaults. */
  public static <K, V> PolycacheConfiguration<K, V> copyOf(Configuration<K, V> configuration) {
    if (configuration instanceof CompleteConfiguration) {
      return new PolycacheConfiguration<>((CompleteConfiguration<K, V>) configuration);
    }
    PolycacheConfiguration<K, V> copy = new PolycacheConfiguration<>();
    copy.setTypes(configuration.getKeyType(), configuration.getValueType());
    copy.setStoreByValue(configuration.isStoreByValue());
    return copy;
  }

  public long getMaximumEntries() {
    return maximumEntries;
  }

  /** Bounds a memory cache to this many entries (0: unbounded); evictions are counted. */
  public PolycacheConfiguration<K, V> setMaximumEntries(long maximumEntries) {
    if (maximumEntries < 0) {
      throw new IllegalArgumentException("maximumEntries must not be negative: " + maximumEntries);
    }
    this.maximumEntries = maximumEntries;
    return this;
  }

  public long getMaximumBytes() {
    return maximumBytes;
  }

  /** Bounds a store-by-value memory cache to about this many bytes (0: unbounded). */
  public PolycacheConfiguration<K, V> setMaximumBytes(long maximumBytes) {
    if (maximumBytes < 0) {
      throw new IllegalArgumentException("maximumBytes must not be negative: " + maximumBytes);
    }
    this.maximumBytes = maximumBytes;
    return this;
  }

  /** The operation timeout, or {@code null} for the manager's. */
  public Duration getOperationTimeout() {
    return operationTimeout;
  }

  /**
   * The longest a synchronous call waits for the backend before it fails; {@code null} for the
   * manager's {@code timeout} option.
   */
  public PolycacheConfiguration<K, V> setOperationTimeout(Duration operationTimeout) {
    if (operationTimeout != null && (operationTimeout.isNegative() || operationTimeout.isZero())) {
      throw new IllegalArgumentException("operationTimeout must be positive: " + operationTimeout);
    }
    this.operationTimeout = operationTimeout;
    return this;
  }

  /** The namespace of this cache's remote keys, or {@code null} for the manager's. */
  public String getNamespace() {
    return namespace;
  }

  /** Redis/Memcached: the first part of every key of this cache; {@code null}: the manager's. */
  public PolycacheConfiguration<K, V> setNamespace(String namespace) {
    if (namespace != null && namespace.isEmpty()) {
      throw new IllegalArgumentException("namespace must not be empty");
    }
    this.namespace = namespace;
    return this;
  }

  /** The id of the value serializer, or {@code null} for the manager's. */
  public String getSerializer() {
    return serializer;
  }

  /**
   * Redis/Memcached: the value format, by serializer id ({@code java}, {@code json},
   * {@code string}, {@code bytes}, or a custom {@code SerializerFactory}'s); {@code null}: the
   * manager's.
   */
  public PolycacheConfiguration<K, V> setSerializer(String serializer) {
    this.serializer = serializer;
    return this;
  }

  public List<String> getAllowedClasses() {
    return allowedClasses;
  }

  /**
   * Class-name patterns the {@code java} serializer may read besides the JDK's value types and
   * the configured types: {@code com.example.Order}, {@code com.example.*} (a package) or
   * {@code com.example.**} (with sub-packages).
   */
  public PolycacheConfiguration<K, V> setAllowedClasses(List<String> allowedClasses) {
    this.allowedClasses = List.copyOf(allowedClasses);
    return this;
  }

  public Factory<Executor> getExecutorFactory() {
    return executorFactory;
  }

  /** Where user code (loaders, writers, asynchronous listeners) runs off the I/O threads. */
  public PolycacheConfiguration<K, V> setExecutorFactory(Factory<Executor> executorFactory) {
    this.executorFactory = Objects.requireNonNull(executorFactory, "executorFactory");
    return this;
  }

  public Factory<Clock> getClockFactory() {
    return clockFactory;
  }

  /** The time source of expiry; tests pass a controllable clock instead of sleeping. */
  public PolycacheConfiguration<K, V> setClockFactory(Factory<Clock> clockFactory) {
    this.clockFactory = Objects.requireNonNull(clockFactory, "clockFactory");
    return this;
  }

  /** The factories of this cache's plugins, in the order they run; empty by default. */
  public List<Factory<? extends CachePlugin>> getPlugins() {
    return plugins;
  }

  /**
   * The plugins of this cache: each factory makes the cache's own instance when the cache is
   * created (a {@code FactoryBuilder.factoryOf(instance)} shares one instance); they see every
   * operation, synchronous and asynchronous, in this order. A plugin that is
   * {@link AutoCloseable} is closed with the cache. {@code cache.unwrap(MyPlugin.class)} returns
   * the cache's instance.
   */
  public PolycacheConfiguration<K, V> setPlugins(
      List<? extends Factory<? extends CachePlugin>> plugins) {
    Objects.requireNonNull(plugins, "plugins");
    this.plugins = List.copyOf(plugins);
    return this;
  }

  /** Adds one plugin factory after those already configured. */
  public PolycacheConfiguration<K, V> addPlugin(Factory<? extends CachePlugin> plugin) {
    Objects.requireNonNull(plugin, "plugin");
    List<Factory<? extends CachePlugin>> more = new ArrayList<>(plugins);
    more.add(plugin);
    this.plugins = List.copyOf(more);
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PolycacheConfiguration) || !super.equals(o)) {
      return false;
    }
    PolycacheConfiguration<?, ?> other = (PolycacheConfiguration<?, ?>) o;
    return maximumEntries == other.maximumEntries && maximumBytes == other.maximumBytes
        && Objects.equals(operationTimeout, other.operationTimeout)
        && Objects.equals(namespace, other.namespace)
        && Objects.equals(serializer, other.serializer)
        && allowedClasses.equals(other.allowedClasses)
        && executorFactory.equals(other.executorFactory)
        && clockFactory.equals(other.clockFactory)
        && plugins.equals(other.plugins);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), maximumEntries, maximumBytes, operationTimeout,
        namespace, serializer, allowedClasses, executorFactory, clockFactory, plugins);
  }

  /** The default executor: the common fork-join pool. */
  static final class CommonPoolFactory implements Factory<Executor> {
    private static final long serialVersionUID = 1L;

    @Override
    public Executor create() {
      return ForkJoinPool.commonPool();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CommonPoolFactory;
    }

    @Override
    public int hashCode() {
      return CommonPoolFactory.class.hashCode();
    }
  }

  /** The default clock: the system's UTC clock. */
  static final class SystemClockFactory implements Factory<Clock> {
    private static final long serialVersionUID = 1L;

    @Override
    public Clock create() {
      return Clock.systemUTC();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SystemClockFactory;
    }

    @Override
    public int hashCode() {
      return SystemClockFactory.class.hashCode();
    }
  }
}
