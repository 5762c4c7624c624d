package org.topicline.report;

import java.util.List;
import java.util.Locale;
import org.topicline.report.ReviewData.TrendPoint;

/**
 * A topic's monthly share as an inline SVG line chart: the share, its moving average (dashed) and the burst months
 * (dots, with the month, count and share in a tooltip). Inline SVG needs no script and no network, so the report is
 * one file that renders the same in a browser, headless Chromium and a mail attachment.
 */
final class TrendChart {
  static final int WIDTH = 760;
  static final int HEIGHT = 180;
  private static final int LEFT = 52;
  private static final int RIGHT = 12;
  private static final int TOP = 10;
  private static final int BOTTOM = 24;

  private TrendChart() {}

  static String svg(String label, List<TrendPoint> points) {
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
        .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">");
    double top = 0;
    for (TrendPoint p : points) {
      top = Math.max(top, Math.max(p.share(), p.movingAverage()));
    }
    // Headroom above the highest point; a series of zeros still gets a scale.
    double yMax = top > 0 ? top * 1.1 : 0.01;
    int bottomY = HEIGHT - BOTTOM;
    b.append(line(LEFT, TOP, LEFT, bottomY, "axis")).append(line(LEFT, bottomY, WIDTH - RIGHT, bottomY, "axis"));
    b.append(text(LEFT - 4, TOP + 8, "end", percent(yMax))).append(text(LEFT - 4, bottomY, "end", "0%"));
    // A tick at the series' first month and at each January; the first month's year label is left out when the
    // next January is too close for both to be read.
    int n = points.size();
    for (int i = 0; i < n; i++) {
      boolean january = points.get(i).periodStart().getMonthValue() == 1;
      if (i == 0 || january) {
        b.append(line(x(i, n), bottomY, x(i, n), bottomY + 4, "axis"));
        int nextJanuary = i + 13 - points.get(i).periodStart().getMonthValue();
        if (january || nextJanuary >= n || x(nextJanuary, n) - x(i, n) >= 32) {
          b.append(text(x(i, n), HEIGHT - 6, "start", Integer.toString(points.get(i).periodStart().getYear())));
        }
      }
    }
    b.append(polyline(points, yMax, false, "share")).append(polyline(points, yMax, true, "ma"));
    for (int i = 0; i < points.size(); i++) {
      TrendPoint p = points.get(i);
      if (p.burst()) {
        b.append(String.format(Locale.ROOT, "<circle class=\"burst\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"><title>%s: "
            + "%d articles, %s (burst)</title></circle>", x(i, points.size()), y(p.share(), yMax),
            p.periodStart().toString().substring(0, 7), p.topicCount(), percent(p.share())));
      }
    }
    return b.append("</svg>").toString();
  }

  private static String polyline(List<TrendPoint> points, double yMax, boolean movingAverage, String cssClass) {
    StringBuilder b = new StringBuilder("<polyline class=\"").append(cssClass).append("\" points=\"");
    for (int i = 0; i < points.size(); i++) {
      TrendPoint p = points.get(i);
      b.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x(i, points.size()),
          y(movingAverage ? p.movingAverage() : p.share(), yMax)));
    }
    return b.append("\"/>").toString();
  }

  private static double x(int i, int n) {
    return LEFT + (n <= 1 ? 0 : i * (double) (WIDTH - LEFT - RIGHT) / (n - 1));
  }

  private static double y(double v, double yMax) {
    return TOP + (1 - v / yMax) * (HEIGHT - TOP - BOTTOM);
  }

  private static String line(double x1, double y1, double x2, double y2, String cssClass) {
    return String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
        cssClass, x1, y1, x2, y2);
  }

  private static String text(double x, double y, String anchor, String s) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor,
        Html.escape(s));
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.2f%%", share * 100);
  }
}
