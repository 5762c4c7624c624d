package org.topicline.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a bench run measures.
 *
 * @param data     the corpus root (holding {@code xwlb/} and {@code peoples-daily/})
 * @param years    only these years of the corpus (empty: all); a quick run picks one or two
 * @param stages   the stages to time (ingest always runs: every other stage reads its output)
 * @param cores    local[N] masters at scale 1 (parallel efficiency needs 1 and 2)
 * @param scales   corpus sizes (1, 2, 4: copies with fresh ids), run on the largest of {@code cores}
 * @param peer     also run the peer baseline on the same corpus
 * @param profile  record each worker with JFR and summarise where time went
 * @param heap     -Xmx of each worker JVM (driver and executors share it in local mode)
 * @param results  folder for the JSON, the table, logs and recordings
 */
public record BenchOptions(Path data, List<String> years, List<Stage> stages, List<Integer> cores,
    List<Integer> scales, boolean peer, Path peerScript, boolean profile, String heap, Path results, Path confFile,
    Map<String, String> overrides, String commandLine) {
  public BenchOptions {
    if (cores.isEmpty() || cores.stream().anyMatch(c -> c < 1)) {
      throw new IllegalArgumentException("--cores needs one or more positive numbers, got " + cores);
    }
    if (scales.stream().anyMatch(s -> s < 1)) {
      throw new IllegalArgumentException("--scales needs positive numbers, got " + scales);
    }
    if (!heap.matches("[0-9]+[kKmMgG]?")) {
      throw new IllegalArgumentException("--heap must look like 2g or 1536m, got '" + heap + "'");
    }
    for (String y : years) {
      if (!y.matches("[0-9]{4}")) {
        throw new IllegalArgumentException("--years takes four-digit years, got '" + y + "'");
      }
    }
  }

  int maxCores() {
    return cores.stream().mapToInt(Integer::intValue).max().orElseThrow();
  }
}
