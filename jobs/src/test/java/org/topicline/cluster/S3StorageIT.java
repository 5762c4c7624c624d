package org.topicline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.topicline.SparkTestBase;
import org.topicline.cli.Topicline;

/**
 * The pipeline with every path on S3, run as a user runs it against an S3-compatible store: {@code scripts/topicline}
 * (whose local classpath carries hadoop-aws) with the endpoint and keys in a {@code --conf} file, against S3Proxy (the
 * S3 API in its own JVM, objects in memory). What only an object store shows: there are no directories and no
 * renames (S3A copies and deletes), so the Parquet commits, a re-run's partition overwrite, the manifests, the model
 * directory and the report must all work on those terms.
 */
class S3StorageIT extends SparkTestBase {
  private static final String BUCKET = "topicline";

  private static Process s3proxy;
  private static Path work;
  private static Path conf;
  private static String sample;

  @BeforeAll
  static void startS3() throws Exception {
    work = newDir("s3");
    String endpoint = "http://127.0.0.1:" + StandaloneCluster.freePort();
    Path properties = work.resolve("s3proxy.properties");
    // In memory ("transient"): jclouds' file-system store waits seconds on each delete of a key with others under
    // it, which every S3A rename of a folder does.
    Files.writeString(properties, "s3proxy.endpoint=" + endpoint + "\ns3proxy.authorization=none\n"
        + "jclouds.provider=transient\n");
    s3proxy = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
        "-jar", System.getProperty("topicline.s3proxy.jar"), "--properties", properties.toString())
        .redirectErrorStream(true).redirectOutput(work.resolve("s3proxy.log").toFile()).start();
    createBucket(endpoint);

    Map<String, String> s3a = new LinkedHashMap<>();
    s3a.put("fs.s3a.endpoint", endpoint);
    s3a.put("fs.s3a.endpoint.region", "us-east-1");
    s3a.put("fs.s3a.path.style.access", "true");
    s3a.put("fs.s3a.connection.ssl.enabled", "false");
    s3a.put("fs.s3a.access.key", "topicline");
    s3a.put("fs.s3a.secret.key", "topicline");
    s3a.forEach(spark.sparkContext().hadoopConfiguration()::set);
    // The user's way: Hadoop settings as spark.hadoop.* keys of the conf's spark.conf block.
    StringBuilder c = new StringBuilder("topicline.spark.conf {\n");
    s3a.forEach((k, v) -> c.append("  \"spark.hadoop.").append(k).append("\" = \"").append(v).append("\"\n"));
    conf = work.resolve("s3.conf");
    Files.writeString(conf, c.append("}\n").toString());

    sample = "s3a://" + BUCKET + "/sample";
    assertEquals(0, Topicline.commandLine().execute("generate-sample", "--output", sample, "--years", "1",
        "--pages", "10", "--conf", conf.toString()), "the sample corpus is written to S3");
  }

  @AfterAll
  static void stopS3() throws InterruptedException {
    if (s3proxy != null) {
      s3proxy.destroy();
      s3proxy.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void thePipelineRunsWithEveryPathOnS3() throws Exception {
    String out = "s3a://" + BUCKET + "/out";
    String printed = topicline("pipeline", "pipeline", "--input", "jsonl:" + sample + "/articles",
        "--input", "page-text:" + sample + "/pages", "--output", out);
    assertTrue(printed.contains("written to " + out + "/topic_scores"), "it says where it wrote, on S3");
    FileSystem fs = FileSystem.get(URI.create(out), spark.sparkContext().hadoopConfiguration());
    PipelineChecks.completeRun(spark, fs, sample, out);

    PipelineChecks.Counts before = PipelineChecks.Counts.of(spark, out);
    printed = topicline("pipeline-month", "pipeline", "--input", "jsonl:" + sample + "/articles",
        "--input", "page-text:" + sample + "/pages", "--output", out, "--model", "latest",
        "--from", "2021-12-01", "--to", "2021-12-31");
    assertTrue(printed.contains("2021-12-01"), "the window is named");
    PipelineChecks.monthReplaced(spark, fs, out, before);
  }

  /** Creates the bucket once S3Proxy answers (it takes a few seconds to start). */
  private static void createBucket(String endpoint) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest put = HttpRequest.newBuilder(URI.create(endpoint + "/" + BUCKET))
        .PUT(HttpRequest.BodyPublishers.noBody()).build();
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      try {
        HttpResponse<String> r = http.send(put, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline || !s3proxy.isAlive()) {
          throw new AssertionError("S3Proxy did not answer at " + endpoint + "\n"
              + StandaloneCluster.tail(work.resolve("s3proxy.log"), 40), e);
        }
        Thread.sleep(250);
      }
    }
  }

  /** Runs {@code scripts/topicline ARGS --conf s3.conf --master local[2]}; what it printed. */
  private static String topicline(String name, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--conf", conf.toString(), "--master", "local[2]"));
    return ScriptRun.run(work, name, "topicline", all, Map.of("TOPICLINE_DRIVER_MEMORY", "1500m"),
        () -> "--- s3proxy.log (last 20 lines)\n" + StandaloneCluster.tail(work.resolve("s3proxy.log"), 20)).printed();
  }
}
