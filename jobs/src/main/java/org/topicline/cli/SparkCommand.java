package org.topicline.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.topicline.conf.ConfException;
import org.topicline.conf.TopiclineConf;
import org.topicline.io.JobResult;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that runs one job: it resolves and validates the conf and the options first (a bad value stops the run
 * before Spark starts, naming its key), then starts Spark, runs the job and prints what it read and wrote.
 */
public abstract class SparkCommand implements Callable<Integer> {
  /** A validated job, ready to run on a session. */
  @FunctionalInterface
  public interface PreparedJob {
    JobResult run(SparkSession spark);
  }

  @Mixin
  protected ConfOptions confOptions;

  @Spec
  protected CommandSpec spec;

  /** Builds the job's typed options from the parsed command line and conf; throws on bad values. */
  protected abstract PreparedJob prepare(TopiclineConf conf);

  /** The command line as given, recorded in the runs table. */
  protected String commandLine() {
    return spec.name() + " " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }

  @Override
  public Integer call() {
    TopiclineConf conf;
    PreparedJob job;
    try {
      conf = confOptions.load();
      Sparks.check(conf, confOptions.master);
      job = prepare(conf);
    } catch (ConfException | IllegalArgumentException e) {
      System.err.println("topicline " + spec.name() + ": " + e.getMessage());
      return 2;
    }
    SparkSession spark = Sparks.start(conf, confOptions.master, spec.name());
    try {
      JobResult result = job.run(spark);
      System.out.println();
      System.out.println(result.summary());
      return 0;
    } finally {
      spark.stop();
    }
  }
}
