/**
 * The provider's side of {@link io.polycache.async.CachePlugin}s: runs a cache's plugins around
 * each operation. Used by the cache implementation; applications write plugins against
 * {@code io.polycache.async} and configure them, they never call this package.
 */
package io.polycache.provider.plugin;
