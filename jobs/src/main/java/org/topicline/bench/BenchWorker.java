package org.topicline.bench;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.topicline.cli.Sparks;
import org.topicline.conf.TopiclineConf;
import org.topicline.ingest.Article;
import org.topicline.ingest.IngestJob;
import org.topicline.ingest.IngestSettings;
import org.topicline.ingest.InputSpec;
import org.topicline.io.DataPaths;
import org.topicline.io.TableIO;
import org.topicline.io.RunLog;
import org.topicline.io.Tables;
import org.topicline.summary.SummarizeJob;
import org.topicline.summary.SummarySettings;
import org.topicline.summary.SummaryTokenizers;
import org.topicline.text.HanLPTokenizer;
import org.topicline.topics.ScoreJob;
import org.topicline.topics.TopicSettings;
import org.topicline.topics.TrainJob;
import org.topicline.text.RawSegmenter;
import org.topicline.text.TextAnalyzer;
import org.topicline.text.TokeniseJob;
import org.topicline.trends.TrendsJob;
import org.topicline.trends.TrendsSettings;

/**
 * One measured run in its own JVM: the pipeline's stages on one Spark master over the corpus at one scale. The
 * orchestrator ({@link Bench}) starts one worker per configuration, so local[1] and local[2] (and each corpus size)
 * start from a cold, equal JVM and their heap peaks do not mix.
 *
 * <p>Steps: 1) ingest the corpus (timed) 2) at scale k > 1, write k copies of the articles with fresh ids (not
 * timed) 3) each selected stage, timed 4) the raw HanLP loop over the same texts, if asked 5) write the result.
 *
 * <p>Usage: {@code BenchWorker SPEC.json RESULT.json}.
 */
public final class BenchWorker {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The text the pipeline tokenises: title and body, as the peer baseline does. */
  static final String TEXT = "text";

  private static final String WARM_UP = "新闻联播：国务院总理主持召开常务会议。";

  /** Characters of the JIT warm-up: about 1.5 s per segmenter once compiled. */
  static final long WARM_UP_CHARS = 4_000_000;

