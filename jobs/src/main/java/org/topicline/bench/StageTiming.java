package org.topicline.bench;

/**
 * One stage of one worker run: how long it took over how much text, on how many cores. {@code cpuSeconds} is the
 * worker process's CPU time during the stage: unlike wall time it hardly moves when other processes compete for the
 * cores, so it tells a slow stage from a busy machine.
 *
 * <p>{@code startMillis}/{@code endMillis} (epoch ms, 0 when not timed as one span) place the stage in the
 * worker's profile.
 */
public record StageTiming(String stage, double wallSeconds, double cpuSeconds, long articles, long chars, int cores,
    long startMillis, long endMillis) {
  public StageTiming(String stage, double wallSeconds, double cpuSeconds, long articles, long chars, int cores) {
    this(stage, wallSeconds, cpuSeconds, articles, chars, cores, 0, 0);
  }

  public double articlesPerSecond() {
    return wallSeconds > 0 ? articles / wallSeconds : 0;
  }

  public double charsPerSecondPerCore() {
    return wallSeconds > 0 ? chars / wallSeconds / cores : 0;
  }
}
