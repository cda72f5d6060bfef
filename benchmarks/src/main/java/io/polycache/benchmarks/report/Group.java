package io.polycache.benchmarks.report;

import java.util.List;

/**
 * One benchmark class: a backend and an API style, with the targets it compares.
 *
 * @param benchmarkClass the simple name of the JMH benchmark class
 * @param title how the chart and the throughput table name the group
 * @param shortTitle how the ratio tables name it, before a target's label
 * @param targets in the order the report lists them
 */
public record Group(String benchmarkClass, String title, String shortTitle, List<Target> targets) {

  public Group {
    targets = List.copyOf(targets);
  }

  /** The target with this id, or {@code null}. */
  public Target target(String id) {
    for (Target target : targets) {
      if (target.id().equals(id)) {
        return target;
      }
    }
    return null;
  }
}
