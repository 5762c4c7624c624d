package org.topicline.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.topicline.conf.TopiclineConf;
import org.topicline.io.DataPaths;
import org.topicline.io.RunLog;
import org.topicline.io.RunRecord;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;
import org.topicline.summary.SummarizeJob;
import org.topicline.summary.SummarySettings;
import org.topicline.summary.SummaryTokenizers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "summarize", mixinStandardHelpOptions = true,
    description = "Extractive summary and keywords for every article (table summaries) and, when topic_scores "
        + "exists, a digest per topic and month/week (table topic_digests).")
public final class SummarizeCommand extends SparkCommand {
  @Option(names = "--output", required = true, paramLabel = "DIR",
      description = "Output folder holding the articles table; summaries and topic_digests are written there.")
  String output;

  @Option(names = "--mode", defaultValue = "REPLACE",
      description = "How summaries treat existing rows: REPLACE or REPLACE_PARTITIONS (default: ${DEFAULT-VALUE}).")
  TableIO.Mode mode;

  @Override
  protected PreparedJob prepare(TopiclineConf conf) {
    if (mode == TableIO.Mode.APPEND) {
      throw new IllegalArgumentException("--mode APPEND would summarise an article twice; use REPLACE or "
          + "REPLACE_PARTITIONS");
    }
    SummarySettings settings = SummarySettings.from(conf);
    SummaryTokenizers tokenizers = SummaryTokenizers.from(conf, settings);
    String out = DataPaths.normalise(output);
    String args = commandLine();
    String confHash = conf.hash();
    return spark -> {
      String runId = RunLog.newRunId();
      RunRecord run = RunLog.start(runId, "summarize", args, confHash);
      return RunLog.logged(spark, out, run, () -> {
        SummarizeJob.Result r = SummarizeJob.run(spark,
            new SummarizeJob.Options(out, settings, tokenizers, mode, runId));
        run.setRecordsRead(r.articlesRead());
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put(Tables.SUMMARIES, r.summariesWritten());
        rows.put(Tables.TOPIC_DIGESTS, r.digestsWritten());
        run.setRowsWritten(rows);
        if (r.digestsSkipped() != null) {
          run.setMessage("topic digests skipped: " + r.digestsSkipped());
        }
        return r;
      });
    };
  }
}
