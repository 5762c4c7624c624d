package org.topicline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The entry point of every command. It only parses: each subcommand builds typed options and calls its job. */
@Command(name = "topicline", mixinStandardHelpOptions = true, version = "topicline 0.1.0",
    description = "Spark batch jobs that turn years of Chinese news into topic models, summaries and trends.",
    subcommands = {
        IngestCommand.class,
        GenerateSampleCommand.class,
        EvalPagesCommand.class,
        TokeniseCommand.class,
        ProposeNamesCommand.class,
        TrainCommand.class,
        ScoreCommand.class,
        EvalTopicsCommand.class,
        TrendsCommand.class,
        ReportCommand.class,
        PipelineCommand.class,
        SummarizeCommand.class,
        EvalSummariesCommand.class,
        BenchCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Topicline implements Runnable {

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  public static CommandLine commandLine() {
    return new CommandLine(new Topicline()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
