package io.polycache.provider.store.redis;

import io.polycache.provider.store.StoreException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A failure of the Redis store: a server that could not be reached or did not answer in time
 * (the message names it as {@code host:port}), an error reply (the message quotes it), or a key
 * holding bytes that Polycache did not write. Messages never contain a password.
 */
public class RedisStoreException extends StoreException {

  private static final long serialVersionUID = 1L;

  private static final int MAX_KEY_TEXT = 200;
  private static final int MAX_KEY_HEX_BYTES = 32;

  public RedisStoreException(String message) {
    super(message);
  }

  public RedisStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  static RedisStoreException foreignValue(String cacheName, byte[] key, int length,
      String reason) {
    return new RedisStoreException("Cache '" + cacheName + "': Redis key " + describeKey(key)
        + " holds " + length + " bytes not written by Polycache (" + reason + "). Another"
        + " program wrote to this cache's keys; delete the key, or give the cache a namespace of"
        + " its own");
  }

  /**
   * A key as it can appear in a message: quoted text when it is printable UTF-8, otherwise the
   * hex of its first bytes.
   */
  static String describeKey(byte[] key) {
    String text = printable(key);
    if (text != null) {
      return text.length() <= MAX_KEY_TEXT ? '"' + text + '"'
          : '"' + text.substring(0, MAX_KEY_TEXT) + "...\" (" + key.length + " bytes)";
    }
    StringBuilder hex = new StringBuilder("0x");
    int shown = Math.min(key.length, MAX_KEY_HEX_BYTES);
    for (int i = 0; i < shown; i++) {
      hex.append(Character.forDigit((key[i] >> 4) & 0xf, 16))
          .append(Character.forDigit(key[i] & 0xf, 16));
    }
    if (shown < key.length) {
      hex.append("... (").append(key.length).append(" bytes)");
    }
    return hex.toString();
  }

  private static String printable(byte[] key) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(key)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == '"') {
        return null;
      }
    }
    return text;
  }
}
