package org.topicline.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.topicline.conf.ConfException;
import org.topicline.conf.TopiclineConf;
import org.topicline.report.HeadlessChromium;
import org.topicline.report.ReportJob;
import org.topicline.report.ReportSettings;
import org.topicline.topics.TopicSettings;
import org.topicline.topics.TopicSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = {
        "Writes the review report for data scientists: one HTML file (topics and their held-out metrics, corpus and",
        "rejects, latest runs, and per topic its monthly trend, rising terms, most confident articles with evidence",
        "and summary, the articles nearest its threshold, latest digests); --png / --pdf render it with headless",
        "Chromium."})
public final class ReportCommand extends SparkCommand {
  @Option(names = "--output", required = true, paramLabel = "DIR",
      description = "Folder that holds the tables (articles is needed; every other table is optional).")
  String output;

  @Option(names = "--report-dir", paramLabel = "DIR",
      description = "Where review.html (and review.png, review.pdf) go (default: OUTPUT/report).")
  String reportDir;

  @Option(names = "--png", description = "Also a PNG screenshot of the report's first screen (headless Chromium).")
  boolean png;

  @Option(names = "--pdf", description = "Also the whole report as a PDF (headless Chromium).")
  boolean pdf;

  @Override
  protected PreparedJob prepare(TopiclineConf conf) {
    ReportSettings settings = ReportSettings.from(conf);
    Map<String, String> names = new LinkedHashMap<>();
    for (TopicSpec t : TopicSettings.from(conf).topics()) {
      names.put(t.id(), t.displayName());
    }
    HeadlessChromium browser = null;
    if (png || pdf) {
      // Checked before Spark starts: a missing browser should not cost a read of the tables.
      browser = HeadlessChromium.find(settings.browser()).orElseThrow(() -> settings.browser().isEmpty()
          ? new IllegalArgumentException("--png and --pdf need headless Chromium: none of "
              + String.join(", ", HeadlessChromium.CANDIDATES) + " is on PATH (scripts/install-deps installs it,"
              + " or set topicline.report.browser)")
          : new ConfException(TopiclineConf.fullKey(ReportSettings.SECTION + ".browser"),
              "'" + settings.browser() + "' is not an executable file nor a command on PATH"
                  + conf.where(ReportSettings.SECTION + ".browser")));
    }
    ReportJob.Options options = new ReportJob.Options(output, reportDir, settings, names, png, pdf, browser,
        conf.hash(), commandLine());
    return spark -> ReportJob.run(spark, options);
  }
}
