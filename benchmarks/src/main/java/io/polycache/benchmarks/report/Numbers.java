package io.polycache.benchmarks.report;

import java.util.Locale;

/** Number formats shared by the table and the chart. */
final class Numbers {

  private Numbers() {}

  /** {@code 26.8 M}, {@code 193 k}, {@code 950}: three significant digits and a scale. */
  static String throughput(double value) {
    Scale scale = Scale.of(value);
    return digits(value / scale.factor) + scale.suffix;
  }

  /** {@code 26.8 M ± 0.4 M}; the error in the value's scale, or no error when JMH had none. */
  static String throughputWithError(double value, double error) {
    if (Double.isNaN(error) || Double.isInfinite(error)) {
      return throughput(value);
    }
    Scale scale = Scale.of(value);
    double scaled = value / scale.factor;
    int decimals = decimals(scaled);
    String format = "%." + decimals + "f";
    return String.format(Locale.ROOT, format, scaled) + scale.suffix + " ± "
        + String.format(Locale.ROOT, format, error / scale.factor) + scale.suffix;
  }

  /** {@code 0.93×}. */
  static String ratio(double ratio) {
    return String.format(Locale.ROOT, "%.2f×", ratio);
  }

  /** {@code 12%}. */
  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
  }

  /** {@code 58.2}. */
  static String bytes(double bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes);
  }

  private static String digits(double scaled) {
    return String.format(Locale.ROOT, "%." + decimals(scaled) + "f", scaled);
  }

  private static int decimals(double scaled) {
    double magnitude = Math.abs(scaled);
    if (magnitude >= 99.95) {
      return 0;
    }
    return magnitude >= 9.995 ? 1 : 2;
  }

  private enum Scale {
    UNIT(1, ""),
    THOUSANDS(1e3, " k"),
    MILLIONS(1e6, " M"),
    BILLIONS(1e9, " G");

    private final double factor;
    private final String suffix;

    Scale(double factor, String suffix) {
      this.factor = factor;
      this.suffix = suffix;
    }

    static Scale of(double value) {
      double magnitude = Math.abs(value);
      if (magnitude >= 999.5e6) {
        return BILLIONS;
      }
      if (magnitude >= 999.5e3) {
        return MILLIONS;
      }
      return magnitude >= 999.5 ? THOUSANDS : UNIT;
    }
  }
}
