package org.topicline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.topicline.SparkTestBase;
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
    ScriptRun run = submit("pipeline-client", Map.of(), "pipeline", "--input", "jsonl:" + sample + "/articles",
        "--input", "page-text:" + sample + "/pages", "--output", out);
    assertTrue(run.printed().contains("written to " + out + "/topic_scores"), "it says where it wrote, on HDFS"
        + run.diagnosis());

    // It ran on the cluster: the master lists the application as finished, with the worker's cores.
    JsonNode app = completedApp("topicline pipeline", run.diagnosis());
    assertEquals(2, app.path("cores").asInt(), "the worker's two cores: " + app);

    FileSystem fs = hdfs.getFileSystem();
    PipelineChecks.completeRun(spark, fs, sample, out);

    // A scheduled re-run of one month with the trained model (as cron does it) replaces that month's partitions on
    // HDFS.
    PipelineChecks.Counts before = PipelineChecks.Counts.of(spark, out);
    ScriptRun again = submit("pipeline-month", Map.of(), "pipeline", "--input", "jsonl:" + sample + "/articles",
        "--input", "page-text:" + sample + "/pages", "--output", out, "--model", "latest",
        "--from", "2021-12-01", "--to", "2021-12-31");
    assertTrue(again.printed().contains("2021-12-01"), "the window is named" + again.diagnosis());
    PipelineChecks.monthReplaced(spark, fs, out, before);
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
    ScriptRun run = submit("ingest-cluster-mode", Map.of("TOPICLINE_JAR", jar.toString()),
        "--deploy-mode", "cluster", "ingest", "--input", "jsonl:" + sample + "/articles", "--output", out);

    JsonNode driver = StreamSupport.stream(cluster.state().path("completeddrivers").spliterator(), false)
        .filter(d -> d.path("mainclass").asText().equals("org.topicline.cli.Topicline"))
        .findFirst().orElseThrow(() -> new AssertionError("no driver among the master's completed ones"
            + run.diagnosis()));
    assertEquals("FINISHED", driver.path("state").asText(), driver + run.diagnosis());
    Path driverDir = cluster.workDir.resolve(driver.path("id").asText());
    assertTrue(Files.isRegularFile(driverDir.resolve(jar.getName())),
        "the worker fetched the jar from HDFS into the driver's folder " + driverDir + run.diagnosis());
    completedApp("topicline ingest", run.diagnosis());
    Row ingest = RunLog.read(spark, out).collectAsList().get(0);
    assertEquals(RunLog.SUCCEEDED, ingest.getAs("status"), ingest.toString());
    long articles = TableIO.read(spark, out, Tables.ARTICLES).count();
    assertEquals((long) ingest.getAs("records_read"), articles + TableIO.read(spark, out, Tables.REJECTS).count());
    assertEquals(PipelineChecks.truthLines(fs, sample + "/truth/labels.jsonl").size(), articles,
        "every article of the sample (page text was not read)");
  }

  /** Runs {@code scripts/submit --master URL ARGS} against the test's cluster, with memory for both deploy modes. */
  private static ScriptRun submit(String name, Map<String, String> env, String... args) throws Exception {
    Map<String, String> all = new HashMap<>();
    cluster.environment(all);
    all.put("SPARK_DRIVER_MEMORY", "1g");
    // In cluster mode spark-submit waits for the driver only when told to.
    all.put("SPARK_SUBMIT_OPTS_EXTRA", "--driver-memory 1g --executor-memory 1g "
        + "--conf spark.ui.enabled=false --conf spark.standalone.submit.waitAppCompletion=true");
    all.putAll(env);
    List<String> withMaster = new ArrayList<>(List.of("--master", cluster.masterUrl));
    withMaster.addAll(List.of(args));
    return ScriptRun.run(work, name, "submit", withMaster, all, cluster::logTails);
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
}
