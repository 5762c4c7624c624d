package org.topicline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.topicline.cli.Pipeline;
import org.topicline.io.RunLog;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;

/**
 * What a whole {@code pipeline} run over the sample corpus ({@code generate-sample --years 1 --pages 10}) must leave
 * under its output, wherever the output is (HDFS, S3): the checks the tests of remote runs share.
 */
final class PipelineChecks {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PipelineChecks() {}

  /**
   * Every step succeeded and logged a row; nothing was lost (records read = articles + rejects, the rejects being the
   * sample's malformed records with the reasons its truth gives); the executors' segmenter kept the dictionary's terms
   * whole; every article was scored for every topic, with F1 at least 0.9 per topic against the sample's truth; one
   * model version, the other tables and the review page are there.
   */
  static void completeRun(SparkSession spark, FileSystem fs, String sample, String out) throws IOException {
    List<Row> runs = RunLog.read(spark, out).orderBy("started_at").collectAsList();
    Set<String> commands = new HashSet<>();
    for (Row r : runs) {
      commands.add(r.getAs("command"));
      assertEquals(RunLog.SUCCEEDED, r.getAs("status"), r.toString());
    }
    Set<String> expected = new HashSet<>(Pipeline.STEPS);
    expected.add("pipeline");
    assertEquals(expected, commands, "a runs row per step and one for the pipeline");
    Row ingest = runs.stream().filter(r -> r.getAs("command").equals(Pipeline.INGEST)).findFirst().orElseThrow();
    long articles = TableIO.read(spark, out, Tables.ARTICLES).count();
    long rejects = TableIO.read(spark, out, Tables.REJECTS).count();
    assertEquals((long) ingest.getAs("records_read"), articles + rejects, "records read = articles + rejects");
    assertEquals((long) ingest.getAs("articles_written"), articles);
    Row pipeline = runs.stream().filter(r -> r.getAs("command").equals("pipeline")).findFirst().orElseThrow();
    for (String count : List.of("records_read", "articles_written", "rejected", "duplicates")) {
      assertEquals((Long) ingest.getAs(count), (Long) pipeline.getAs(count), "the pipeline's row has its ingest's "
          + count);
    }
    assertEquals(truthLines(fs, sample + "/truth/rejects.jsonl").stream().map(t -> t.path("reason").asText())
        .sorted().toList(), TableIO.read(spark, out, Tables.REJECTS).select("reason").orderBy("reason")
        .collectAsList().stream().map(r -> r.getString(0)).toList(),
        "the sample's malformed records, each rejected for its fault");

    assertTrue(TableIO.read(spark, out, Tables.ARTICLE_TOKENS)
        .where("array_contains(body_tokens, '数字政府') or array_contains(body_tokens, '加氢站')").count() > 0,
        "custom dictionary terms as tokens");

    assertEquals(articles * 3, TableIO.read(spark, out, Tables.TOPIC_SCORES).count());
    Map<String, Set<String>> truth = new HashMap<>();
    for (JsonNode t : truthLines(fs, sample + "/truth/labels.jsonl")) {
      Set<String> topics = new HashSet<>();
      t.path("topics").forEach(x -> topics.add(x.asText()));
      truth.put(t.path("id").asText(), topics);
    }
    List<Row> labels = TableIO.read(spark, out, Tables.TOPIC_SCORES).alias("s")
        .join(TableIO.read(spark, out, Tables.ARTICLES).alias("a"), "article_id")
        .where("a.source_id like 'sample-%'")
        .selectExpr("a.source_id", "s.topic", "s.label").collectAsList();
    for (String topic : List.of("digital_government", "hydrogen_energy", "party_study")) {
      long tp = 0;
      long fp = 0;
      long fn = 0;
      for (Row r : labels) {
        if (!r.getString(1).equals(topic) || !truth.containsKey(r.getString(0))) {
          continue;
        }
        boolean label = r.getBoolean(2);
        boolean gold = truth.get(r.getString(0)).contains(topic);
        tp += label && gold ? 1 : 0;
        fp += label && !gold ? 1 : 0;
        fn += !label && gold ? 1 : 0;
      }
      double f1 = 2.0 * tp / (2 * tp + fp + fn);
      assertTrue(f1 >= 0.9, topic + ": F1 " + f1 + " against the sample's truth (tp " + tp + ", fp " + fp + ", fn "
          + fn + ")");
    }

    assertEquals(1, fs.listStatus(new Path(out + "/models")).length, "one model version");
    for (String table : List.of(Tables.SUMMARIES, Tables.TOPIC_DIGESTS, Tables.TOPIC_TRENDS, Tables.MODEL_METRICS)) {
      assertTrue(TableIO.read(spark, out, table).count() > 0, table);
    }
    assertTrue(fs.getFileStatus(new Path(out + "/report/review.html")).getLen() > 10_000, "the review page");
  }

  /** Row counts of the tables a re-run of one month rewrites. */
  record Counts(long articles, long scores, long summaries) {
    static Counts of(SparkSession spark, String out) {
      return new Counts(TableIO.read(spark, out, Tables.ARTICLES).count(),
          TableIO.read(spark, out, Tables.TOPIC_SCORES).count(), TableIO.read(spark, out, Tables.SUMMARIES).count());
    }
  }

  /**
   * After a scheduled re-run of one month with the trained model (as cron runs it): the month's partitions were
   * replaced, not appended to, no model was trained, and {@code runs} has two successful pipeline rows.
   */
  static void monthReplaced(SparkSession spark, FileSystem fs, String out, Counts before) throws IOException {
    assertEquals(before, Counts.of(spark, out), "the month replaced, not appended");
    assertEquals(1, fs.listStatus(new Path(out + "/models")).length, "no training");
    assertEquals(2L, RunLog.read(spark, out).where("command = 'pipeline' and status = 'succeeded'").count());
  }

  /** The JSON lines of a truth file the sample generator wrote. */
  static List<JsonNode> truthLines(FileSystem fs, String path) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(new Path(path)),
        StandardCharsets.UTF_8))) {
      return r.lines().filter(l -> !l.isBlank()).map(l -> {
        try {
          return JSON.readTree(l);
        } catch (IOException e) {
          throw new IllegalStateException(path + ": " + l, e);
        }
      }).toList();
    }
  }
}
