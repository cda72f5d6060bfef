package io.polycache.benchmarks;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The data every target reads and writes: the same 10,000 string keys with ~100-byte values, the
 * same key sets for {@code getAll}, and the same pseudo-random access sequences, generated from a
 * fixed seed so that every fork and every target sees identical work.
 *
 * <p>Immutable after construction; shared by the threads of a benchmark.
 */
public final class Dataset {

  /** Entries preloaded into every target. */
  public static final int KEY_COUNT = 10_000;

  /** Bytes (ASCII characters) in every value. */
  public static final int VALUE_BYTES = 100;

  /** Keys per {@code getAll}. */
  public static final int GET_ALL_SIZE = 100;

  /** Writes per 100 operations in the mixed workload. */
  public static final int MIX_WRITE_PERCENT = 10;

  private static final int SEQUENCE_LENGTH = 1 << 16;
  private static final int SEQUENCE_MASK = SEQUENCE_LENGTH - 1;
  private static final int KEY_SET_COUNT = 1 << 9;
  private static final int KEY_SET_MASK = KEY_SET_COUNT - 1;
  private static final long SEED = 0x5eed_cafe_f00dL;
  private static final String ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private static final Dataset INSTANCE = new Dataset();

  private final String[] keys = new String[KEY_COUNT];
  private final String[] values = new String[KEY_COUNT];
  private final int[] sequence = new int[SEQUENCE_LENGTH];
  private final boolean[] writes = new boolean[SEQUENCE_LENGTH];
  private final KeySet[] keySets = new KeySet[KEY_SET_COUNT];

  private Dataset() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < KEY_COUNT; i++) {
      keys[i] = key(i);
      values[i] = value(i, random);
    }
    for (int i = 0; i < SEQUENCE_LENGTH; i++) {
      sequence[i] = random.nextInt(KEY_COUNT);
      writes[i] = i % 100 < MIX_WRITE_PERCENT;
    }
    shuffle(writes, random);
    for (int i = 0; i < KEY_SET_COUNT; i++) {
      keySets[i] = keySet(random);
    }
  }

  /** The one instance; building it costs a few milliseconds. */
  public static Dataset get() {
    return INSTANCE;
  }

  /** The key with index {@code i}: {@code key:00000} to {@code key:09999}. */
  public static String key(int i) {
    return String.format("key:%05d", i);
  }

  public String keyAt(int index) {
    return keys[index];
  }

  public String valueAt(int index) {
    return values[index];
  }

  /** The key index at a position of the shared access sequence; positions wrap around. */
  public int indexAt(int position) {
    return sequence[position & SEQUENCE_MASK];
  }

  /** Whether the mixed workload writes at this position (10% of positions, evenly spread). */
  public boolean writeAt(int position) {
    return writes[position & SEQUENCE_MASK];
  }

  /** One of 512 fixed sets of 100 distinct keys; positions wrap around. */
  public KeySet keySetAt(int position) {
    return keySets[position & KEY_SET_MASK];
  }

  /** Every entry, in key order, for preloading. */
  public Map<String, String> entries() {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < KEY_COUNT; i++) {
      entries.put(keys[i], values[i]);
    }
    return Collections.unmodifiableMap(entries);
  }

  private static String value(int index, SplittableRandom random) {
    StringBuilder value = new StringBuilder(VALUE_BYTES).append("value:").append(index).append(':');
    while (value.length() < VALUE_BYTES) {
      value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return value.toString();
  }

  private KeySet keySet(SplittableRandom random) {
    Set<String> chosen = new LinkedHashSet<>();
    while (chosen.size() < GET_ALL_SIZE) {
      chosen.add(keys[random.nextInt(KEY_COUNT)]);
    }
    return new KeySet(chosen);
  }

  private static void shuffle(boolean[] array, SplittableRandom random) {
    for (int i = array.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      boolean swap = array[i];
      array[i] = array[j];
      array[j] = swap;
    }
  }

  /**
   * One {@code getAll} argument in the shapes the clients take: a {@link Set} for JCache, an array
   * for Lettuce's {@code MGET}, a {@link List} for spymemcached's bulk get.
   */
  public static final class KeySet {
    private final Set<String> set;
    private final String[] array;
    private final List<String> list;

    KeySet(Set<String> keys) {
      this.set = Collections.unmodifiableSet(new LinkedHashSet<>(keys));
      this.array = keys.toArray(new String[0]);
      this.list = List.of(array);
    }

    public Set<String> set() {
      return set;
    }

    /** The keys as an array; callers must not modify it. */
    public String[] array() {
      return array;
    }

    public List<String> list() {
      return list;
    }

    @Override
    public String toString() {
      return "KeySet" + Arrays.toString(array);
    }
  }
}
