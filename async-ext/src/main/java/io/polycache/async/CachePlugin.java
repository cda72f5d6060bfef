package io.polycache.async;

/**
 * Sees every data operation of a cache, synchronous ({@link javax.cache.Cache}) and asynchronous
 * ({@link AsyncCache}) alike: {@link #before} when it is called, {@link #after} when it completed,
 * exactly once each per call. The operations are the constants of {@link CacheOperation}; a
 * bulk operation is one call (a {@code getAll} of ten keys is one {@code GET_ALL}, not ten
 * {@code GET}s), and an operation implemented with another is still one call. Iteration and
 * listener registration are not operations.
 *
 * <p>A call refused by its argument checks (a {@code null} key, a key of the wrong type) or made
 * on a closed cache reaches no plugin: it throws (or fails its future) before it starts.
 *
 * <p><b>Attaching.</b> Per cache, by configuration: {@code PolycacheConfiguration.addPlugin} /
 * {@code setPlugins} with a factory, or {@code plugins: [com.example.MyPlugin]} in a
 * configuration file (a public no-argument constructor is needed). Each cache gets its own
 * instances from the factories; a plugin that is {@link AutoCloseable} is closed with its cache.
 * {@code cache.unwrap(MyPlugin.class)} returns a cache's instance. Several plugins run in the
 * order configured.
 *
 * <p><b>Threads.</b> {@code before} runs on the caller's thread. {@code after} runs on the
 * caller's thread for synchronous calls and for asynchronous calls that completed at once (the
 * memory backend), otherwise on the cache's executor, never on an I/O thread; an asynchronous
 * call's future completes after its {@code after} hooks ran. Hooks of concurrent calls run
 * concurrently: implementations must be thread-safe. Hooks add to the latency of every
 * operation: keep them short and non-blocking.
 *
 * <p><b>Failures.</b> A hook that throws never breaks the operation: the exception is logged
 * (through {@link System.Logger}, once as a warning per plugin, then at debug level) and the
 * operation and the other plugins go on.
 *
 * <p>Built in: {@link TimingPlugin} and {@link HitMissRatioPlugin}.
 */
public interface CachePlugin {

  /** Called before the operation starts. */
  default void before(CacheCall call) {}

  /** Called once the operation completed, with its result or its error and its duration. */
  default void after(CacheCall call) {}
}
