package io.polycache.provider.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.async.serialization.Serializer;
import io.polycache.async.serialization.SerializerContext;
import io.polycache.async.serialization.SerializerFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Formats are found by id among the built-ins and the service-loaded factories. */
class SerializersTest {

  private static final ClassLoader LOADER = SerializersTest.class.getClassLoader();

  @Test
  void forId_builtInIds_giveTheBuiltInFactories() {
    assertInstanceOf(JavaSerializerFactory.class, Serializers.forId("java", LOADER));
    assertInstanceOf(JsonSerializerFactory.class, Serializers.forId("json", LOADER));
    assertInstanceOf(StringSerializerFactory.class, Serializers.forId("string", LOADER));
    assertInstanceOf(BytesSerializerFactory.class, Serializers.forId("bytes", LOADER));
    assertEquals(Set.of("java", "json", "string", "bytes"), Serializers.builtInIds());
    for (String id : Serializers.builtInIds()) {
      assertEquals(id, Serializers.forId(id, LOADER).id());
    }
  }

  @Test
  void defaultValueSerializer_isJava() {
    assertEquals("java", Serializers.DEFAULT_VALUE_SERIALIZER);
  }

  @Test
  void forId_builtIn_givesAFactoryOfItsOwnToEachCaller() {
    assertNotSame(Serializers.forId("json", LOADER), Serializers.forId("json", LOADER));
  }

  @Test
  void forId_unknownId_listsTheKnownIds() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Serializers.forId("protobuf", LOADER));

    assertTrue(e.getMessage().startsWith("Unknown serializer \"protobuf\"; known serializers:"
        + " bytes, java, json, reverse-test, string"), e.getMessage());
  }

  @Test
  void forId_factoryListedInMetaInfServices_isFoundAndWorks() {
    SerializerFactory factory = Serializers.forId(ReversingSerializerFactory.ID, LOADER);
    Serializer<String> serializer = factory.create(new SerializerContext<>("names", "value",
        String.class, LOADER, List.of()));

    assertInstanceOf(ReversingSerializerFactory.class, factory);
    assertEquals("cba", new String(serializer.serialize("abc"), StandardCharsets.UTF_8));
    assertTrue(Serializers.available(LOADER).containsKey(ReversingSerializerFactory.ID));
  }

  @Test
  void deserializeRange_everySerializer_readsOnlyTheRange_andChecksItsBounds() {
    Object[][] cases = {
        {"java", java.time.Duration.class, java.time.Duration.ofSeconds(7)},
        {"json", java.util.Map.class, java.util.Map.of("a", 1)},
        {"string", String.class, "h\u00e9llo"},
        {ReversingSerializerFactory.ID, String.class, "abc"},
    };
    for (Object[] c : cases) {
      Serializer<Object> serializer = serializer((String) c[0], (Class<?>) c[1]);
      byte[] written = serializer.serialize(c[2]);
      byte[] framed = new byte[written.length + 7];
      java.util.Arrays.fill(framed, (byte) 0x7f);
      System.arraycopy(written, 0, framed, 3, written.length);

      assertEquals(c[2], serializer.deserialize(framed, 3, written.length), (String) c[0]);
      assertThrows(IndexOutOfBoundsException.class,
          () -> serializer.deserialize(framed, 5, framed.length), (String) c[0]);
    }
    Serializer<Object> bytes = serializer("bytes", byte[].class);
    byte[] framed = {9, 1, 2, 3, 9};
    byte[] read = (byte[]) bytes.deserialize(framed, 1, 3);
    read[0] = 42;
    assertTrue(java.util.Arrays.equals(new byte[] {9, 1, 2, 3, 9}, framed),
        "the bytes read are a copy");
    assertEquals(3, read.length);
  }

  @SuppressWarnings("unchecked")
  private static Serializer<Object> serializer(String id, Class<?> type) {
    return Serializers.forId(id, LOADER).create(new SerializerContext<>("c", "value",
        (Class<Object>) type, LOADER, List.of("java.time.*")));
  }

  @Test
  void forId_serviceFactoryOnAnotherClassLoader_isNotFound() {
    ClassLoader platform = ClassLoader.getPlatformClassLoader();

    assertThrows(IllegalArgumentException.class,
        () -> Serializers.forId(ReversingSerializerFactory.ID, platform));
    assertEquals(Serializers.builtInIds(), Serializers.available(platform).keySet());
  }
}
