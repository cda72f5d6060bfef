package io.polycache.provider.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.async.serialization.Serializer;
import io.polycache.async.serialization.SerializerContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bytes format passes arrays through and hands readers their own copy. */
class BytesSerializerFactoryTest {

  private final BytesSerializerFactory factory = new BytesSerializerFactory();

  private static <T> SerializerContext<T> context(Class<T> type) {
    return new SerializerContext<>("blobs", "value", type,
        BytesSerializerFactoryTest.class.getClassLoader(), List.of());
  }

  @Test
  void roundTrip_bytes_areUnchanged() {
    Serializer<byte[]> serializer = factory.create(context(byte[].class));
    byte[] value = {0, 1, (byte) 0xFF};

    assertArrayEquals(value, serializer.deserialize(serializer.serialize(value)));
  }

  @Test
  void deserialize_returnsACopy_soCallersCannotChangeStoredBytes() {
    Serializer<byte[]> serializer = factory.create(context(byte[].class));
    byte[] stored = {1, 2, 3};

    byte[] first = serializer.deserialize(stored);
    first[0] = 9;

    assertArrayEquals(new byte[] {1, 2, 3}, stored);
    assertArrayEquals(new byte[] {1, 2, 3}, serializer.deserialize(stored));
  }

  @Test
  void create_otherType_throwsNamingTheCache() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> factory.create(context(String.class)));

    assertTrue(e.getMessage().startsWith("Cache blobs: the bytes serializer writes only byte[]"),
        e.getMessage());
  }
}
