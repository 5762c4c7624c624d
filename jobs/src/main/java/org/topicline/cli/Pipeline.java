package org.topicline.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.topicline.conf.TopiclineConf;
import org.topicline.ingest.IngestJob;
import org.topicline.io.JobResult;
import org.topicline.io.RunLog;
import org.topicline.io.RunRecord;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;
import picocli.CommandLine;

/**
 * The steps of {@code topicline pipeline}, each run exactly as its own command would run it (same options, same
 * validation, its own {@code runs} row), one after another on one SparkSession with one conf. A step is the
 * registered subcommand of that name, so a capability plugs in by registering its command.
 */
public final class Pipeline {
  public static final String COMMAND = "pipeline";
  public static final String INGEST = "ingest";
  public static final String TOKENISE = "tokenise";
  public static final String TRAIN = "train";
  public static final String SCORE = "score";
  public static final String SUMMARIZE = "summarize";
  public static final String TRENDS = "trends";
  public static final String REPORT = "report";
  /** Every step in data-flow order. */
  public static final List<String> STEPS = List.of(INGEST, TOKENISE, TRAIN, SCORE, SUMMARIZE, TRENDS, REPORT);
  /** {@code --model latest}: score with the newest trained model. */
  public static final String LATEST = "latest";

  private static final Pattern WINDOW_END = Pattern.compile("--to (\\d{4}-\\d{2}-\\d{2})");

  /**
   * What to run.
   *
   * @param steps step names; they run in data-flow order ({@link #STEPS}) whatever order they are given in, since
   *     each step reads what the steps before it write
   * @param inputs ingest inputs as FORMAT:PATH
   * @param model a model version to reuse (no train step), {@code latest}, or null to train one
   * @param models the model folder, or null for the commands' default
   * @param from first publication date of the new input, or null
   * @param to last publication date of the new input, or null
   */
  public record Plan(List<String> steps, String output, List<String> inputs, String model, String models,
      LocalDate from, LocalDate to) {
    public Plan {
      steps = STEPS.stream().filter(steps::contains).toList();
      if (steps.isEmpty()) {
        throw new IllegalArgumentException("no steps to run (known steps: " + String.join(", ", STEPS) + ")");
      }
      if (from != null && to != null && from.isAfter(to)) {
        throw new IllegalArgumentException("--from " + from + " is after --to " + to);
      }
      if (steps.contains(INGEST) && inputs.isEmpty()) {
        throw new IllegalArgumentException("the ingest step needs at least one --input FORMAT:PATH");
      }
    }

    boolean windowed() {
      return from != null || to != null;
    }

    /** The command line that reproduces this plan; the runs table keeps it, --since-last-run reads it back. */
    String commandLine() {
      List<String> a = new ArrayList<>(List.of(COMMAND, "--output", output, "--steps", String.join(",", steps)));
      inputs.forEach(i -> a.addAll(List.of("--input", i)));
      option(a, "--model", model);
      option(a, "--models", models);
      option(a, "--from", from);
      option(a, "--to", to);
      return String.join(" ", a);
    }

    /** The arguments of one step's command. */
    List<String> argsOf(String step) {
      List<String> a = new ArrayList<>(List.of("--output", output));
      switch (step) {
        case INGEST -> {
          inputs.forEach(i -> a.addAll(List.of("--input", i)));
          window(a);
        }
        case TOKENISE -> window(a);
        case TRAIN -> option(a, "--models", models);
        case SCORE -> {
          option(a, "--models", models);
          option(a, "--model-version", LATEST.equals(model) ? null : model);
          window(a);
        }
        case SUMMARIZE -> a.addAll(List.of("--mode", windowed() ? "REPLACE_PARTITIONS" : "REPLACE"));
        case TRENDS -> window(a);
        case REPORT -> {
          // The report covers the whole output whatever the window: it reads small aggregates.
        }
        default -> throw new IllegalArgumentException("unknown step " + step);
      }
      return a;
    }

    private void window(List<String> a) {
      option(a, "--from", from);
      option(a, "--to", to);
    }

    private static void option(List<String> a, String name, Object value) {
      if (value != null) {
        a.add(name);
        a.add(value.toString());
      }
    }
  }

