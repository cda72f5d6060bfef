package io.polycache.provider.store.redis;

import static io.polycache.provider.store.redis.TestSpecs.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.provider.store.StoreEntry;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The stored value's header, byte by byte, and how foreign bytes are reported. */
class StoredValueTest {

  @Test
  void encode_thenDecode_keepsVersionExpiryAndPayload() {
    byte[] stored = StoredValue.encode(-2L, 1_700_000_000_123L, utf8("payload"));

    RedisEntry entry = StoredValue.decode("c", utf8("k"), stored);

    assertEquals(-2L, entry.version());
    assertEquals(1_700_000_000_123L, entry.expireAt());
    assertArrayEquals(utf8("payload"), entry.value());
  }

  @Test
  void layout_isMagicFormatVersionExpiryThenPayload() {
    byte[] stored = StoredValue.encode(0x0102030405060708L, StoreEntry.ETERNAL, new byte[] {42});

    assertArrayEquals(new byte[] {(byte) 0xB7, 1, 1, 2, 3, 4, 5, 6, 7, 8,
        0x7f, -1, -1, -1, -1, -1, -1, -1, 42}, stored);
    assertArrayEquals(Arrays.copyOf(stored, 10), StoredValue.tag(0x0102030405060708L));
    assertArrayEquals(Arrays.copyOfRange(stored, 2, 18),
        StoredValue.versionAndExpiry(0x0102030405060708L, StoreEntry.ETERNAL));
  }

  @Test
  void emptyPayload_isAllowed() {
    assertEquals(0, StoredValue.decode("c", utf8("k"), StoredValue.encode(1, 2, new byte[0]))
        .value().length);
  }

  @Test
  void foreignBytes_areRefused_namingCacheAndKey() {
    for (byte[] foreign : new byte[][] {utf8("hello"), new byte[0], {(byte) 0xB7},
        {(byte) 0xB7, 1, 0, 0}, {(byte) 0xAC, (byte) 0xED, 0, 5}}) {
      RedisStoreException e = assertThrows(RedisStoreException.class,
          () -> StoredValue.decode("users", utf8("app:users:7"), foreign));
      assertTrue(e.getMessage().contains("Cache 'users'"), e.getMessage());
      assertTrue(e.getMessage().contains("\"app:users:7\""), e.getMessage());
      assertTrue(e.getMessage().contains("not written by Polycache"), e.getMessage());
    }
  }

  @Test
  void describeKey_textWhenPrintable_hexOtherwise() {
    assertEquals("\"app:users:\u00e9t\u00e9\"", RedisStoreException.describeKey(utf8("app:users:\u00e9t\u00e9")));
    assertEquals("0x610a62", RedisStoreException.describeKey(new byte[] {'a', '\n', 'b'}));
    byte[] long40 = new byte[40];
    assertEquals("0x" + "00".repeat(32) + "... (40 bytes)", RedisStoreException.describeKey(long40));
    String longText = "k".repeat(300);
    assertTrue(RedisStoreException.describeKey(utf8(longText)).endsWith("...\" (300 bytes)"));
  }
}
