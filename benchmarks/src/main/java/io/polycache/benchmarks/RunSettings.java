package io.polycache.benchmarks;

import java.util.List;

/**
 * How long JMH measures. {@code quick} takes about ten minutes for all 60 benchmarks on a 2-core
 * machine; {@code full} about forty, with two forks so fork-to-fork variation shows in the error.
 */
public record RunSettings(String mode, int forks, int warmupIterations, int warmupSeconds,
    int measurementIterations, int measurementSeconds) {

  public static final RunSettings QUICK = new RunSettings("quick", 1, 2, 1, 3, 2);
  public static final RunSettings FULL = new RunSettings("full", 2, 3, 2, 5, 2);

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
