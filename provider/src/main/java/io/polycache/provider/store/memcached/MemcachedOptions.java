package io.polycache.provider.store.memcached;

import io.polycache.provider.configuration.Durations;
import io.polycache.provider.configuration.ManagerOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of a Memcached backend, from a {@code memcached://} URI and the manager's
 * {@code Properties}.
 *
 * <p>URI forms: {@code memcached://host:port[,host:port...][?option=value&...]}, with
 * {@code memcached://user:password@host:port...} for SASL PLAIN credentials (percent-escape
 * {@code :}, {@code @} and {@code %} inside them). The port defaults to {@value #DEFAULT_PORT};
 * an IPv6 host is written in brackets ({@code [::1]:11211}), which {@link URI} accepts only
 * for a single server (name IPv6 servers by host name in a list).
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>query</th><th>property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code timeout}</td><td>{@code polycache.memcached.timeout}, then
 *       {@code polycache.timeout}</td><td>{@code 1s}</td><td>how long one memcached operation
 *       may take before it fails naming the server; also bounds connecting and each read of a
 *       key listing</td></tr>
 *   <tr><td>{@code username}</td><td>{@code polycache.memcached.username}</td><td>none</td>
 *       <td>SASL PLAIN user (the URI's user info wins)</td></tr>
 *   <tr><td>{@code password}</td><td>{@code polycache.memcached.password}</td><td>none</td>
 *       <td>SASL PLAIN password (the URI's user info wins); never shown</td></tr>
 *   <tr><td>{@code maxItemSize}</td><td>{@code polycache.memcached.maxItemSize}</td>
 *       <td>{@code 1m}</td><td>the servers' item size limit (memcached {@code -I}); larger
 *       values are refused before they are sent, so the previous value stays</td></tr>
 *   <tr><td>{@code maxReconnectDelay}</td><td>{@code polycache.memcached.maxReconnectDelay}</td>
 *       <td>{@code 2s}</td><td>the longest wait between reconnection attempts to a lost server
 *       (whole seconds, at least 1)</td></tr>
 * </table>
 *
 * <p>Precedence: the URI (user info, then query) over the properties over the defaults. Other
 * query options (those every backend shares, such as {@code namespace}) are ignored here.
 *
 * @param servers the servers as {@code host:port}, in the order given
 * @param username the SASL user, or {@code null} for none
 * @param password the SASL password, or {@code null} for none; never part of {@link #toString()}
 * @param timeout the operation timeout
 * @param maxItemSize the largest item (key, value and overhead) the servers accept, in bytes
 * @param maxReconnectDelay the longest wait between reconnection attempts
 */
public record MemcachedOptions(List<String> servers, String username, String password,
    Duration timeout, int maxItemSize, Duration maxReconnectDelay) {

  public static final int DEFAULT_PORT = 11211;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
  public static final int DEFAULT_MAX_ITEM_SIZE = 1024 * 1024;
  public static final Duration DEFAULT_MAX_RECONNECT_DELAY = Duration.ofSeconds(2);

  /** The prefix of this backend's property names. */
  public static final String PROPERTY_PREFIX = "polycache.memcached.";

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib)?");

  public MemcachedOptions {
    servers = List.copyOf(servers);
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("A memcached backend needs at least one server");
    }
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(maxReconnectDelay, "maxReconnectDelay");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("The memcached timeout must be positive: " + timeout);
    }
    if (maxItemSize <= ItemFormat.ITEM_OVERHEAD + MemcachedKeys.MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("maxItemSize " + maxItemSize + " is too small");
    }
    if (maxReconnectDelay.isNegative()) {
      throw new IllegalArgumentException("maxReconnectDelay must not be negative");
    }
    if (password != null && username == null) {
      throw new IllegalArgumentException("A memcached password needs a username");
    }
    if (username != null && password == null) {
      throw new IllegalArgumentException("The memcached user " + username + " needs a password");
    }
  }

  /**
   * Reads the options of {@code uri} and {@code properties}.
   *
   * @param properties the manager's properties; may be {@code null}
   * @throws IllegalArgumentException if the URI is not a {@code memcached://} URI or an option is
   *     malformed; the message never contains the password
   */
  public static MemcachedOptions parse(URI uri, Properties properties) {
    Objects.requireNonNull(uri, "uri");
    if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("memcached")) {
      throw new IllegalArgumentException("Not a memcached URI: " + safe(uri)
          + "; write memcached://host:port[,host:port...]");
    }
    String authority = uri.getRawAuthority();
    if (authority == null || authority.isEmpty()) {
      throw new IllegalArgumentException("The memcached URI " + safe(uri)
          + " names no server; write memcached://host:port[,host:port...]");
    }
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? null : authority.substring(0, at);
    List<String> servers = servers(authority.substring(at + 1), uri);

    Map<String, String> query = ManagerOptions.query(uri);
    String username = option("username", query, properties, null);
    String password = option("password", query, properties, null);
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? password : decode(userInfo.substring(colon + 1));
    }
    String timeout = option("timeout", query, properties, null);
    if (timeout == null && properties != null) {
      timeout = properties.getProperty("polycache.timeout");
    }
    String maxItemSize = option("maxItemSize", query, properties, null);
    String reconnect = option("maxReconnectDelay", query, properties, null);
    return new MemcachedOptions(servers, username, password,
        timeout == null ? DEFAULT_TIMEOUT : Durations.parse(timeout),
        maxItemSize == null ? DEFAULT_MAX_ITEM_SIZE : size("maxItemSize", maxItemSize),
        reconnect == null ? DEFAULT_MAX_RECONNECT_DELAY : Durations.parse(reconnect));
  }

  private static String option(String name, Map<String, String> query, Properties properties,
      String fallback) {
    String value = query.get(name);
    if (value == null && properties != null) {
      value = properties.getProperty(PROPERTY_PREFIX + name);
    }
    return value == null ? fallback : value.trim();
  }

  private static List<String> servers(String hosts, URI uri) {
    List<String> result = new ArrayList<>();
    for (String part : hosts.split(",", -1)) {
      String p = part.trim();
      String host;
      String port;
      if (p.startsWith("[")) {
        int close = p.indexOf(']');
        if (close < 0) {
          throw badServer(part, uri);
        }
        host = p.substring(0, close + 1);
        String rest = p.substring(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(":")) {
          throw badServer(part, uri);
        }
        port = rest.isEmpty() ? null : rest.substring(1);
      } else {
        int colon = p.lastIndexOf(':');
        host = colon < 0 ? p : p.substring(0, colon);
        port = colon < 0 ? null : p.substring(colon + 1);
      }
      if (host.isEmpty() || host.contains(":") && !host.startsWith("[")) {
        throw badServer(part, uri);
      }
      int number;
      try {
        number = port == null ? DEFAULT_PORT : Integer.parseInt(port);
      } catch (NumberFormatException e) {
        throw badServer(part, uri);
      }
      if (number <= 0 || number > 65535) {
        throw badServer(part, uri);
      }
      result.add(host + ":" + number);
    }
    return result;
  }

  private static IllegalArgumentException badServer(String part, URI uri) {
    return new IllegalArgumentException("\"" + part + "\" in " + safe(uri)
        + " is not a memcached server; write host:port (IPv6: [address]:port)");
  }

  private static int size(String name, String text) {
    Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(name + " \"" + text + "\" is not a size; write e.g."
          + " 1048576, 512k or 1m");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2);
    long factor = unit.startsWith("k") ? 1024 : unit.startsWith("m") ? 1024 * 1024 : 1;
    long bytes = amount * factor;
    if (bytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " " + text + " is too large");
    }
    return (int) bytes;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** {@code uri} without its password, for messages. */
  static String safe(URI uri) {
    String text = uri.toString();
    String authority = uri.getRawAuthority();
    int at = authority == null ? -1 : authority.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      int colon = userInfo.indexOf(':');
      String kept = colon < 0 ? userInfo : userInfo.substring(0, colon);
      text = text.replace(userInfo + "@", kept + "@");
    }
    String query = uri.getRawQuery();
    if (query != null) {
      text = text.replaceAll("([?&]password=)[^&#]*", "$1***");
    }
    return text;
  }

  /** The {@code memcached://} URI these options describe, without the password. */
  public String describe() {
    return "memcached://" + (username == null ? "" : username + "@") + String.join(",", servers);
  }

  @Override
  public String toString() {
    return "MemcachedOptions[servers=" + servers + ", username=" + username + ", password="
        + (password == null ? "none" : "***") + ", timeout=" + timeout + ", maxItemSize="
        + maxItemSize + ", maxReconnectDelay=" + maxReconnectDelay + "]";
  }
}
