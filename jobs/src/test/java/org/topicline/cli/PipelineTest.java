package org.topicline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.topicline.SparkTestBase;
import org.topicline.conf.TopiclineConf;
import org.topicline.io.RunLog;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;
import org.topicline.trends.TrendFixtures;

class PipelineTest extends SparkTestBase {
  @Test
  void stepsGetTheWindowAndSinceLastRunStartsTheDayAfterTheLastWindow() throws Exception {
    Pipeline.Plan plan = new Pipeline.Plan(Pipeline.STEPS, "out", List.of("xwlb:in"), "latest", null,
        LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
    assertEquals(List.of("--output", "out", "--input", "xwlb:in", "--from", "2024-03-01", "--to", "2024-03-31"),
        plan.argsOf(Pipeline.INGEST));
    assertEquals(List.of("--output", "out", "--from", "2024-03-01", "--to", "2024-03-31"),
        plan.argsOf(Pipeline.SCORE), "latest = the score command's default model");
    assertEquals(List.of("--output", "out", "--mode", "REPLACE_PARTITIONS"), plan.argsOf(Pipeline.SUMMARIZE));
    assertEquals(List.of("--output", "out"), plan.argsOf(Pipeline.REPORT), "the report covers the whole output");
    assertEquals(Pipeline.REPORT, Pipeline.STEPS.get(Pipeline.STEPS.size() - 1), "it reads what every step wrote");
    assertThrows(IllegalArgumentException.class, () -> new Pipeline.Plan(List.of(Pipeline.INGEST), "out",
        List.of(), null, null, null, null), "ingest without inputs");
    Pipeline.Plan typedBackwards = new Pipeline.Plan(List.of(Pipeline.TRENDS, Pipeline.SCORE, Pipeline.INGEST,
        Pipeline.SCORE), "out", List.of("xwlb:in"), "latest", null, null, null);
    assertEquals(List.of(Pipeline.INGEST, Pipeline.SCORE, Pipeline.TRENDS), typedBackwards.steps(),
        "data-flow order, each step once, whatever order --steps gave");
    assertEquals(List.of(Pipeline.INGEST, Pipeline.SCORE, Pipeline.TRENDS),
        List.copyOf(Pipeline.prepare(typedBackwards, TopiclineConf.defaults()).keySet()), "the order they run in");
    assertTrue(typedBackwards.commandLine().contains("--steps ingest,score,trends"), typedBackwards.commandLine());

    String output = newDir("pipeline").toString();
    assertEquals(Optional.empty(), Pipeline.lastWindowEnd(spark, output));
    new TrendFixtures()
        .article("a", "xwlb", "2020-01-02", null, "hydrogen", "氢能")
        .article("b", "xwlb", "2020-02-03", null, "hydrogen")
        .writeTables(spark, output);
    Pipeline.Plan trendsOnly = new Pipeline.Plan(List.of(Pipeline.TRENDS), output, List.of(), null, null,
        LocalDate.of(2020, 1, 1), LocalDate.of(2020, 2, 29));
    Pipeline.Result r = Pipeline.run(spark, trendsOnly, Pipeline.prepare(trendsOnly, TopiclineConf.defaults()),
        "test");
    assertTrue(r.summary().contains("topic_trends"), r.summary());

    List<Row> runs = RunLog.read(spark, output).select("command", "status", "args").collectAsList();
    assertEquals(List.of("pipeline", "trends"), runs.stream().map(x -> x.getString(0)).toList());
    assertTrue(runs.stream().allMatch(x -> x.getString(1).equals(RunLog.SUCCEEDED)), runs.toString());
    Optional<LocalDate> last = Pipeline.lastWindowEnd(spark, output);
    assertEquals(Optional.of(LocalDate.of(2020, 2, 29)), last);
    assertEquals(LocalDate.of(2020, 3, 1), PipelineCommand.windowStart(last, LocalDate.of(2020, 3, 31)));
    assertEquals(LocalDate.of(2020, 2, 29), PipelineCommand.windowStart(last, LocalDate.of(2020, 2, 29)),
        "nothing new: the last window's last day again");
    assertNull(PipelineCommand.windowStart(Optional.empty(), LocalDate.of(2020, 3, 31)),
        "no earlier run: everything up to --to");
    assertEquals(2L, TableIO.read(spark, output, Tables.TOPIC_TRENDS)
        .filter("granularity = 'month' and source = 'all'").count());
  }

  @Test
  void aFailingStepStillWritesAFailedRunsRowAndItsOwnExceptionPropagates() throws Exception {
    String output = newDir("pipeline-fails").toString();
    Pipeline.Plan plan = new Pipeline.Plan(List.of(Pipeline.SCORE, Pipeline.TRENDS), output, List.of(), null, null,
        null, null);
    IllegalStateException boom = new IllegalStateException("boom");
    Map<String, SparkCommand.PreparedJob> failing = new LinkedHashMap<>();
    failing.put(Pipeline.SCORE, s -> () -> "scored");
    failing.put(Pipeline.TRENDS, s -> {
      throw boom;
    });
    assertSame(boom, assertThrows(IllegalStateException.class, () -> Pipeline.run(spark, plan, failing, "test")));
    // An Error too: the row used to stay "running".
    StackOverflowError deep = new StackOverflowError("deep");
    assertSame(deep, assertThrows(StackOverflowError.class,
        () -> Pipeline.run(spark, plan, Map.of(Pipeline.SCORE, s -> {
          throw deep;
        }), "test")));
    List<Row> runs = RunLog.read(spark, output).select("status", "message").collectAsList();
    assertEquals(List.of(RunLog.FAILED, RunLog.FAILED), runs.stream().map(r -> r.getString(0)).toList());
    assertEquals(List.of("step trends failed: " + boom, "step score failed: " + deep),
        runs.stream().map(r -> r.getString(1)).toList());

    // A runs table that cannot be written does not hide the step's exception: it is suppressed in it.
    Path notAFolder = Files.writeString(newDir("pipeline-unwritable").resolve("file"), "x");
    Pipeline.Plan unwritable = new Pipeline.Plan(List.of(Pipeline.TRENDS), notAFolder.toString(), List.of(), null,
        null, null, null);
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> Pipeline.run(spark, unwritable, Map.of(Pipeline.TRENDS, s -> {
          throw boom;
        }), "test"));
    assertSame(boom, thrown);
    assertEquals(1, boom.getSuppressed().length, "the runs row's own failure");
  }
}

