package io.polycache.provider.serialization;

import io.polycache.async.serialization.SerializationException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The header every stored value carries, so that bytes written by another program, another
 * serializer or a newer Polycache are reported as such instead of being decoded into garbage.
 *
 * <pre>
 * offset  size  content
 * 0       2     magic: 0xC0 0xC1
 * 2       1     format version: 1
 * 3       1     n, the length of the serializer id (1 to 32)
 * 4       n     the serializer id, ASCII (letters, digits, '.', '-'), e.g. "java"
 * 4 + n   rest  the serializer's bytes (possibly none)
 * </pre>
 *
 * <p>Why {@code 0xC0 0xC1}: neither byte occurs anywhere in well-formed UTF-8, so no text
 * (redis-cli, JSON, XML, CSV, numbers) begins with them; they are not the start of Java
 * serialization ({@code 0xAC 0xED}), gzip ({@code 0x1F 0x8B}), zstd, lz4 or a UTF-16 byte
 * order mark; in MessagePack {@code 0xC1} is never used; in CBOR the pair would be a date tag
 * holding an epoch tag, which is invalid.
 *
 * <p>Decoding allocates nothing unless it fails: {@link #payloadOffset} checks the header in
 * place and returns where the payload starts, and the serializer reads the payload in place
 * ({@link io.polycache.async.serialization.Serializer#deserialize(byte[], int, int)});
 * {@link #decode} copies the payload into an array of its own for callers that need one.
 * Stateless and thread-safe.
 */
public final class ValueFormat {

  /** The format version this class writes, and the newest it reads: {@value}. */
  public static final int VERSION = 1;

  private static final byte MAGIC_0 = (byte) 0xC0;
  private static final byte MAGIC_1 = (byte) 0xC1;
  private static final int FIXED_LENGTH = 4;
  private static final int MAX_ID_LENGTH = 32;

  private ValueFormat() {}

  /**
   * The stored form of {@code payload} written by serializer {@code serializerId}: the header
   * followed by a copy of the payload, in a new array.
   *
   * @throws IllegalArgumentException when the id is not 1 to 32 ASCII letters, digits, {@code .}
   *     or {@code -}
   * @throws NullPointerException when an argument is null
   */
  public static byte[] encode(String serializerId, byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    checkId(serializerId);
    int n = serializerId.length();
    byte[] stored = new byte[FIXED_LENGTH + n + payload.length];
    stored[0] = MAGIC_0;
    stored[1] = MAGIC_1;
    stored[2] = VERSION;
    stored[3] = (byte) n;
    for (int i = 0; i < n; i++) {
      stored[FIXED_LENGTH + i] = (byte) serializerId.charAt(i);
    }
    System.arraycopy(payload, 0, stored, FIXED_LENGTH + n, payload.length);
    return stored;
  }

  /**
   * The index in {@code stored} where the payload starts (it runs to the end of the array),
   * after checking that the header is Polycache's, of a version this class reads, naming
   * serializer {@code serializerId}. Allocates nothing unless it throws.
   *
   * @param stored the bytes as the store returned them
   * @param serializerId the id of the serializer the cache reads with
   * @param cacheName named in the error message
   * @param keyDescription the key as error messages should show it (the caller decides whether
   *     that is the key, its remote name or a hash of it)
   * @throws SerializationException when the bytes were not written by Polycache (no header:
   *     another program may have written the key), by a newer format version, or by another
   *     serializer, or when the header is damaged; the message names the cache, the key and the
   *     problem
   * @throws NullPointerException when an argument is null
   */
  public static int payloadOffset(byte[] stored, String serializerId, String cacheName,
      String keyDescription) {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(serializerId, "serializerId");
    Objects.requireNonNull(cacheName, "cacheName");
    Objects.requireNonNull(keyDescription, "keyDescription");
    if (stored.length < 2 || stored[0] != MAGIC_0 || stored[1] != MAGIC_1) {
      throw new SerializationException(subject(cacheName, keyDescription)
          + " was not written by Polycache ("
          + (stored.length == 0 ? "it is empty" : "it lacks the Polycache header")
          + "; another program, such as redis-cli or another client, may have written the key)."
          + " Remove the key, or give Polycache a namespace of its own");
    }
    if (stored.length < FIXED_LENGTH) {
      throw damaged(cacheName, keyDescription,
          "it ends inside the header, after " + stored.length + " bytes");
    }
    int version = stored[2] & 0xff;
    if (version > VERSION) {
      throw new SerializationException(subject(cacheName, keyDescription)
          + " was written by a newer Polycache (value format version " + version
          + "; this version reads up to " + VERSION + "). Upgrade this application, or remove"
          + " the key");
    }
    if (version < 1) {
      throw damaged(cacheName, keyDescription, "format version 0 does not exist");
    }
    int n = stored[3] & 0xff;
    if (n < 1 || n > MAX_ID_LENGTH || stored.length < FIXED_LENGTH + n) {
      throw damaged(cacheName, keyDescription, "the serializer id length " + n + " does not fit");
    }
    boolean same = n == serializerId.length();
    for (int i = 0; i < n; i++) {
      byte b = stored[FIXED_LENGTH + i];
      if (!isIdChar((char) (b & 0xff))) {
        throw damaged(cacheName, keyDescription,
            "the serializer id holds the byte 0x" + Integer.toHexString(b & 0xff));
      }
      same = same && b == serializerId.charAt(i);
    }
    if (!same) {
      String writer = new String(stored, FIXED_LENGTH, n, StandardCharsets.US_ASCII);
      throw new SerializationException(subject(cacheName, keyDescription)
          + " was written with serializer \"" + writer + "\", but this cache uses \""
          + serializerId + "\". Configure the cache with serializer \"" + writer
          + "\", or remove the key");
    }
    return FIXED_LENGTH + n;
  }

  /**
   * {@link #payloadOffset} for the common case, without a key description: where the payload
   * starts when {@code stored} has a well-formed header of a version this class reads naming
   * {@code serializerId}, else -1 (call {@link #payloadOffset} then, for the error that says
   * what is wrong). Never throws for a non-null argument and allocates nothing, so a read need not
   * describe its key unless the value is refused.
   */
  public static int payloadOffsetIfValid(byte[] stored, String serializerId) {
    return payloadOffsetIfValid(stored, 0, serializerId);
  }

  /**
   * {@link #payloadOffsetIfValid(byte[], String)} of a stored value that starts at index
   * {@code from} of {@code bytes} and runs to its end (a store may keep a header of its own in
   * front of it): the index in {@code bytes} where the payload starts, or -1.
   */
  public static int payloadOffsetIfValid(byte[] bytes, int from, String serializerId) {
    int n = serializerId.length();
    if (from < 0 || bytes.length - from < FIXED_LENGTH + n || bytes[from] != MAGIC_0
        || bytes[from + 1] != MAGIC_1 || bytes[from + 2] < 1 || bytes[from + 2] > VERSION
        || (bytes[from + 3] & 0xff) != n) {
      return -1;
    }
    for (int i = 0; i < n; i++) {
      if (bytes[from + FIXED_LENGTH + i] != serializerId.charAt(i)) {
        return -1;
      }
    }
    return from + FIXED_LENGTH + n;
  }

  /**
   * A copy of the payload of {@code stored}, checked as {@link #payloadOffset} does.
   *
   * @throws SerializationException as {@link #payloadOffset} does
   * @throws NullPointerException when an argument is null
   */
  public static byte[] decode(byte[] stored, String serializerId, String cacheName,
      String keyDescription) {
    int offset = payloadOffset(stored, serializerId, cacheName, keyDescription);
    return Arrays.copyOfRange(stored, offset, stored.length);
  }

  private static String subject(String cacheName, String keyDescription) {
    return "Cache " + cacheName + ": the value of key " + keyDescription;
  }

  private static SerializationException damaged(String cacheName, String keyDescription,
      String detail) {
    return new SerializationException(subject(cacheName, keyDescription)
        + " has a damaged Polycache header (" + detail + "); remove the key");
  }

  private static void checkId(String id) {
    Objects.requireNonNull(id, "serializerId");
    boolean valid = !id.isEmpty() && id.length() <= MAX_ID_LENGTH;
    for (int i = 0; valid && i < id.length(); i++) {
      valid = isIdChar(id.charAt(i));
    }
    if (!valid) {
      throw new IllegalArgumentException("Serializer id \"" + id + "\" is not 1 to "
          + MAX_ID_LENGTH + " ASCII letters, digits, '.' or '-'");
    }
  }

  private static boolean isIdChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
        || c == '-';
  }
}
