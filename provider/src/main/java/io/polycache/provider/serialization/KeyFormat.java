package io.polycache.provider.serialization;

import io.polycache.async.serialization.SerializationException;
import io.polycache.async.serialization.SerializerContext;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * How the keys of one cache become the bytes that follow the cache's prefix in a remote key.
 * Keys carry no header, so that keys stay readable to operators ({@code myapp:users:42}).
 *
 * <table>
 *   <caption>Key bytes by configured key type</caption>
 *   <tr><th>configured key type</th><th>key bytes</th><th>example</th></tr>
 *   <tr><td>{@code String}</td><td>the UTF-8 text</td><td>{@code user:7}</td></tr>
 *   <tr><td>{@code Long}, {@code Integer}, {@code Short}, {@code Byte}, {@code BigInteger}</td>
 *       <td>the decimal text of {@code toString()}</td><td>{@code 42}, {@code -7}</td></tr>
 *   <tr><td>{@code UUID}, {@code Boolean}, {@code Character}</td>
 *       <td>the text of {@code toString()}</td><td>{@code true}</td></tr>
 *   <tr><td>any other type, {@code Object} included</td><td>a tag, then the key:</td><td></td></tr>
 *   <tr><td></td><td>{@code s:} + UTF-8 text, for a {@code String}</td><td>{@code s:42}</td></tr>
 *   <tr><td></td><td>{@code l:} + decimal, for a {@code Long}</td><td>{@code l:42}</td></tr>
 *   <tr><td></td><td>{@code i:} + decimal, for an {@code Integer}</td><td>{@code i:42}</td></tr>
 *   <tr><td></td><td>{@code u:} + text, for a {@code UUID}</td><td>{@code u:0f8f...}</td></tr>
 *   <tr><td></td><td>{@code j:} + Java serialization, for anything else</td>
 *       <td>{@code j:\xAC\xED...}</td></tr>
 * </table>
 *
 * <p>Decoding is unambiguous: an untagged format serves exactly one type, and a tag is always
 * one letter and {@code :}, so the first two bytes alone choose how to read the rest. Every key
 * has exactly one form: decoding refuses bytes that are not the form {@link #encode} writes (such
 * as {@code 042} for a {@code Long}, an upper-case UUID, or a {@code String} behind {@code j:}),
 * because such a key could never be found again by its value. Text is strict UTF-8: a
 * {@code String} key with a lone surrogate is refused rather than written as {@code ?}.
 *
 * <p>{@code j:} keys go through the java format with the context's allowlist (see
 * {@link JavaSerializerFactory}): an application class must be allowed, by being the configured
 * key type or by a pattern. Equal keys give equal bytes only when equal objects serialize
 * identically. That holds for the JDK's value types ({@code Date}, {@code BigDecimal} of the same
 * scale, {@code List.of}, {@code ArrayList}, ...) and for records and classes of such fields; it
 * does not hold for {@code HashMap}, {@code HashSet} and other hashed collections (their order
 * depends on capacity and insertion history), for classes whose serialized form holds identity
 * hash codes or caches, nor across versions of a class that change its serialized form. Such
 * types make poor remote keys: use a string or a record of value fields.
 *
 * <p>Immutable and thread-safe.
 */
public final class KeyFormat {

  private static final byte[] EMPTY = new byte[0];

  private static final int PREVIEW_BYTES = 64;

  private static final Map<Class<?>, Function<String, Object>> PLAIN_TYPES = Map.of(
      Long.class, Long::valueOf,
      Integer.class, Integer::valueOf,
      Short.class, Short::valueOf,
      Byte.class, Byte::valueOf,
      BigInteger.class, BigInteger::new,
      UUID.class, UUID::fromString,
      Boolean.class, KeyFormat::parseBoolean,
      Character.class, KeyFormat::parseCharacter);

  private static final Map<Class<?>, Class<?>> BOXES = Map.of(
      long.class, Long.class, int.class, Integer.class, short.class, Short.class,
      byte.class, Byte.class, boolean.class, Boolean.class, char.class, Character.class);

  private final String cacheName;
  private final Class<?> type;
  private final Function<String, Object> parser;
  private final JavaSerialization java;

  private KeyFormat(String cacheName, Class<?> type, Function<String, Object> parser,
      JavaSerialization java) {
    this.cacheName = cacheName;
    this.type = type;
    this.parser = parser;
    this.java = java;
  }

