package io.polycache.provider.store.redis;

import io.polycache.testsupport.Binaries;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A real Redis Sentinel ({@code redis-server <conf> --sentinel}) on a free loopback port,
 * watching one master, with a temporary directory for the configuration file Sentinel insists on
 * rewriting. It fails over fast: the master counts as down after one second, and one sentinel
 * is a quorum. {@link #close()} stops exactly the process it started and deletes the directory.
 *
 * <p>Written to move into the test-support module (which has no Sentinel helper yet); it needs
 * nothing from this project, and speaks RESP itself.
 */
final class SentinelProcess implements AutoCloseable {

  private static final String HOST = "127.0.0.1";
  private static final Duration STARTUP = Duration.ofSeconds(10);
  private static final Duration IO_TIMEOUT = Duration.ofSeconds(5);
  private static final int PORT_ATTEMPTS = 5;

  private final Path directory;
  private final Process process;
  private final int port;

  private SentinelProcess(Path directory, Process process, int port) {
    this.directory = directory;
    this.process = process;
    this.port = port;
  }

  /** Starts a sentinel that watches the master at {@code host:masterPort} as {@code name}. */
  static SentinelProcess start(String name, String host, int masterPort) throws IOException {
    Path directory = Files.createTempDirectory("polycache-sentinel-");
    try {
      IOException last = null;
      for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
        int port = freePort();
        Path config = directory.resolve("sentinel.conf");
        Files.writeString(config, String.join("\n",
            "port " + port,
            "bind " + HOST,
            "daemonize no",
            "dir " + directory,
            "logfile \"\"",
            "sentinel monitor " + name + " " + host + " " + masterPort + " 1",
            "sentinel down-after-milliseconds " + name + " 1000",
            "sentinel failover-timeout " + name + " 5000",
            "sentinel parallel-syncs " + name + " 1",
            ""));
        Path log = directory.resolve("sentinel-" + attempt + ".log");
        Process process = new ProcessBuilder(Binaries.redisServer().toString(), config.toString(),
            "--sentinel")
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        SentinelProcess sentinel = new SentinelProcess(directory, process, port);
        try {
          sentinel.awaitReady(log);
          return sentinel;
        } catch (IOException e) {
          sentinel.stopProcess();
          last = e;
        }
      }
      throw last;
    } catch (IOException | RuntimeException e) {
      deleteRecursively(directory);
      throw e;
    }
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  /** {@code host:port} of the master Sentinel currently names, or null if it names none. */
  String masterAddress(String name) throws IOException {
    Object reply = command("SENTINEL", "GET-MASTER-ADDR-BY-NAME", name);
    if (!(reply instanceof List<?> address) || address.size() != 2) {
      return null;
    }
    return address.get(0) + ":" + address.get(1);
  }

  /** How many replicas of {@code name} Sentinel knows and considers up. */
  int healthyReplicas(String name) throws IOException {
    Object reply = command("SENTINEL", "REPLICAS", name);
    int healthy = 0;
    if (reply instanceof List<?> replicas) {
      for (Object replica : replicas) {
        String flags = field((List<?>) replica, "flags");
        if (flags != null && flags.contains("slave") && !flags.contains("s_down")
            && !flags.contains("disconnected")) {
          healthy++;
        }
      }
    }
    return healthy;
  }

  /** Sends one command and returns the decoded RESP2 reply. */
  Object command(String... args) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getByName(HOST), port),
          (int) IO_TIMEOUT.toMillis());
      socket.setSoTimeout((int) IO_TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
      for (String arg : args) {
        byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
        request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        request.writeBytes(bytes);
        request.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.write(request.toByteArray());
      out.flush();
      return read(new BufferedInputStream(socket.getInputStream()));
    }
  }

  /** Polls {@code condition} until it holds or {@code timeout} passes. */
  static void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline >= 0) {
        throw new IllegalStateException(what + " did not happen within " + timeout);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  /** Stops the sentinel process (by its handle) and deletes its directory. */
  @Override
  public void close() {
    try {
      stopProcess();
    } finally {
      deleteRecursively(directory);
    }
  }

  private void stopProcess() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady(Path log) throws IOException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IOException("redis sentinel exited with " + process.exitValue() + ": "
            + Files.readString(log));
      }
      try {
        if ("PONG".equals(command("PING"))) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new IOException("redis sentinel did not answer on " + HOST + ":" + port + " within "
            + STARTUP + ": " + Files.readString(log));
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  private static String field(List<?> flatMap, String name) {
    for (int i = 0; i + 1 < flatMap.size(); i += 2) {
      if (name.equals(flatMap.get(i))) {
        return String.valueOf(flatMap.get(i + 1));
      }
    }
    return null;
  }

  private static Object read(InputStream in) throws IOException {
    int type = in.read();
    String line = readLine(in);
    switch (type) {
      case '+':
        return line;
      case '-':
        throw new IOException("sentinel answered: " + line);
      case ':':
        return Long.parseLong(line);
      case '$': {
        int length = Integer.parseInt(line);
        if (length < 0) {
          return null;
        }
        byte[] bytes = in.readNBytes(length + 2);
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
      }
      case '*': {
        int count = Integer.parseInt(line);
        if (count < 0) {
          return null;
        }
        List<Object> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          items.add(read(in));
        }
        return items;
      }
      default:
        throw new IOException("unexpected RESP type " + type + " (" + line + ")");
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\r') {
      if (b < 0) {
        throw new IOException("connection closed mid-reply");
      }
      line.write(b);
    }
    in.read();
    return line.toString(StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }
}
