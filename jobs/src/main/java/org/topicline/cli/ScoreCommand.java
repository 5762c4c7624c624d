package org.topicline.cli;

import java.time.LocalDate;
import org.topicline.conf.TopiclineConf;
import org.topicline.io.DataPaths;
import org.topicline.io.RunLog;
import org.topicline.text.TextAnalyzer;
import org.topicline.topics.ScoreJob;
import org.topicline.topics.TopicSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "score", mixinStandardHelpOptions = true,
    description = "Scores articles with a topic model (default: the latest) and writes topic_scores.")
public final class ScoreCommand extends SparkCommand {
  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Folder of the tables.")
  String output;

  @Option(names = "--models", paramLabel = "DIR", description = "Model folder (default: OUTPUT/models).")
  String models;

  @Option(names = "--model-version", paramLabel = "VERSION", description = "Model version (default: the latest).")
  String version;

  @Option(names = "--from", paramLabel = "DATE", description = "First publication date to score.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last publication date to score.")
  LocalDate to;

  @Override
  protected PreparedJob prepare(TopiclineConf conf) {
    String out = DataPaths.normalise(output);
    String modelsDir = DataPaths.normalise(models != null ? models : out.replaceAll("/$", "") + "/models");
    ScoreJob.Options o = new ScoreJob.Options(out, modelsDir, version, from, to,
        TopicSettings.from(conf).train().evidenceTerms(), TextAnalyzer.from(conf), conf.hash(), RunLog.newRunId(),
        commandLine());
    return spark -> ScoreJob.run(spark, o);
  }
}
