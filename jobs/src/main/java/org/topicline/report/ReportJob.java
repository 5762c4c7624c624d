package org.topicline.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.topicline.io.DataPaths;
import org.topicline.io.JobResult;
import org.topicline.io.RunLog;
import org.topicline.io.RunRecord;
import org.topicline.io.Tables;

/**
 * {@code topicline report}: the review report for data scientists, one HTML file (by default
 * {@code OUTPUT/report/review.html}) made from the output tables, with a labelling sheet of the articles nearest each
 * threshold beside it, optionally also rendered by headless Chromium to a PNG of its first screen and a PDF of the
 * whole; one {@code runs} row.
 *
 * <p>Steps: 1) read and collect what the report shows ({@link ReviewData}: counts and a few rows per topic, never
 * the corpus) 2) render it ({@link ReviewHtml}) 3) write it through the Hadoop file system (so {@code hdfs://} and
 * {@code s3a://} outputs work) 4) render the PNG and PDF 5) log the run.
 */
public final class ReportJob {
  public static final String COMMAND = "report";
  public static final String DEFAULT_FOLDER = "report";
  public static final String PAGE = "review.html";
  /** The labelling sheet of the articles nearest each threshold ({@link ReviewLabels}). */
  public static final String LABELS = "review-labels.csv";
  /** The PNG shows the report's first screen (topics, corpus); the PDF holds all of it. */
  static final int PNG_WIDTH = 1280;
  static final int PNG_HEIGHT = 1600;

  /**
   * Typed options.
   *
   * @param folder where review.html, review-labels.csv (and review.png, review.pdf) go; null: {@code OUTPUT/report}
   * @param displayNames topic id to display name, in conf order
   * @param browser the browser for PNG and PDF; null when neither is asked for
   */
  public record Options(String output, String folder, ReportSettings settings, Map<String, String> displayNames,
      boolean png, boolean pdf, HeadlessChromium browser, String confHash, String commandLine) {
    public Options {
      if (output == null || output.isBlank()) {
        throw new IllegalArgumentException("--output is needed");
      }
      if ((png || pdf) && browser == null) {
        throw new IllegalArgumentException("--png and --pdf need a headless Chromium");
      }
      // A copy that keeps the conf's order (Map.copyOf would not).
      displayNames = Collections.unmodifiableMap(new LinkedHashMap<>(displayNames));
    }
  }

  /** Where the report and its labelling sheet went (png and pdf null when not asked for) and how much it covers. */
  public record Result(String runId, String output, String html, String labels, String png, String pdf, int topics,
      long articles, List<String> missing) implements JobResult {
    @Override
    public String summary() {
      return "report " + runId + '\n'
          + String.format("  read      %,10d articles, %d topics%s%n", articles, topics,
              missing.isEmpty() ? "" : " (not written yet: " + String.join(", ", missing) + ")")
          + "  report    -> " + html + '\n'
          + "  to label  -> " + labels + " (the articles nearest each threshold; fill label, then train --gold)\n"
          + (png == null ? "" : "  png       -> " + png + '\n')
          + (pdf == null ? "" : "  pdf       -> " + pdf + '\n')
          + "  run log   -> " + Tables.path(output, Tables.RUNS);
    }
  }

  private ReportJob() {}

  public static Result run(SparkSession spark, Options o) {
    String output = DataPaths.normalise(o.output());
    String folder = o.folder() == null ? Tables.path(output, DEFAULT_FOLDER) : DataPaths.normalise(o.folder());
    String runId = RunLog.newRunId();
    RunRecord run = RunLog.start(runId, COMMAND, o.commandLine(), o.confHash());
    return RunLog.logged(spark, output, run, () -> {
      spark.sparkContext().setJobGroup("report-read", "report: read the output tables", false);
      ReviewData data = ReviewData.collect(spark, output, o.settings(), o.displayNames());
      run.setRecordsRead(data.corpus().articles());
      String page = ReviewHtml.render(data);
      String html = Tables.path(folder, PAGE);
      DataPaths.writeText(spark, html, page);
      String labels = Tables.path(folder, LABELS);
      DataPaths.writeText(spark, labels, ReviewLabels.csv(data));
      String png = null;
      String pdf = null;
      if (o.png()) {
        png = Tables.path(folder, "review.png");
        DataPaths.writeBytes(spark, png, o.browser().png(page, PNG_WIDTH, PNG_HEIGHT));
      }
      if (o.pdf()) {
        pdf = Tables.path(folder, "review.pdf");
        DataPaths.writeBytes(spark, pdf, o.browser().pdf(page));
      }
      run.setMessage("report -> " + html);
      return new Result(runId, output, html, labels, png, pdf, data.topics().size(), data.corpus().articles(),
          data.missing());
    });
  }
}
