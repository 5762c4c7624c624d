package org.topicline.cli;

import java.time.LocalDate;
import org.topicline.conf.TopiclineConf;
import org.topicline.text.TextAnalyzer;
import org.topicline.text.TokeniseJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tokenise", mixinStandardHelpOptions = true,
    description = {
        "Segments every article once with the conf's analyzer and writes article_tokens, which train, score and",
        "trends read instead of segmenting again (when their analyzer is the same)."})
public final class TokeniseCommand extends SparkCommand {
  @Option(names = "--output", required = true, paramLabel = "DIR",
      description = "Folder that holds the tables (reads articles/, writes article_tokens/).")
  String output;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD",
      description = "First publication date to segment: only the window's months are rewritten.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last publication date to segment.")
  LocalDate to;

  @Override
  protected PreparedJob prepare(TopiclineConf conf) {
    TokeniseJob.Options options = new TokeniseJob.Options(output, TextAnalyzer.from(conf), from, to, conf.hash(),
        commandLine());
    return spark -> TokeniseJob.run(spark, options);
  }
}
