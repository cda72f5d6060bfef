package io.polycache.provider.serialization;

import io.polycache.async.serialization.Serializer;
import io.polycache.async.serialization.SerializerContext;
import io.polycache.async.serialization.SerializerFactory;
import java.nio.charset.StandardCharsets;

/**
 * A third-party format, found through META-INF/services in the test resources: a string written
 * backwards.
 */
public final class ReversingSerializerFactory implements SerializerFactory {

  static final String ID = "reverse-test";

  public ReversingSerializerFactory() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public <T> Serializer<T> create(SerializerContext<T> context) {
    @SuppressWarnings("unchecked")
    Serializer<T> serializer = (Serializer<T>) new Serializer<String>() {
      @Override
      public String id() {
        return ID;
      }

      @Override
      public byte[] serialize(String value) {
        return new StringBuilder(value).reverse().toString().getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public String deserialize(byte[] bytes) {
        return new StringBuilder(new String(bytes, StandardCharsets.UTF_8)).reverse().toString();
      }
    };
    return serializer;
  }
}
