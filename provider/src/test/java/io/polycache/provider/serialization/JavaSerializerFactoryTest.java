package io.polycache.provider.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.async.serialization.SerializationException;
import io.polycache.async.serialization.Serializer;
import io.polycache.async.serialization.SerializerContext;
import io.polycache.provider.serialization.fixtures.Gadget;
import io.polycache.provider.serialization.fixtures.Holder;
import io.polycache.provider.serialization.fixtures.RecordingClassLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The java format reads only allowlisted classes and never runs code of a refused one. */
class JavaSerializerFactoryTest {

  private static final String GADGET = Gadget.class.getName();
  private static final String FIXTURES = "io.polycache.provider.serialization.fixtures";
  private static final ClassLoader LOADER = JavaSerializerFactoryTest.class.getClassLoader();

  private final JavaSerializerFactory factory = new JavaSerializerFactory();

  @BeforeEach
  void resetGadgetFlags() {
    Gadget.resetFlags();
  }

  static <T> SerializerContext<T> context(Class<T> type, String... allowed) {
    return new SerializerContext<>("orders", "value", type, LOADER, List.of(allowed));
  }

  static byte[] plainSerialize(Object object) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] gadgetBytes() {
    byte[] bytes = plainSerialize(new Gadget("g1"));
    Gadget.resetFlags();
    return bytes;
  }

  @Test
  void deserialize_classOutsideAllowlist_isRefusedWithPatternAndNeverConstructed() {
    Serializer<Object> serializer = factory.create(context(Object.class));

    SerializationException e = assertThrows(SerializationException.class,
        () -> serializer.deserialize(gadgetBytes()));

    assertEquals("Cache orders: refused to deserialize value class " + GADGET
        + " (not in the allowlist). Allow it with allowedClasses \"" + GADGET
        + "\" or the package \"" + FIXTURES + ".*\" (system property"
        + " polycache.serialization.allow, the manager option allowedClasses, or the cache's"
        + " allowedClasses option)",
        e.getMessage());
    assertFalse(Gadget.READ_OBJECT_RAN.get(), "readObject ran");
    assertFalse(Gadget.READ_RESOLVE_RAN.get(), "readResolve ran");
    assertEquals(0, Gadget.CONSTRUCTIONS.get(), "constructions");
  }

  @Test
  void deserialize_refusedClass_isNeverRequestedFromTheCacheClassLoader() {
    RecordingClassLoader loader = new RecordingClassLoader(LOADER);
    Serializer<Object> serializer = factory.create(
        new SerializerContext<>("orders", "value", Object.class, loader, List.of()));
    byte[] bytes = plainSerialize(List.of(new ArrayList<>(List.of("a")), new Gadget("g1")));

    assertThrows(SerializationException.class, () -> serializer.deserialize(bytes));

    assertTrue(loader.requested().contains("java.util.ArrayList"), loader.requested()::toString);
    assertFalse(loader.requested().contains(GADGET), loader.requested()::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"io.polycache.provider.serialization.fixtures.Gadget",
      "io.polycache.provider.serialization.fixtures.*", "io.polycache.provider.serialization.**",
      "io.polycache.**"})
  void deserialize_classAllowedByPattern_isRead(String pattern) {
    Serializer<Object> serializer = factory.create(context(Object.class, pattern));

    Object read = serializer.deserialize(gadgetBytes());

    assertEquals(new Gadget("g1"), read);
    assertTrue(Gadget.READ_OBJECT_RAN.get());
  }

  @ParameterizedTest
  @ValueSource(strings = {"io.polycache.provider.serialization.*",
      "io.polycache.provider.serialization.fixtures.Gadget2",
      "io.polycache.provider.serialization.fixtures.Gadget$Inner", "io.polycache.prov.**"})
  void deserialize_patternNotCoveringTheClass_refuses(String pattern) {
    Serializer<Object> serializer = factory.create(context(Object.class, pattern));

    assertThrows(SerializationException.class, () -> serializer.deserialize(gadgetBytes()));
    assertFalse(Gadget.anyCodeRan());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "*", "**", ".*", "com..Order", "com.example.*.Order",
      "com.example.Ord er", "com.example.Order*"})
  void create_malformedPattern_throwsNamingCacheAndPattern(String pattern) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> factory.create(context(Object.class, pattern)));

    assertTrue(e.getMessage().startsWith("Cache orders: allowedClasses holds the class pattern \""
        + pattern + "\""), e.getMessage());
  }

  @Test
  void deserialize_classAllowedBySystemProperty_isRead() {
    String previous = System.getProperty(JavaSerializerFactory.ALLOW_PROPERTY);
    Serializer<Object> serializer;
    try {
      System.setProperty(JavaSerializerFactory.ALLOW_PROPERTY,
          "com.example.*; " + GADGET + " ,org.example.**");
      serializer = factory.create(context(Object.class));
    } finally {
      restore(previous);
    }

    assertEquals(new Gadget("g1"), serializer.deserialize(gadgetBytes()));
    assertThrows(SerializationException.class,
        () -> factory.create(context(Object.class)).deserialize(gadgetBytes()));
  }

  @Test
  void create_malformedPatternInSystemProperty_namesTheProperty() {
    String previous = System.getProperty(JavaSerializerFactory.ALLOW_PROPERTY);
    try {
      System.setProperty(JavaSerializerFactory.ALLOW_PROPERTY, "com.example.*,**");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> factory.create(context(Object.class)));

      assertTrue(e.getMessage().contains("system property polycache.serialization.allow"),
          e.getMessage());
    } finally {
      restore(previous);
    }
  }

  private static void restore(String previous) {
    if (previous == null) {
      System.clearProperty(JavaSerializerFactory.ALLOW_PROPERTY);
    } else {
      System.setProperty(JavaSerializerFactory.ALLOW_PROPERTY, previous);
    }
  }

  @Test
  void deserialize_allowedListHoldingRefusedClass_isRefused() {
    Serializer<Object> serializer = factory.create(context(Object.class));
    byte[] bytes = plainSerialize(new ArrayList<>(List.of("a", new Gadget("g1"))));
    Gadget.resetFlags();

    SerializationException e = assertThrows(SerializationException.class,
        () -> serializer.deserialize(bytes));

    assertTrue(e.getMessage().contains("class " + GADGET + " (not in the allowlist)"),
        e.getMessage());
    assertFalse(Gadget.anyCodeRan());
  }

  @Test
  void deserialize_arrayOfRefusedClass_isRefused() {
    Serializer<Object> serializer = factory.create(context(Object.class));
    byte[] bytes = plainSerialize(new Gadget[] {new Gadget("g1")});
    Gadget.resetFlags();

    SerializationException e = assertThrows(SerializationException.class,
        () -> serializer.deserialize(bytes));

    assertTrue(e.getMessage().contains("\"" + GADGET + "\""), e.getMessage());
    assertFalse(Gadget.anyCodeRan());
  }

  @Test
  void deserialize_configuredType_isAllowedByDefault() {
    Serializer<Gadget> serializer = factory.create(context(Gadget.class));

    assertEquals(new Gadget("g1"), serializer.deserialize(gadgetBytes()));
  }

  @Test
  void deserialize_configuredType_doesNotAllowTheApplicationClassesItHolds() {
    Serializer<Holder> serializer = factory.create(context(Holder.class));
    byte[] bytes = plainSerialize(new Holder("h", new Gadget("g1")));
    Gadget.resetFlags();

    SerializationException e = assertThrows(SerializationException.class,
        () -> serializer.deserialize(bytes));

    assertTrue(e.getMessage().contains("class " + GADGET + " (not in the allowlist)"),
        e.getMessage());
    assertFalse(Gadget.anyCodeRan());
    Serializer<Holder> allowing = factory.create(context(Holder.class, GADGET));
    assertEquals(new Holder("h", new Gadget("g1")), allowing.deserialize(bytes));
  }

  @Test
  void deserialize_valueOfAnotherTypeThanConfigured_isRefusedNamingBothTypes() {
    Serializer<Gadget> serializer = factory.create(context(Gadget.class));

    SerializationException e = assertThrows(SerializationException.class,
        () -> serializer.deserialize(plainSerialize("text")));

    assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
    assertTrue(e.getMessage().contains(GADGET), e.getMessage());
  }

  @Test
  void roundTrip_jdkValueTypes_areAllowedByDefault() {
    Serializer<Object> serializer = factory.create(context(Object.class));
    Map<String, Integer> hashMap = new HashMap<>(Map.of("a", 1));
    List<Object> values = new ArrayList<>(List.of(
        true, (byte) 1, 'c', (short) 2, 3, 4L, 5.5f, 6.5d, "text",
        new BigInteger("123456789012345678901234567890"), new BigDecimal("1.50"),
        List.of(1, 2), Set.of("x"), Map.of("k", "v"), List.of(), hashMap,
        new LinkedHashMap<>(hashMap), new TreeMap<>(hashMap), new TreeSet<>(Set.of(3, 1)),
        Collections.unmodifiableList(new ArrayList<>(List.of(1))),
        Collections.synchronizedMap(new HashMap<>(hashMap)), Collections.emptyList(),
        Collections.singletonMap("s", 1), Arrays.asList("p", "q"), new Date(1_700_000_000_000L),
        UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"), Locale.CANADA_FRENCH,
        Currency.getInstance("EUR"), LocalDate.of(2024, 2, 29), Instant.ofEpochSecond(42),
        Duration.ofMillis(1500),
        ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneId.of("Europe/Paris")),
        TimeUnit.SECONDS, new int[] {1, 2}, new String[][] {{"a"}, {"b"}}));

    Object read = serializer.deserialize(serializer.serialize(values));

    List<?> list = (List<?>) read;
    assertEquals(values.size(), list.size());
    for (int i = 0; i < values.size(); i++) {
      Object expected = values.get(i);
      if (expected instanceof int[]) {
        assertArrayEquals((int[]) expected, (int[]) list.get(i));
      } else if (expected instanceof Object[]) {
        assertArrayEquals((Object[]) expected, (Object[]) list.get(i));
      } else {
        assertEquals(expected, list.get(i), "element " + i);
      }
    }
  }

  @Test
  void serialize_notSerializableValue_namesCacheRoleClassAndRemedy() {
    Serializer<Object> serializer = factory.create(context(Object.class));

    SerializationException e = assertThrows(SerializationException.class,
        () -> serializer.serialize(new Object()));

    assertTrue(e.getMessage().startsWith("Cache orders: cannot write the value of class"
        + " java.lang.Object with the java serializer"), e.getMessage());
    assertTrue(e.getMessage().contains("implement java.io.Serializable"), e.getMessage());
  }

  @Test
  void serialize_classTheReaderWouldRefuse_isRefusedBeforeStoring() {
    Serializer<Object> serializer = factory.create(context(Object.class));

    SerializationException e = assertThrows(SerializationException.class,
        () -> serializer.serialize(List.of(new Gadget("g1"))));

    assertTrue(e.getMessage().startsWith("Cache orders: refused to serialize value class "
        + GADGET), e.getMessage());
    assertTrue(e.getMessage().contains("allowedClasses \"" + GADGET + "\""), e.getMessage());
  }

  @Test
  void deserialize_nestingDeeperThanLimit_isRefused() {
    Serializer<Object> serializer = factory.create(context(Object.class));
    List<Object> nested = new ArrayList<>();
    List<Object> innermost = nested;
    for (int i = 0; i < 150; i++) {
      List<Object> next = new ArrayList<>();
      innermost.add(next);
      innermost = next;
    }
    byte[] bytes = plainSerialize(nested);

    SerializationException e = assertThrows(SerializationException.class,
        () -> serializer.deserialize(bytes));

    assertTrue(e.getMessage().contains("nested deeper than 100"), e.getMessage());
  }

  @Test
  void deserialize_arrayLongerThanLimit_isRefused() {
    Serializer<Object> serializer = new JavaSerializerFactory(100, 1_000)
        .create(context(Object.class));

    assertEquals(1_000, ((int[]) serializer.deserialize(plainSerialize(new int[1_000]))).length);
    SerializationException e = assertThrows(SerializationException.class,
        () -> serializer.deserialize(plainSerialize(new int[1_001])));
    assertTrue(e.getMessage().contains("array of 1001 elements"), e.getMessage());
  }

  @Test
  void deserialize_bytesThatAreNotJavaSerialization_failNamingTheCache() {
    Serializer<Object> serializer = factory.create(context(Object.class));

    SerializationException e = assertThrows(SerializationException.class,
        () -> serializer.deserialize("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    assertTrue(e.getMessage().startsWith("Cache orders: cannot read a stored value"),
        e.getMessage());
  }
}
