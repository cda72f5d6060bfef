package io.polycache.benchmarks;

import io.polycache.benchmarks.client.Endpoints;
import io.polycache.benchmarks.report.Report;
import io.polycache.benchmarks.report.RunInfo;
import io.polycache.testsupport.MemcachedServer;
import io.polycache.testsupport.RedisServer;
import io.polycache.testsupport.Servers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Version;

/**
 * Runs the benchmarks end to end: starts its own {@code redis-server} and {@code memcached} on
 * free loopback ports, hands their addresses to the JMH forks as system properties, runs JMH
 * once per fork of the mode ({@link Rounds}: one fork of every benchmark per round), measures
 * heap per entry in fresh JVMs, stops the servers, and renders the report.
 *
 * <pre>
 * Launcher quick|full [--include REGEX] [--param NAME=VALUE[,VALUE]]...
 *                     [--prof PROFILER[:OPTIONS]]... [--skip-heap] [--idle-as-is]
 *                     [--results DIR] [--docs DIR]
 * Launcher render [--results DIR] [--docs DIR]
 * </pre>
 *
 * <p>A complete run writes {@code jmh.json} and {@code run.properties} to the results folder and
 * renders {@code benchmarks.md} and its chart into the docs folder. A run narrowed by
 * {@code --include} or {@code --param}, or with a profiler, is for investigation: it writes its
 * JSON to {@code target/} and leaves the published results alone.
 *
 * <p>While JMH runs, the launcher holds a CPU wake-up latency request ({@link WakeLatency}) unless
 * {@code --idle-as-is} is given; the report says whether it was held.
 */
public final class Launcher {

  private static final String ALL_BENCHMARKS = "^io\\.polycache\\.benchmarks\\."
      + "(Memory|RedisSync|RedisAsync|MemcachedSync|MemcachedAsync)\\.";

  private Launcher() {}

