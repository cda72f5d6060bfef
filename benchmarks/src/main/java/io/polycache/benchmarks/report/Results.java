package io.polycache.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The scores of one JMH run, read from JMH's JSON result file. Results of benchmarks this report
 * does not know (another class, a renamed target) are ignored; a missing result reads as absent,
 * so a run of a subset, or one where a benchmark failed, still renders.
 */
public final class Results {

  private final List<Score> scores;

  public Results(List<Score> scores) {
    this.scores = List.copyOf(scores);
  }

  public static Results read(Path jmhJson) {
    try {
      return parse(new ObjectMapper().readTree(jmhJson.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the JMH result " + jmhJson, e);
    }
  }

  public static Results parse(String jmhJson) {
    try {
      return parse(new ObjectMapper().readTree(jmhJson));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse a JMH result", e);
    }
  }

  private static Results parse(JsonNode root) {
    if (!root.isArray()) {
      throw new IllegalArgumentException(
          "a JMH JSON result is an array, not " + root.getNodeType());
    }
    List<Score> scores = new ArrayList<>();
    for (JsonNode result : root) {
      String benchmark = result.path("benchmark").asText();
      int dot = benchmark.lastIndexOf('.');
      String className = benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot);
      Group group = Catalog.group(className);
      Workload workload = Workload.ofMethod(benchmark.substring(dot + 1));
      String targetId = result.path("params").path("target").asText();
      Target target = group == null ? null : group.target(targetId);
      if (target == null || workload == null) {
        continue;
      }
      JsonNode metric = result.path("primaryMetric");
      double perSecond = perSecond(metric.path("scoreUnit").asText());
      scores.add(new Score(group, target, workload, number(metric.path("score")) * perSecond,
          number(metric.path("scoreError")) * perSecond));
    }
    return new Results(scores);
  }

  /** JMH writes {@code "NaN"} as a string where it has no error estimate. */
  private static double number(JsonNode node) {
    return node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText("NaN"));
  }

  /** The factor from a throughput unit such as {@code ops/ms} to operations per second. */
  static double perSecond(String unit) {
    String per = unit.substring(unit.indexOf('/') + 1);
    TimeUnit timeUnit = switch (per) {
      case "ns" -> TimeUnit.NANOSECONDS;
      case "us" -> TimeUnit.MICROSECONDS;
      case "ms" -> TimeUnit.MILLISECONDS;
      case "s" -> TimeUnit.SECONDS;
      case "min" -> TimeUnit.MINUTES;
      case "hr" -> TimeUnit.HOURS;
      default -> throw new IllegalArgumentException("not a throughput unit: " + unit);
    };
    return (double) TimeUnit.SECONDS.toNanos(1) / timeUnit.toNanos(1);
  }

  public List<Score> scores() {
    return scores;
  }

  public Optional<Score> score(Group group, Target target, Workload workload) {
    for (Score score : scores) {
      if (score.group().equals(group) && score.target().equals(target)
          && score.workload() == workload) {
        return Optional.of(score);
      }
    }
    return Optional.empty();
  }

  /** The Polycache score divided by the other's, when both were measured. */
  public Optional<Double> ratio(Comparison comparison, Workload workload) {
    Optional<Score> polycache = score(comparison.group(), comparison.polycache(), workload);
    Optional<Score> other = score(comparison.group(), comparison.other(), workload);
    if (polycache.isEmpty() || other.isEmpty() || other.get().score() <= 0) {
      return Optional.empty();
    }
    return Optional.of(polycache.get().score() / other.get().score());
  }

  public boolean isEmpty() {
    return scores.isEmpty();
  }
}
