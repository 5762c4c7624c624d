package org.topicline.cli;

import org.topicline.conf.TopiclineConf;
import org.topicline.io.DataPaths;
import org.topicline.topics.EvalTopicsJob;
import org.topicline.topics.TopicSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval-topics", mixinStandardHelpOptions = true,
    description = "Prints a topic model's per-topic precision, recall and F1 (and the seed rules') on hand labels.")
public final class EvalTopicsCommand extends SparkCommand {
  @Option(names = "--labels", required = true, paramLabel = "FILE",
      description = "Labels JSONL naming each item's source, file and source_id (topic-labels-dev/labels.jsonl).")
  String labels;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Folder the labels' file paths are relative to (default: the labels file's grandparent).")
  String data;

  @Option(names = "--models", required = true, paramLabel = "DIR", description = "Model folder.")
  String models;

  @Option(names = "--model-version", paramLabel = "VERSION", description = "Model version (default: the latest).")
  String version;

  @Option(names = "--errors", description = "Also list every item the model labels differently from the hand label.")
  boolean errors;

  @Option(names = "--predictions", paramLabel = "FILE",
      description = "Write every item's hand label, weak label, probability and model label to this CSV file.")
  java.nio.file.Path predictions;

  @Override
  protected PreparedJob prepare(TopiclineConf conf) {
    java.nio.file.Path l = java.nio.file.Path.of(labels).toAbsolutePath();
    String root = data != null ? DataPaths.normalise(data) : DataPaths.normalise(l.getParent().getParent().toString());
    EvalTopicsJob.Options o = new EvalTopicsJob.Options(DataPaths.normalise(labels), root,
        DataPaths.normalise(models), version, TopicSettings.from(conf).topics(), errors,
        predictions == null ? null : predictions.toAbsolutePath());
    return spark -> EvalTopicsJob.run(spark, o);
  }
}
