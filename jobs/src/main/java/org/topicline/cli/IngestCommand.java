package org.topicline.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.topicline.conf.TopiclineConf;
import org.topicline.ingest.IngestJob;
import org.topicline.ingest.IngestSettings;
import org.topicline.ingest.InputSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {
        "Reads archives and writes a clean, de-duplicated articles table, a rejects table and a runs row.",
        "Formats: xwlb, peoples-daily, jsonl, csv, parquet, page-text. Paths are local paths or Hadoop URIs."})
public final class IngestCommand extends SparkCommand {
  @Option(names = "--input", required = true, paramLabel = "FORMAT:PATH",
      description = "An input archive (repeatable), e.g. xwlb:../shared/data/xwlb or jsonl:hdfs:///news/2024.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--output", required = true, paramLabel = "DIR",
      description = "Folder that holds the tables (articles/, rejects/, runs/).")
  String output;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD",
      description = "Only articles published on or after this date; only their partitions are rewritten.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD",
      description = "Only articles published on or before this date; only their partitions are rewritten.")
  LocalDate to;

  @Override
  protected PreparedJob prepare(TopiclineConf conf) {
    List<InputSpec> specs = inputs.stream().map(InputSpec::parse).toList();
    IngestJob.Options options = new IngestJob.Options(specs, output, IngestSettings.from(conf), from, to,
        conf.hash(), commandLine());
    return spark -> IngestJob.run(spark, options);
  }
}
