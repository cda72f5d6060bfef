package io.polycache.benchmarks.report;

/**
 * One benchmarked implementation within a {@link Group}.
 *
 * @param id the value of the benchmark's {@code target} parameter
 * @param label how the report names it
 * @param role what it is in the comparison
 * @param color the chart's bar color
 */
public record Target(String id, String label, Role role, String color) {}
