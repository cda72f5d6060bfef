package io.polycache.provider.serialization;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8: the JDK's lenient conversions turn a lone surrogate into {@code ?} and malformed
 * bytes into U+FFFD, which would let two different keys share bytes and let foreign bytes pass
 * for text. The strict paths only run when the fast path saw a sign of trouble.
 */
final class Utf8 {

  private Utf8() {}

  /** The UTF-8 bytes of {@code text}, or {@code null} when it holds a lone surrogate. */
  static byte[] encode(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    // one byte per char means no char above U+007F; a lone surrogate would show as '?'
    if (bytes.length == text.length() && indexOf(bytes, (byte) '?') < 0) {
      return bytes;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return null;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return null;
      }
    }
    return bytes;
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** The text of the UTF-8 bytes, or {@code null} when they are not well-formed UTF-8. */
  static String decode(byte[] bytes, int offset, int length) {
    String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      return text;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
