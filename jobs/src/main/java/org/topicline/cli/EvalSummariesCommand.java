package org.topicline.cli;

import org.topicline.conf.TopiclineConf;
import org.topicline.io.DataPaths;
import org.topicline.io.RunLog;
import org.topicline.io.RunRecord;
import org.topicline.summary.EvalSummariesJob;
import org.topicline.summary.SummarySettings;
import org.topicline.summary.SummaryTokenizers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval-summaries", mixinStandardHelpOptions = true,
    description = "Character ROUGE-1/2/L F1 of summaries against human references (xwlb briefs, LCSTS part III), "
        + "side by side with the Lead and HanLP TextRankSentence baselines at the same budget.")
public final class EvalSummariesCommand extends SparkCommand {
  @Option(names = "--xwlb", paramLabel = "DIR", description = "Folder of xwlb day files (YYYY/YYYYMMDD.json.gz).")
  String xwlb;

  @Option(names = "--xwlb-every", defaultValue = "10",
      description = "Keep one xwlb item in this many, by a hash of its id (default: ${DEFAULT-VALUE}).")
  int xwlbEvery;

  @Option(names = "--lcsts", paramLabel = "FILE", description = "LCSTS PART_III.txt.")
  String lcsts;

  @Option(names = "--lcsts-min-label", defaultValue = "3",
      description = "Keep LCSTS pairs with at least this human score (default: ${DEFAULT-VALUE}).")
  int lcstsMinLabel;

  @Option(names = "--budget", description = "Character budget for xwlb (default: summary.budget-chars).")
  Integer budget;

  @Option(names = "--lcsts-budget", defaultValue = "30",
      description = "Character budget for LCSTS, whose texts are about 100 characters and whose references about "
          + "20 (default: ${DEFAULT-VALUE}).")
  int lcstsBudget;

  @Option(names = "--output", paramLabel = "DIR", description = "Output folder whose runs table gets this run.")
  String output;

  @Override
  protected PreparedJob prepare(TopiclineConf conf) {
    if (xwlb == null && lcsts == null) {
      throw new IllegalArgumentException("give --xwlb DIR and/or --lcsts FILE");
    }
    if (xwlbEvery < 1 || lcstsBudget < 1 || budget != null && budget < 1) {
      throw new IllegalArgumentException("--xwlb-every, --budget and --lcsts-budget must be positive");
    }
    SummarySettings settings = SummarySettings.from(conf);
    EvalSummariesJob.Options o = new EvalSummariesJob.Options(
        xwlb == null ? null : DataPaths.normalise(xwlb), xwlbEvery,
        lcsts == null ? null : DataPaths.normalise(lcsts), lcstsMinLabel,
        budget != null ? budget : settings.budgetChars(), lcstsBudget, settings, SummaryTokenizers.from(conf, settings));
    String out = output == null ? null : DataPaths.normalise(output);
    String args = commandLine();
    return spark -> {
      if (out == null) {
        return EvalSummariesJob.run(spark, o);
      }
      RunRecord run = RunLog.start(RunLog.newRunId(), "eval-summaries", args, conf.hash());
      return RunLog.logged(spark, out, run, () -> EvalSummariesJob.run(spark, o));
    };
  }
}
