package io.polycache.provider.configuration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.polycache.async.CachePlugin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.cache.configuration.Factory;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;

/**
 * A YAML or JSON file that declares a CacheManager: its backend, its options and its caches.
 * Named by a {@code classpath:}, {@code file:} or {@code jar:} URI ending in {@code .yaml},
 * {@code .yml} or {@code .json}. Every error names the file, the place in it and the problem,
 * and stops the manager from opening. The format is documented in {@code docs/configuration.md}.
 */
public final class FileConfiguration {

  private static final Set<String> TOP = Set.of("backend", "options", "caches");
  private static final Set<String> CACHE = Set.of("keyType", "valueType", "storeByValue",
      "ttl", "expiry", "maximumEntries", "maximumBytes", "serializer", "namespace",
      "allowedClasses", "operationTimeout", "statistics", "management", "readThrough", "loader",
      "writeThrough", "writer", "plugins");
  private static final Set<String> EXPIRY = Set.of("policy", "duration");

  private final URI backend;
  private final Properties options;
  private final Map<String, PolycacheConfiguration<?, ?>> caches;

  private FileConfiguration(URI backend, Properties options,
      Map<String, PolycacheConfiguration<?, ?>> caches) {
    this.backend = backend;
    this.options = options;
    this.caches = caches;
  }

  /** The backend URI the file names ({@code memory:default} when it names none). */
  public URI backend() {
    return backend;
  }

  /** The file's options, as {@code polycache.<name>} properties. */
  public Properties options() {
    return options;
  }

  /** The declared caches, in file order. */
  public Map<String, PolycacheConfiguration<?, ?>> caches() {
    return caches;
  }

  /** Whether {@code uri} names a configuration file rather than a backend. */
  public static boolean isFileUri(URI uri) {
    String scheme = uri.getScheme();
    if (scheme == null) {
      return false;
    }
    String s = scheme.toLowerCase(Locale.ROOT);
    if (!s.equals("classpath") && !s.equals("file") && !s.equals("jar")) {
      return false;
    }
    String path = uri.getSchemeSpecificPart().toLowerCase(Locale.ROOT);
    int q = path.indexOf('?');
    path = q < 0 ? path : path.substring(0, q);
    return path.endsWith(".yaml") || path.endsWith(".yml") || path.endsWith(".json");
  }

