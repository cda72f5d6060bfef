package io.polycache.benchmarks;

import io.polycache.benchmarks.client.MemoryClients;
import io.polycache.benchmarks.client.SyncClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Heap per entry of a store-by-reference in-process cache holding 1,000,000 entries: not a JMH
 * benchmark but a measurement in a fresh JVM per target (serial GC, fixed heap), so nothing else
 * lives on the heap. The keys and values are built first and kept, so the number is what the
 * cache itself adds per entry: its map node, entry holder and table slot.
 *
 * <p>Run by the launcher as {@code java -cp ... HeapPerEntry TARGET}; prints one line
 * {@code heap-per-entry TARGET CACHE_BYTES PAYLOAD_BYTES}.
 */
public final class HeapPerEntry {

  /** Entries stored. */
  public static final int ENTRIES = 1_000_000;

  /** The targets measured, as {@link MemoryClients} names them. */
  public static final List<String> TARGETS = List.of(
      MemoryClients.POLYCACHE_BY_REFERENCE,
      MemoryClients.CAFFEINE_BY_REFERENCE,
      MemoryClients.CONCURRENT_HASH_MAP);

  /** The JVM options of each measuring JVM. */
  public static final List<String> JVM_OPTIONS =
      List.of("-Xms2g", "-Xmx2g", "-XX:+UseSerialGC");

  private static final String PREFIX = "heap-per-entry";

  private HeapPerEntry() {}

  /** What one target costs per entry, in bytes. */
  public record Measurement(String target, double cacheBytes, double payloadBytes) {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: HeapPerEntry TARGET   (one of " + TARGETS + ")");
      System.exit(2);
    }
    Measurement measurement = measure(args[0], ENTRIES);
    System.out.printf("%s %s %.1f %.1f%n", PREFIX, measurement.target(),
        measurement.cacheBytes(), measurement.payloadBytes());
  }

  static Measurement measure(String target, int entries) throws InterruptedException {
    Dataset data = Dataset.get();
    try (SyncClient cache = MemoryClients.open(target)) {
      long empty = usedAfterGc();
      String[] keys = new String[entries];
      String[] values = new String[entries];
      for (int i = 0; i < entries; i++) {
        keys[i] = "key:" + i;
        String value = i + ":" + data.valueAt(i % Dataset.KEY_COUNT);
        values[i] = value.substring(0, Dataset.VALUE_BYTES);
      }
      long payload = usedAfterGc();
      for (int i = 0; i < entries; i++) {
        cache.put(keys[i], values[i]);
      }
      long full = usedAfterGc();
      if (cache.get(keys[entries - 1]) != values[entries - 1]) {
        throw new IllegalStateException(target + " does not store by reference");
      }
      Reference.reachabilityFence(keys);
      Reference.reachabilityFence(values);
      return new Measurement(target, (double) (full - payload) / entries,
          (double) (payload - empty) / entries);
    }
  }

  private static long usedAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      TimeUnit.MILLISECONDS.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** Measures every target, each in a JVM of its own started from this JVM's class path. */
  public static List<Measurement> measureAllInFreshJvms() {
    List<Measurement> measurements = new ArrayList<>();
    for (String target : TARGETS) {
      measurements.add(measureInFreshJvm(target));
    }
    return measurements;
  }

  private static Measurement measureInFreshJvm(String target) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(HeapPerEntry.class.getName());
    command.add(target);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      Measurement measurement = null;
      StringBuilder output = new StringBuilder();
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          output.append(line).append('\n');
          String[] fields = line.trim().split(" ");
          if (fields.length == 4 && fields[0].equals(PREFIX) && fields[1].equals(target)) {
            measurement = new Measurement(target, Double.parseDouble(fields[2]),
                Double.parseDouble(fields[3]));
          }
        }
      }
      int exit = process.waitFor();
      if (exit != 0 || measurement == null) {
        throw new IllegalStateException("measuring the heap of " + target + " failed (exit "
            + exit + "):\n" + output);
      }
      return measurement;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a JVM to measure " + target, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while measuring " + target, e);
    }
  }
}
