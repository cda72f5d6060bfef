package io.polycache.provider.store.memcached;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MemcachedKeysTest {

  private static final byte[] PREFIX = "polycache:my%20cache:".getBytes(StandardCharsets.US_ASCII);

  private final MemcachedKeys keys = new MemcachedKeys(PREFIX);

  private static byte[] key(byte[] userPart) {
    byte[] key = Arrays.copyOf(PREFIX, PREFIX.length + userPart.length);
    System.arraycopy(userPart, 0, key, PREFIX.length, userPart.length);
    return key;
  }

  private static byte[] key(String userPart) {
    return key(userPart.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readableKey_staysReadableAfterThePrefix() {
    MemcachedKeys.Key k = keys.encode(key("users:42"));

    assertEquals("polycache:my%20cache:users:42", k.text());
    assertFalse(k.hashed());
  }

  @Test
  void spacesControlCharsPercentHashAndNonAscii_areEscapedAndDecodeBack() {
    byte[] logical = key("a b\r\n\u0000%#é\u007f");

    MemcachedKeys.Key k = keys.encode(logical);

    assertEquals("polycache:my%20cache:a%20b%0D%0A%00%25%23%C3%A9%7F", k.text());
    assertArrayEquals(logical, keys.decode(k.text()));
  }

  @Test
  void everyByte_roundTripsAndTheKeyIsValidForMemcached() {
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      byte[] user = new byte[random.nextInt(120)];
      random.nextBytes(user);
      byte[] logical = key(user);

      MemcachedKeys.Key k = keys.encode(logical);

      assertValidMemcachedKey(k.text());
      if (!k.hashed()) {
        assertArrayEquals(logical, keys.decode(k.text()));
      }
    }
  }

  @Test
  void keyOverLimit_isHashedUnderThePrefixAndNotDecodable() {
    byte[] logical = key("x".repeat(300));

    MemcachedKeys.Key k = keys.encode(logical);

    assertTrue(k.hashed());
    assertTrue(k.text().startsWith(keys.storePrefix() + "#"));
    assertEquals(keys.storePrefix().length() + 1 + 43, k.text().length());
    assertValidMemcachedKey(k.text());
    assertTrue(keys.isHashed(k.text()));
    assertNull(keys.decode(k.text()));
  }

  @Test
  void keyExactlyAtLimit_isPlainAndOneMoreByteIsHashed() {
    int room = MemcachedKeys.MAX_KEY_LENGTH - keys.storePrefix().length();

    assertFalse(keys.encode(key("y".repeat(room))).hashed());
    assertTrue(keys.encode(key("y".repeat(room + 1))).hashed());
    assertTrue(keys.encode(key(" ".repeat(room / 3 + 1))).hashed());
  }

  @Test
  void differentLongKeys_getDifferentHashes() {
    assertNotEquals(keys.encode(key("a".repeat(300))).text(),
        keys.encode(key("b".repeat(300))).text());
  }

  @Test
  void keyWithoutThePrefix_isRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> keys.encode("other:cache:k".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void decode_ofAnotherCachesOrMalformedKey_isNull() {
    assertNull(keys.decode("polycache:other:k"));
    assertNull(keys.decode("polycache:my%20cache:bad%2"));
    assertNull(keys.decode("polycache:my%20cache:bad%zz"));
    assertNull(keys.decode("polycache:my%20cache:%41"), "an escape of a plain byte is not ours");
  }

  @Test
  void unprintablePrefix_isEscapedAndLongPrefix_isShortenedWithItsHash() {
    MemcachedKeys spaced = new MemcachedKeys("ns:a b:".getBytes(StandardCharsets.UTF_8));
    assertEquals("ns:a%20b:", spaced.storePrefix());

    byte[] longPrefix = ("ns:" + "c".repeat(400) + ":").getBytes(StandardCharsets.US_ASCII);
    MemcachedKeys shortened = new MemcachedKeys(longPrefix);
    byte[] logical = Arrays.copyOf(longPrefix, longPrefix.length + 2);
    logical[logical.length - 2] = 'k';
    logical[logical.length - 1] = '1';

    assertTrue(shortened.storePrefix().length() <= MemcachedKeys.MAX_PREFIX_LENGTH);
    MemcachedKeys.Key k = shortened.encode(logical);
    assertFalse(k.hashed());
    assertArrayEquals(logical, shortened.decode(k.text()));
    byte[] otherLong = ("ns:" + "c".repeat(399) + "d:").getBytes(StandardCharsets.US_ASCII);
    assertNotEquals(shortened.storePrefix(), new MemcachedKeys(otherLong).storePrefix());
  }

  private static void assertValidMemcachedKey(String text) {
    assertTrue(text.length() <= MemcachedKeys.MAX_KEY_LENGTH, () -> "too long: " + text);
    for (char c : text.toCharArray()) {
      assertTrue(c > 0x20 && c < 0x7f, () -> "not a memcached key character in " + text);
    }
  }
}
