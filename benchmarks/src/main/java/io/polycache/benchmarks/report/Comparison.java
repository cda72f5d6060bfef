package io.polycache.benchmarks.report;

import java.util.Map;

/**
 * The throughput of a Polycache target divided by that of another target of the same group, per
 * workload, with the ratio the project holds itself to where it has one.
 *
 * @param group the group both targets belong to
 * @param polycache the Polycache target (numerator)
 * @param other the limit or peer (denominator)
 * @param required the least acceptable ratio per workload; workloads without a target are absent
 */
public record Comparison(Group group, Target polycache, Target other,
    Map<Workload, Double> required) {

  public Comparison {
    required = Map.copyOf(required);
  }
}