  /**
   * The key format of a cache whose keys are {@code context.type()} (a primitive type counts as
   * its box). Only the tagged form uses the context's class loader and allowlist, with the
   * java format's default limits.
   *
   * @throws IllegalArgumentException when an allowed-class pattern is malformed
   * @throws NullPointerException when {@code context} is null
   */
  public static KeyFormat of(SerializerContext<?> context) {
    Objects.requireNonNull(context, "context");
    Class<?> type = BOXES.getOrDefault(context.type(), context.type());
    if (type == String.class) {
      return new KeyFormat(context.cacheName(), type, null, null);
    }
    Function<String, Object> parser = PLAIN_TYPES.get(type);
    if (parser != null) {
      return new KeyFormat(context.cacheName(), type, parser, null);
    }
    return new KeyFormat(context.cacheName(), type, null,
        new JavaSerializerFactory().serialization(context));
  }

  /** The key type this format serves (boxed), {@code Object} for an untyped cache. */
  public Class<?> keyType() {
    return type;
  }

  /** Whether keys are written with a tag ({@code s:}, {@code l:}, ...) rather than bare text. */
  public boolean isTagged() {
    return java != null;
  }

  /**
   * The bytes of {@code key}, in a new array.
   *
   * @throws NullPointerException when {@code key} is null
   * @throws ClassCastException when {@code key} is not of the configured key type
   * @throws SerializationException when the key cannot be written: a string with a lone
   *     surrogate, or (tagged form) a class that is not Serializable or not allowed; the message
   *     names the cache and what to do
   */
  public byte[] encode(Object key) {
    return encode(key, EMPTY);
  }

