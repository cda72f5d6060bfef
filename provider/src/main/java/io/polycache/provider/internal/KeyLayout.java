package io.polycache.provider.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * How remote keys are named: {@code <namespace>:<cache>:<key>}. The namespace and the cache name
 * are percent-escaped (everything but letters, digits and {@code . _ -}), so {@code :} only ever
 * separates the parts: no cache's prefix is a prefix of another's, and no glob character
 * ({@code * ? [ ] \}) appears in a prefix, which lets a store list one cache's keys with a plain
 * pattern match. The key part is left as the key format wrote it (readable text for string keys).
 */
public final class KeyLayout {

  private KeyLayout() {}

  /** The bytes every key of {@code cacheName} in {@code namespace} starts with. */
  public static byte[] prefix(String namespace, String cacheName) {
    return (escape(namespace) + ":" + escape(cacheName) + ":").getBytes(StandardCharsets.US_ASCII);
  }

  static String escape(String part) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(part.length() + 8);
    for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
          || c == '_' || c == '-') {
        out.write(c);
      } else {
        out.write('%');
        out.write(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.write(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString(StandardCharsets.US_ASCII);
  }
}
