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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on 127.0.0.1: one master and one worker, each its own JVM started from a
 * {@link SparkHome}, logging to files beside its work folder. Closing it stops both.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final String masterUrl;
  /** The worker's work folder: a folder per executor and per driver it runs, with their logs and the jars fetched. */
  final Path workDir;
  private final int webUiPort;
  private final Path logs;
  private final List<Process> processes = new ArrayList<>();

  private StandaloneCluster(String masterUrl, int webUiPort, Path logs) {
    this.masterUrl = masterUrl;
    this.workDir = logs.resolve("work");
    this.webUiPort = webUiPort;
    this.logs = logs;
  }

  /** Starts a master and a worker with {@code cores} and {@code memory}; returns once the worker is registered. */
  static StandaloneCluster start(SparkHome home, Path dir, int cores, String memory, Duration timeout)
      throws IOException, InterruptedException {
    int port = freePort();
    StandaloneCluster c = new StandaloneCluster("spark://127.0.0.1:" + port, freePort(), dir);
    try {
      c.launch(home, "master", "org.apache.spark.deploy.master.Master",
          "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(c.webUiPort));
      c.launch(home, "worker", "org.apache.spark.deploy.worker.Worker",
          "--host", "127.0.0.1", "--cores", String.valueOf(cores), "--memory", memory,
          "--webui-port", String.valueOf(freePort()),
          "--work-dir", Files.createDirectories(c.workDir).toString(), c.masterUrl);
      Instant deadline = Instant.now().plus(timeout);
      while (c.aliveWorkers() < 1) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("no worker registered within " + timeout + "\n" + c.logTails());
        }
        for (Process p : c.processes) {
          if (!p.isAlive()) {
            throw new IllegalStateException("a cluster process exited with " + p.exitValue() + "\n" + c.logTails());
          }
        }
        Thread.sleep(500);
      }
      return c;
    } catch (IOException | InterruptedException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private void launch(SparkHome home, String name, String mainClass, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(SparkHome.java(), "-Xmx256m"));
    cmd.addAll(List.of(home.javaOptions.trim().split("\\s+")));
    cmd.addAll(List.of("-cp", home.classpath(), mainClass));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(logs.resolve(name + ".log").toFile());
    home.environment(pb.environment());
    processes.add(pb.start());
  }

  /** The master's view of the cluster (its web UI's JSON): workers, running and completed applications. */
  JsonNode state() {
    try {
      return JSON.readTree(URI.create("http://127.0.0.1:" + webUiPort + "/json/").toURL());
    } catch (IOException e) {
      throw new UncheckedIOException("master web UI on port " + webUiPort, e);
    }
  }

  private int aliveWorkers() {
    try {
      return state().path("aliveworkers").asInt(0);
    } catch (UncheckedIOException notUpYet) {
      return 0;
    }
  }

  /** The last lines of the master's and the worker's logs, for a failure message. */
  String logTails() {
    StringBuilder b = new StringBuilder();
    for (String name : List.of("master", "worker")) {
      Path log = logs.resolve(name + ".log");
      try {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        b.append("--- ").append(name).append(".log (last 20 lines)\n");
        lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(l -> b.append(l).append('\n'));
      } catch (IOException e) {
        b.append("--- ").append(name).append(".log unreadable: ").append(e).append('\n');
      }
    }
    return b.toString();
  }

  @Override
  public void close() throws InterruptedException {
    // Worker first, so that it does not try to reconnect to a master that is gone.
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
