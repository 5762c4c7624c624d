package org.topicline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.topicline.SparkTestBase;
import org.topicline.cli.Pipeline;
import org.topicline.cli.Topicline;
import org.topicline.io.RunLog;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;

/**
 * The whole pipeline as a cluster runs it: {@code scripts/submit} sends the shaded cluster jar to a Spark standalone
 * cluster (a master and a worker started from the Maven jars, executors in their own JVMs) and every path, input and
 * output, is on HDFS (a NameNode and a DataNode in this JVM). What only a cluster shows: the jar carries what the
 * executors need (HanLP, the bundled conf and dictionaries), nothing in a job assumes the local file system or the
 * driver's working directory, and the tables on HDFS read back like local ones.
 */
class StandaloneClusterIT extends SparkTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

  private static MiniDFSCluster hdfs;
  private static SparkHome home;
  private static StandaloneCluster cluster;
  private static Path work;

  @BeforeAll
  static void startClusters() throws Exception {
    // Under the class's scratch folder, deleted with it: HDFS's blocks, the Spark home's links, the executors' logs.
    work = newDir("cluster");
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, work.resolve("hdfs").toString());
    hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    hdfs.waitActive();
    home = SparkHome.create(work.resolve("spark-home"),
        Path.of(System.getProperty("topicline.run-classpath")), System.getProperty("spark.module.options"));
    cluster = StandaloneCluster.start(home, work, 2, "2g", Duration.ofMinutes(2));
  }

  @AfterAll
  static void stopClusters() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
    if (hdfs != null) {
      hdfs.shutdown(true);
    }
  }

  @Test
  void thePipelineRunsOnTheClusterWithEveryPathOnHdfs() throws Exception {
    String root = hdfs.getFileSystem().getUri() + "/topicline";
    String sample = root + "/sample";
    String out = root + "/out";
    assertEquals(0, Topicline.commandLine().execute("generate-sample", "--output", sample, "--years", "1",
        "--pages", "10"), "the sample corpus is written to HDFS");

    Path log = work.resolve("submit.log");
    ProcessBuilder pb = new ProcessBuilder("bash", Path.of(System.getProperty("topicline.home"), "scripts", "submit")
        .toString(), "--master", cluster.masterUrl, "pipeline", "--input", "jsonl:" + sample + "/articles",
        "--input", "page-text:" + sample + "/pages", "--output", out)
        .redirectErrorStream(true).redirectOutput(log.toFile());
    home.environment(pb.environment());
    pb.environment().put("SPARK_DRIVER_MEMORY", "1g");
    pb.environment().put("SPARK_SUBMIT_OPTS_EXTRA", "--executor-memory 1g --conf spark.ui.enabled=false");
    Process submit = pb.start();
    boolean ended = submit.waitFor(RUN_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
    if (!ended) {
      submit.destroyForcibly().waitFor();
    }
    String printed = Files.readString(log, StandardCharsets.UTF_8);
    String diagnosis = "\n--- submit.log (last 60 lines)\n" + tail(printed, 60) + cluster.logTails();
    assertTrue(ended, "the pipeline did not end within " + RUN_TIMEOUT + diagnosis);
    assertEquals(0, submit.exitValue(), "scripts/submit failed" + diagnosis);
    assertTrue(printed.contains("written to " + out + "/topic_scores"), "it says where it wrote, on HDFS" + diagnosis);

    // It ran on the cluster: the master lists the application as finished, with the worker's cores.
    JsonNode app = StreamSupport.stream(cluster.state().path("completedapps").spliterator(), false)
        .filter(a -> a.path("name").asText().equals("topicline pipeline"))
        .findFirst().orElseThrow(() -> new AssertionError("not among the master's completed apps" + diagnosis));
    assertEquals("FINISHED", app.path("state").asText(), app.toString());
    assertEquals(2, app.path("cores").asInt(), "the worker's two cores: " + app);

    // Nothing lost: the ingest row reconciles, and every record is an article or a reject.
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
    assertEquals(truthLines(sample + "/truth/rejects.jsonl").stream().map(t -> t.path("reason").asText()).sorted()
        .toList(), TableIO.read(spark, out, Tables.REJECTS).select("reason").orderBy("reason").collectAsList()
        .stream().map(r -> r.getString(0)).toList(), "the sample's malformed records, each rejected for its fault");

    // The executors tokenised with the dictionary the cluster jar carries: domain terms stay whole.
    assertTrue(TableIO.read(spark, out, Tables.ARTICLE_TOKENS)
        .where("array_contains(body_tokens, '数字政府') or array_contains(body_tokens, '加氢站')").count() > 0,
        "custom dictionary terms as tokens");

    // Every article scored for every topic, and the labels agree with the sample's truth.
    assertEquals(articles * 3, TableIO.read(spark, out, Tables.TOPIC_SCORES).count());
    Map<String, Set<String>> truth = new HashMap<>();
    for (JsonNode t : truthLines(sample + "/truth/labels.jsonl")) {
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

    // The model, the other tables and the report are on HDFS too.
    FileSystem fs = hdfs.getFileSystem();
    assertEquals(1, fs.listStatus(new org.apache.hadoop.fs.Path(out + "/models")).length, "one model version");
    for (String table : List.of(Tables.SUMMARIES, Tables.TOPIC_DIGESTS, Tables.TOPIC_TRENDS, Tables.MODEL_METRICS)) {
      assertTrue(TableIO.read(spark, out, table).count() > 0, table);
    }
    assertTrue(fs.getFileStatus(new org.apache.hadoop.fs.Path(out + "/report/review.html")).getLen() > 10_000,
        "the review page");
  }

  private static List<JsonNode> truthLines(String path) throws IOException {
    FileSystem fs = hdfs.getFileSystem();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(new org.apache.hadoop.fs.Path(path)),
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

  private static String tail(String text, int lines) {
    String[] all = text.split("\n");
    return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length)) + "\n";
  }
}
