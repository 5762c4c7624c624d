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
 * cluster ({@code scripts/standalone}: a master and a worker from the Maven repository's Spark jars, executors in
 * their own JVMs) and every path, input and output, is on HDFS (a NameNode and a DataNode in this JVM). What only a
 * cluster shows: the jar carries what the executors need (HanLP, the bundled conf and dictionaries), nothing in a job
 * assumes the local file system or the driver's working directory, and the tables on HDFS read back like local ones.
 */
class StandaloneClusterIT extends SparkTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

  private static MiniDFSCluster hdfs;
  private static StandaloneCluster cluster;
  private static Path work;
  private static String root;
  private static String sample;

  @BeforeAll
  static void startClusters() throws Exception {
    // Under the class's scratch folder, deleted with it: HDFS's blocks, the Spark home's links, the executors' logs.
    work = newDir("cluster");
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, work.resolve("hdfs").toString());
    hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    hdfs.waitActive();
    // Room for a driver (1 core, 1 GB) beside an executor when the driver runs on the worker.
    cluster = StandaloneCluster.start(work.resolve("standalone"), 2, "3g", Duration.ofMinutes(3));
    root = hdfs.getFileSystem().getUri() + "/topicline";
    sample = root + "/sample";
    assertEquals(0, Topicline.commandLine().execute("generate-sample", "--output", sample, "--years", "1",
        "--pages", "10"), "the sample corpus is written to HDFS");
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
    String out = root + "/out";
    Submitted run = submit("pipeline-client", Map.of(), "pipeline", "--input", "jsonl:" + sample + "/articles",
        "--input", "page-text:" + sample + "/pages", "--output", out);
    assertTrue(run.printed.contains("written to " + out + "/topic_scores"), "it says where it wrote, on HDFS"
        + run.diagnosis);

    // It ran on the cluster: the master lists the application as finished, with the worker's cores.
    JsonNode app = completedApp("topicline pipeline", run.diagnosis);
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

    // A scheduled re-run of one month with the trained model (as cron does it) replaces that month's partitions on
    // HDFS, so the tables hold what they held, and logs a second pipeline run.
    long scores = TableIO.read(spark, out, Tables.TOPIC_SCORES).count();
    long summaries = TableIO.read(spark, out, Tables.SUMMARIES).count();
    Submitted again = submit("pipeline-month", Map.of(), "pipeline", "--input", "jsonl:" + sample + "/articles",
        "--input", "page-text:" + sample + "/pages", "--output", out, "--model", "latest",
        "--from", "2021-12-01", "--to", "2021-12-31");
    assertTrue(again.printed.contains("2021-12-01"), "the window is named" + again.diagnosis);
    assertEquals(articles, TableIO.read(spark, out, Tables.ARTICLES).count(), "December replaced, not appended");
    assertEquals(scores, TableIO.read(spark, out, Tables.TOPIC_SCORES).count());
    assertEquals(summaries, TableIO.read(spark, out, Tables.SUMMARIES).count());
    assertEquals(1, fs.listStatus(new org.apache.hadoop.fs.Path(out + "/models")).length, "no training");
    assertEquals(2L, RunLog.read(spark, out).where("command = 'pipeline' and status = 'succeeded'").count());
  }

  /**
   * With {@code --deploy-mode cluster} the driver starts on the worker, in its own folder there, and the worker
   * fetches the jar itself: from HDFS, as on a cluster whose nodes do not share the submitting machine's disk.
   */
  @Test
  void clusterDeployModeRunsTheDriverOnTheWorkerWithTheJarOnHdfs() throws Exception {
    FileSystem fs = hdfs.getFileSystem();
    org.apache.hadoop.fs.Path jar = new org.apache.hadoop.fs.Path(root + "/apps/topicline-jobs-cluster.jar");
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(clusterJar().toUri()), jar);
    String out = root + "/out-cluster-mode";
    Submitted run = submit("ingest-cluster-mode", Map.of("TOPICLINE_JAR", jar.toString()),
        "--deploy-mode", "cluster", "ingest", "--input", "jsonl:" + sample + "/articles", "--output", out);

    JsonNode driver = StreamSupport.stream(cluster.state().path("completeddrivers").spliterator(), false)
        .filter(d -> d.path("mainclass").asText().equals("org.topicline.cli.Topicline"))
        .findFirst().orElseThrow(() -> new AssertionError("no driver among the master's completed ones"
            + run.diagnosis));
    assertEquals("FINISHED", driver.path("state").asText(), driver + run.diagnosis);
    Path driverDir = cluster.workDir.resolve(driver.path("id").asText());
    assertTrue(Files.isRegularFile(driverDir.resolve(jar.getName())),
        "the worker fetched the jar from HDFS into the driver's folder " + driverDir + run.diagnosis);
    completedApp("topicline ingest", run.diagnosis);
    Row ingest = RunLog.read(spark, out).collectAsList().get(0);
    assertEquals(RunLog.SUCCEEDED, ingest.getAs("status"), ingest.toString());
    long articles = TableIO.read(spark, out, Tables.ARTICLES).count();
    assertEquals((long) ingest.getAs("records_read"), articles + TableIO.read(spark, out, Tables.REJECTS).count());
    assertEquals(truthLines(sample + "/truth/labels.jsonl").size(), articles,
        "every article of the sample (page text was not read)");
  }

  /** What a {@code scripts/submit} run printed, and a failure message with its and the cluster's logs. */
  private record Submitted(String printed, String diagnosis) {}

  private static Submitted submit(String name, Map<String, String> env, String... args) throws Exception {
    Path log = work.resolve(name + ".log");
    List<String> cmd = new java.util.ArrayList<>(List.of("bash",
        Path.of(System.getProperty("topicline.home"), "scripts", "submit").toString(), "--master", cluster.masterUrl));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    cluster.environment(pb.environment());
    pb.environment().put("SPARK_DRIVER_MEMORY", "1g");
    // In cluster mode spark-submit waits for the driver only when told to.
    pb.environment().put("SPARK_SUBMIT_OPTS_EXTRA", "--driver-memory 1g --executor-memory 1g "
        + "--conf spark.ui.enabled=false --conf spark.standalone.submit.waitAppCompletion=true");
    pb.environment().putAll(env);
    Process p = pb.start();
    boolean ended = p.waitFor(RUN_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
    if (!ended) {
      p.destroyForcibly().waitFor();
    }
    String printed = Files.readString(log, StandardCharsets.UTF_8);
    String diagnosis = "\n--- " + name + ".log (last 60 lines)\n" + StandaloneCluster.tail(printed, 60)
        + cluster.logTails();
    assertTrue(ended, name + " did not end within " + RUN_TIMEOUT + diagnosis);
    assertEquals(0, p.exitValue(), "scripts/submit failed" + diagnosis);
    return new Submitted(printed, diagnosis);
  }

  /** The master's record of a finished application of that name. */
  private static JsonNode completedApp(String name, String diagnosis) {
    JsonNode app = StreamSupport.stream(cluster.state().path("completedapps").spliterator(), false)
        .filter(a -> a.path("name").asText().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError(name + " is not among the master's completed apps"
            + diagnosis));
    assertEquals("FINISHED", app.path("state").asText(), app.toString());
    return app;
  }

  private static Path clusterJar() throws IOException {
    Path target = Path.of(System.getProperty("topicline.home"), "jobs", "target");
    try (var jars = Files.newDirectoryStream(target, "topicline-jobs-*-cluster.jar")) {
      return jars.iterator().next();
    }
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
}
