package io.polycache.benchmarks.report;

/** The four workloads, named as the benchmark methods are. */
public enum Workload {
  GET("get", "get"),
  PUT("put", "put"),
  MIX("mix", "90/10 mix"),
  GET_ALL("getAll", "getAll(100)");

  private final String method;
  private final String label;

  Workload(String method, String label) {
    this.method = method;
    this.label = label;
  }

  public String method() {
    return method;
  }

  public String label() {
    return label;
  }

  /** The workload a benchmark method measures, or {@code null} for another method. */
  public static Workload ofMethod(String method) {
    for (Workload workload : values()) {
      if (workload.method.equals(method)) {
        return workload;
      }
    }
    return null;
  }
}
