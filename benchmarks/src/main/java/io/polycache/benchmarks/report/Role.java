package io.polycache.benchmarks.report;

/** What a target is in the comparison. */
public enum Role {
  /** Measured against the others. */
  POLYCACHE,
  /** What the same work costs with no cache layer: the raw client or a plain map. */
  LIMIT,
  /** A provider a user would pick instead. */
  PEER
}
