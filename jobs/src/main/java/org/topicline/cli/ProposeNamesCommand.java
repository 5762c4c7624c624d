package org.topicline.cli;

import org.topicline.conf.TopiclineConf;
import org.topicline.text.NameCandidatesJob;
import org.topicline.text.TextAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "propose-names", mixinStandardHelpOptions = true,
    description = {
        "Lists person names that the conf's analyzer splits into characters (HanLP's name recognition is off by",
        "default), as found by HanLP's recogniser in articles, with how often a forced dictionary entry would",
        "take other words apart; a person picks the entries for a names dictionary (conf/dict/person-names.txt)."})
public final class ProposeNamesCommand extends SparkCommand {
  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Folder that holds articles/.")
  String output;

  @Option(names = "--min-count", defaultValue = "20", paramLabel = "N",
      description = "Names recognised fewer times are left out (default: ${DEFAULT-VALUE}).")
  int minCount;

  @Option(names = "--limit", defaultValue = "200", paramLabel = "K",
      description = "At most this many names, most frequent first (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--fraction", defaultValue = "1", paramLabel = "F",
      description = "Share of the articles read, chosen by a hash of the article id: the same on every run "
          + "(default: ${DEFAULT-VALUE}: all).")
  double fraction;

  @Override
  protected PreparedJob prepare(TopiclineConf conf) {
    NameCandidatesJob.Options options = new NameCandidatesJob.Options(output, TextAnalyzer.from(conf), minCount,
        limit, fraction);
    return spark -> NameCandidatesJob.run(spark, options);
  }
}
