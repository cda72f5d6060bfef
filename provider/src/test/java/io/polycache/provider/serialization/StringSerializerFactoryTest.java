package io.polycache.provider.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.async.serialization.SerializationException;
import io.polycache.async.serialization.Serializer;
import io.polycache.async.serialization.SerializerContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The string format is strict UTF-8 for String-typed caches only. */
class StringSerializerFactoryTest {

  private final StringSerializerFactory factory = new StringSerializerFactory();

  private static <T> SerializerContext<T> context(Class<T> type) {
    return new SerializerContext<>("names", "value", type,
        StringSerializerFactoryTest.class.getClassLoader(), List.of());
  }

  @Test
  void roundTrip_text_isItsUtf8Bytes() {
    Serializer<String> serializer = factory.create(context(String.class));
    String text = "h\u00e9llo \u2713 \uD83D\uDE00 \uFFFD";

    byte[] bytes = serializer.serialize(text);

    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), bytes);
    assertEquals(text, serializer.deserialize(bytes));
  }

  @Test
  void create_nonStringType_throwsNamingTheCache() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> factory.create(context(Integer.class)));

    assertTrue(e.getMessage().startsWith("Cache names: the string serializer writes only String"
        + " values, but the configured value type is java.lang.Integer"), e.getMessage());
  }

  @Test
  void serialize_loneSurrogate_isRefusedRatherThanWrittenAsQuestionMark() {
    Serializer<String> serializer = factory.create(context(String.class));

    assertThrows(SerializationException.class, () -> serializer.serialize("a\uD800b"));
  }

  @Test
  void deserialize_malformedUtf8_isRefused() {
    Serializer<String> serializer = factory.create(context(String.class));

    SerializationException e = assertThrows(SerializationException.class,
        () -> serializer.deserialize(new byte[] {'a', (byte) 0xC3, 0x28}));

    assertTrue(e.getMessage().startsWith("Cache names:"), e.getMessage());
  }
}