  /** Reads and checks the file {@code uri} names. */
  public static FileConfiguration load(URI uri, ClassLoader classLoader) {
    String where = uri.toString();
    JsonNode root;
    try (InputStream in = open(uri, classLoader)) {
      ObjectMapper mapper = uri.getSchemeSpecificPart().toLowerCase(Locale.ROOT).endsWith(".json")
          ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
      root = mapper.readTree(in);
    } catch (JsonProcessingException e) {
      throw new ConfigurationException(where, location(e), "not valid YAML/JSON: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigurationException(where, "", "cannot be read: " + e.getMessage());
    }
    return new Reader(where, classLoader).read(root);
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  private static InputStream open(URI uri, ClassLoader classLoader) throws IOException {
    if ("classpath".equalsIgnoreCase(uri.getScheme())) {
      String path = uri.getSchemeSpecificPart();
      int q = path.indexOf('?');
      path = q < 0 ? path : path.substring(0, q);
      path = path.startsWith("/") ? path.substring(1) : path;
      URL url = classLoader.getResource(path);
      if (url == null) {
        throw new IOException("no resource " + path + " on the class path");
      }
      return url.openStream();
    }
    return uri.toURL().openStream();
  }

  /** Walks the tree, checking every name and type. */
  private static final class Reader {
    private final String file;
    private final ClassLoader classLoader;

    Reader(String file, ClassLoader classLoader) {
      this.file = file;
      this.classLoader = classLoader;
    }

    private ConfigurationException error(String path, String problem) {
      return new ConfigurationException(file, path, problem);
    }

    FileConfiguration read(JsonNode root) {
      if (root == null || root.isMissingNode() || root.isNull()) {
        return new FileConfiguration(URI.create("memory:default"), new Properties(),
            new LinkedHashMap<>());
      }
      ObjectNode top = object(root, "(top level)");
      checkNames(top, "", TOP);
      URI backend = URI.create("memory:default");
      if (top.has("backend")) {
        String text = text(top.get("backend"), "backend");
        try {
          backend = URI.create(text);
        } catch (IllegalArgumentException e) {
          throw error("backend", "not a valid URI: " + e.getMessage());
        }
        if (isFileUri(backend)) {
          throw error("backend", "must name a backend (memory:, redis://, memcached://...),"
              + " not another file");
        }
      }
      Properties options = new Properties();
      if (top.has("options")) {
        ObjectNode node = object(top.get("options"), "options");
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          JsonNode v = e.getValue();
          String value = v.isArray() ? String.join(",", strings(v, "options." + e.getKey()))
              : text(v, "options." + e.getKey());
          options.setProperty("polycache." + e.getKey(), value);
        }
      }
      Map<String, PolycacheConfiguration<?, ?>> caches = new LinkedHashMap<>();
      if (top.has("caches")) {
        ObjectNode node = object(top.get("caches"), "caches");
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          caches.put(e.getKey(), cache(e.getValue(), "caches." + e.getKey()));
        }
      }
      return new FileConfiguration(backend, options, caches);
    }

    private PolycacheConfiguration<?, ?> cache(JsonNode value, String path) {
      PolycacheConfiguration<Object, Object> c = new PolycacheConfiguration<>();
      if (value == null || value.isNull()) {
        return c;
      }
      ObjectNode node = object(value, path);
      checkNames(node, path, CACHE);
      @SuppressWarnings("unchecked")
      Class<Object> keyType = node.has("keyType")
          ? (Class<Object>) type(node.get("keyType"), path + ".keyType") : Object.class;
      @SuppressWarnings("unchecked")
      Class<Object> valueType = node.has("valueType")
          ? (Class<Object>) type(node.get("valueType"), path + ".valueType") : Object.class;
      c.setTypes(keyType, valueType);
      if (node.has("storeByValue")) {
        c.setStoreByValue(bool(node.get("storeByValue"), path + ".storeByValue"));
      }
      if (node.has("ttl") && node.has("expiry")) {
        throw error(path, "give either ttl or expiry, not both");
      }
      if (node.has("ttl")) {
        c.setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
            jcache(duration(node.get("ttl"), path + ".ttl"))));
      }
      if (node.has("expiry")) {
        c.setExpiryPolicyFactory(expiry(node.get("expiry"), path + ".expiry"));
      }
      if (node.has("maximumEntries")) {
        c.setMaximumEntries(number(node.get("maximumEntries"), path + ".maximumEntries"));
      }
      if (node.has("maximumBytes")) {
        c.setMaximumBytes(number(node.get("maximumBytes"), path + ".maximumBytes"));
      }
      if (node.has("serializer")) {
        c.setSerializer(text(node.get("serializer"), path + ".serializer"));
      }
      if (node.has("namespace")) {
        String namespace = text(node.get("namespace"), path + ".namespace");
        if (namespace.isEmpty()) {
          throw error(path + ".namespace", "must not be empty");
        }
        c.setNamespace(namespace);
      }
      if (node.has("allowedClasses")) {
        c.setAllowedClasses(strings(node.get("allowedClasses"), path + ".allowedClasses"));
      }
      if (node.has("operationTimeout")) {
        Duration timeout = duration(node.get("operationTimeout"), path + ".operationTimeout");
        if (timeout.isZero()) {
          throw error(path + ".operationTimeout", "must be positive");
        }
        c.setOperationTimeout(timeout);
      }
      if (node.has("statistics")) {
        c.setStatisticsEnabled(bool(node.get("statistics"), path + ".statistics"));
      }
      if (node.has("management")) {
        c.setManagementEnabled(bool(node.get("management"), path + ".management"));
      }
      if (node.has("loader")) {
        c.setCacheLoaderFactory(factory(node.get("loader"), path + ".loader", CacheLoader.class));
      }
      if (node.has("readThrough")) {
        c.setReadThrough(bool(node.get("readThrough"), path + ".readThrough"));
      }
      if (node.has("writer")) {
        c.setCacheWriterFactory(factory(node.get("writer"), path + ".writer", CacheWriter.class));
      }
      if (node.has("writeThrough")) {
        c.setWriteThrough(bool(node.get("writeThrough"), path + ".writeThrough"));
      }
      if (node.has("plugins")) {
        c.setPlugins(plugins(node.get("plugins"), path + ".plugins"));
      }
      if (c.isReadThrough() && c.getCacheLoaderFactory() == null) {
        throw error(path + ".readThrough", "needs a loader (a CacheLoader class name)");
      }
      if (c.isWriteThrough() && c.getCacheWriterFactory() == null) {
        throw error(path + ".writeThrough", "needs a writer (a CacheWriter class name)");
      }
      return c;
    }

    private Factory<ExpiryPolicy> expiry(JsonNode value, String path) {
      ObjectNode node = object(value, path);
      checkNames(node, path, EXPIRY);
      String policy = node.has("policy") ? text(node.get("policy"), path + ".policy") : "created";
      if (policy.equals("eternal")) {
        if (node.has("duration")) {
          throw error(path + ".duration", "an eternal policy takes no duration");
        }
        return EternalExpiryPolicy.factoryOf();
      }
      if (!node.has("duration")) {
        throw error(path, "needs a duration, e.g. duration: 10m");
      }
      javax.cache.expiry.Duration d = jcache(duration(node.get("duration"), path + ".duration"));
      switch (policy) {
        case "created":
          return CreatedExpiryPolicy.factoryOf(d);
        case "accessed":
          return AccessedExpiryPolicy.factoryOf(d);
        case "modified":
          return ModifiedExpiryPolicy.factoryOf(d);
        case "touched":
          return TouchedExpiryPolicy.factoryOf(d);
        default:
          throw error(path + ".policy", "unknown policy \"" + policy
              + "\"; use created, accessed, modified, touched or eternal");
      }
    }

    private <T> Factory<T> factory(JsonNode value, String path, Class<?> kind) {
      Class<?> type = type(value, path);
      if (!kind.isAssignableFrom(type)) {
        throw error(path, type.getName() + " is not a " + kind.getName());
      }
      try {
        type.getConstructor();
      } catch (NoSuchMethodException e) {
        throw error(path, type.getName() + " has no public no-argument constructor");
      }
      return FactoryBuilder.factoryOf(type.getName());
    }

    /** A list of plugin class names (or one name): each a CachePlugin made by its constructor. */
    private List<Factory<? extends CachePlugin>> plugins(JsonNode value, String path) {
      List<Factory<? extends CachePlugin>> factories = new ArrayList<>();
      if (value.isArray()) {
        int i = 0;
        for (JsonNode element : value) {
          factories.add(factory(element, path + "[" + i++ + "]", CachePlugin.class));
        }
      } else {
        factories.add(factory(value, path, CachePlugin.class));
      }
      return factories;
    }

    private Class<?> type(JsonNode value, String path) {
      String name = text(value, path);
      try {
        return Class.forName(name, false, classLoader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw error(path, "class " + name + " cannot be loaded");
      }
    }

    private void checkNames(ObjectNode node, String path, Set<String> known) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!known.contains(name)) {
          throw error(path.isEmpty() ? name : path + "." + name, "unknown option; known here: "
              + String.join(", ", new java.util.TreeSet<>(known)));
        }
      }
    }

    private ObjectNode object(JsonNode node, String path) {
      if (!(node instanceof ObjectNode)) {
        throw error(path, "must be a mapping of names to values, not " + kind(node));
      }
      return (ObjectNode) node;
    }

    private String text(JsonNode node, String path) {
      if (node == null || !node.isValueNode() || node.isNull()) {
        throw error(path, "must be a single value, not " + kind(node));
      }
      return node.asText();
    }

    private boolean bool(JsonNode node, String path) {
      if (!node.isBoolean()) {
        throw error(path, "must be true or false, not " + kind(node) + " " + node);
      }
      return node.booleanValue();
    }

    private long number(JsonNode node, String path) {
      if (!node.canConvertToLong() || !node.isIntegralNumber() || node.longValue() < 0) {
        throw error(path, "must be a whole number >= 0, not " + node);
      }
      return node.longValue();
    }

    private Duration duration(JsonNode node, String path) {
      String text = node.isIntegralNumber() ? node.asText() : text(node, path);
      try {
        return Durations.parse(text);
      } catch (IllegalArgumentException e) {
        throw error(path, e.getMessage());
      }
    }

    private List<String> strings(JsonNode node, String path) {
      List<String> result = new ArrayList<>();
      if (node.isArray()) {
        for (JsonNode element : node) {
          result.add(text(element, path));
        }
      } else {
        result.addAll(ManagerOptions.patterns(text(node, path)));
      }
      return result;
    }

    private static String kind(JsonNode node) {
      if (node == null || node.isNull()) {
        return "nothing";
      }
      if (node.isObject()) {
        return "a mapping";
      }
      if (node.isArray()) {
        return "a list";
      }
      return "the value " + node;
    }
  }

  private static javax.cache.expiry.Duration jcache(Duration d) {
    return d.isZero() ? javax.cache.expiry.Duration.ZERO
        : new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, d.toMillis());
  }
}
