package org.topicline.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.topicline.conf.TopiclineConf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = {
        "Runs ingest -> tokenise -> train (or reuse a model) -> score -> summarize -> trends with one conf on one",
        "Spark session.",
        "Each step runs exactly as its own command and logs its own runs row. With --from/--to or --since-last-run,",
        "ingest, tokenise and score take only that window (widened to whole months) and rewrite only its partitions;",
        "train and summarize still read every article, and trends counts the whole history and rewrites the years",
        "the window can change."})
public final class PipelineCommand extends SparkCommand {
  @Option(names = "--input", paramLabel = "FORMAT:PATH", description = "Ingest input (repeatable), as for ingest.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Folder that holds the tables.")
  String output;

  @Option(names = "--steps", split = ",", paramLabel = "STEP",
      description = "Steps to run, comma separated, in any order: they run in data-flow order (default: "
          + "ingest,tokenise,train,score,summarize,trends,report; train is left out when --model is given).")
  List<String> steps;

  @Option(names = "--model", paramLabel = "VERSION|latest",
      description = "Reuse this trained model (or the newest) instead of training one.")
  String model;

  @Option(names = "--models", paramLabel = "DIR", description = "Model folder (default: OUTPUT/models).")
  String models;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First publication date of the new input.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last publication date of the new input.")
  LocalDate to;

  @Option(names = "--since-last-run",
      description = "The window starts the day after the last successful pipeline run's window ended (runs table) "
          + "and ends at --to or today (UTC); everything up to then when there was none.")
  boolean sinceLastRun;

  @Override
  protected PreparedJob prepare(TopiclineConf conf) {
    if (sinceLastRun && from != null) {
      throw new IllegalArgumentException("--since-last-run and --from exclude each other");
    }
    List<String> chosen = steps != null ? steps
        : Pipeline.STEPS.stream().filter(s -> model == null || !s.equals(Pipeline.TRAIN)).toList();
    for (String s : chosen) {
      if (!Pipeline.STEPS.contains(s)) {
        throw new IllegalArgumentException("unknown step '" + s + "' (known: " + String.join(", ", Pipeline.STEPS)
            + ")");
      }
    }
    Pipeline.Plan plan = new Pipeline.Plan(chosen, output, inputs, model, models, from,
        sinceLastRun && to == null ? Pipeline.today() : to);
    // Prepared now so that a bad option or conf value stops the run before Spark starts.
    var jobs = Pipeline.prepare(plan, conf);
    String confHash = conf.hash();
    return spark -> sinceLastRun ? runSinceLastRun(spark, plan, conf, confHash)
        : Pipeline.run(spark, plan, jobs, confHash);
  }

  private static Pipeline.Result runSinceLastRun(SparkSession spark, Pipeline.Plan plan, TopiclineConf conf,
      String confHash) {
    LocalDate start = windowStart(Pipeline.lastWindowEnd(spark, plan.output()), plan.to());
    Pipeline.Plan window = new Pipeline.Plan(plan.steps(), plan.output(), plan.inputs(), plan.model(),
        plan.models(), start, plan.to());
    return Pipeline.run(spark, window, Pipeline.prepare(window, conf), confHash);
  }

  /** The day after the last window ended; null (everything) when there was none. */
  static LocalDate windowStart(Optional<LocalDate> lastWindowEnd, LocalDate to) {
    LocalDate start = lastWindowEnd.map(d -> d.plusDays(1)).orElse(null);
    // Nothing new since the last window: redo its last day, which a re-run leaves unchanged.
    return start != null && start.isAfter(to) ? to : start;
  }
}
