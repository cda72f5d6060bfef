package io.polycache.provider.store.memcached;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.UnaryOperator;

/**
 * Turns the logical keys of one cache ({@code <prefix><key bytes>}, arbitrary bytes) into
 * memcached keys (at most 250 printable ASCII characters, no space or control character) and
 * back.
 *
 * <p>A memcached key is the store prefix followed by the key part:
 * <ul>
 *   <li><b>store prefix</b>: the cache's key prefix as is when it is printable ASCII of at most
 *       {@value #MAX_PREFIX_LENGTH} characters (what {@code KeyLayout} makes); otherwise it is
 *       percent-escaped and, when still too long, cut to {@value #PREFIX_HEAD} characters
 *       followed by {@code ~<SHA-256 of the prefix, base64url>:}.
 *   <li><b>plain key part</b>: each byte of the user key as itself when it is printable ASCII
 *       ({@code 0x21..0x7E}) other than {@code %} and {@code #}, else as {@code %XX}
 *       (upper-case hex). So {@code users:42} stays readable and the mapping is reversible.
 *   <li><b>hashed key part</b>, when prefix + plain part would exceed 250 characters:
 *       {@code #} followed by the base64url SHA-256 (43 characters) of the whole logical key. The
 *       value then carries the full logical key (see {@link ItemFormat}), so a hash collision
 *       reads as absent instead of serving another key's value; listing the cache's keys reads
 *       such items to recover their keys.
 * </ul>
 * Since {@code #} never appears in a plain key part, a key part starting with {@code #} is
 * always a hashed one.
 */
final class MemcachedKeys {

  /** The longest key memcached accepts. */
  static final int MAX_KEY_LENGTH = 250;

  /** The longest store prefix; leaves room for a hashed key part. */
  static final int MAX_PREFIX_LENGTH = 150;

  static final int PREFIX_HEAD = 100;

  static final char HASHED = '#';

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final byte[] prefix;
  private final String storePrefix;
  /** The store prefix as ASCII bytes. */
  private final byte[] storePrefixBytes;
  private final UnaryOperator<byte[]> digest;

  /** Keys of the cache whose keys start with {@code prefix}; long ones hashed by SHA-256. */
  MemcachedKeys(byte[] prefix) {
    this(prefix, MemcachedKeys::sha256);
  }

  /** As above with another hash of long keys (tests force collisions with it). */
  MemcachedKeys(byte[] prefix, UnaryOperator<byte[]> digest) {
    this.prefix = prefix.clone();
    this.storePrefix = storePrefix(this.prefix);
    this.storePrefixBytes = storePrefix.getBytes(StandardCharsets.US_ASCII);
    this.digest = digest;
  }

  /** One logical key and the memcached key it is stored under. */
  record Key(byte[] logical, String text, boolean hashed) {

    @Override
    public String toString() {
      return text;
    }
  }

  /** The logical prefix every key of this cache starts with. */
  byte[] prefix() {
    return prefix.clone();
  }

  /** What every memcached key of this cache starts with; the filter for listing its keys. */
  String storePrefix() {
    return storePrefix;
  }

  /**
   * The memcached key of {@code logical}.
   *
   * @throws IllegalArgumentException if {@code logical} does not start with this cache's prefix
   */
  Key encode(byte[] logical) {
    if (!startsWithPrefix(logical)) {
      throw new IllegalArgumentException("a key of this cache must start with its prefix \""
          + new String(prefix, StandardCharsets.ISO_8859_1) + "\"");
    }
    int length = storePrefixBytes.length + logical.length - prefix.length;
    if (length <= MAX_KEY_LENGTH && allPlain(logical, prefix.length)) {
      byte[] ascii = Arrays.copyOf(storePrefixBytes, length);
      System.arraycopy(logical, prefix.length, ascii, storePrefixBytes.length,
          logical.length - prefix.length);
      return new Key(logical, new String(ascii, StandardCharsets.ISO_8859_1), false);
    }
    StringBuilder text = new StringBuilder(Math.min(MAX_KEY_LENGTH + 8,
        storePrefix.length() + logical.length - prefix.length));
    text.append(storePrefix);
    for (int i = prefix.length; i < logical.length; i++) {
      int b = logical[i] & 0xff;
      if (isPlain(b)) {
        text.append((char) b);
      } else {
        text.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
      }
      if (text.length() > MAX_KEY_LENGTH) {
        break;
      }
    }
    if (text.length() <= MAX_KEY_LENGTH) {
      return new Key(logical, text.toString(), false);
    }
    String hashed = storePrefix + HASHED + BASE64URL.encodeToString(digest.apply(logical));
    return new Key(logical, hashed, true);
  }

  private static boolean allPlain(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (!isPlain(bytes[i] & 0xff)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code memcachedKey} belongs to this cache (by its prefix). */
  boolean owns(String memcachedKey) {
    return memcachedKey.startsWith(storePrefix);
  }

  /** Whether {@code memcachedKey} of this cache is hashed (its logical key is in its value). */
  boolean isHashed(String memcachedKey) {
    return memcachedKey.length() > storePrefix.length()
        && memcachedKey.charAt(storePrefix.length()) == HASHED;
  }

  /**
   * The logical key of a plain memcached key of this cache, or {@code null} when it is hashed,
   * belongs to another cache, or is not an escaping this class produces (written by someone
   * else).
   */
  byte[] decode(String memcachedKey) {
    if (!owns(memcachedKey) || isHashed(memcachedKey)) {
      return null;
    }
    int n = memcachedKey.length();
    byte[] out = Arrays.copyOf(prefix, prefix.length + n - storePrefix.length());
    int o = prefix.length;
    for (int i = storePrefix.length(); i < n; i++) {
      char c = memcachedKey.charAt(i);
      if (c == '%') {
        if (i + 2 >= n) {
          return null;
        }
        int hi = hexValue(memcachedKey.charAt(i + 1));
        int lo = hexValue(memcachedKey.charAt(i + 2));
        if (hi < 0 || lo < 0 || isPlain(hi << 4 | lo)) {
          return null;
        }
        out[o++] = (byte) (hi << 4 | lo);
        i += 2;
      } else if (c < 0x80 && isPlain(c)) {
        out[o++] = (byte) c;
      } else {
        return null;
      }
    }
    return Arrays.copyOf(out, o);
  }

  private boolean startsWithPrefix(byte[] logical) {
    return logical.length >= prefix.length
        && Arrays.equals(logical, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static boolean isPlain(int b) {
    return b >= 0x21 && b <= 0x7e && b != '%' && b != HASHED;
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  static String storePrefix(byte[] prefix) {
    boolean printable = true;
    for (byte b : prefix) {
      printable &= b >= 0x21 && b <= 0x7e;
    }
    String text;
    if (printable) {
      text = new String(prefix, StandardCharsets.US_ASCII);
    } else {
      StringBuilder escaped = new StringBuilder(prefix.length * 3);
      for (byte b : prefix) {
        int c = b & 0xff;
        if (isPlain(c)) {
          escaped.append((char) c);
        } else {
          escaped.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
        }
      }
      text = escaped.toString();
    }
    if (text.length() <= MAX_PREFIX_LENGTH) {
      return text;
    }
    return text.substring(0, PREFIX_HEAD) + "~" + BASE64URL.encodeToString(sha256(prefix)) + ":";
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256, which every Java SE has", e);
    }
  }
}
