/**
 * The Redis backend (Lettuce): {@link io.polycache.provider.store.redis.RedisBackend} owns one
 * client and one multiplexed connection per CacheManager;
 * {@link io.polycache.provider.store.redis.RedisStore} keeps each cache entry in one Redis
 * string under {@code <namespace>:<cache>:<key>}, with Redis' own millisecond expiry, so entries
 * spread over every slot of a cluster and Redis evicts them by itself.
 *
 * <p>A stored value is an 18-byte header (magic {@code 0xB7}, format {@code 1}, 64-bit version,
 * 64-bit absolute expiry) followed by the serialized value; compare-and-set runs as small Lua
 * scripts that compare the header's first ten bytes. Values without the header (written by
 * another program) are refused with a {@link io.polycache.provider.store.redis.RedisStoreException}
 * that names the key.
 */
package io.polycache.provider.store.redis;
