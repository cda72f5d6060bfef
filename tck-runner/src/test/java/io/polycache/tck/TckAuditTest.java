package io.polycache.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * Audits the TCK runs that surefire made earlier in this build, one per backend. The TCK reports
 * an excluded test as passed, so a run is green only when it ran all 493 tests with no failure
 * and no error, and every "EXCLUDING TEST" line it printed is allowed for its backend in
 * {@code tck-exclusions/<backend>.txt}.
 */
class TckAuditTest {

  private static final int TCK_TESTS = 493;
  private static final Pattern EXCLUDING =
      Pattern.compile("EXCLUDING TEST '([^']+)'\\s*'([^']+)'");

  static Stream<String> backends() {
    return Stream.of(System.getProperty("polycache.tck.backends", "memory").split(","))
        .map(String::trim).filter(s -> !s.isEmpty());
  }

  private static Path reports(String backend) {
    Path dir = Path.of(System.getProperty("polycache.tck.reports", "target/tck-reports"), backend);
    assertTrue(Files.isDirectory(dir), "no TCK reports for backend " + backend + " in " + dir);
    return dir;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void tckRun_ranEveryTest_withNoFailureOrError(String backend) throws Exception {
    int tests = 0;
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    try (Stream<Path> files = Files.list(reports(backend))) {
      for (Path report : (Iterable<Path>) files.filter(p -> p.getFileName().toString()
          .matches("TEST-.*\\.xml"))::iterator) {
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(report.toFile()).getDocumentElement();
        tests += Integer.parseInt(suite.getAttribute("tests"));
        failures += Integer.parseInt(suite.getAttribute("failures"));
        errors += Integer.parseInt(suite.getAttribute("errors"));
        skipped += Integer.parseInt(suite.getAttribute("skipped"));
      }
    }
    assertEquals(TCK_TESTS, tests, backend + ": tests run");
    assertEquals(0, failures, backend + ": failures");
    assertEquals(0, errors, backend + ": errors");
    assertEquals(0, skipped, backend + ": skipped");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void tckRun_excludedOnlyTheAllowedTests(String backend) throws IOException {
    Set<String> allowed = allowedExclusions(backend);
    Set<String> excluded = new TreeSet<>();
    try (Stream<Path> files = Files.list(reports(backend))) {
      for (Path output : (Iterable<Path>) files.filter(p -> p.getFileName().toString()
          .endsWith("-output.txt"))::iterator) {
        String name = output.getFileName().toString();
        String testClass = name.substring(0, name.length() - "-output.txt".length());
        Matcher m = EXCLUDING.matcher(Files.readString(output, StandardCharsets.UTF_8));
        while (m.find()) {
          // the line names the class that declares the method, which may be an abstract base
          excluded.add(testClass + "#" + m.group(2));
        }
      }
    }
    assertTrue(excluded.contains("org.jsr107.tck.CachingTest#dummyTest"),
        backend + ": the EXCLUDING lines were not found; is the test output redirected?");
    List<String> unexpected = new ArrayList<>(excluded);
    unexpected.removeAll(allowed);
    assertEquals(List.of(), unexpected, backend + ": TCK tests excluded without being allowed");
    List<String> stale = new ArrayList<>(allowed);
    stale.removeAll(excluded);
    assertTrue(stale.isEmpty(), backend + ": allowed exclusions that no longer happen, remove"
        + " them from tck-exclusions/" + backend + ".txt: " + stale);
  }

  private static Set<String> allowedExclusions(String backend) throws IOException {
    String resource = "/tck-exclusions/" + backend + ".txt";
    Set<String> allowed = new TreeSet<>();
    try (InputStream in = TckAuditTest.class.getResourceAsStream(resource)) {
      assertTrue(in != null, "missing " + resource);
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String entry = line.strip();
        if (!entry.isEmpty() && !entry.startsWith("#")) {
          allowed.add(entry);
        }
      }
    }
    return allowed;
  }
}
