/**
 * The serializer SPI: how keys and values become bytes for the Redis and Memcached backends.
 * Built-in formats: {@code java} (Java serialization behind an allowlist), {@code json}
 * (Jackson, typed by the cache's configured types), {@code string} (UTF-8) and {@code bytes}.
 */
package io.polycache.async.serialization;
