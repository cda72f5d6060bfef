package io.polycache.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs an example and returns what it printed. */
final class ExampleOutput {

  private ExampleOutput() {}

  interface Example {
    void run(PrintStream out) throws Exception;
  }

  static String of(Example example) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      example.run(out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
