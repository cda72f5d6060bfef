package io.polycache.benchmarks.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a report says about its run beside the scores: the machine, the settings, the server
 * versions and the heap-per-entry measurement. Kept as a properties file next to JMH's JSON, so a
 * report can be rendered again without running anything.
 */
public final class RunInfo {

  public static final String DATE = "run.date";
  public static final String MODE = "run.mode";
  public static final String COMMIT = "run.commit";
  public static final String CPU = "machine.cpu";
  public static final String CORES = "machine.cores";
  public static final String MEMORY = "machine.memory";
  public static final String OS = "machine.os";
  public static final String LOAD_BEFORE = "machine.load.before";
  public static final String LOAD_AFTER = "machine.load.after";
  public static final String LOAD_PEAK = "machine.load.peak";
  public static final String WAKE_LATENCY = "machine.wakeLatency";
  public static final String JVM = "jvm.version";
  public static final String FORK_JVM_OPTIONS = "jvm.forkOptions";
  public static final String JMH = "jmh.version";
  public static final String FORKS = "jmh.forks";
  public static final String WARMUP = "jmh.warmup";
  public static final String MEASUREMENT = "jmh.measurement";
  public static final String THREADS = "jmh.threads";
  public static final String DURATION = "jmh.duration";
  public static final String REDIS = "server.redis";
  public static final String MEMCACHED = "server.memcached";
  public static final String HEAP_ENTRIES = "heap.entries";
  public static final String HEAP_JVM_OPTIONS = "heap.jvmOptions";
  private static final String HEAP_CACHE = "heap.cache.";
  private static final String HEAP_PAYLOAD = "heap.payload.";

  private final Map<String, String> values;

  public RunInfo(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static RunInfo read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Map<String, String> values = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      values.put(name, properties.getProperty(name));
    }
    return new RunInfo(values);
  }

  public void write(Path file) {
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> entry : new TreeMap<>(values).entrySet()) {
        writer.write(escape(entry.getKey()) + "=" + escape(entry.getValue()) + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The value, or {@code "?"} when the run did not record it. */
  public String get(String key) {
    return values.getOrDefault(key, "?");
  }

  public Map<String, String> values() {
    return values;
  }

  public static String heapCacheKey(String target) {
    return HEAP_CACHE + target;
  }

  public static String heapPayloadKey(String target) {
    return HEAP_PAYLOAD + target;
  }

  /** The heap bytes per entry the cache itself adds, when measured. */
  public Double heapCacheBytes(String target) {
    String value = values.get(heapCacheKey(target));
    return value == null ? null : Double.valueOf(value);
  }

  /** The heap bytes per entry of the key and value objects, when measured. */
  public Double heapPayloadBytes(String target) {
    String value = values.get(heapPayloadKey(target));
    return value == null ? null : Double.valueOf(value);
  }

  /** Properties-file escaping without the date comment {@link Properties#store} adds. */
  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        case '=', ':', '#', '!' -> escaped.append('\\').append(c);
        default -> {
          if (c < 0x20 || c > 0x7e) {
            escaped.append(String.format("\\u%04x", (int) c));
          } else if (c == ' ' && i == 0) {
            escaped.append("\\ ");
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}
