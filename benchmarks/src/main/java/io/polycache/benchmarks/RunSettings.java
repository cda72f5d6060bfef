package io.polycache.benchmarks;

import java.util.List;

/**
 * How long JMH measures, and about how many minutes all 60 benchmarks take on a 2-core machine.
 * {@code full} runs three forks of each, in three {@link Rounds rounds}: a blocking round trip
 * over loopback differs by up to a tenth from one JVM to the next on this kind of machine, and
 * the machine's speed drifts for minutes at a time, so the error shows that spread and the mean
 * of three forks taken at three times is steadier than that of fewer.
 */
public record RunSettings(String mode, int forks, int warmupIterations, int warmupSeconds,
    int measurementIterations, int measurementSeconds, int minutes) {

  public static final RunSettings QUICK = new RunSettings("quick", 1, 2, 1, 3, 2, 10);
  public static final RunSettings FULL = new RunSettings("full", 3, 3, 2, 5, 2, 55);

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
