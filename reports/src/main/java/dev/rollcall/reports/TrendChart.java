package dev.rollcall.reports;

import dev.rollcall.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of the trend chart, an inline SVG of open findings by severity over the last runs:
 * one line per severity that had open findings in any of them, a dot per run with its count as a
 * tooltip, and the y axis scaled to the largest count.
 *
 * @param points how many runs the chart covers
 * @param lines one line per severity, most severe first
 * @param yMax the count at the top of the chart
 * @param firstRun when the oldest run shown started
 * @param lastRun when the newest run shown started
 * @param ticks the marks on the y axis
 */
public record TrendChart(
    int points, List<Line> lines, int yMax, String firstRun, String lastRun, List<Tick> ticks) {
  static final int WIDTH = 720;
  static final int HEIGHT = 220;
  private static final int LEFT = 44;
  private static final int RIGHT = 16;
  private static final int TOP = 12;
  private static final int BOTTOM = 28;

  /** One severity's line: its SVG points, each run's dot, and the count after the last run. */
  public record Line(String severity, String points, List<Dot> dots, int last) {}

  /** One run on a line. */
  public record Dot(String x, String y, String title) {}

  /** A y axis mark. */
  public record Tick(String y, int value) {}

  public int width() {
    return WIDTH;
  }

  public int height() {
    return HEIGHT;
  }

  public int left() {
    return LEFT;
  }

  public int right() {
    return WIDTH - RIGHT;
  }

  public int bottom() {
    return HEIGHT - BOTTOM;
  }

  static TrendChart of(List<TrendPoint> trend) {
    int n = trend.size();
    int max = 0;
    for (TrendPoint p : trend) {
      for (Severity s : Severity.values()) {
        max = Math.max(max, p.open(s));
      }
    }
    int yMax = niceCeiling(max);
    List<Line> lines = new ArrayList<>();
    for (int i = Severity.values().length - 1; i >= 0; i--) {
      Severity s = Severity.values()[i];
      if (trend.stream().noneMatch(p -> p.open(s) > 0)) {
        continue;
      }
      StringBuilder points = new StringBuilder();
      List<Dot> dots = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        TrendPoint p = trend.get(k);
        String x = coordinate(x(k, n));
        String y = coordinate(y(p.open(s), yMax));
        points.append(k == 0 ? "" : " ").append(x).append(',').append(y);
        dots.add(
            new Dot(
                x,
                y,
                HtmlPage.minute(p.startedAt())
                    + " (run "
                    + p.runId()
                    + "): "
                    + p.open(s)
                    + " open "
                    + HtmlPage.lower(s)));
      }
      lines.add(new Line(HtmlPage.lower(s), points.toString(), dots, trend.get(n - 1).open(s)));
    }
    List<Tick> ticks = new ArrayList<>();
    for (int v : new int[] {0, yMax / 2, yMax}) {
      ticks.add(new Tick(coordinate(y(v, yMax)), v));
    }
    return new TrendChart(
        n,
        lines,
        yMax,
        n == 0 ? "" : HtmlPage.minute(trend.get(0).startedAt()),
        n == 0 ? "" : HtmlPage.minute(trend.get(n - 1).startedAt()),
        ticks);
  }

  private static double x(int k, int n) {
    double plot = WIDTH - LEFT - RIGHT;
    return n == 1 ? LEFT + plot / 2 : LEFT + plot * k / (n - 1);
  }

  private static double y(int value, int yMax) {
    double plot = HEIGHT - TOP - BOTTOM;
    return TOP + plot - plot * value / yMax;
  }

  /** The smallest even number (at least 2) at or above {@code max}, so the middle tick is whole. */
  private static int niceCeiling(int max) {
    return Math.max(2, max + (max % 2));
  }

  private static String coordinate(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