  public static void main(String[] args) throws RunnerException {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Arguments.USAGE);
      System.exit(2);
      return;
    }
    if (arguments.mode().equals("render")) {
      render(arguments);
      return;
    }
    run(arguments, RunSettings.of(arguments.mode()));
  }

  private static void render(Arguments arguments) {
    Report report = Report.load(arguments.results());
    report.writeTo(arguments.docs());
    System.out.println("wrote " + arguments.docs().resolve(Report.PAGE));
  }

  private static void run(Arguments arguments, RunSettings settings) throws RunnerException {
    boolean complete = arguments.complete();
    Path json = complete ? arguments.results().resolve(Report.JMH_JSON)
        : Path.of("target", "jmh-partial.json").toAbsolutePath();
    createDirectories(json.getParent());
    FrozenClassPath.freezeInto(Path.of("target", "frozen-classpath").toAbsolutePath());
    Map<String, String> info = new LinkedHashMap<>();
    describeMachine(info, settings);
    info.put(RunInfo.LOAD_BEFORE, loadAverage());
    Instant started = Instant.now();
    LoadWatch load = LoadWatch.start();
    try (WakeLatency wakeLatency = WakeLatency.hold(!arguments.idleAsIs())) {
      info.put(RunInfo.WAKE_LATENCY, wakeLatency.description());
      System.out.println("CPU wake-up latency: " + wakeLatency.description());
      runJmh(arguments, settings, json, info);
    } finally {
      load.close();
    }
    info.put(RunInfo.DURATION, minutes(Duration.between(started, Instant.now())));
    info.put(RunInfo.LOAD_AFTER, loadAverage());
    info.put(RunInfo.LOAD_PEAK, load.peak());
    System.out.println("JMH result: " + json);
    if (!complete) {
      return;
    }
    if (!arguments.skipHeap()) {
      System.out.println("measuring heap per entry (" + HeapPerEntry.ENTRIES + " entries)...");
      info.put(RunInfo.HEAP_ENTRIES, Integer.toString(HeapPerEntry.ENTRIES));
      info.put(RunInfo.HEAP_JVM_OPTIONS, String.join(" ", HeapPerEntry.JVM_OPTIONS));
      for (HeapPerEntry.Measurement measurement : HeapPerEntry.measureAllInFreshJvms()) {
        System.out.printf("  %-30s %6.1f bytes per entry%n", measurement.target(),
            measurement.cacheBytes());
        info.put(RunInfo.heapCacheKey(measurement.target()),
            String.format(Locale.ROOT, "%.1f", measurement.cacheBytes()));
        info.put(RunInfo.heapPayloadKey(measurement.target()),
            String.format(Locale.ROOT, "%.1f", measurement.payloadBytes()));
      }
    }
    new RunInfo(info).write(arguments.results().resolve(Report.RUN_PROPERTIES));
    render(arguments);
  }

  /** Starts the servers, runs JMH against them, and stops them. */
  private static void runJmh(Arguments arguments, RunSettings settings, Path json,
      Map<String, String> info) throws RunnerException {
    try (RedisServer redis = Servers.startRedis();
        MemcachedServer memcached = Servers.startMemcached("-m", "256")) {
      info.put(RunInfo.REDIS, redisVersion(redis));
      info.put(RunInfo.MEMCACHED, "memcached "
          + String.join(" ", memcached.command("version")).replace("VERSION ", ""));
      System.out.println("redis-server on " + redis.address() + ", memcached on "
          + memcached.address());
      ChainedOptionsBuilder options = new OptionsBuilder()
          .include(arguments.include() != null ? arguments.include() : ALL_BENCHMARKS)
          .forks(1)
          .warmupIterations(settings.warmupIterations())
          .warmupTime(TimeValue.seconds(settings.warmupSeconds()))
          .measurementIterations(settings.measurementIterations())
          .measurementTime(TimeValue.seconds(settings.measurementSeconds()))
          .timeout(TimeValue.minutes(2))
          .jvmArgs(RunSettings.FORK_JVM_OPTIONS.toArray(new String[0]))
          .jvmArgsAppend(
              "-D" + Endpoints.REDIS_PROPERTY + "=" + redis.address(),
              "-D" + Endpoints.MEMCACHED_PROPERTY + "=" + memcached.address())
          .shouldFailOnError(false);
      for (String param : arguments.params()) {
        int equals = param.indexOf('=');
        options.param(param.substring(0, equals), param.substring(equals + 1).split(","));
      }
      for (String profiler : arguments.profilers()) {
        int colon = profiler.indexOf(':');
        if (colon < 0) {
          options.addProfiler(profiler);
        } else {
          options.addProfiler(profiler.substring(0, colon), profiler.substring(colon + 1));
        }
      }
      List<Collection<RunResult>> rounds = new ArrayList<>();
      for (int round = 1; round <= settings.forks(); round++) {
        System.out.println("round " + round + " of " + settings.forks()
            + ": one fork of every benchmark");
        rounds.add(new Runner(options.build()).run());
      }
      Rounds.writeJson(Rounds.merge(rounds), json);
    }
  }

  private static void describeMachine(Map<String, String> info, RunSettings settings) {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    info.put(RunInfo.DATE, Instant.now().truncatedTo(ChronoUnit.MINUTES).toString());
    info.put(RunInfo.MODE, settings.mode());
    info.put(RunInfo.COMMIT, commit());
    info.put(RunInfo.CPU, cpuModel());
    info.put(RunInfo.CORES, Integer.toString(Runtime.getRuntime().availableProcessors()));
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      info.put(RunInfo.MEMORY, Math.round(sun.getTotalMemorySize() / (1024.0 * 1024 * 1024))
          + " GiB");
    }
    info.put(RunInfo.OS, os.getName() + " " + os.getVersion() + " " + os.getArch());
    info.put(RunInfo.JVM, System.getProperty("java.vm.name") + " "
        + System.getProperty("java.runtime.version"));
    info.put(RunInfo.FORK_JVM_OPTIONS, String.join(" ", RunSettings.FORK_JVM_OPTIONS));
    info.put(RunInfo.JMH, Version.getPlainVersion());
    info.put(RunInfo.FORKS, Integer.toString(settings.forks()));
    info.put(RunInfo.WARMUP, settings.warmup());
    info.put(RunInfo.MEASUREMENT, settings.measurement());
    info.put(RunInfo.THREADS, "2");
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim().replaceAll("\\s+", " ");
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: the architecture is all the report can say
    }
    return System.getProperty("os.arch");
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8)
          .trim().split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean()
          .getSystemLoadAverage());
    }
  }

  /** The checked-out commit, read without changing anything. */
  private static String commit() {
    try {
      Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
          .redirectErrorStream(true).start();
      String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
          .trim();
      if (git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 && !output.isEmpty()) {
        return output;
      }
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "unknown";
  }

  private static String redisVersion(RedisServer redis) {
    Object info = redis.command("INFO", "server");
    for (String line : String.valueOf(info).split("\r?\n")) {
      if (line.startsWith("redis_version:")) {
        return "redis-server " + line.substring("redis_version:".length()).trim();
      }
    }
    return "redis-server";
  }

  private static String minutes(Duration duration) {
    return String.format("%.1f min", duration.toSeconds() / 60.0);
  }

  private static void createDirectories(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
  }

  /** The command line. */
  record Arguments(String mode, String include, List<String> params, List<String> profilers,
      boolean skipHeap, boolean idleAsIs, Path results, Path docs) {

    static final String USAGE = """
        usage: Launcher quick|full [--include REGEX] [--param NAME=VALUE[,VALUE]]...
                                   [--prof PROFILER[:OPTIONS]]... [--skip-heap]
                                   [--idle-as-is] [--results DIR] [--docs DIR]
               Launcher render [--results DIR] [--docs DIR]""";

    static Arguments parse(String[] args) {
      if (args.length == 0 || !List.of("quick", "full", "render").contains(args[0])) {
        throw new IllegalArgumentException("the first argument is the mode: quick, full or render");
      }
      String include = null;
      List<String> params = new ArrayList<>();
      List<String> profilers = new ArrayList<>();
      boolean skipHeap = false;
      boolean idleAsIs = false;
      Path results = Path.of("results");
      Path docs = Path.of("..", "docs");
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--include" -> include = value(args, ++i);
          case "--param" -> params.add(param(value(args, ++i)));
          case "--prof" -> profilers.add(value(args, ++i));
          case "--skip-heap" -> skipHeap = true;
          case "--idle-as-is" -> idleAsIs = true;
          case "--results" -> results = Path.of(value(args, ++i));
          case "--docs" -> docs = Path.of(value(args, ++i));
          default -> {
            if (args[i].isBlank()) {
              continue;
            }
            throw new IllegalArgumentException("unknown argument " + args[i]);
          }
        }
      }
      return new Arguments(args[0], include, List.copyOf(params), List.copyOf(profilers),
          skipHeap, idleAsIs, results.toAbsolutePath().normalize(),
          docs.toAbsolutePath().normalize());
    }

    private static String param(String value) {
      int equals = value.indexOf('=');
      if (equals <= 0 || equals == value.length() - 1) {
        throw new IllegalArgumentException("--param needs NAME=VALUE, not " + value);
      }
      return value;
    }

    private static String value(String[] args, int index) {
      if (index >= args.length || args[index].isBlank()) {
        throw new IllegalArgumentException(args[index - 1] + " needs a value");
      }
      return args[index];
    }

    /** Whether this run measures everything and so may replace the published results. */
    boolean complete() {
      return include == null && params.isEmpty() && profilers.isEmpty();
    }
  }
}
