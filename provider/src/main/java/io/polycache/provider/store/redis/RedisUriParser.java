package io.polycache.provider.store.redis;

import io.lettuce.core.SslVerifyMode;
import io.polycache.provider.store.redis.RedisSettings.Credentials;
import io.polycache.provider.store.redis.RedisSettings.Endpoint;
import io.polycache.provider.store.redis.RedisSettings.Mode;
import io.polycache.provider.store.redis.RedisSettings.Target;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a Redis backend URI and its properties into {@link RedisSettings}. Parses the authority
 * itself, because {@link URI} does not split the comma-separated host lists of the Sentinel and
 * Cluster forms. A value in the URI wins over the same option in the properties; query options
 * this parser does not know belong to other layers (namespace, serializer) and are left alone.
 * No message it throws contains a password.
 */
final class RedisUriParser {

  private static final int DEFAULT_PORT = 6379;
  private static final int DEFAULT_SENTINEL_PORT = 26379;

  private RedisUriParser() {}

  static RedisSettings parse(URI uri, Properties properties) {
    try {
      return parseOrThrow(uri, properties == null ? new Properties() : properties);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Redis URI " + redact(uri) + ": " + e.getMessage(), e);
    }
  }

  private static RedisSettings parseOrThrow(URI uri, Properties properties) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean tls = scheme.startsWith("rediss");
    Mode mode = switch (scheme) {
      case "redis", "rediss" -> Mode.STANDALONE;
      case "redis-sentinel", "rediss-sentinel" -> Mode.SENTINEL;
      case "redis-cluster", "rediss-cluster" -> Mode.CLUSTER;
      default -> throw new IllegalArgumentException("not a Redis scheme: '" + scheme + "'; use"
          + " redis://, rediss://, redis-sentinel://, rediss-sentinel://, redis-cluster:// or"
          + " rediss-cluster://");
    };
    if (uri.isOpaque() || uri.getRawAuthority() == null) {
      throw new IllegalArgumentException("no server given; write " + scheme + "://host:port");
    }
    Options options = new Options(query(uri.getRawQuery()), properties);

    String authority = uri.getRawAuthority();
    int at = authority.lastIndexOf('@');
    String username = null;
    String password = null;
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      int colon = userInfo.indexOf(':');
      username = emptyToNull(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
      password = colon < 0 ? null : emptyToNull(decode(userInfo.substring(colon + 1)));
      if (colon < 0) {
        // redis://secret@host is Lettuce's and redis-cli's password-only form
        password = username;
        username = null;
      }
      authority = authority.substring(at + 1);
    }
    if (username == null) {
      username = options.property("username");
    }
    if (password == null) {
      password = options.property("password");
    }

    int defaultPort = mode == Mode.SENTINEL ? DEFAULT_SENTINEL_PORT : DEFAULT_PORT;
    List<Endpoint> endpoints = new ArrayList<>();
    for (String hostPort : authority.split(",", -1)) {
      endpoints.add(endpoint(hostPort.trim(), defaultPort));
    }
    if (mode == Mode.STANDALONE && endpoints.size() > 1) {
      throw new IllegalArgumentException("redis:// takes one server; use redis-sentinel:// or"
          + " redis-cluster:// for several");
    }

    int database = database(uri.getPath(), options.property("database"));
    if (mode == Mode.CLUSTER && database != 0) {
      throw new IllegalArgumentException("Redis Cluster has database 0 only, not " + database);
    }
    String masterId = null;
    if (mode == Mode.SENTINEL) {
      masterId = emptyToNull(uri.getFragment());
      if (masterId == null) {
        masterId = options.get("sentinelMasterId");
      }
    }
    SslVerifyMode verifyPeer = verifyPeer(options.get("verifyPeer"));

