package org.topicline.bench;

import java.util.List;

/**
 * What one worker JVM measured. In local mode the driver and the executors share the worker's JVM, so its heap
 * figures are the driver's and the executors' together.
 *
 * @param heapPeakBytes     highest heap in use seen (sampled, includes garbage not yet collected)
 * @param liveHeapPeakBytes highest heap in use right after a collection: the live set the run needs
 * @param heapMaxBytes      the JVM's -Xmx
 * @param hanlpLoadSeconds  HanLP's one-off start in this JVM (dictionaries), before any stage
 * @param warmUpSeconds     the JIT warm-up after it: raw segmenter and analyzer over the first texts, before any
 *                          stage
 * @param warmUpChars       characters each of them segmented in the warm-up
 * @param rawHanlp          plain-loop HanLP over the same texts, or null
 */
public record WorkerResult(String master, int cores, int scale, long articles, long chars, List<StageTiming> stages,
    long heapPeakBytes, long liveHeapPeakBytes, long heapMaxBytes, long gcCount, double gcSeconds,
    double loadAverageBefore, double loadAverageAfter, double hanlpLoadSeconds, double warmUpSeconds, long warmUpChars,
    RawLoop rawHanlp) {

  /**
   * Plain loops on one thread over the same texts, interleaved text by text so both see the same machine: the raw
   * segmenter, and the analyzer (normalisation + segmenter + filters) without Spark around it.
   */
  public record RawLoop(String segmenter, long texts, long chars, long terms, double seconds, double analyzerSeconds,
      double cpuSeconds, double analyzerCpuSeconds) {
    public double charsPerSecond() {
      return seconds > 0 ? chars / seconds : 0;
    }

    public double analyzerCharsPerSecond() {
      return analyzerSeconds > 0 ? chars / analyzerSeconds : 0;
    }
  }

  public double totalSeconds() {
    return stages.stream().mapToDouble(StageTiming::wallSeconds).sum();
  }

  public StageTiming stage(Stage s) {
    return stages.stream().filter(t -> t.stage().equals(s.label())).findFirst().orElse(null);
  }
}
