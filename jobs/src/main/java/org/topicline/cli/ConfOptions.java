package org.topicline.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.topicline.conf.TopiclineConf;
import picocli.CommandLine.Option;

/** Options every Spark command shares: the conf layers and the Spark master. */
public final class ConfOptions {
  @Option(names = "--conf", paramLabel = "FILE",
      description = "Conf file layered over the defaults in conf/topicline.conf.")
  Path confFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override one conf key (the leading 'topicline.' may be left out); repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: spark.master from spark-submit, else topicline.spark.master).")
  String master;

  public TopiclineConf load() {
    return TopiclineConf.load(confFile, overrides);
  }
}
