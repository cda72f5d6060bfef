package io.polycache.provider.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.async.serialization.SerializationException;
import io.polycache.async.serialization.Serializer;
import io.polycache.async.serialization.SerializerContext;
import io.polycache.provider.serialization.fixtures.JsonMarker;
import io.polycache.provider.serialization.fixtures.JsonMarkerFlags;
import io.polycache.provider.serialization.fixtures.RecordingClassLoader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The json format reads into the configured type only. */
class JsonSerializerFactoryTest {

  private final JsonSerializerFactory factory = new JsonSerializerFactory();

  /** A typed cache value. */
  record Order(String id, long cents, List<String> items, Date placed) {}

  /** A class Jackson finds nothing to write in. */
  static final class Opaque {}

  private static <T> SerializerContext<T> context(Class<T> type) {
    return new SerializerContext<>("orders", "value", type,
        JsonSerializerFactoryTest.class.getClassLoader(), List.of());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void roundTrip_record_readsTheConfiguredTypeAndWritesDatesAsTimestamps() {
    Serializer<Order> serializer = factory.create(context(Order.class));
    Order order = new Order("o-1", 1999, List.of("apple", "pear"), new Date(1_700_000_000_000L));

    byte[] bytes = serializer.serialize(order);

    assertEquals("{\"id\":\"o-1\",\"cents\":1999,\"items\":[\"apple\",\"pear\"],"
        + "\"placed\":1700000000000}", new String(bytes, StandardCharsets.UTF_8));
    assertEquals(order, serializer.deserialize(bytes));
  }

  @Test
  void deserialize_unknownProperty_isIgnored() {
    Serializer<Order> serializer = factory.create(context(Order.class));

    Order read = serializer.deserialize(utf8("{\"id\":\"o-2\",\"added\":true}"));

    assertEquals(new Order("o-2", 0, null, null), read);
  }

  @Test
  void roundTrip_mapOfStringToObject_keepsJsonNaturalTypes() {
    @SuppressWarnings("unchecked")
    Class<Map<String, Object>> type = (Class<Map<String, Object>>) (Class<?>) Map.class;
    Serializer<Map<String, Object>> serializer = factory.create(context(type));
    Map<String, Object> value = Map.of("name", "box", "count", 3, "tags", List.of("a", "b"),
        "nested", Map.of("ok", true), "price", 2.5);

    assertEquals(value, serializer.deserialize(serializer.serialize(value)));
  }

  @Test
  void create_objectType_throwsNamingCacheRoleAndRemedy() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> factory.create(context(Object.class)));

    assertEquals("Cache orders: the json serializer needs a concrete value type to read values"
        + " back, but the configured value type is java.lang.Object; configure the cache's types"
        + " (setTypes(K.class, V.class)) or use the java serializer", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(classes = {Number.class, Serializable.class, CharSequence.class, Object[].class})
  void create_abstractType_throws(Class<?> type) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> factory.create(context(type)));

    assertTrue(e.getMessage().contains(type.getName()), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(classes = {Map.class, List.class, java.util.Set.class, java.util.Collection.class,
      String.class, Long.class, int[].class})
  void create_concreteOrCollectionType_isAccepted(Class<?> type) {
    assertEquals("json", factory.create(context(type)).id());
  }

  @Test
  void deserialize_payloadNamingAClass_neverLoadsNorBuildsIt() {
    RecordingClassLoader recording = new RecordingClassLoader(getClass().getClassLoader());
    Serializer<Map<String, Object>> maps = factory.create(context(mapType()));
    Serializer<Order> orders = factory.create(context(Order.class));
    @SuppressWarnings("unchecked")
    Serializer<List<Object>> lists = factory.create(context(
        (Class<List<Object>>) (Class<?>) List.class));
    String named = "{\"@class\":\"" + JsonMarker.NAME + "\",\"id\":\"o-3\"}";
    String wrapped = "[\"" + JsonMarker.NAME + "\",{\"id\":\"o-4\"}]";

    Map<String, Object> map = withContextLoader(recording, () -> maps.deserialize(utf8(named)));
    Order order = withContextLoader(recording, () -> orders.deserialize(utf8(named)));
    List<Object> list = withContextLoader(recording, () -> lists.deserialize(utf8(wrapped)));

    assertEquals(JsonMarker.NAME, map.get("@class"));
    assertEquals("o-3", order.id());
    assertEquals(JsonMarker.NAME, list.get(0));
    assertThrows(SerializationException.class,
        () -> withContextLoader(recording, () -> orders.deserialize(utf8(wrapped))));
    assertFalse(recording.requested().contains(JsonMarker.NAME), recording.requested()::toString);
    assertFalse(JsonMarkerFlags.INITIALIZED.get(), "marker initialized");
    assertFalse(JsonMarkerFlags.CONSTRUCTED.get(), "marker constructed");
  }

  @Test
  void serialize_classWithoutJsonForm_namesCacheAndClass() {
    Serializer<Opaque> serializer = factory.create(context(Opaque.class));

    SerializationException e = assertThrows(SerializationException.class,
        () -> serializer.serialize(new Opaque()));

    assertTrue(e.getMessage().startsWith("Cache orders: cannot write the value of class "
        + Opaque.class.getName() + " as JSON"), e.getMessage());
  }

  @Test
  void deserialize_notJson_namesCacheAndType() {
    Serializer<Order> serializer = factory.create(context(Order.class));

    SerializationException e = assertThrows(SerializationException.class,
        () -> serializer.deserialize(utf8("hello")));

    assertTrue(e.getMessage().startsWith("Cache orders: cannot read a stored value as "
        + Order.class.getName() + " with the json serializer"), e.getMessage());
  }

  @Test
  void deserialize_jsonNull_isRefused() {
    Serializer<Order> serializer = factory.create(context(Order.class));

    assertThrows(SerializationException.class, () -> serializer.deserialize(utf8("null")));
  }

  @SuppressWarnings("unchecked")
  private static Class<Map<String, Object>> mapType() {
    return (Class<Map<String, Object>>) (Class<?>) Map.class;
  }

  private static <T> T withContextLoader(ClassLoader loader, Supplier<T> action) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return action.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
