package io.polycache.provider.store.memcached;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the keys of one memcached server that start with a prefix, with
 * {@code lru_crawler metadump hash} (memcached 1.6.9+; {@code metadump all} on older servers)
 * over a short-lived text-protocol connection of its own: the client's connections speak the
 * binary protocol, and memcached fixes a connection's protocol with its first command.
 *
 * <p>The dump holds one {@code key=<uri-encoded key> exp=... la=... cas=... ...} line per live
 * item and ends with {@code END}; memcached 1.6.43+ sends {@code OK} first. The socket calls
 * block, so callers run this off the client's I/O thread.
 *
 * <p>Limits: items written while the dump runs may be missing from it, and items that expire or
 * are evicted meanwhile may still be in it. A server started with {@code -X}
 * ({@code --disable-dumping}) or {@code -o no_lru_crawler}, or one that only speaks SASL-
 * authenticated binary protocol ({@code -S}), cannot be listed: that fails with a
 * {@link MemcachedStoreException} saying so.
 */
final class Metadump {

  /** Thrown when another crawler request is running on the server; worth retrying shortly. */
  static final class Busy extends IOException {
    private static final long serialVersionUID = 1L;

    Busy(String line) {
      super(line);
    }
  }

  private Metadump() {}

  /**
   * The keys of {@code server} that start with {@code prefix}.
   *
   * @throws Busy if the server's crawler is busy with another request
   * @throws MemcachedStoreException if the server refuses to dump its keys
   * @throws IOException if the server cannot be reached or the connection fails
   */
  static List<String> keys(InetSocketAddress server, String name, int timeoutMillis,
      String prefix) throws IOException {
    List<String> keys = dump(server, name, timeoutMillis, prefix, "hash");
    return keys != null ? keys : dump(server, name, timeoutMillis, prefix, "all");
  }

  /** The dump in one mode, or {@code null} if the server does not know that mode. */
  private static List<String> dump(InetSocketAddress server, String name, int timeoutMillis,
      String prefix, String mode) throws IOException {
    try (Socket socket = new Socket()) {
      socket.setTcpNoDelay(true);
      socket.connect(server, timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(("lru_crawler metadump " + mode + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return parse(new BufferedInputStream(socket.getInputStream(), 64 * 1024), name, prefix);
    }
  }

  /**
   * Reads a dump up to {@code END}, keeping the decoded keys that start with {@code prefix}.
   *
   * @return the keys, or {@code null} if the server answered {@code BADCLASS} (unknown mode)
   */
  static List<String> parse(InputStream in, String name, String prefix) throws IOException {
    List<String> keys = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    boolean started = false;
    while (true) {
      String text = readLine(in, line);
      if (text.startsWith("key=")) {
        started = true;
        int end = text.indexOf(' ');
        String key = uriDecode(text.substring(4, end < 0 ? text.length() : end));
        if (key != null && key.startsWith(prefix)) {
          keys.add(key);
        }
      } else if (text.equals("END")) {
        return keys;
      } else if (!started && text.startsWith("BADCLASS")) {
        return null;
      } else if (!started && text.startsWith("BUSY")) {
        throw new Busy(text);
      } else if (!started && !text.equals("OK")) {
        throw refused(name, text);
      } else if (started && !text.isEmpty()) {
        throw new IOException("unexpected line in the key dump of " + name + ": " + text);
      }
    }
  }

  private static MemcachedStoreException refused(String name, String line) {
    String why;
    if (line.contains("not allowed")) {
      why = "the server was started with -X (--disable-dumping); restart it without -X";
    } else if (line.contains("crawler disabled")) {
      why = "the server's LRU crawler is disabled (-o no_lru_crawler); enable it, or run"
          + " 'lru_crawler enable' on the server";
    } else {
      why = "the server does not support it over the text protocol (memcached 1.4.31 or later"
          + " without SASL-only -S is needed)";
    }
    return new MemcachedStoreException("memcached server " + name + " refused to list its keys"
        + " (lru_crawler metadump answered \"" + line + "\"): " + why + ". Polycache needs the"
        + " key dump to iterate or clear a cache");
  }

  private static String readLine(InputStream in, ByteArrayOutputStream line) throws IOException {
    line.reset();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new EOFException("the connection closed before the end of the key dump");
      }
      line.write(b);
    }
    int length = line.size();
    byte[] bytes = line.toByteArray();
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
  }

  /** Reverses memcached's URI encoding of keys in dumps; {@code null} if malformed. */
  static String uriDecode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (i + 2 >= text.length()) {
        return null;
      }
      int hi = Character.digit(text.charAt(i + 1), 16);
      int lo = Character.digit(text.charAt(i + 2), 16);
      if (hi < 0 || lo < 0) {
        return null;
      }
      out.append((char) (hi << 4 | lo));
      i += 2;
    }
    return out.toString();
  }
}
