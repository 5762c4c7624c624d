package org.topicline.cli;

import java.time.LocalDate;
import org.topicline.conf.TopiclineConf;
import org.topicline.text.TextAnalyzer;
import org.topicline.trends.TrendsJob;
import org.topicline.trends.TrendsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "trends", mixinStandardHelpOptions = true,
    description = {
        "Reads articles and topic_scores and writes topic_trends (share per topic, period and source, moving",
        "average, changes, bursts) and topic_terms (the terms that characterise each month of a topic)."})
public final class TrendsCommand extends SparkCommand {
  @Option(names = "--output", required = true, paramLabel = "DIR",
      description = "Folder that holds the tables (reads articles/, topic_scores/; writes topic_trends/, topic_terms/).")
  String output;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD",
      description = "New input starts on this date: only the years it can change are rewritten.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD",
      description = "New input ends on this date (checked against --from; every later year is rewritten too).")
  LocalDate to;

  @Override
  protected PreparedJob prepare(TopiclineConf conf) {
    TrendsJob.Options options = new TrendsJob.Options(output, TrendsSettings.from(conf), TextAnalyzer.from(conf), from,
        to, conf.hash(), commandLine());
    return spark -> TrendsJob.run(spark, options);
  }
}
