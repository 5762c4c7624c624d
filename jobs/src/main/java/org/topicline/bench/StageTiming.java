package org.topicline.bench;

/**
 * One stage of one worker run: how long it took over how much text, on how many cores. {@code cpuSeconds} is the
 * worker process's CPU time during the stage: unlike wall time it hardly moves when other processes compete for the
 * cores, so it tells a slow stage from a busy machine.
 */
public record StageTiming(String stage, double wallSeconds, double cpuSeconds, long articles, long chars, int cores) {
  public double articlesPerSecond() {
    return wallSeconds > 0 ? articles / wallSeconds : 0;
  }

  public double charsPerSecondPerCore() {
    return wallSeconds > 0 ? chars / wallSeconds / cores : 0;
  }
}
