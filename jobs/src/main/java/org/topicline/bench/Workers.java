package org.topicline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a {@link BenchWorker} in a fresh JVM and reads its result. */
final class Workers {
  private Workers() {}

  static WorkerResult run(WorkerSpec spec, String heap, Path jfr, Path log) throws IOException, InterruptedException {
    Path specFile = log.resolveSibling(log.getFileName() + ".spec.json");
    Path resultFile = log.resolveSibling(log.getFileName() + ".result.json");
    Files.deleteIfExists(resultFile);
    BenchWorker.JSON.writeValue(specFile.toFile(), spec);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(Bench.inheritedJvmOptions());
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
