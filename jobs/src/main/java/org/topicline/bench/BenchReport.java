package org.topicline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one bench run measured, the ratios derived from it and the targets they meet or miss. Serialised as
 * JSON as is; {@link #render()} prints the table.
 *
 * @param runs    worker results by run name ({@code local1-x1}, {@code local2-x1}, {@code local2-x2}, ...)
 * @param peer    the peer baseline's own JSON line, or null
 */
public record BenchReport(String stamp, String machine, String command, List<String> years,
    Map<String, WorkerResult> runs, JsonNode peer, double peerProcessSeconds,
    Map<String, JfrSummary.Summary> profiles, Map<String, Double> figures, List<Target> targets) {

  /** A target of issue 8: the figure, the bound and whether it was met (null: not measured in this run). */
  public record Target(String name, String figure, String bound, Double value, Boolean met) {}

  BenchReport(String stamp, String machine, String command, List<String> years, Map<String, WorkerResult> runs,
      JsonNode peer, double peerProcessSeconds, Map<String, JfrSummary.Summary> profiles) {
    this(stamp, machine, command, years, runs, peer, peerProcessSeconds, profiles, new LinkedHashMap<>(),
        new ArrayList<>());
    derive();
  }

  /** The pipeline's time: its own steps ({@link Stage#PIPELINE}) that this run timed. */
  static double pipelineSeconds(WorkerResult r) {
    return pipelineStages(r).mapToDouble(StageTiming::wallSeconds).sum();
  }

  private static java.util.stream.Stream<StageTiming> pipelineStages(WorkerResult r) {
    return r.stages().stream().filter(s -> Stage.PIPELINE.contains(Stage.parse(s.stage())));
  }

  /**
   * Every timed pass over the (scaled) corpus after ingest, the tokenise stage included: what the scaling target
   * compares between corpus sizes (ingest reads the corpus once; copies are made from its output).
   */
  static double afterIngestSeconds(WorkerResult r) {
    return r.stages().stream().filter(s -> !s.stage().equals(Stage.WRITE.label())
        && !s.stage().equals(Stage.INGEST.label())).mapToDouble(StageTiming::wallSeconds).sum();
  }

  private WorkerResult scale1(boolean fewestCores) {
    return runs.values().stream().filter(r -> r.scale() == 1)
        .min(Comparator.comparingInt(r -> fewestCores ? r.cores() : -r.cores())).orElse(null);
  }

  private void derive() {
    WorkerResult one = scale1(true);
    WorkerResult many = scale1(false);
    double peerTokCps = peer == null ? Double.NaN : peer.path("tokenise_chars_per_s").asDouble(Double.NaN);
    double peerAps = peer == null ? Double.NaN : peer.path("articles_per_s").asDouble(Double.NaN);

    // Tokeniser: per core against raw HanLP (same JVM) and against jieba (one process, one core).
    StageTiming tok = one == null ? null : one.stage(Stage.TOKENISE);
    if (tok != null) {
      double perCore = tok.charsPerSecondPerCore();
      figures.put("tokenise_chars_per_s_per_core", perCore);
      if (one.rawHanlp() != null) {
        figures.put("raw_hanlp_chars_per_s", one.rawHanlp().charsPerSecond());
        figures.put("tokeniser_efficiency", perCore / one.rawHanlp().charsPerSecond());
        // The same ratio in CPU seconds (worker process vs the loop's thread): steadier on a busy machine.
        if (one.rawHanlp().cpuSeconds() > 0 && tok.cpuSeconds() > 0) {
          figures.put("tokeniser_efficiency_cpu", one.rawHanlp().cpuSeconds() / tok.cpuSeconds());
        }
      }
      if (!Double.isNaN(peerTokCps)) {
        figures.put("jieba_chars_per_s", peerTokCps);
        figures.put("tokenise_vs_jieba", perCore / peerTokCps);
        figures.put("tokenise_time_vs_peer", tok.wallSeconds() / peer.path("tokenise_s").asDouble());
      }
    }
    target("tokeniser efficiency", "tokenise chars/s per core (local[1]) / raw HanLP chars/s", ">= 0.8",
        figures.get("tokeniser_efficiency"), v -> v >= 0.8);
    target("tokeniser vs jieba", "tokenise chars/s per core (local[1]) / jieba chars/s", ">= 3",
        figures.get("tokenise_vs_jieba"), v -> v >= 3);

    // Train + score on one core against the baseline's TF-IDF + fit + predict.
    if (one != null && one.stage(Stage.TRAIN) != null && one.stage(Stage.SCORE) != null && peer != null) {
      double ts = one.stage(Stage.TRAIN).wallSeconds() + one.stage(Stage.SCORE).wallSeconds();
      figures.put("train_score_time_vs_peer",
          ts / (peer.path("tfidf_s").asDouble() + peer.path("train_predict_s").asDouble()));
    }

    // Whole pipeline.
    boolean complete = many != null && Stage.PIPELINE.stream().allMatch(s -> many.stage(s) != null);
    if (many != null) {
      figures.put("pipeline_seconds", pipelineSeconds(many));
      figures.put("pipeline_articles_per_s", many.articles() / pipelineSeconds(many));
    }
    target("whole pipeline < 3 min", "sum of stage times on local[" + (many == null ? "?" : many.cores()) + "]",
        "< 180 s", complete ? figures.get("pipeline_seconds") : null, v -> v < 180);
    if (one != null && !Double.isNaN(peerAps)) {
      figures.put("pipeline_vs_peer_articles_per_s_equal_cores",
          one.articles() / pipelineSeconds(one) / (peerAps * one.cores()));
    }
    target("pipeline vs peer", "articles/s, Topicline local[1] / peer (one process)", ">= 2",
        complete ? figures.get("pipeline_vs_peer_articles_per_s_equal_cores") : null, v -> v >= 2);

    // Parallel efficiency.
    if (one != null && many != null && many.cores() > one.cores()) {
      double eff = pipelineSeconds(one) * one.cores() / (pipelineSeconds(many) * many.cores());
      figures.put("parallel_efficiency", eff);
      for (StageTiming t : many.stages()) {
        StageTiming t1 = one.stage(Stage.parse(t.stage()));
        if (t1 != null && t.wallSeconds() > 0) {
          figures.put("parallel_efficiency_" + t.stage(),
              t1.wallSeconds() * one.cores() / (t.wallSeconds() * many.cores()));
        }
      }
    }
    target("parallel efficiency", "local[1] time / (2 × local[2] time), whole pipeline", ">= 0.85",
        figures.get("parallel_efficiency"), v -> v >= 0.85);

    // Scaling: stages after ingest (ingest reads the corpus once; copies are made from its output).
    if (many != null) {
      List<WorkerResult> sizes = runs.values().stream().filter(r -> r.cores() == many.cores())
          .sorted(Comparator.comparingInt(WorkerResult::scale)).toList();
      Double worst = null;
      for (int i = 1; i < sizes.size(); i++) {
        WorkerResult a = sizes.get(i - 1);
        WorkerResult b = sizes.get(i);
        double doublings = Math.log((double) b.scale() / a.scale()) / Math.log(2);
        double perDoubling = Math.pow(afterIngestSeconds(b) / afterIngestSeconds(a), 1 / doublings);
        figures.put("time_ratio_per_doubling_x" + a.scale() + "_x" + b.scale(), perDoubling);
        worst = worst == null ? perDoubling : Math.max(worst, perDoubling);
      }
      target("linear scaling", "stage time (after ingest) ratio per doubling of the corpus, worst step", "<= 2.2",
          worst, v -> v <= 2.2);
      WorkerResult x4 = runs.values().stream().filter(r -> r.scale() == 4).findFirst().orElse(null);
      target("4× corpus in the default heap", x4 == null ? "4× run completed; live heap peak (MB) with -Xmx 2 GB"
          : String.format("4× run (%,d articles) completed; live heap peak (MB) with -Xmx %d MB", x4.articles(),
              x4.heapMaxBytes() >> 20), "completes", x4 == null ? null : (double) (x4.liveHeapPeakBytes() >> 20),
          v -> x4.heapMaxBytes() <= (2L << 30) + (64L << 20));
    }
  }

  private void target(String name, String figure, String bound, Double value,
      java.util.function.DoublePredicate ok) {
    targets.add(new Target(name, figure, bound, value, value == null ? null : ok.test(value)));
  }

  /** The table: stages per core count, tokeniser, parallel efficiency, scaling and memory, peer, targets. */
  public String render() {
    StringBuilder b = new StringBuilder();
    WorkerResult first = runs.values().stream().findFirst().orElse(null);
    b.append("Topicline bench ").append(stamp).append(" UTC\n");
    b.append("machine: ").append(machine).append('\n');
    b.append("command: ").append(command).append('\n');
    if (first != null) {
      b.append(String.format("corpus:  %,d articles, %,d chars (title + body)%s%n", first.articles() / first.scale(),
          first.chars() / first.scale(), years.isEmpty() ? "" : ", years " + String.join(",", years)));
    }

    List<WorkerResult> scale1 = runs.values().stream().filter(r -> r.scale() == 1)
        .sorted(Comparator.comparingInt(WorkerResult::cores)).toList();
    if (!scale1.isEmpty()) {
      b.append("\nPer stage, corpus 1×\n");
      b.append(String.format("%-10s", "stage"));
      for (WorkerResult r : scale1) {
        b.append(String.format(" | %-41s", "local[" + r.cores() + "]  wall s   cpu s   art/s  chars/s/core"));
      }
      if (scale1.size() > 1) {
        b.append(" | par.eff");
      }
      b.append('\n');
      for (Stage s : Stage.ALL) {
        if (scale1.stream().allMatch(r -> r.stage(s) == null)) {
          continue;
        }
        b.append(String.format("%-10s", s.label() + (s == Stage.WRITE ? "*" : "")));
        for (WorkerResult r : scale1) {
          StageTiming t = r.stage(s);
          b.append(t == null ? String.format(" | %41s", "-") : String.format(" | %15.1f %7s %7.0f %10s",
              t.wallSeconds(), Double.isNaN(t.cpuSeconds()) ? "" : String.format("%.1f", t.cpuSeconds()),
              t.articlesPerSecond(), human(t.charsPerSecondPerCore())));
        }
        Double eff = figures.get("parallel_efficiency_" + s.label());
        if (scale1.size() > 1) {
          b.append(eff == null ? " |" : String.format(" | %6.2f", eff));
        }
        b.append('\n');
      }
      b.append(String.format("%-10s", "pipeline"));
      for (WorkerResult r : scale1) {
        double secs = pipelineSeconds(r);
        double cpu = pipelineStages(r).filter(t -> !Double.isNaN(t.cpuSeconds()))
            .mapToDouble(StageTiming::cpuSeconds).sum();
        b.append(String.format(" | %15.1f %7.1f %7.0f %10s", secs, cpu, r.articles() / secs,
            human(r.chars() / secs / r.cores())));
      }
      if (figures.containsKey("parallel_efficiency")) {
        b.append(String.format(" | %6.2f", figures.get("parallel_efficiency")));
      }
      b.append('\n');
      b.append("pipeline: ingest + tokens + train + score + summarize + trends, as run (tokens: the tokenise step,"
          + " which writes article_tokens); tokenise (the tokeniser on its own) and write* are not added\n");
      b.append("* write: time in Parquet-writing jobs inside the stages above\n");
      b.append("cpu s: the worker's CPU time; load average (1 min) before/after each run:");
      for (WorkerResult r : scale1) {
        b.append(String.format(" local[%d] %.1f/%.1f", r.cores(), r.loadAverageBefore(), r.loadAverageAfter()));
      }
      b.append(" (above the core count, other processes shared the CPUs and wall times are inflated)\n");
    }

    if (figures.containsKey("tokenise_chars_per_s_per_core")) {
      b.append("\nTokeniser (one core)\n");
      b.append(String.format("  tokenise stage   %10s chars/s per core%n",
          human(figures.get("tokenise_chars_per_s_per_core"))));
      WorkerResult one = scale1.get(0);
      if (one.rawHanlp() != null) {
        b.append(String.format("  raw HanLP %-7s%9s chars/s (plain loop, same JVM, same segmenter config)  ratio %.2f%n",
            one.rawHanlp().segmenter(), human(one.rawHanlp().charsPerSecond()), figures.get("tokeniser_efficiency")));
        b.append(String.format("  analyzer loop    %10s chars/s (TextAnalyzer.tokens, plain loop interleaved with the raw one)%n",
            human(one.rawHanlp().analyzerCharsPerSecond())));
        b.append(String.format("  HanLP start      %10.1f s once per JVM (dictionaries; before the stages, not in them)%n",
            one.hanlpLoadSeconds()));
        b.append(String.format("  JIT warm-up      %10.1f s once per JVM (raw segmenter and analyzer over the first %s chars; before the stages)%n",
            one.warmUpSeconds(), human(one.warmUpChars())));
        if (figures.containsKey("tokeniser_efficiency_cpu")) {
          b.append(String.format("  in CPU seconds: tokenise stage %.1f s (process), raw loop %.1f s, analyzer loop %.1f s "
              + "(thread); ratio %.2f%n", tok(one).cpuSeconds(), one.rawHanlp().cpuSeconds(),
              one.rawHanlp().analyzerCpuSeconds(), figures.get("tokeniser_efficiency_cpu")));
        }
      }
      if (figures.containsKey("jieba_chars_per_s")) {
        b.append(String.format("  jieba (peer)     %10s chars/s                                        ratio %.2f%n",
            human(figures.get("jieba_chars_per_s")), figures.get("tokenise_vs_jieba")));
      }
    }

    List<WorkerResult> sizes = runs.values().stream()
        .filter(r -> scale1.isEmpty() || r.cores() == scale1.get(scale1.size() - 1).cores())
        .sorted(Comparator.comparingInt(WorkerResult::scale)).toList();
    if (!sizes.isEmpty()) {
      b.append(String.format("%nScaling and memory (local[%d]; one JVM holds driver and executors; -Xmx %d MB)%n",
          sizes.get(0).cores(), sizes.get(0).heapMaxBytes() >> 20));
      b.append(String.format("%-6s %10s %12s %12s %9s %11s %11s %6s %7s%n", "scale", "articles", "after-ingest s",
          "per doubling", "ingest s", "heap peak", "live peak", "GCs", "GC s"));
      WorkerResult prev = null;
      for (WorkerResult r : sizes) {
        String ratio = "";
        if (prev != null) {
          Double v = figures.get("time_ratio_per_doubling_x" + prev.scale() + "_x" + r.scale());
          ratio = v == null ? "" : String.format("%.2f", v);
        }
        StageTiming ingest = r.stage(Stage.INGEST);
        b.append(String.format("%-6s %,10d %14.1f %12s %9s %8d MB %8d MB %6d %7.1f%n", r.scale() + "×", r.articles(),
            afterIngestSeconds(r), ratio, ingest == null ? "-" : String.format("%.1f", ingest.wallSeconds()),
            r.heapPeakBytes() >> 20, r.liveHeapPeakBytes() >> 20, r.gcCount(), r.gcSeconds()));
        prev = r;
      }
    }

    if (peer != null) {
      b.append("\nPeer stack (jieba + scikit-learn, one process, ").append(PeerBaseline.PYTHON).append(")\n");
      b.append(String.format("  %,d articles, %,d chars: load %.1f s, tokenise %.1f s, tf-idf %.1f s, train+predict "
          + "%.1f s, total %.1f s (%.0f articles/s)%n", peer.path("articles").asLong(), peer.path("chars").asLong(),
          peer.path("load_s").asDouble(), peer.path("tokenise_s").asDouble(), peer.path("tfidf_s").asDouble(),
          peer.path("train_predict_s").asDouble(), peer.path("total_s").asDouble(),
          peer.path("articles_per_s").asDouble()));
      if (figures.containsKey("tokenise_time_vs_peer")) {
        b.append(String.format("  Topicline tokenise on one core takes %.2f× the peer's tokenise time%n",
            figures.get("tokenise_time_vs_peer")));
      }
      if (figures.containsKey("train_score_time_vs_peer")) {
        b.append(String.format("  Topicline train+score on one core takes %.2f× the peer's tf-idf+train+predict time%n",
            figures.get("train_score_time_vs_peer")));
      }
      if (figures.containsKey("pipeline_vs_peer_articles_per_s_equal_cores")) {
        b.append(String.format("  articles/s on equal cores, Topicline pipeline (stages run: %s) / peer: %.2f%n",
            scale1.isEmpty() ? "" : String.join(",", scale1.get(0).stages().stream().map(StageTiming::stage)
                .toList()), figures.get("pipeline_vs_peer_articles_per_s_equal_cores")));
      }
    }

    b.append("\nTargets\n");
    for (Target t : targets) {
      b.append(String.format("  %-5s %-32s %-10s %s — %s%n",
          t.met() == null ? "n/a" : t.met() ? "met" : "MISS", t.name(), t.bound(),
          t.value() == null ? "not measured" : String.format("%.2f", t.value()), t.figure()));
    }

    for (Map.Entry<String, JfrSummary.Summary> p : profiles.entrySet()) {
      b.append(String.format("%nProfile %s (JFR, %,d execution samples)%n", p.getKey(), p.getValue().samples()));
      p.getValue().areaShare().forEach((area, share) -> {
        if (share >= 0.01) {
          b.append(String.format("  %5.1f%%  %s (innermost area)%n", share * 100, area));
        }
      });
      for (JfrSummary.Hot h : p.getValue().topSelf()) {
        b.append(String.format("  %5.1f%%  %s (self)%n", h.share() * 100, h.method()));
      }
      p.getValue().stages().forEach((stage, sp) -> {
        b.append(String.format("  %s: %,d samples; threads %s%n", stage, sp.samples(), shares(sp.threadShare())));
        b.append("      self: ").append(hot(sp.topSelf())).append('\n');
        b.append("      ours/ML inclusive: ").append(hot(sp.topOwn())).append('\n');
      });
    }
    return b.toString();
  }

  private static String shares(Map<String, Double> shares) {
    StringBuilder b = new StringBuilder();
    shares.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(String.format("%s %.0f%%", k, v * 100)));
    return b.toString();
  }

  /** Method names without their package, to keep a stage's line short. */
  private static String hot(List<JfrSummary.Hot> hot) {
    StringBuilder b = new StringBuilder();
    for (JfrSummary.Hot h : hot) {
      String m = h.method();
      int dot = m.lastIndexOf('.', m.lastIndexOf('.') - 1);
      b.append(b.length() == 0 ? "" : ", ").append(String.format("%s %.0f%%", m.substring(dot + 1), h.share() * 100));
    }
    return b.toString();
  }

  private static StageTiming tok(WorkerResult r) {
    return r.stage(Stage.TOKENISE);
  }

  static String human(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "-";
    }
    if (v >= 1e6) {
      return String.format("%.2f M", v / 1e6);
    }
    if (v >= 1e3) {
      return String.format("%.0f k", v / 1e3);
    }
    return String.format("%.0f", v);
  }
}
