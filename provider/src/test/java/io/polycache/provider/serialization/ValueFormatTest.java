package io.polycache.provider.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.async.serialization.SerializationException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every stored value carries a header that tells foreign, newer and other-format bytes apart. */
class ValueFormatTest {

  private static String decodeFailure(byte[] stored, String serializerId) {
    return assertThrows(SerializationException.class,
        () -> ValueFormat.decode(stored, serializerId, "users", "user:7")).getMessage();
  }

  @Test
  void encode_writesMagicVersionIdLengthIdAndPayload() {
    byte[] stored = ValueFormat.encode("java", new byte[] {1, 2});

    assertArrayEquals(new byte[] {(byte) 0xC0, (byte) 0xC1, 1, 4, 'j', 'a', 'v', 'a', 1, 2},
        stored);
  }

  @Test
  void decode_ownBytes_returnsThePayload() {
    byte[] payload = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    byte[] stored = ValueFormat.encode("json", payload);

    assertArrayEquals(payload, ValueFormat.decode(stored, "json", "users", "user:7"));
    assertEquals(8, ValueFormat.payloadOffset(stored, "json", "users", "user:7"));
  }

  @Test
  void payloadOffsetIfValid_acceptsExactlyWhatPayloadOffsetAccepts() {
    byte[] own = ValueFormat.encode("json", new byte[] {1, 2});
    assertEquals(ValueFormat.payloadOffset(own, "json", "users", "user:7"),
        ValueFormat.payloadOffsetIfValid(own, "json"));
    assertEquals(6, ValueFormat.payloadOffsetIfValid(ValueFormat.encode("ab", new byte[0]), "ab"));

    byte[] newer = own.clone();
    newer[2] = (byte) (ValueFormat.VERSION + 1);
    byte[] versionZero = own.clone();
    versionZero[2] = 0;
    byte[] idTooLong = own.clone();
    idTooLong[3] = 40;
    byte[][] refused = {
        new byte[0],
        "hello".getBytes(StandardCharsets.UTF_8),
        {(byte) 0xC0, (byte) 0xC1, 1},
        ValueFormat.encode("java", new byte[] {1, 2}),
        ValueFormat.encode("jsonx", new byte[] {1, 2}),
        newer,
        versionZero,
        idTooLong,
        java.util.Arrays.copyOf(own, 6),
    };
    for (byte[] stored : refused) {
      assertEquals(-1, ValueFormat.payloadOffsetIfValid(stored, "json"));
      assertThrows(SerializationException.class,
          () -> ValueFormat.payloadOffset(stored, "json", "users", "user:7"));
    }
  }

  @Test
  void payloadOffsetIfValid_fromAnOffset_readsTheValueBehindAStoreHeader() {
    byte[] own = ValueFormat.encode("json", new byte[] {1, 2});
    byte[] behind = new byte[18 + own.length];
    System.arraycopy(own, 0, behind, 18, own.length);

    assertEquals(18 + ValueFormat.payloadOffsetIfValid(own, "json"),
        ValueFormat.payloadOffsetIfValid(behind, 18, "json"));
    assertEquals(-1, ValueFormat.payloadOffsetIfValid(behind, 0, "json"));
    assertEquals(-1, ValueFormat.payloadOffsetIfValid(behind, 17, "json"));
    assertEquals(-1, ValueFormat.payloadOffsetIfValid(behind, 18, "java"));
    assertEquals(-1, ValueFormat.payloadOffsetIfValid(behind, behind.length - 1, "json"));
    assertEquals(-1, ValueFormat.payloadOffsetIfValid(behind, -1, "json"));
  }

  @Test
  void decode_emptyPayload_roundTrips() {
    byte[] stored = ValueFormat.encode("string", new byte[0]);

    assertArrayEquals(new byte[0], ValueFormat.decode(stored, "string", "users", "user:7"));
  }

  @Test
  void decode_bytesWrittenByAnotherProgram_saysNotWrittenByPolycache() {
    String message = decodeFailure("hello".getBytes(StandardCharsets.UTF_8), "java");

    assertTrue(message.startsWith("Cache users: the value of key user:7 was not written by"
        + " Polycache"), message);
    assertTrue(message.contains("another program"), message);
  }

  @Test
  void decode_emptyArray_saysNotWrittenByPolycache() {
    String message = decodeFailure(new byte[0], "java");

    assertTrue(message.startsWith("Cache users: the value of key user:7 was not written by"
        + " Polycache (it is empty"), message);
  }

  @Test
  void decode_otherSerializer_namesBothSerializers() {
    String message = decodeFailure(ValueFormat.encode("json", new byte[] {'1'}), "java");

    assertEquals("Cache users: the value of key user:7 was written with serializer \"json\", but"
        + " this cache uses \"java\". Configure the cache with serializer \"json\", or remove the"
        + " key", message);
  }

  @Test
  void decode_serializerIdThatIsAPrefix_isAnotherSerializer() {
    String message = decodeFailure(ValueFormat.encode("jav", new byte[] {'1'}), "java");

    assertTrue(message.contains("serializer \"jav\""), message);
  }

  @Test
  void decode_newerFormatVersion_saysSo() {
    byte[] stored = ValueFormat.encode("java", new byte[] {1});
    stored[2] = 7;

    String message = decodeFailure(stored, "java");

    assertTrue(message.contains("was written by a newer Polycache (value format version 7; this"
        + " version reads up to 1)"), message);
  }

  @Test
  void decode_truncatedHeader_isReportedAsDamaged() {
    String cut = decodeFailure(new byte[] {(byte) 0xC0, (byte) 0xC1, 1}, "java");
    String shortId = decodeFailure(new byte[] {(byte) 0xC0, (byte) 0xC1, 1, 4, 'j'}, "java");

    assertTrue(cut.contains("damaged Polycache header"), cut);
    assertTrue(shortId.contains("damaged Polycache header"), shortId);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "with space", "caf\u00e9", "abcdefghijklmnopqrstuvwxyz0123456"})
  void encode_invalidSerializerId_throws(String id) {
    assertThrows(IllegalArgumentException.class, () -> ValueFormat.encode(id, new byte[0]));
  }
}
