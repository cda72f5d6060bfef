package io.polycache.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The throughput chart as a hand-written SVG: one panel per group, in each a cluster of
 * horizontal bars per workload, one bar per target, labelled with its throughput. Bars are scaled
 * per workload (a {@code getAll} of 100 keys and a {@code get} differ by two orders of magnitude),
 * so lengths compare targets, and the labels give the numbers.
 */
final class Chart {

  static final String FILE = "benchmarks-throughput.svg";

  private static final int WIDTH = 1000;
  private static final int MARGIN = 10;
  private static final int COLUMN_GAP = 20;
  private static final int COLUMN_WIDTH = (WIDTH - 2 * MARGIN - COLUMN_GAP) / 2;
  private static final int HEADER = 46;
  private static final int FOOTER = 30;
  private static final int PANEL_TITLE = 24;
  private static final int PANEL_GAP = 16;
  private static final int CLUSTER_TITLE = 16;
  private static final int CLUSTER_GAP = 6;
  private static final int ROW = 17;
  private static final int BAR_HEIGHT = 13;
  private static final int LABEL_WIDTH = 160;
  private static final int BAR_MAX = 240;

  private static final List<Group> LEFT =
      List.of(Catalog.MEMORY, Catalog.MEMCACHED_SYNC, Catalog.MEMCACHED_ASYNC);
  private static final List<Group> RIGHT = List.of(Catalog.REDIS_SYNC, Catalog.REDIS_ASYNC);

  private final Results results;
  private final StringBuilder svg = new StringBuilder();

  private Chart(Results results) {
    this.results = results;
  }

  /** The SVG document for these results; {@code subtitle} says which run they are from. */
  static String render(Results results, String subtitle) {
    return new Chart(results).draw(subtitle);
  }

  private String draw(String subtitle) {
    int height = HEADER + Math.max(columnHeight(LEFT), columnHeight(RIGHT)) + FOOTER;
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
            + " font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"11\">\n",
        WIDTH, height, WIDTH, height));
    svg.append(String.format(Locale.ROOT,
        "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", WIDTH, height));
    text(MARGIN, 20, "start", "font-size=\"16\" font-weight=\"bold\"",
        "Polycache throughput beside the raw clients and the peer providers (operations/s)");
    text(MARGIN, 37, "start", "fill=\"#555555\"", subtitle);
    int y = HEADER;
    for (Group group : LEFT) {
      y = panel(group, MARGIN, y) + PANEL_GAP;
    }
    y = HEADER;
    for (Group group : RIGHT) {
      y = panel(group, MARGIN + COLUMN_WIDTH + COLUMN_GAP, y) + PANEL_GAP;
    }
    text(MARGIN, height - 12, "start", "fill=\"#555555\"",
        "Blue: Polycache. Grey: the limit (raw client, or a plain ConcurrentHashMap). Orange/red:"
            + " peer providers. Bars are scaled per workload; getAll counts calls of 100 keys.");
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static int columnHeight(List<Group> groups) {
    int height = 0;
    for (Group group : groups) {
      height += panelHeight(group) + PANEL_GAP;
    }
    return height - PANEL_GAP;
  }

  private static int panelHeight(Group group) {
    int clusters = Workload.values().length;
    return PANEL_TITLE + clusters * (CLUSTER_TITLE + group.targets().size() * ROW + CLUSTER_GAP);
  }

  /** Draws one group's panel at (x, y) and returns the y below it. */
  private int panel(Group group, int x, int y) {
    svg.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f7f7f7\""
            + " stroke=\"#dddddd\"/>\n",
        x, y, COLUMN_WIDTH, panelHeight(group)));
    text(x + 8, y + 16, "start", "font-size=\"13\" font-weight=\"bold\"", group.title());
    int rowY = y + PANEL_TITLE;
    for (Workload workload : Workload.values()) {
      text(x + 8, rowY + 12, "start", "font-weight=\"bold\" fill=\"#333333\"", workload.label());
      rowY += CLUSTER_TITLE;
      double max = 0;
      for (Target target : group.targets()) {
        max = Math.max(max, results.score(group, target, workload).map(Score::score).orElse(0.0));
      }
      for (Target target : group.targets()) {
        bar(x, rowY, target, results.score(group, target, workload), max);
        rowY += ROW;
      }
      rowY += CLUSTER_GAP;
    }
    return y + panelHeight(group);
  }

  private void bar(int x, int y, Target target, Optional<Score> score, double max) {
    int barX = x + LABEL_WIDTH + 6;
    text(x + LABEL_WIDTH, y + 10, "end", "", target.label());
    if (score.isEmpty() || max <= 0) {
      text(barX, y + 10, "start", "fill=\"#999999\" font-style=\"italic\"", "not measured");
      return;
    }
    double length = Math.max(1, BAR_MAX * score.get().score() / max);
    svg.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n",
        barX, y, length, BAR_HEIGHT, target.color()));
    text(barX + (int) Math.ceil(length) + 4, y + 10, "start", "",
        Numbers.throughput(score.get().score()));
  }

  private void text(int x, int y, String anchor, String attributes, String content) {
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\"%s>%s</text>\n",
        x, y, anchor, attributes.isEmpty() ? "" : " " + attributes, escape(content)));
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
