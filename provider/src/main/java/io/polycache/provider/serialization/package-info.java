/**
 * The built-in serializer formats and the byte layouts of stored keys and values.
 *
 * <ul>
 *   <li>{@link io.polycache.provider.serialization.Serializers}: the formats by id
 *       ({@code java}, {@code json}, {@code string}, {@code bytes} and service-loaded ones);
 *   <li>{@link io.polycache.provider.serialization.JavaSerializerFactory}: Java serialization
 *       behind a class allowlist;
 *   <li>{@link io.polycache.provider.serialization.JsonSerializerFactory}: Jackson, typed by the
 *       cache's configured types, without default typing;
 *   <li>{@link io.polycache.provider.serialization.ValueFormat}: the header of every stored
 *       value;
 *   <li>{@link io.polycache.provider.serialization.KeyFormat}: how keys become the readable
 *       tail of a remote key.
 * </ul>
 */
package io.polycache.provider.serialization;
