package io.polycache.benchmarks.report;

/**
 * One JMH result: the mean throughput of a (group, target, workload) and its error.
 *
 * @param score operations per second
 * @param error half the 99.9% confidence interval JMH reports, in operations per second;
 *     {@code NaN} when the run had too few iterations to tell
 */
public record Score(Group group, Target target, Workload workload, double score, double error) {}
