package io.polycache.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ReportTest {

  private static final Results SAMPLE = Results.parse(resource("/sample-jmh.json"));

  private static final RunInfo RUN = new RunInfo(Map.of(
      RunInfo.MODE, "quick",
      RunInfo.DATE, "2026-01-01T00:00:00Z",
      RunInfo.COMMIT, "abc1234",
      RunInfo.CORES, "2",
      RunInfo.HEAP_ENTRIES, "1000000",
      RunInfo.heapCacheKey("polycache-by-reference"), "58.0",
      RunInfo.heapPayloadKey("polycache-by-reference"), "190.0"));

  @Test
  void parse_knownBenchmarks_keepsTheirScoresInOpsPerSecondAndSkipsUnknownOnes() {
    assertEquals(6, SAMPLE.scores().size());
    Score lettuce = SAMPLE.score(Catalog.REDIS_SYNC, Catalog.REDIS_SYNC.target("lettuce"),
        Workload.GET).orElseThrow();
    assertEquals(10_000.0, lettuce.score(), 1e-9);
    assertTrue(Double.isNaN(lettuce.error()));
  }

  @Test
  void ratio_bothMeasured_dividesPolycacheByTheOther() {
    Comparison versusLettuce = Catalog.COMPARISONS.stream()
        .filter(c -> c.group() == Catalog.REDIS_SYNC && c.other().id().equals("lettuce"))
        .findFirst().orElseThrow();
    assertEquals(0.9, SAMPLE.ratio(versusLettuce, Workload.GET).orElseThrow(), 1e-9);
    assertEquals(Optional.empty(), SAMPLE.ratio(versusLettuce, Workload.PUT));
  }

  @Test
  void markdown_sample_showsScoresRatiosVerdictsAndHeap() {
    String page = new Report(SAMPLE, RUN, "A note.").markdown();
    assertTrue(page.contains(
        "![Throughput of every target and workload](benchmarks-throughput.svg)"), page);
    assertTrue(page.indexOf("benchmarks-throughput.svg") < page.indexOf("## Throughput"));
    assertTrue(page.contains("| **Polycache by-reference** | 26.8 M ± 1.2 M |"), page);
    assertTrue(page.contains("| Lettuce sync (limit) | 10.0 k |"), page);
    assertTrue(page.contains("| Redis sync: Polycache Cache | Lettuce sync (limit) | get | 9.00 k"
        + " | 10.0 k | 0.90× | ≥ 0.9× | pass |"), page);
    assertTrue(page.contains("| Redis sync: Polycache Cache | Redisson JCache | 90/10 mix | 5.00 k"
        + " | 4.00 k | 1.25× | ≥ 1.5× | **miss** by 17% |"), page);
    assertTrue(page.contains("| Redis sync: Polycache Cache | Lettuce sync (limit) | put | — |"
        + " — | — | ≥ 0.9× | not measured |"), page);
    assertTrue(page.contains("| memory: Polycache by-reference | Caffeine JCache by-reference |"
        + " 1.34× (pass, ≥ 1.0×) |"), page);
    assertTrue(page.contains("Polycache meets 2 of the 3 targets below."), page);
    assertTrue(page.contains("| Polycache by-reference | 58.0 | 190.0 |"), page);
    assertTrue(page.contains("## Notes on this run\n\nA note.\n"), page);
  }

  @Test
  void verdict_missThatRoundsToTheTarget_showsTheShortfallAndRatioPrecisely() {
    assertEquals("pass", Report.verdict(Optional.of(0.9), 0.9));
    assertEquals("**miss** by 0.02% (0.8998×)", Report.verdict(Optional.of(0.8998), 0.9));
    assertEquals("**miss** by 17%", Report.verdict(Optional.of(1.25), 1.5));
    assertEquals("not measured", Report.verdict(Optional.empty(), 1.5));
  }

  @Test
  void chart_sample_isWellFormedSvgWithOneBarPerScore() throws Exception {
    String svg = new Report(SAMPLE, RUN, "").chart();
    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertEquals("svg", document.getDocumentElement().getTagName());
    NodeList rects = document.getElementsByTagName("rect");
    int background = 1;
    int panels = Catalog.GROUPS.size();
    assertEquals(background + panels + SAMPLE.scores().size(), rects.getLength());
    assertTrue(svg.contains(">26.8 M</text>"), svg);
    assertTrue(svg.contains(">not measured</text>"), svg);
  }

  @Test
  void numbers_scaleToThreeSignificantDigits() {
    assertEquals("950", Numbers.throughput(950));
    assertEquals("1.00 k", Numbers.throughput(999.6));
    assertEquals("193 k", Numbers.throughput(192_939.9));
    assertEquals("137 M", Numbers.throughput(137_187_333.6));
    assertEquals("4.60 k ± 24.37 k", Numbers.throughputWithError(4598.079, 24372.284));
    assertEquals("1.00 G", Numbers.throughput(1e9));
  }

  @Test
  void perSecond_convertsJmhThroughputUnits() {
    assertEquals(1.0, Results.perSecond("ops/s"));
    assertEquals(1000.0, Results.perSecond("ops/ms"));
    assertEquals(1.0 / 60, Results.perSecond("ops/min"), 1e-12);
  }

  private static String resource(String name) {
    try (InputStream in = ReportTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
