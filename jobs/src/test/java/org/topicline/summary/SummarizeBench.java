package org.topicline.summary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.topicline.Shared;
import org.topicline.SparkTestBase;
import org.topicline.conf.TopiclineConf;
import org.topicline.ingest.Article;
import org.topicline.ingest.ParsedRecord;
import org.topicline.ingest.XwlbAdapter;
import org.topicline.io.TableIO;

/**
 * How long {@code summarize} takes over the whole xwlb corpus (about 75k articles) on this session's cores. Prints
 * a table; run with {@code mvn -o -q test -Dtest=SummarizeBench -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class SummarizeBench extends SparkTestBase {
  @Test
  void summariseTheXwlbCorpus() throws Exception {
    Path root = Shared.data("xwlb");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".json.gz")).sorted().toList();
    }
    XwlbAdapter adapter = new XwlbAdapter();
    List<Article> articles = new ArrayList<>();
    for (Path f : files) {
      for (ParsedRecord r : adapter.parse(f.toUri().toString(), Files.readAllBytes(f))) {
        if (r.isArticle() && r.getPubDate() != null) {
          Article a = new Article();
          a.setArticleId(r.getSourceId() + "#" + articles.size());
          a.setSourceId(r.getSourceId());
          a.setSource(r.getSource());
          a.setPubDate(r.getPubDate());
          a.setTitle(r.getTitle());
          a.setBody(r.getBody());
          a.setYear(r.getPubDate().getYear());
          a.setMonth(r.getPubDate().getMonthValue());
          articles.add(a);
        }
      }
    }
    String out = newDir("bench").toUri().toString();
    Dataset<Article> ds = spark.createDataset(articles, Article.ENCODER).repartition(8);
    TableIO.write(ds, out, Article.SPEC, TableIO.Mode.REPLACE, "bench");
    TopiclineConf conf = TopiclineConf.defaults();
    long t0 = System.nanoTime();
    SummarizeJob.Result r = SummarizeJob.run(spark, new SummarizeJob.Options(out, SummarySettings.from(conf),
        SummaryTokenizers.from(conf), TableIO.Mode.REPLACE, "bench"));
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf("%nsummarize bench (local[2])%n%-10s %10s %10s %12s%n", "articles", "summaries", "seconds",
        "articles/s");
    System.out.printf("%-10d %10d %10.1f %12.0f%n", articles.size(), r.summariesWritten(), secs,
        r.summariesWritten() / secs);
  }
}
