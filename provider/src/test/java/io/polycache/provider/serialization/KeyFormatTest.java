package io.polycache.provider.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.async.serialization.SerializationException;
import io.polycache.async.serialization.SerializerContext;
import io.polycache.provider.serialization.fixtures.Gadget;
import io.polycache.provider.serialization.fixtures.OrderKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys become readable, unambiguous bytes that decode to an equal key. */
class KeyFormatTest {

  private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

  @BeforeEach
  void resetGadgetFlags() {
    Gadget.resetFlags();
  }

  private static KeyFormat format(Class<?> type, String... allowed) {
    return KeyFormat.of(new SerializerContext<>("users", "key", type,
        KeyFormatTest.class.getClassLoader(), List.of(allowed)));
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static String failure(KeyFormat format, byte[] bytes) {
    return assertThrows(SerializationException.class, () -> format.decode(bytes)).getMessage();
  }

  @Test
  void stringKeys_arePlainUtf8() {
    KeyFormat format = format(String.class);

    assertArrayEquals(ascii("42"), format.encode("42"));
    assertArrayEquals(ascii("user:7"), format.encode("user:7"));
    assertArrayEquals("gr\u00fc\u00df".getBytes(StandardCharsets.UTF_8),
        format.encode("gr\u00fc\u00df"));
    assertEquals("gr\u00fc\u00df", format.decode(format.encode("gr\u00fc\u00df")));
    assertFalse(format.isTagged());
  }

  @Test
  void stringKeys_withLoneSurrogate_areRefusedSoTheyCannotCollide() {
    KeyFormat format = format(String.class);

    assertThrows(SerializationException.class, () -> format.encode("a\uD800"));
    assertThrows(SerializationException.class,
        () -> format.encode("key:\uDC00", ascii("myapp:users:")));
    assertThrows(SerializationException.class,
        () -> format(Object.class).encode("key:\uD800", ascii("myapp:users:")));
    assertArrayEquals(ascii("a?"), format.encode("a?"));
  }

  @Test
  void decode_offset_skipsTheCallersPrefixWithoutCopy() {
    byte[] remote = ascii("myapp:users:42");

    assertEquals("42", format(String.class).decode(remote, 12, 2));
    assertEquals(42L, format(Long.class).decode(remote, 12, 2));
    assertThrows(IndexOutOfBoundsException.class,
        () -> format(String.class).decode(remote, 12, 3));
  }

  @Test
  void encode_withPrefix_isThePrefixThenTheKeyBytes_forEveryForm() {
    byte[] prefix = ascii("myapp:users:");
    Object[][] cases = {
        {format(String.class), "42"},
        {format(String.class), "caf\u00e9:\uD83D\uDE00"},
        {format(Long.class), 42L},
        {format(Object.class), "s"},
        {format(Object.class), "gr\u00fc\u00df"},
        {format(Object.class), 7L},
        {format(Object.class), 7},
        {format(Object.class), ID},
        {format(Object.class, "java.time.*"), java.time.Duration.ofSeconds(3)},
    };
    for (Object[] c : cases) {
      KeyFormat format = (KeyFormat) c[0];
      byte[] bare = format.encode(c[1]);
      byte[] prefixed = format.encode(c[1], prefix);

      assertArrayEquals(bare, java.util.Arrays.copyOfRange(prefixed, prefix.length,
          prefixed.length), String.valueOf(c[1]));
      assertArrayEquals(prefix, java.util.Arrays.copyOf(prefixed, prefix.length));
      assertEquals(c[1], format.decode(prefixed, prefix.length, bare.length));
    }
  }

  @Test
  void longKeys_areDecimalText() {
    KeyFormat format = format(Long.class);

    assertArrayEquals(ascii("42"), format.encode(42L));
    assertArrayEquals(ascii("-7"), format.encode(-7L));
    assertEquals(42L, format.decode(ascii("42")));
    assertEquals(Long.MIN_VALUE, format.decode(format.encode(Long.MIN_VALUE)));
  }

  @Test
  void plainKeyTypes_roundTripThroughTheirText() {
    assertEquals(7, format(Integer.class).decode(format(Integer.class).encode(7)));
    assertEquals((short) -3, format(Short.class).decode(ascii("-3")));
    assertEquals((byte) 5, format(Byte.class).decode(ascii("5")));
    assertEquals(new BigInteger("123456789012345678901234567890"),
        format(BigInteger.class).decode(ascii("123456789012345678901234567890")));
    assertArrayEquals(ascii(ID.toString()), format(UUID.class).encode(ID));
    assertEquals(ID, format(UUID.class).decode(ascii(ID.toString())));
    assertEquals(true, format(Boolean.class).decode(ascii("true")));
    assertEquals('x', format(Character.class).decode(ascii("x")));
    assertEquals(9L, format(long.class).decode(ascii("9")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"042", "+42", "-0", "4 2", "abc", ""})
  void longKeys_foreignOrNonCanonicalText_isRefusedNamingTheCache(String text) {
    String message = failure(format(Long.class), ascii(text));

    assertTrue(message.startsWith("Cache users: the key bytes \"" + text + "\""), message);
    assertTrue(message.contains("another program"), message);
  }

  @Test
  void plainKeys_nonCanonicalUuidOrBoolean_isRefused() {
    failure(format(UUID.class), ascii(ID.toString().toUpperCase()));
    failure(format(Boolean.class), ascii("yes"));
    failure(format(Character.class), ascii("xy"));
  }

  @Test
  void encode_keyOfAnotherType_throwsClassCastException() {
    assertThrows(ClassCastException.class, () -> format(Long.class).encode("42"));
  }

  @Test
  void objectKeys_useOneTagPerType_soEqualTextsOfDifferentTypesDiffer() {
    KeyFormat format = format(Object.class);

    assertArrayEquals(ascii("s:42"), format.encode("42"));
    assertArrayEquals(ascii("l:42"), format.encode(42L));
    assertArrayEquals(ascii("i:42"), format.encode(42));
    assertArrayEquals(ascii("u:" + ID), format.encode(ID));
    assertTrue(format.isTagged());
  }

  @Test
  void objectKeys_roundTripToAnEqualKeyOfTheSameType() {
    KeyFormat format = format(Object.class, Gadget.class.getName(), "io.polycache.**");
    List<Object> keys = List.of("42", "", "s:x", 42L, 42, new Date(1_700_000_000_000L), ID,
        new Gadget("g1"), new OrderKey("eu", 7), (short) 3, List.of(1, 2));

    for (Object key : keys) {
      Object read = format.decode(format.encode(key));
      assertEquals(key, read, "key " + key);
      assertEquals(key.getClass(), read.getClass(), "key " + key);
    }
  }

  @Test
  void objectKeys_equalKeys_giveEqualBytes() {
    KeyFormat format = format(Object.class, "io.polycache.provider.serialization.fixtures.*");

    assertArrayEquals(format.encode(new Date(5)), format.encode(new Date(5)));
    assertArrayEquals(format.encode(new OrderKey("eu", 7)), format.encode(new OrderKey("eu", 7)));
    assertFalse(Arrays.equals(format.encode(new OrderKey("eu", 7)),
        format.encode(new OrderKey("eu", 8))));
  }

  @Test
  void objectKeys_javaTaggedKeysStartWithJ() {
    byte[] bytes = format(Object.class).encode(new Date(5));

    assertEquals('j', bytes[0]);
    assertEquals(':', bytes[1]);
    assertEquals((byte) 0xAC, bytes[2]);
  }

  @Test
  void objectKeys_refusedClass_isRefusedOnWriteAndNeverBuiltOnRead() {
    KeyFormat refusing = format(Object.class);
    byte[] bytes = format(Object.class, Gadget.class.getName()).encode(new Gadget("g1"));
    Gadget.resetFlags();

    SerializationException write = assertThrows(SerializationException.class,
        () -> refusing.encode(new Gadget("g1")));
    String read = failure(refusing, bytes);

    assertTrue(write.getMessage().contains("allowedClasses \"" + Gadget.class.getName() + "\""),
        write.getMessage());
    assertTrue(read.startsWith("Cache users: refused to deserialize key class "
        + Gadget.class.getName()), read);
    assertFalse(Gadget.READ_OBJECT_RAN.get());
  }

  @ParameterizedTest
  @ValueSource(strings = {"hello", "x:1", "s", "", "l:042", "i:99999999999", "u:nope"})
  void objectKeys_foreignBytes_areRefusedNamingTheCache(String text) {
    String message = failure(format(Object.class), ascii(text));

    assertTrue(message.startsWith("Cache users: the key bytes \"" + text + "\""), message);
  }

  @Test
  void objectKeys_tagThatDisagreesWithTheJavaBytes_isRefused() {
    byte[] javaString = format(Object.class).encode(new Date(5));
    byte[] serializedString = JavaSerializerFactoryTest.plainSerialize("42");
    byte[] forged = new byte[serializedString.length + 2];
    forged[0] = 'j';
    forged[1] = ':';
    System.arraycopy(serializedString, 0, forged, 2, serializedString.length);

    assertEquals(new Date(5), format(Object.class).decode(javaString));
    assertTrue(failure(format(Object.class), forged).contains("written with its own tag"));
  }

  @Test
  void declaredOtherKeyType_usesTheTaggedFormAndChecksTheType() {
    KeyFormat format = format(Date.class);

    assertEquals(new Date(5), format.decode(format.encode(new Date(5))));
    String message = failure(format, ascii("s:42"));
    assertTrue(message.contains("not the configured key type java.util.Date"), message);
  }
}
