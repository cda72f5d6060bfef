package io.polycache.benchmarks;

import java.util.List;

/**
 * How long JMH measures, and about how many minutes all 60 benchmarks take on a 2-core machine.
 * {@code full} runs five forks of each, in five {@link Rounds rounds}. On this kind of machine
 * (a virtual one, its speed drifting for minutes at a time) one JVM can measure the same code
 * 1.5 to 2.5 times faster than the next, for the raw clients and {@code ConcurrentHashMap} as
 * much as for Polycache, so the spread between forks, not within one, sets the error: more
 * forks of fewer iterations each give a steadier mean than fewer, longer forks. The warm-up
 * stays at three iterations because Redisson's targets are still speeding up in the third.
 */
public record RunSettings(String mode, int forks, int warmupIterations, int warmupSeconds,
    int measurementIterations, int measurementSeconds, int minutes) {

  public static final RunSettings QUICK = new RunSettings("quick", 1, 2, 1, 3, 2, 10);
  public static final RunSettings FULL = new RunSettings("full", 5, 3, 2, 3, 2, 75);

  /** The options of every JMH fork, before the server addresses. */
  public static final List<String> FORK_JVM_OPTIONS = List.of("-Xms1g", "-Xmx1g");

  public static RunSettings of(String mode) {
    return switch (mode) {
      case "quick" -> QUICK;
      case "full" -> FULL;
      default -> throw new IllegalArgumentException("unknown mode " + mode + "; use quick or full");
    };
  }

  public String warmup() {
    return warmupIterations + " x " + warmupSeconds + " s";
  }

  public String measurement() {
    return measurementIterations + " x " + measurementSeconds + " s";
  }
}
