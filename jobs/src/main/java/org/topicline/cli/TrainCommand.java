package org.topicline.cli;

import java.time.LocalDate;
import org.topicline.conf.TopiclineConf;
import org.topicline.io.DataPaths;
import org.topicline.io.RunLog;
import org.topicline.text.TextAnalyzer;
import org.topicline.topics.SupervisedSettings;
import org.topicline.topics.ThucnewsJob;
import org.topicline.topics.TopicSettings;
import org.topicline.topics.TrainJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Trains the topic models from articles (weak labels from the seed rules in conf, gold labels",
        "overriding) and writes models/<version>/ and model_metrics; with --labels, trains a multi-class text",
        "classifier from labelled lines (title<TAB>label) and reports its accuracy on --test."})
public final class TrainCommand extends SparkCommand {
  @Option(names = "--output", paramLabel = "DIR", description = "Folder of the tables (reads articles).")
  String output;

  @Option(names = "--models", paramLabel = "DIR", description = "Model folder (default: OUTPUT/models).")
  String models;

  @Option(names = "--gold", paramLabel = "FILE",
      description = "Gold labels (CSV/JSONL: article_id, or source and source_id; topic, label; or one 0/1 column"
          + " per topic).")
  String gold;

  @Option(names = "--from", paramLabel = "DATE", description = "First publication date to train on.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last publication date to train on.")
  LocalDate to;

  @Option(names = "--labels", paramLabel = "FILE",
      description = "Supervised mode: labelled text, one 'text<TAB>label' per line (THUCNews titles format).")
  String labels;

  @Option(names = "--test", paramLabel = "FILE", description = "Supervised mode: test lines to report accuracy on.")
  String test;

  @Override
  protected PreparedJob prepare(TopiclineConf conf) {
    TextAnalyzer analyzer = TextAnalyzer.from(conf);
    String runId = RunLog.newRunId();
    if (labels != null) {
      if (test == null) {
        throw new IllegalArgumentException("--labels needs --test FILE to measure accuracy on");
      }
      ThucnewsJob.Options o = new ThucnewsJob.Options(DataPaths.normalise(labels), DataPaths.normalise(test),
          models == null ? null : DataPaths.normalise(models), analyzer, SupervisedSettings.from(conf));
      return spark -> ThucnewsJob.run(spark, o);
    }
    if (output == null) {
      throw new IllegalArgumentException("--output DIR is required (the folder holding articles)");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("--from " + from + " is after --to " + to);
    }
    String out = DataPaths.normalise(output);
    String modelsDir = DataPaths.normalise(models != null ? models : out.replaceAll("/$", "") + "/models");
    TrainJob.Options o = new TrainJob.Options(out, modelsDir, gold, from, to, TopicSettings.from(conf), analyzer,
        conf.hash(), runId, commandLine());
    return spark -> TrainJob.run(spark, o);
  }
}
