package org.topicline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a {@link BenchWorker} in a fresh JVM and reads its result. */
final class Workers {
  private Workers() {}

  /**
   * The command prefix that keeps a process on its first {@code cores} CPUs (taskset), so that "one core" is one
   * core: unpinned, a local[1] JVM ran its garbage collector, compiler and Spark's driver threads on the other core
   * (1,051 CPU seconds in 682 s of wall time). Empty when the machine has no more CPUs or no taskset.
   */
  static List<String> pinned(int cores) {
    int available = Runtime.getRuntime().availableProcessors();
    if (cores >= available || !Files.isExecutable(Path.of(TASKSET))) {
      return List.of();
    }
    return List.of(TASKSET, "--cpu-list", "0-" + (cores - 1));
  }

  static final String TASKSET = "/usr/bin/taskset";

  static WorkerResult run(WorkerSpec spec, String heap, Path jfr, Path log) throws IOException, InterruptedException {
    Path specFile = log.resolveSibling(log.getFileName() + ".spec.json");
    Path resultFile = log.resolveSibling(log.getFileName() + ".result.json");
    Files.deleteIfExists(resultFile);
    BenchWorker.JSON.writeValue(specFile.toFile(), spec);
    List<String> cmd = new ArrayList<>(pinned(spec.cores()));
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(Bench.inheritedJvmOptions());
    // The JVM sizes its GC and compiler threads from the CPUs it may use.
    cmd.add("-XX:ActiveProcessorCount=" + spec.cores());
    cmd.add("-Xmx" + heap);
    if (jfr != null) {
      // Spark's task serialisation and Catalyst recurse deeply: JFR's default 64 frames cut the stacks before
      // the code that called them.
      cmd.add("-XX:FlightRecorderOptions:stackdepth=512");
      cmd.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(BenchWorker.class.getName());
    cmd.add(specFile.toString());
    cmd.add(resultFile.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    // Spark binds its local driver here; the sandboxed host name may not resolve.
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    int exit = pb.start().waitFor();
    if (exit != 0 || !Files.exists(resultFile)) {
      throw new IOException("bench worker " + Bench.runName(spec) + " failed (exit " + exit + "); see " + log);
    }
    return BenchWorker.JSON.readValue(resultFile.toFile(), WorkerResult.class);
  }
}