  private BenchWorker() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: BenchWorker SPEC.json RESULT.json");
    }
    WorkerSpec spec = JSON.readValue(Path.of(args[0]).toFile(), WorkerSpec.class);
    TopiclineConf conf = TopiclineConf.load(spec.confFile() == null ? null : Path.of(spec.confFile()),
        spec.overrides());
    SparkSession spark = Sparks.start(conf, spec.master(), "bench");
    try {
      WorkerResult result = run(spark, conf, spec);
      Files.writeString(Path.of(args[1]), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    } finally {
      spark.stop();
    }
  }

  static WorkerResult run(SparkSession spark, TopiclineConf conf, WorkerSpec spec) {
    JobGroupClock clock = new JobGroupClock();
    spark.sparkContext().addSparkListener(clock);
    String work = DataPaths.normalise(spec.workDir());
    String output = Tables.path(work, "out");
    DataPaths.delete(spark, work);
    List<StageTiming> timings = new ArrayList<>();
    WorkerResult.RawLoop raw = null;
    double loadBefore = loadAverage();
    try (HeapWatch heap = new HeapWatch()) {
      // 1) Ingest the corpus as it is on disk; copies for larger scales are made from its output.
      String ingested = spec.scale() == 1 ? output : Tables.path(work, "source");
      Span ingestTime = timed(() -> ingest(spark, conf, spec, ingested));
      Corpus source = Corpus.of(spark, ingested);
      timings.add(ingestTime.timing(Stage.INGEST, source, spec.cores()));

      // 2) Larger scales: k copies with fresh ids, so every later stage sees k times the articles.
      if (spec.scale() > 1) {
        replicate(spark, ingested, output, spec.scale());
      }
      Corpus corpus = spec.scale() == 1 ? source : Corpus.of(spark, output);

      // 3) The stages, each over the whole (scaled) corpus. HanLP loads its dictionaries once per JVM on first use;
      // that one-off cost is timed on its own here so the tokenise stage and the raw loop both start warm.
      TextAnalyzer analyzer = TextAnalyzer.from(conf);
      double hanlpLoadSeconds = timed(() -> RawSegmenter.of(analyzer).segment(WARM_UP)).wallSeconds();
      // The JIT: in a fresh JVM the first million characters segment at a quarter of the compiled speed (0.6 against
      // 2.3-2.7 M chars/s on one core). The raw loop runs after every stage, fully compiled, so the tokenise stage
      // gets the same start: both over the first texts, timed on their own like HanLP's start.
      long[] warmUpChars = new long[1];
      double warmUpSeconds = timed(() -> warmUpChars[0] = warmUp(spark, output, analyzer)).wallSeconds();
      TopicSettings topics = TopicSettings.from(conf);
      String models = Tables.path(work, "models");
      String[] modelVersion = new String[1];
      for (String name : spec.stages()) {
        Stage stage = Stage.parse(name);
        if (stage == Stage.INGEST) {
          continue;
        }
        Span time = switch (stage) {
          case TOKENISE -> timed(() -> tokenise(spark, output, analyzer));
          // The pipeline's tokenise step: later stages read its article_tokens instead of segmenting again.
          case TOKENS -> timed(() -> TokeniseJob.run(spark, new TokeniseJob.Options(output, analyzer, null, null,
              conf.hash(), "bench tokenise")));
          case TRAIN -> timed(() -> modelVersion[0] = TrainJob.run(spark, new TrainJob.Options(output, models, null,
              null, null, topics, analyzer, conf.hash(), RunLog.newRunId(), "bench train")).version());
          // Scoring needs the model this run trained.
          case SCORE -> modelVersion[0] == null ? null : timed(() -> ScoreJob.run(spark, new ScoreJob.Options(output,
              models, modelVersion[0], null, null, topics.train().evidenceTerms(), analyzer, conf.hash(),
              RunLog.newRunId(), "bench score")));
          case SUMMARIZE -> timed(() -> {
            SummarySettings summary = SummarySettings.from(conf);
            SummarizeJob.run(spark, new SummarizeJob.Options(output, summary,
                SummaryTokenizers.from(conf, summary), TableIO.Mode.REPLACE, "bench-summarize"));
          });
          // Trends reads topic_scores: timed only once a scoring stage has written it.
          case TRENDS -> TableIO.exists(spark, output, Tables.TOPIC_SCORES)
              ? timed(() -> TrendsJob.run(spark, new TrendsJob.Options(output, TrendsSettings.from(conf), analyzer,
                  null, null, conf.hash(), "bench trends")))
              : null;
          default -> null;
        };
        if (time != null) {
          timings.add(time.timing(stage, corpus, spec.cores()));
        }
      }
      if (spec.stages().contains(Stage.WRITE.label())) {
        timings.add(new StageTiming(Stage.WRITE.label(), clock.seconds("write"), Double.NaN, corpus.articles(),
            corpus.chars(), spec.cores()));
      }

      // 4) The ceiling: the same segmenter in a plain loop on one thread of this JVM.
      if (spec.rawLoop()) {
        raw = rawLoop(spark, output, analyzer);
      }
      return new WorkerResult(spec.master(), spec.cores(), spec.scale(), corpus.articles(), corpus.chars(), timings,
          heap.peakBytes(), heap.livePeakBytes(), HeapWatch.heapMaxBytes(), heap.gcCountSinceStart(),
          heap.gcSecondsSinceStart(), loadBefore, loadAverage(), hanlpLoadSeconds, warmUpSeconds, warmUpChars[0], raw);
    } finally {
      spark.sparkContext().removeSparkListener(clock);
    }
  }

  /** Articles and characters (title + body) of an articles table. */
  record Corpus(long articles, long chars) {
    static Corpus of(SparkSession spark, String output) {
      Row r = texts(spark, output).agg(org.apache.spark.sql.functions.count(lit(1)), sum(length(col(TEXT))))
          .first();
      return new Corpus(r.getLong(0), r.isNullAt(1) ? 0 : r.getLong(1));
    }
  }

  static Dataset<Row> texts(SparkSession spark, String output) {
    return TableIO.read(spark, output, Tables.ARTICLES)
        .select(concat_ws("\n", coalesce(col("title"), lit("")), col("body")).as(TEXT));
  }

  private static void ingest(SparkSession spark, TopiclineConf conf, WorkerSpec spec, String output) {
    List<InputSpec> inputs = spec.inputs().stream().map(InputSpec::parse).toList();
    IngestJob.run(spark, new IngestJob.Options(inputs, output, IngestSettings.from(conf), null, null, conf.hash(),
        "bench ingest"));
  }

  private static void replicate(SparkSession spark, String from, String to, int scale) {
    spark.sparkContext().setJobGroup("bench-replicate", "bench: " + scale + " copies of the articles", false);
    Dataset<Article> base = TableIO.read(spark, from, Tables.ARTICLES, Article.ENCODER);
    Dataset<Article> all = base;
    for (int copy = 1; copy < scale; copy++) {
      all = all.union(base.map(freshIds(copy), Article.ENCODER));
    }
    TableIO.write(all, to, Article.SPEC, TableIO.Mode.REPLACE, "bench-x" + scale);
    spark.sparkContext().clearJobGroup();
  }

  /** A copy of an article that is a different article to every stage: new article and source ids. */
  private static MapFunction<Article, Article> freshIds(int copy) {
    String suffix = "~" + copy;
    return a -> {
      a.setArticleId(a.getArticleId() + suffix);
      a.setSourceId(a.getSourceId() + suffix);
      if (a.getDupOf() != null) {
        a.setDupOf(a.getDupOf() + suffix);
      }
      return a;
    };
  }

  /** The pipeline's tokeniser (the Spark ML stage that travels in the model) over every article's text. */
  private static void tokenise(SparkSession spark, String output, TextAnalyzer analyzer) {
    spark.sparkContext().setJobGroup("bench-tokenise", "bench: tokenise every article", false);
    String tokens = "tokens";
    Dataset<Row> tokenised = HanLPTokenizer.of(analyzer).setInputCol(TEXT).setOutputCol(tokens)
        .transform(texts(spark, output));
    // Summing token counts forces every row through the tokeniser without keeping the tokens anywhere.
    tokenised.agg(sum(size(col(tokens)))).first();
    spark.sparkContext().clearJobGroup();
  }

  /** Raw segmenter and analyzer over the first texts, up to {@link #WARM_UP_CHARS}; returns the characters. */
  private static long warmUp(SparkSession spark, String output, TextAnalyzer analyzer) {
    spark.sparkContext().setJobGroup("bench-warm-up", "bench: texts for the JIT warm-up", false);
    RawSegmenter segmenter = RawSegmenter.of(analyzer);
    long chars = 0;
    Iterator<String> it = texts(spark, output).as(Encoders.STRING()).toLocalIterator();
    while (it.hasNext() && chars < WARM_UP_CHARS) {
      String text = it.next();
      segmenter.segment(text);
      analyzer.tokens(text);
      chars += text.length();
    }
    spark.sparkContext().clearJobGroup();
    return chars;
  }

  /**
   * HanLP over the same texts in a plain loop: only the time inside the segmenter counts, so streaming the texts
   * to the driver costs the ceiling nothing. The analyzer runs on each text right after, so the gap between the two
   * is the analyzer's own cost, and the gap between the analyzer and the tokenise stage is Spark's.
   */
  private static WorkerResult.RawLoop rawLoop(SparkSession spark, String output, TextAnalyzer analyzer) {
    spark.sparkContext().setJobGroup("bench-raw-hanlp", "bench: texts for the raw HanLP loop", false);
    RawSegmenter segmenter = RawSegmenter.of(analyzer);
    long texts = 0;
    long chars = 0;
    long nanos = 0;
    long analyzerNanos = 0;
    long cpuNanos = 0;
    long analyzerCpuNanos = 0;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long terms = 0;
    Iterator<String> it = texts(spark, output).as(Encoders.STRING()).toLocalIterator();
    while (it.hasNext()) {
      String text = it.next();
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      terms += segmenter.segment(text);
      long t1 = System.nanoTime();
      long c1 = threads.getCurrentThreadCpuTime();
      analyzer.tokens(text);
      nanos += t1 - t0;
      analyzerNanos += System.nanoTime() - t1;
      cpuNanos += c1 - c0;
      analyzerCpuNanos += threads.getCurrentThreadCpuTime() - c1;
      texts++;
      chars += text.length();
    }
    spark.sparkContext().clearJobGroup();
    return new WorkerResult.RawLoop(analyzer.segmenter(), texts, chars, terms, nanos / 1e9, analyzerNanos / 1e9,
        cpuNanos / 1e9, analyzerCpuNanos / 1e9);
  }

  /** When a step ran (epoch ms, to find it in the profile), its wall and process CPU seconds. */
  record Span(long startMillis, long endMillis, double wallSeconds, double cpuSeconds) {
    StageTiming timing(Stage stage, Corpus corpus, int cores) {
      return new StageTiming(stage.label(), wallSeconds, cpuSeconds, corpus.articles(), corpus.chars(), cores,
          startMillis, endMillis);
    }
  }

  private static Span timed(Runnable step) {
    long cpu0 = processCpuNanos();
    long start = System.currentTimeMillis();
    long t0 = System.nanoTime();
    step.run();
    double wall = (System.nanoTime() - t0) / 1e9;
    return new Span(start, System.currentTimeMillis(), wall, (processCpuNanos() - cpu0) / 1e9);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The machine's one-minute load average: above the core count, other processes competed for the CPUs. */
  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
