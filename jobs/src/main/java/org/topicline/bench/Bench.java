package org.topicline.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code topicline bench}: runs the pipeline in fresh worker JVMs (local[1], local[2], then the corpus at 2× and
 * 4×), the peer baseline on the same corpus, and prints one table of what they measured; the table and every
 * figure behind it are written as JSON under the results folder.
 *
 * <p>Steps: 1) lay out the corpus (all of it, or symlinks to the chosen years) 2) the peer baseline 3) one worker per
 * configuration, one after another so they never share the CPUs 4) profiles 5) report (also after each worker).
 */
public final class Bench {
  static final String XWLB = "xwlb";
  static final String PEOPLES_DAILY = "peoples-daily";

  private Bench() {}

  public static BenchReport run(BenchOptions o) throws IOException, InterruptedException {
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    Path results = o.results().toAbsolutePath();
    Path work = results.resolve("work");
    Files.createDirectories(work);

    // 1) The corpus both stacks read.
    Path data = corpusRoot(o, work);
    List<String> inputs = new ArrayList<>();
    for (String format : List.of(XWLB, PEOPLES_DAILY)) {
      if (hasFiles(data.resolve(format))) {
        inputs.add(format + ":" + data.resolve(format));
      }
    }
    if (inputs.isEmpty()) {
      throw new IOException("no xwlb/ or peoples-daily/ files under " + data);
    }

    // 2) The peer stack first (it is the shortest), alone on the machine like each worker.
    PeerBaseline.Result peer = null;
    if (o.peer()) {
      System.out.println("bench: peer baseline (jieba + scikit-learn) ...");
      peer = PeerBaseline.run(o.peerScript(), data, work.resolve("peer.log"));
      System.out.printf("bench: peer baseline done: %s%n", peer.figures());
    }

    // 3) Workers: scale 1 on each core count (the one-core run also measures raw HanLP), then larger scales.
    List<String> stages = o.stages().stream().map(Stage::label).toList();
    Map<String, WorkerResult> runs = new LinkedHashMap<>();
    Map<String, JfrSummary.Summary> profiles = new LinkedHashMap<>();
    int minCores = o.cores().stream().mapToInt(Integer::intValue).min().orElseThrow();
    List<WorkerSpec> plan = new ArrayList<>();
    for (int cores : o.cores()) {
      plan.add(spec(o, cores, 1, inputs, work, stages, cores == minCores));
    }
    for (int scale : o.scales()) {
      if (scale > 1) {
        plan.add(spec(o, o.maxCores(), scale, inputs, work, stages, false));
      }
    }
    for (WorkerSpec spec : plan) {
      String name = runName(spec);
      System.out.printf("bench: %s ...%n", name);
      Path jfr = o.profile() ? results.resolve(stamp + "-" + name + ".jfr") : null;
      WorkerResult r = Workers.run(spec, o.heap(), jfr, work.resolve(name + ".log"));
      runs.put(name, r);
      System.out.printf("bench: %s done: %,d articles, stages %.1f s, live heap peak %,d MB%n", name, r.articles(),
          r.totalSeconds(), r.liveHeapPeakBytes() >> 20);
      // 4) Profiles, summarised while the recording is fresh.
      if (jfr != null && Files.exists(jfr)) {
        profiles.put(name, JfrSummary.of(jfr, 12, r.stages()));
      }
      report(o, stamp, results, runs, peer, profiles);
    }

    // 5) Report.
    BenchReport report = report(o, stamp, results, runs, peer, profiles);
    System.out.println();
    System.out.println(report.render());
    System.out.println("bench: written " + results.resolve("bench-" + stamp + ".json"));
    return report;
  }

  /** Writes the report so far: a run cut short still leaves every figure it measured. */
  private static BenchReport report(BenchOptions o, String stamp, Path results, Map<String, WorkerResult> runs,
      PeerBaseline.Result peer, Map<String, JfrSummary.Summary> profiles) throws IOException {
    BenchReport report = new BenchReport(stamp, Machine.describe(), o.commandLine(), o.years(), runs, peer == null
        ? null : peer.figures(), peer == null ? Double.NaN : peer.processSeconds(), profiles);
    Path json = results.resolve("bench-" + stamp + ".json");
    Files.writeString(json, BenchWorker.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    Files.writeString(results.resolve("bench-" + stamp + ".txt"), report.render());
    Files.copy(json, results.resolve("latest.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return report;
  }

  static String runName(WorkerSpec s) {
    return "local" + s.cores() + "-x" + s.scale();
  }

  private static WorkerSpec spec(BenchOptions o, int cores, int scale, List<String> inputs, Path work,
      List<String> stages, boolean rawLoop) {
    String name = "local" + cores + "-x" + scale;
    return new WorkerSpec("local[" + cores + "]", cores, scale, inputs, work.resolve(name).toString(), stages,
        rawLoop && stages.contains(Stage.TOKENISE.label()), 0,
        o.confFile() == null ? null : o.confFile().toAbsolutePath().toString(), o.overrides());
  }

  /**
   * The whole corpus, or a folder of symlinks to the chosen years, laid out like the corpus so that Topicline and
   * the peer baseline (which globs {@code xwlb/*}{@code /*.json.gz}) read exactly the same files.
   */
  static Path corpusRoot(BenchOptions o, Path work) throws IOException {
    Path data = o.data().toAbsolutePath().normalize();
    if (o.years().isEmpty()) {
      return data;
    }
    Path root = work.resolve("corpus-" + String.join("-", o.years()));
    if (Files.exists(root)) {
      try (Stream<Path> old = Files.walk(root)) {
        for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (String format : List.of(XWLB, PEOPLES_DAILY)) {
      Path src = data.resolve(format);
      if (!Files.isDirectory(src)) {
        continue;
      }
      // xwlb folders are years (2013/); People's Daily folders are months named like 2019年2月.
      try (Stream<Path> dirs = Files.list(src)) {
        for (Path d : dirs.filter(Files::isDirectory).toList()) {
          String n = d.getFileName().toString();
          if (o.years().stream().anyMatch(n::startsWith)) {
            Files.createDirectories(root.resolve(format));
            Files.createSymbolicLink(root.resolve(format).resolve(n), d);
          }
        }
      }
    }
    return root;
  }

  private static boolean hasFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isPresent();
    }
  }

  /** This JVM's options that a worker must share (Spark's module flags, logging), without heap or agent flags. */
  static List<String> inheritedJvmOptions() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> !a.startsWith("-Xmx") && !a.startsWith("-Xms") && !a.startsWith("-XX:StartFlightRecording")
            && !a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !a.startsWith("-XX:+FlightRecorder"))
        .toList();
  }
}
