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
  void forId_serviceFactoryOnAnotherClassLoader_isNotFound() {
    ClassLoader platform = ClassLoader.getPlatformClassLoader();

    assertThrows(IllegalArgumentException.class,
        () -> Serializers.forId(ReversingSerializerFactory.ID, platform));
    assertEquals(Serializers.builtInIds(), Serializers.available(platform).keySet());
  }
}
