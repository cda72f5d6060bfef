/**
 * The JSR-107 annotations ({@code @CacheResult}, {@code @CachePut}, {@code @CacheRemove},
 * {@code @CacheRemoveAll}, {@code @CacheDefaults}, {@code @CacheKey}, {@code @CacheValue}) in a
 * Jakarta CDI 4 container, on any Polycache backend.
 *
 * <ul>
 *   <li>{@link io.polycache.provider.annotation.PolycacheCdiExtension}: registered through
 *       {@code META-INF/services}; turns the annotations into interceptor bindings and adds the
 *       four interceptors;
 *   <li>{@link io.polycache.provider.annotation.DefaultCacheResolverFactory}: finds (or creates)
 *       caches by name in the default CacheManager, or a given one;
 *   <li>{@link io.polycache.provider.annotation.DefaultCacheKeyGenerator} and
 *       {@link io.polycache.provider.annotation.DefaultGeneratedCacheKey}: keys from the
 *       {@code @CacheKey} arguments.
 * </ul>
 *
 * <p>A {@code @CacheResult} method that returns {@code CompletableFuture} or
 * {@code CompletionStage} caches the completed value, and concurrent calls for one key share one
 * invocation. The CDI and interceptor APIs are {@code provided}: the container supplies them, and
 * an application without CDI never loads this package. Spring applications need none of it:
 * Spring's own JSR-107 support runs the same annotations on any JCache provider.
 */
package io.polycache.provider.annotation;
