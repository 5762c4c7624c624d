package org.topicline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A project script run from a test as a user runs it: what it printed, and a failure message with the logs. */
record ScriptRun(String printed, String diagnosis) {
  static final Duration TIMEOUT = Duration.ofMinutes(10);

  /**
   * Runs {@code scripts/SCRIPT ARGS} with {@code env} added, its output in {@code work/NAME.log}, and fails the test
   * unless it ends with 0 within {@link #TIMEOUT}; {@code serverLogs} gives the tails of the servers it talked to.
   */
  static ScriptRun run(Path work, String name, String script, List<String> args, Map<String, String> env,
      Supplier<String> serverLogs) throws Exception {
    Path log = work.resolve(name + ".log");
    List<String> cmd = new ArrayList<>(List.of("bash",
        Path.of(System.getProperty("topicline.home"), "scripts", script).toString()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    boolean ended = p.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES);
    if (!ended) {
      p.destroyForcibly().waitFor();
    }
    String printed = Files.readString(log, StandardCharsets.UTF_8);
    String diagnosis = "\n--- " + name + ".log (last 60 lines)\n" + StandaloneCluster.tail(printed, 60)
        + serverLogs.get();
    assertTrue(ended, name + " did not end within " + TIMEOUT + diagnosis);
    assertEquals(0, p.exitValue(), "scripts/" + script + " " + name + " failed" + diagnosis);
    return new ScriptRun(printed, diagnosis);
  }
}
