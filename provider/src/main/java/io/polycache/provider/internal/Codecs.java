package io.polycache.provider.internal;

import io.polycache.provider.configuration.ManagerOptions;
import io.polycache.provider.configuration.PolycacheConfiguration;
import io.polycache.async.serialization.Serializer;
import io.polycache.async.serialization.SerializerContext;
import io.polycache.provider.serialization.KeyFormat;
import io.polycache.provider.serialization.Serializers;
import io.polycache.provider.store.Backend;
import java.util.ArrayList;
import java.util.List;

/**
 * The key and value codecs of one cache: identity or private copies for the memory backend,
 * serializers for backends that store bytes.
 */
record Codecs(Codec keys, Codec values) {

  static Codecs of(Backend backend, String cacheName, PolycacheConfiguration<?, ?> configuration,
      ManagerOptions options, ClassLoader classLoader, byte[] keyPrefix) {
    if (backend.storesBytes()) {
      List<String> allowed = new ArrayList<>(options.allowedClasses());
      allowed.addAll(configuration.getAllowedClasses());
      String serializerId = configuration.getSerializer() != null
          ? configuration.getSerializer() : options.serializer();
      @SuppressWarnings("unchecked")
      SerializerContext<Object> valueContext = new SerializerContext<>(cacheName, "value",
          (Class<Object>) configuration.getValueType(), classLoader, allowed);
      Serializer<Object> serializer =
          Serializers.forId(serializerId, classLoader).create(valueContext);
      KeyFormat keyFormat = KeyFormat.of(new SerializerContext<>(cacheName, "key",
          configuration.getKeyType(), classLoader, allowed));
      return new Codecs(SerializingCodec.keys(cacheName, keyPrefix, keyFormat),
          SerializingCodec.values(cacheName, serializer));
    }
    if (configuration.isStoreByValue()) {
      return new Codecs(new CopyingCodec(cacheName, "key", classLoader),
          new CopyingCodec(cacheName, "value", classLoader));
    }
    return new Codecs(Codec.IDENTITY, Codec.IDENTITY);
  }
}