  /**
   * {@code prefix} followed by the bytes of {@code key}, in one new array (what a store key is
   * made of, without an intermediate copy).
   *
   * @throws NullPointerException when {@code key} or {@code prefix} is null
   * @throws ClassCastException as {@link #encode(Object)} does
   * @throws SerializationException as {@link #encode(Object)} does
   */
  public byte[] encode(Object key, byte[] prefix) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(prefix, "prefix");
    if (!type.isInstance(key)) {
      throw new ClassCastException("Cache " + cacheName + ": the key " + key.getClass().getName()
          + " is not of the configured key type " + type.getName());
    }
    if (java == null) {
      return text(prefix, parser == null ? (String) key : key.toString(), null);
    }
    Class<?> keyClass = key.getClass();
    if (keyClass == String.class) {
      return text(prefix, (String) key, "s:");
    }
    if (keyClass == Long.class) {
      return text(prefix, key.toString(), "l:");
    }
    if (keyClass == Integer.class) {
      return text(prefix, key.toString(), "i:");
    }
    if (keyClass == UUID.class) {
      return text(prefix, key.toString(), "u:");
    }
    byte[] serialized = java.write(key);
    byte[] bytes = Arrays.copyOf(prefix, prefix.length + 2 + serialized.length);
    bytes[prefix.length] = 'j';
    bytes[prefix.length + 1] = ':';
    System.arraycopy(serialized, 0, bytes, prefix.length + 2, serialized.length);
    return bytes;
  }

  /**
   * The key whose bytes are {@code bytes[offset, offset + length)}, as {@link #encode} wrote
   * them; an offset lets the caller skip the cache's prefix without a copy.
   *
   * @throws SerializationException when the bytes are not a key of this format (another
   *     program may have written a key under this cache's prefix); the message names the cache
   *     and shows the bytes
   * @throws IndexOutOfBoundsException when the range is outside {@code bytes}
   * @throws NullPointerException when {@code bytes} is null
   */
  public Object decode(byte[] bytes, int offset, int length) {
    Objects.requireNonNull(bytes, "bytes");
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (java == null) {
      String text = Utf8.decode(bytes, offset, length);
      if (text == null) {
        throw foreign(bytes, offset, length, "they are not UTF-8 text");
      }
      return parser == null ? text : parse(parser, text, bytes, offset, length);
    }
    if (length < 2 || bytes[offset + 1] != ':') {
      throw foreign(bytes, offset, length, "they do not start with a type tag (s:, l:, i:, u:"
          + " or j:)");
    }
    Object key;
    switch (bytes[offset]) {
      case 's':
        key = Utf8.decode(bytes, offset + 2, length - 2);
        if (key == null) {
          throw foreign(bytes, offset, length, "the text after s: is not UTF-8");
        }
        break;
      case 'l':
        key = parse(Long::valueOf, ascii(bytes, offset + 2, length - 2), bytes, offset, length);
        break;
      case 'i':
        key = parse(Integer::valueOf, ascii(bytes, offset + 2, length - 2), bytes, offset,
            length);
        break;
      case 'u':
        key = parse(UUID::fromString, ascii(bytes, offset + 2, length - 2), bytes, offset,
            length);
        break;
      case 'j':
        key = java.read(bytes, offset + 2, length - 2);
        Class<?> keyClass = key.getClass();
        if (keyClass == String.class || keyClass == Long.class || keyClass == Integer.class
            || keyClass == UUID.class) {
          throw foreign(bytes, offset, length, "a " + keyClass.getSimpleName()
              + " key is written with its own tag, never with j:");
        }
        break;
      default:
        throw foreign(bytes, offset, length, "they do not start with a type tag (s:, l:, i:, u:"
            + " or j:)");
    }
    if (!type.isInstance(key)) {
      throw foreign(bytes, offset, length, "they hold a " + key.getClass().getName()
          + ", not the configured key type " + type.getName());
    }
    return key;
  }

  /** {@link #decode(byte[], int, int)} of the whole array. */
  public Object decode(byte[] bytes) {
    return decode(Objects.requireNonNull(bytes, "bytes"), 0, bytes.length);
  }

  /**
   * {@code prefix}, the tag if any, then the UTF-8 bytes of {@code text}, in one array. Text of
   * ASCII characters alone (the usual key) is written straight into that array in one pass;
   * anything else goes through strict UTF-8.
   */
  private byte[] text(byte[] prefix, String text, String tag) {
    int at = prefix.length + (tag == null ? 0 : 2);
    int length = text.length();
    byte[] bytes = Arrays.copyOf(prefix, at + length);
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return utf8Text(prefix, text, tag);
      }
      bytes[at + i] = (byte) c;
    }
    if (tag != null) {
      bytes[prefix.length] = (byte) tag.charAt(0);
      bytes[prefix.length + 1] = ':';
    }
    return bytes;
  }

  private byte[] utf8Text(byte[] prefix, String text, String tag) {
    byte[] utf8 = Utf8.encode(text);
    if (utf8 == null) {
      throw new SerializationException("Cache " + cacheName + ": cannot write a key holding a"
          + " lone surrogate character as UTF-8; fix the key text");
    }
    if (tag == null && prefix.length == 0) {
      return utf8;
    }
    int at = prefix.length;
    byte[] bytes = Arrays.copyOf(prefix, at + (tag == null ? 0 : 2) + utf8.length);
    if (tag != null) {
      bytes[at++] = (byte) tag.charAt(0);
      bytes[at++] = ':';
    }
    System.arraycopy(utf8, 0, bytes, at, utf8.length);
    return bytes;
  }

  private Object parse(Function<String, Object> parse, String text, byte[] bytes, int offset,
      int length) {
    Object key;
    try {
      key = parse.apply(text);
    } catch (IllegalArgumentException e) {
      throw foreign(bytes, offset, length, "they do not parse: " + e.getMessage());
    }
    if (!key.toString().equals(text)) {
      throw foreign(bytes, offset, length, "they are not the form Polycache writes for "
          + key.getClass().getSimpleName() + " " + key);
    }
    return key;
  }

  private static String ascii(byte[] bytes, int offset, int length) {
    return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
  }

  private SerializationException foreign(byte[] bytes, int offset, int length, String reason) {
    return new SerializationException("Cache " + cacheName + ": the key bytes \""
        + preview(bytes, offset, length) + "\" under this cache's prefix are not a key that"
        + " Polycache wrote for the key type " + type.getName() + " (" + reason + "); another"
        + " program may have written that key: remove or rename it");
  }

  private static String preview(byte[] bytes, int offset, int length) {
    StringBuilder text = new StringBuilder();
    int shown = Math.min(length, PREVIEW_BYTES);
    for (int i = 0; i < shown; i++) {
      int b = bytes[offset + i] & 0xff;
      if (b >= 0x20 && b < 0x7f && b != '"' && b != '\\') {
        text.append((char) b);
      } else {
        text.append(String.format("\\x%02X", b));
      }
    }
    if (length > shown) {
      text.append("... (").append(length).append(" bytes)");
    }
    return text.toString();
  }

  private static Object parseBoolean(String text) {
    if (text.equals("true")) {
      return Boolean.TRUE;
    }
    if (text.equals("false")) {
      return Boolean.FALSE;
    }
    throw new IllegalArgumentException("not true or false");
  }

  private static Object parseCharacter(String text) {
    if (text.length() != 1) {
      throw new IllegalArgumentException("not one character");
    }
    return text.charAt(0);
  }
}