    Target target = new Target(mode, endpoints, tls, verifyPeer, database, masterId);
    Credentials credentials = new Credentials(username, password,
        options.get("sentinelPassword"));
    return new RedisSettings(target, credentials,
        duration("timeout", options.get("timeout"), RedisBackend.DEFAULT_TIMEOUT),
        duration("connectTimeout", options.get("connectTimeout"),
            RedisBackend.DEFAULT_CONNECT_TIMEOUT),
        options.get("clientName"));
  }

  /** Query options first, then {@code polycache.redis.<name>} properties. */
  private record Options(Map<String, String> query, Properties properties) {

    String get(String name) {
      String value = query.get(name);
      return value != null ? emptyToNull(value) : property(name);
    }

    String property(String name) {
      return emptyToNull(properties.getProperty(RedisBackend.PROPERTY_PREFIX + name));
    }
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> options = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return options;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      options.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return options;
  }

  private static Endpoint endpoint(String hostPort, int defaultPort) {
    if (hostPort.isEmpty()) {
      throw new IllegalArgumentException("empty server address");
    }
    String host;
    String port = null;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("unclosed IPv6 address: " + hostPort);
      }
      host = hostPort.substring(1, close);
      String rest = hostPort.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("bad server address: " + hostPort);
        }
        port = rest.substring(1);
      }
    } else {
      int colon = hostPort.lastIndexOf(':');
      host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      port = colon < 0 ? null : hostPort.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("no host in server address: " + hostPort);
    }
    if (port == null || port.isEmpty()) {
      return new Endpoint(host, defaultPort);
    }
    try {
      int number = Integer.parseInt(port);
      if (number < 1 || number > 65535) {
        throw new NumberFormatException();
      }
      return new Endpoint(host, number);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in server address " + hostPort);
    }
  }

  private static int database(String path, String fromProperties) {
    String text = path == null || path.isEmpty() || path.equals("/") ? fromProperties
        : path.substring(1);
    if (text == null) {
      return 0;
    }
    try {
      int database = Integer.parseInt(text);
      if (database < 0) {
        throw new NumberFormatException();
      }
      return database;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the path must be a database number, like /0, not /"
          + text);
    }
  }

  private static SslVerifyMode verifyPeer(String text) {
    if (text == null) {
      return SslVerifyMode.FULL;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "full", "true" -> SslVerifyMode.FULL;
      case "ca" -> SslVerifyMode.CA;
      case "none", "false" -> SslVerifyMode.NONE;
      default -> throw new IllegalArgumentException("verifyPeer must be full, ca or none, not "
          + text);
    };
  }

  /**
   * A positive duration: milliseconds as a plain number, a number with {@code ms}, {@code s},
   * {@code m} or {@code h}, or ISO-8601 ({@code PT2S}).
   */
  static Duration duration(String name, String text, Duration fallback) {
    if (text == null) {
      return fallback;
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    Duration duration;
    try {
      if (t.startsWith("p")) {
        duration = Duration.parse(t.toUpperCase(Locale.ROOT));
      } else if (t.endsWith("ms")) {
        duration = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
      } else if (t.endsWith("s")) {
        duration = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).trim()));
      } else if (t.endsWith("m")) {
        duration = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).trim()));
      } else if (t.endsWith("h")) {
        duration = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1).trim()));
      } else {
        duration = Duration.ofMillis(Long.parseLong(t));
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a duration such as 500ms, 2s or"
          + " PT2S, not '" + text + "'");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, not '" + text + "'");
    }
    return duration;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  /** {@code uri} with its user info replaced, fit for a message. */
  static String redact(URI uri) {
    String text = uri.toString();
    String authority = uri.getRawAuthority();
    if (authority != null && authority.indexOf('@') >= 0) {
      String userInfo = authority.substring(0, authority.lastIndexOf('@'));
      text = text.replace(userInfo + "@", "****@");
    }
    String query = uri.getRawQuery();
    if (query != null && query.contains("sentinelPassword=")) {
      text = text.replaceAll("sentinelPassword=[^&#]*", "sentinelPassword=****");
    }
    return text;
  }
}