  /** What the whole pipeline did: each step's own result, in order. */
  public record Result(String runId, Plan plan, Map<String, JobResult> steps) implements JobResult {
    @Override
    public String summary() {
      StringBuilder b = new StringBuilder("pipeline ").append(runId).append(": ")
          .append(String.join(" -> ", plan.steps()));
      b.append(plan.windowed() ? "  window " + (plan.from() == null ? "…" : plan.from()) + " .. "
          + (plan.to() == null ? "…" : plan.to()) : "  (whole input)").append('\n');
      steps.forEach((name, r) -> b.append('\n').append(r.summary()).append('\n'));
      return b.toString();
    }
  }

  private Pipeline() {}

  /**
   * Parses and prepares every step of {@code plan} against {@code conf} (bad options or conf stop the run here,
   * before anything is written); a step whose command is not registered in this build is an error.
   */
  public static Map<String, SparkCommand.PreparedJob> prepare(Plan plan, TopiclineConf conf) {
    Map<String, SparkCommand.PreparedJob> jobs = new LinkedHashMap<>();
    for (String step : plan.steps()) {
      CommandLine registered = Topicline.commandLine().getSubcommands().get(step);
      if (registered == null || !(registered.getCommand() instanceof SparkCommand)) {
        throw new IllegalArgumentException("step '" + step + "' is not available in this build; leave it out with "
            + "--steps");
      }
      // Parsed on its own, as if run alone, so the step's runs row records its own command line.
      CommandLine alone = new CommandLine(registered.getCommand().getClass()).setCaseInsensitiveEnumValuesAllowed(true);
      alone.parseArgs(plan.argsOf(step).toArray(String[]::new));
      SparkCommand command = alone.getCommand();
      jobs.put(step, command.prepare(conf));
    }
    return jobs;
  }

  /** Runs the prepared steps in order and appends the pipeline's own {@code runs} row. */
  public static Result run(SparkSession spark, Plan plan, Map<String, SparkCommand.PreparedJob> jobs,
      String confHash) {
    String runId = RunLog.newRunId();
    RunRecord run = RunLog.start(runId, COMMAND, plan.commandLine(), confHash);
    Map<String, JobResult> results = new LinkedHashMap<>();
    String output = org.topicline.io.DataPaths.normalise(plan.output());
    // The step that failed is the first one without a result.
    Function<Throwable, String> failure = e -> "step " + (results.size() < jobs.size()
        ? List.copyOf(jobs.keySet()).get(results.size()) : "?") + " failed: " + e;
    return RunLog.logged(spark, output, run, failure, () -> {
      for (Map.Entry<String, SparkCommand.PreparedJob> step : jobs.entrySet()) {
        spark.sparkContext().setJobGroup("pipeline-" + step.getKey(), "pipeline: " + step.getKey(), false);
        results.put(step.getKey(), step.getValue().run(spark));
      }
      // The pipeline's row carries its ingest step's counts, so that it reconciles as that step's row does.
      if (results.get(INGEST) instanceof IngestJob.Result ingest) {
        run.setRecordsRead(ingest.recordsRead());
        run.setArticlesWritten(ingest.articlesWritten());
        run.setRejected(ingest.rejected());
        run.setDuplicates(ingest.duplicates());
      }
      return new Result(runId, plan, results);
    });
  }

  /**
   * The end of the window of the last successful pipeline run that had one, from the {@code runs} table; empty
   * when there is none (the next run then takes the whole input).
   */
  public static Optional<LocalDate> lastWindowEnd(SparkSession spark, String output) {
    String out = org.topicline.io.DataPaths.normalise(output);
    if (!TableIO.exists(spark, out, Tables.RUNS)) {
      return Optional.empty();
    }
    List<Row> rows = RunLog.read(spark, out)
        .filter(org.apache.spark.sql.functions.col("command").equalTo(COMMAND)
            .and(org.apache.spark.sql.functions.col("status").equalTo(RunLog.SUCCEEDED)))
        .select("args").collectAsList();
    LocalDate last = null;
    for (Row r : rows) {
      Matcher m = WINDOW_END.matcher(r.getString(0));
      if (m.find()) {
        LocalDate end = LocalDate.parse(m.group(1));
        last = last == null || end.isAfter(last) ? end : last;
      }
    }
    return Optional.ofNullable(last);
  }

  /** Today in UTC: the default end of a --since-last-run window. */
  public static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
