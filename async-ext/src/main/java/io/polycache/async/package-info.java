/**
 * Polycache's extension API beside the standard {@code javax.cache} one. Depends on
 * {@code cache-api} only: applications compile against it, the provider binds at run time.
 *
 * <ul>
 *   <li>{@link io.polycache.async.AsyncCache}: a {@code CompletableFuture} twin of every cache
 *       operation, from {@code cache.unwrap(AsyncCache.class)};</li>
 *   <li>{@link io.polycache.async.CachePlugin}: hooks around every operation, with the built-in
 *       {@link io.polycache.async.TimingPlugin} and
 *       {@link io.polycache.async.HitMissRatioPlugin};</li>
 *   <li>{@link io.polycache.async.KeyBuilder} and {@link io.polycache.async.CachedFunction}:
 *       functions whose results are cached, with stampede protection; they work on any
 *       {@code AsyncCache}.</li>
 * </ul>
 */
package io.polycache.async;
