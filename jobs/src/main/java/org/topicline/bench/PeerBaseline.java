package org.topicline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The peer stack (jieba + scikit-learn, one Python process) over the same corpus folder, run with Debian's
 * {@code /usr/bin/python3} (where {@code scripts/install-deps} puts jieba and scikit-learn).
 */
final class PeerBaseline {
  static final String PYTHON = "/usr/bin/python3";

  /** The script's one JSON line, as printed; plus the process's own wall time (interpreter start included). */
  record Result(JsonNode figures, double processSeconds) {
    double seconds(String field) {
      return figures.path(field).asDouble(Double.NaN);
    }

    long articles() {
      return figures.path("articles").asLong();
    }

    long chars() {
      return figures.path("chars").asLong();
    }
  }

  private PeerBaseline() {}

  static Result run(Path script, Path dataRoot, Path log) throws IOException, InterruptedException {
    if (!Files.isRegularFile(script)) {
      throw new IOException("peer baseline not found: " + script + " (use --no-peer to skip it)");
    }
    if (!Files.isExecutable(Path.of(PYTHON))) {
      throw new IOException(PYTHON + " not found: run scripts/install-deps (or use --no-peer)");
    }
    long t0 = System.nanoTime();
    // One core, like the local[1] worker it is compared with (numpy's BLAS could otherwise use the other).
    List<String> cmd = new java.util.ArrayList<>(Workers.pinned(1));
    cmd.addAll(List.of(PYTHON, script.toString(), "--data", dataRoot.toString()));
    Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    double seconds = (System.nanoTime() - t0) / 1e9;
    String last = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
    if (exit != 0 || last == null) {
      throw new IOException("peer baseline failed (exit " + exit + "); see " + log + "\n" + out);
    }
    return new Result(BenchWorker.JSON.readTree(last), seconds);
  }
}
