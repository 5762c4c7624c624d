package org.topicline.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.topicline.conf.ConfException;
import org.topicline.conf.TopiclineConf;
import org.topicline.ingest.IngestSettings;
import org.topicline.sample.PageWriter;
import org.topicline.sample.SampleOptions;
import org.topicline.sample.SampleSettings;
import org.topicline.sample.SampleWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code generate-sample}: writes the embedded demo corpus. It needs no Spark (a few seconds of work on the driver),
 * so it is a plain command rather than a {@link SparkCommand}; it still writes through the Hadoop file system.
 */
@Command(name = "generate-sample", mixinStandardHelpOptions = true,
    description = {
        "Writes a deterministic corpus of invented Chinese news (three default topics, background subjects, hard"
            + " negatives, reprints, malformed records) as JSON Lines for `ingest --input jsonl:DIR/articles`,"
            + " with its truth in DIR/truth.",
        "The same options always give byte-identical files."})
public final class GenerateSampleCommand implements Callable<Integer> {
  @Option(names = "--output", required = true, paramLabel = "DIR",
      description = "Folder (Hadoop URI or local path) that receives articles/ and truth/; both are replaced.")
  String output;

  @Option(names = "--years", paramLabel = "N", description = "Whole calendar years to cover (conf default: 3).")
  Integer years;

  @Option(names = "--start-year", paramLabel = "Y", description = "First year (conf default: 2021).")
  Integer startYear;

  @Option(names = "--per-day", paramLabel = "K", description = "Articles a day on average (conf default: 12).")
  Integer perDay;

  @Option(names = "--seed", paramLabel = "S", description = "Random seed (conf default: 20210101).")
  Long seed;

  @Option(names = "--pages", paramLabel = "N",
      description = "Also lay the articles out as N newspaper pages of extracted text in DIR/pages (for"
          + " `ingest --input page-text:DIR/pages`), with their truth in DIR/truth/pages.jsonl.")
  Integer pages;

  @Option(names = "--conf", paramLabel = "FILE",
      description = "Conf file layered over the defaults (topicline.sample, topicline.ingest.generic field names).")
  Path confFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override one conf key (the leading 'topicline.' may be left out); repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    try {
      TopiclineConf conf = TopiclineConf.load(confFile, overrides);
      SampleOptions options = SampleSettings.from(conf).options(years, startYear, perDay, seed);
      IngestSettings.Generic fields = IngestSettings.from(conf).generic();
      Configuration hadoop = Sparks.hadoopConfiguration(conf);
      System.out.println(SampleWriter.write(hadoop, output, options, fields).summary());
      if (pages != null) {
        System.out.println(PageWriter.write(hadoop, output, options, pages).summary());
      }
      return 0;
    } catch (java.io.IOException e) {
      System.err.println("topicline " + spec.name() + ": cannot write pages: " + e.getMessage());
      return 1;
    } catch (ConfException | IllegalArgumentException e) {
      System.err.println("topicline " + spec.name() + ": " + e.getMessage());
      return 2;
    }
  }
}
