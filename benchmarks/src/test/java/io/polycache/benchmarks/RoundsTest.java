package io.polycache.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.ThroughputResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;

class RoundsTest {

  private static final IterationParams MEASUREMENT =
      new IterationParams(IterationType.MEASUREMENT, 2, TimeValue.seconds(1), 1);
  private static final IterationParams WARMUP =
      new IterationParams(IterationType.WARMUP, 0, TimeValue.seconds(1), 1);

  private static BenchmarkParams params(String target) {
    WorkloadParams workload = new WorkloadParams();
    workload.put("target", target, 0);
    return new BenchmarkParams("io.polycache.benchmarks.RedisSync.get", "generated", false, 2,
        new int[] {2}, List.of(), 1, 0, WARMUP, MEASUREMENT, Mode.Throughput, workload,
        TimeUnit.SECONDS, 1, "java", List.of(), "17", "vm", "17", "1.37", TimeValue.minutes(2));
  }

  /** One fork of {@code target} whose iterations measured {@code opsPerSecond}. */
  private static RunResult fork(String target, double... opsPerSecond) {
    BenchmarkParams params = params(target);
    List<IterationResult> iterations = new ArrayList<>();
    for (double ops : opsPerSecond) {
      IterationResult iteration = new IterationResult(params, MEASUREMENT,
          new IterationResultMetaData((long) ops, (long) ops));
      iteration.addResult(new ThroughputResult(ResultRole.PRIMARY, "get", ops,
          TimeUnit.SECONDS.toNanos(1), TimeUnit.SECONDS));
      iterations.add(iteration);
    }
    return new RunResult(params, List.of(new BenchmarkResult(params, iterations)));
  }

  @Test
  void merge_joinsEachBenchmarksForksFromEveryRound_scoredOverAllIterations() {
    List<RunResult> merged = Rounds.merge(List.of(
        List.of(fork("polycache", 10, 20), fork("lettuce", 100, 100)),
        List.of(fork("polycache", 30, 40), fork("lettuce", 200, 200))));

    assertEquals(2, merged.size());
    assertEquals("polycache", merged.get(0).getParams().getParam("target"));
    assertEquals(2, merged.get(0).getBenchmarkResults().size());
    assertEquals(25.0, merged.get(0).getPrimaryResult().getScore(), 1e-9);
    assertEquals(150.0, merged.get(1).getPrimaryResult().getScore(), 1e-9);
  }

  @Test
  void merge_benchmarkThatFailedInARound_keepsTheForksItHas() {
    List<RunResult> merged = Rounds.merge(List.of(
        List.of(fork("polycache", 10, 20), fork("lettuce", 100, 100)),
        List.of(fork("polycache", 30, 40))));

    assertEquals(1, merged.get(1).getBenchmarkResults().size());
    assertEquals(100.0, merged.get(1).getPrimaryResult().getScore(), 1e-9);
  }

  @Test
  void writeJson_isJmhsFormat_withOneRawDataRowPerFork(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("jmh.json");

    Rounds.writeJson(Rounds.merge(List.of(List.of(fork("polycache", 10, 20)),
        List.of(fork("polycache", 30, 40)))), file);

    JsonNode metric = new ObjectMapper().readTree(file.toFile()).get(0).get("primaryMetric");
    assertEquals(25.0, metric.get("score").asDouble(), 1e-9);
    assertEquals(2, metric.get("rawData").size());
    assertEquals(30.0, metric.get("rawData").get(1).get(0).asDouble(), 1e-9);
  }
}
