package org.topicline.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on 127.0.0.1 as {@code scripts/standalone} starts it: a master and one worker, each its
 * own JVM, on a Spark home made of the Maven repository's Spark jars. Closing it stops both.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final String masterUrl;
  /** The Spark home the cluster runs from, for {@code scripts/submit}'s SPARK_HOME. */
  final Path sparkHome;
  /** The worker's work folder: a folder per executor and per driver it runs, with their logs and the jars fetched. */
  final Path workDir;
  private final Path dir;
  private final int webUiPort;

  private StandaloneCluster(Path dir, int port, int webUiPort) {
    this.dir = dir;
    this.masterUrl = "spark://127.0.0.1:" + port;
    this.webUiPort = webUiPort;
    this.sparkHome = dir.resolve("spark-home");
    this.workDir = dir.resolve("work");
  }

  /** Starts a master and a worker with {@code cores} and {@code memory}; returns once the worker is registered. */
  static StandaloneCluster start(Path dir, int cores, String memory, Duration timeout)
      throws IOException, InterruptedException {
    StandaloneCluster c = new StandaloneCluster(dir, freePort(), freePort());
    try {
      c.script(timeout, "start", "--port", c.masterUrl.substring(c.masterUrl.lastIndexOf(':') + 1),
          "--webui-port", String.valueOf(c.webUiPort), "--cores", String.valueOf(cores), "--memory", memory);
      return c;
    } catch (IOException | InterruptedException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** The environment {@code scripts/submit} runs with against this cluster. */
  void environment(Map<String, String> env) {
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
  }

  /** The master's view of the cluster (its web UI's JSON): workers, applications and drivers. */
  JsonNode state() {
    try {
      return JSON.readTree(URI.create("http://127.0.0.1:" + webUiPort + "/json/").toURL());
    } catch (IOException e) {
      throw new UncheckedIOException("master web UI on port " + webUiPort, e);
    }
  }

  /** The last lines of the master's and the worker's logs, for a failure message. */
  String logTails() {
    StringBuilder b = new StringBuilder();
    for (String name : List.of("master", "worker")) {
      b.append("--- ").append(name).append(".log (last 20 lines)\n").append(tail(dir.resolve(name + ".log"), 20));
    }
    return b.toString();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    script(Duration.ofMinutes(1), "stop");
  }

  private void script(Duration timeout, String action, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash",
        Path.of(System.getProperty("topicline.home"), "scripts", "standalone").toString(), action,
        "--dir", dir.toString()));
    cmd.addAll(List.of(args));
    Path log = Files.createDirectories(dir).resolve("standalone-" + action + ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new IllegalStateException("scripts/standalone " + action + " did not end within " + timeout + "\n"
          + tail(log, 40) + logTails());
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException("scripts/standalone " + action + " failed\n" + tail(log, 40) + logTails());
    }
  }

  /** The last {@code lines} lines of a log file (empty if it is not there yet), for failure messages. */
  static String tail(Path file, int lines) {
    try {
      return tail(Files.exists(file) ? Files.readString(file) : "", lines);
    } catch (IOException e) {
      return file + " unreadable: " + e + "\n";
    }
  }

  /** The last {@code lines} lines of {@code text}, for failure messages. */
  static String tail(String text, int lines) {
    List<String> all = text.lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n";
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
