package org.topicline.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.topicline.bench.Bench;
import org.topicline.bench.BenchOptions;
import org.topicline.bench.Stage;
import org.topicline.conf.ConfException;
import org.topicline.conf.TopiclineConf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code topicline bench}: measures the pipeline on the real corpus. It starts no Spark itself: each configuration
 * runs in a fresh worker JVM (see {@link Bench}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Per-stage throughput, tokeniser efficiency, parallel efficiency, scaling, memory and the peer "
        + "stack, measured in one run on the real corpus; prints one table and writes it as JSON.")
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
      description = "Corpus root holding xwlb/ and peoples-daily/ (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--years", split = ",", paramLabel = "YYYY",
      description = "Only these years of the corpus, for a quick run (default: all).")
  List<String> years = List.of();

  @Option(names = "--stages", split = ",", paramLabel = "STAGE",
      description = "Stages to time, from: ingest, tokenise, tokens, train, score, summarize, trends, write "
          + "(default: all). Ingest always runs, as every other stage reads its output.")
  List<String> stages = Stage.ALL.stream().map(Stage::label).toList();

  @Option(names = "--cores", split = ",", paramLabel = "N", defaultValue = "1,2",
      description = "local[N] masters run at scale 1; parallel efficiency compares the smallest and largest "
          + "(default: ${DEFAULT-VALUE}).")
  List<Integer> cores;

  @Option(names = "--scales", split = ",", paramLabel = "K", defaultValue = "1,2,4",
      description = "Corpus sizes: K copies with fresh ids, run on the largest --cores (default: ${DEFAULT-VALUE}).")
  List<Integer> scales;

  @Option(names = "--peer", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Run the peer baseline (jieba + scikit-learn) on the same corpus (default: on; --no-peer skips).")
  boolean peer;

  @Option(names = "--peer-script", paramLabel = "FILE", defaultValue = "../shared/bench/baseline_jieba_sklearn.py",
      description = "The peer baseline (default: ${DEFAULT-VALUE}).")
  Path peerScript;

  @Option(names = "--profile", description = "Record every worker with JFR and print where its time went.")
  boolean profile;

  @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "2g",
      description = "-Xmx of each worker JVM, driver and executors together (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(names = "--results", paramLabel = "DIR", defaultValue = "bench-results",
      description = "Where the JSON, the table, worker logs and recordings go (default: ${DEFAULT-VALUE}).")
  Path results;

  @Option(names = "--conf", paramLabel = "FILE", description = "Conf file layered over the defaults.")
  Path confFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one conf key; repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Spec
  CommandSpec spec;

  /** As typed after scripts/bench: the parse result holds the whole command line, subcommand name first. */
  private String commandLine() {
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    int from = !args.isEmpty() && args.get(0).equals(spec.name()) ? 1 : 0;
    return "scripts/bench" + (args.size() > from ? " " : "")
        + String.join(" ", args.subList(from, args.size()));
  }

  @Override
  public Integer call() throws Exception {
    BenchOptions options;
    try {
      // The conf is loaded once here so a bad file or key stops the bench before any worker starts.
      TopiclineConf.load(confFile, overrides);
      options = new BenchOptions(data, years, stages.stream().map(Stage::parse).toList(), cores, scales, peer,
          peerScript, profile, heap, results, confFile, overrides,
          commandLine());
    } catch (ConfException | IllegalArgumentException e) {
      System.err.println("topicline bench: " + e.getMessage());
      return 2;
    }
    Bench.run(options);
    return 0;
  }
}
