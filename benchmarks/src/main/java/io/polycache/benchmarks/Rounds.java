package io.polycache.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * The forks of a run, taken in rounds: each round runs every benchmark in one fork, then the next
 * round starts over. Two targets compared with each other are then measured side by side in
 * every round, minutes apart from the next round, instead of one target's forks all before the
 * other's. On a machine whose speed drifts for minutes at a time, a slow spell so lands on both
 * targets of a comparison, or is spread over several rounds, rather than on one target alone.
 *
 * <p>{@link #merge} joins the rounds' forks into one result per benchmark, as if JMH had run them
 * as forks of one run: JMH computes the score and its error over every fork's iterations.
 */
final class Rounds {

  private Rounds() {}

  /**
   * One result per benchmark (and parameter set), holding its forks from every round, in the
   * order the benchmarks first appear. A benchmark that failed in a round has fewer forks.
   */
  static List<RunResult> merge(List<? extends Collection<RunResult>> rounds) {
    Map<String, RunResult> first = new LinkedHashMap<>();
    Map<String, List<BenchmarkResult>> forks = new LinkedHashMap<>();
    for (Collection<RunResult> round : rounds) {
      for (RunResult result : round) {
        String id = result.getParams().id();
        first.putIfAbsent(id, result);
        forks.computeIfAbsent(id, ignored -> new ArrayList<>())
            .addAll(result.getBenchmarkResults());
      }
    }
    List<RunResult> merged = new ArrayList<>(first.size());
    first.forEach((id, result) -> merged.add(new RunResult(result.getParams(), forks.get(id))));
    return merged;
  }

  /** Writes {@code results} as JMH's own JSON result file. */
  static void writeJson(Collection<RunResult> results, Path file) {
    try (PrintStream out = new PrintStream(Files.newOutputStream(file), false,
        StandardCharsets.UTF_8)) {
      ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
