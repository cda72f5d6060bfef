package io.polycache.provider.configuration;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The options of one CacheManager that every backend shares, with their defaults. Each can be
 * given in the URI's query ({@code ?namespace=app}), as a {@code Properties} entry
 * ({@code polycache.namespace}) or in a configuration file; the URI's query wins over the
 * properties. Backend-specific options (timeouts of a client, credentials) are read by the
 * backend from the same places.
 *
 * @param namespace the first part of every remote key: {@code <namespace>:<cache>:<key>}
 * @param serializer the id of the value serializer of caches that name none
 * @param allowedClasses class-name patterns the {@code java} serializer may read beyond its
 *     defaults
 * @param operationTimeout the default operation timeout of caches that set none
 */
public record ManagerOptions(String namespace, String serializer, List<String> allowedClasses,
    Duration operationTimeout) {

  public static final String DEFAULT_NAMESPACE = "polycache";
  public static final String DEFAULT_SERIALIZER = "java";

  /** The options common to every backend, by query name; the property name adds "polycache.". */
  public static final Set<String> NAMES =
      Set.of("namespace", "serializer", "allowedClasses", "timeout");

  public ManagerOptions {
    allowedClasses = List.copyOf(allowedClasses);
  }

  /** The options of a manager: {@code uri}'s query over {@code properties} over defaults. */
  public static ManagerOptions of(URI uri, Properties properties) {
    Map<String, String> query = query(uri);
    String namespace = option("namespace", query, properties, DEFAULT_NAMESPACE);
    if (namespace.isEmpty()) {
      throw new IllegalArgumentException("The namespace option must not be empty");
    }
    String serializer = option("serializer", query, properties, DEFAULT_SERIALIZER);
    String allowed = option("allowedClasses", query, properties, "");
    String timeout = option("timeout", query, properties, null);
    return new ManagerOptions(namespace, serializer, patterns(allowed),
        timeout == null ? PolycacheConfiguration.DEFAULT_OPERATION_TIMEOUT
            : Durations.parse(timeout));
  }

  /** The value of one option: the query's, else the property {@code polycache.<name>}. */
  public static String option(String name, Map<String, String> query, Properties properties,
      String fallback) {
    String value = query.get(name);
    if (value == null && properties != null) {
      value = properties.getProperty("polycache." + name);
    }
    return value == null ? fallback : value.trim();
  }

  /** Splits a comma- or semicolon-separated list of class-name patterns. */
  public static List<String> patterns(String text) {
    List<String> result = new ArrayList<>();
    for (String part : text.split("[,;]")) {
      if (!part.isBlank()) {
        result.add(part.trim());
      }
    }
    return result;
  }

  /** The query parameters of {@code uri} (last one wins), decoded. */
  public static Map<String, String> query(URI uri) {
    Map<String, String> result = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null && uri.isOpaque()) {
      String ssp = uri.getRawSchemeSpecificPart();
      int q = ssp.indexOf('?');
      raw = q < 0 ? null : ssp.substring(q + 1);
    }
    if (raw == null || raw.isEmpty()) {
      return result;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      result.put(name, value);
    }
    return result;
  }
}
