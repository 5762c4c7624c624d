package org.topicline.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.topicline.SparkTestBase;
import org.topicline.ingest.Article;
import org.topicline.io.DataPaths;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;

class NameCandidatesJobTest extends SparkTestBase {
  /** 李强 is in this analyzer's dictionary, 张建国 is not: only the second is proposed. */
  private static final TextAnalyzer ANALYZER = new TextAnalyzer("viterbi", List.of("李强"), List.of("的"));

  @Test
  void proposesRecognisedNamesTheAnalyzerSplitsWithHowOftenTheyAreRecognisedAndCross() throws Exception {
    String output = DataPaths.normalise(newDir("names").toString());
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      articles.add(TokeniseJobTest.article("a" + i, null, "村党支部书记张建国介绍情况", null,
          "总理李强出席会议。村党支部书记张建国说，今年村里修了路。张建国表示要带领群众致富。"));
    }
    TableIO.write(spark.createDataset(articles, Article.ENCODER), output, Article.SPEC, TableIO.Mode.REPLACE,
        "ingest-1");

    NameCandidatesJob.Result r = NameCandidatesJob.run(spark,
        new NameCandidatesJob.Options(output, ANALYZER, 3, 10, 1));
    assertEquals(6, r.articles());
    Map<String, NameCandidatesJob.Candidate> byName = r.candidates().stream()
        .collect(Collectors.toMap(NameCandidatesJob.Candidate::name, Function.identity()));
    assertTrue(byName.containsKey("张建国"), r.summary());
    assertFalse(byName.containsKey("李强"), "kept whole by the analyzer: " + r.summary());
    NameCandidatesJob.Candidate c = byName.get("张建国");
    assertEquals(18, c.occurrences(), "three times in each of the six articles");
    assertEquals(18, c.recognised(), "HanLP's recogniser takes every occurrence for a name: " + r.summary());
    assertEquals(0, c.crossing(), "no character of 张建国 joins a neighbour in a word here: " + r.summary());
    assertTrue(r.summary().contains("张建国"));
  }

  /**
   * The limit keeps the most frequent names the analyzer splits: 李强, the most frequent name, is in its dictionary
   * and takes no place.
   */
  @Test
  void theLimitKeepsTheMostFrequentSplitNames() throws Exception {
    String output = DataPaths.normalise(newDir("limit").toString());
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      articles.add(TokeniseJobTest.article("a" + i, null, "总理李强出席会议", null,
          "总理李强出席会议，李强强调发展。李强指出要稳增长。村党支部书记张建国说，今年村里修了路。张建国表示要带领群众致富。"
              + "镇长王建华也参加了会议。"));
    }
    TableIO.write(spark.createDataset(articles, Article.ENCODER), output, Article.SPEC, TableIO.Mode.REPLACE,
        "ingest-1");

    Function<Integer, List<String>> proposed = limit -> NameCandidatesJob.run(spark,
            new NameCandidatesJob.Options(output, ANALYZER, 1, limit, 1))
        .candidates().stream().map(c -> c.name() + " " + c.recognised()).toList();
    assertEquals(List.of("张建国 8", "王建华 4"), proposed.apply(10));
    assertEquals(List.of("张建国 8"), proposed.apply(1));
  }

  /** --fraction reads the same articles whatever the partitioning: a hash of the article id chooses them. */
  @Test
  void aFractionReadsTheSameArticlesWhateverThePartitioning() throws Exception {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      articles.add(TokeniseJobTest.article("a" + i, null, "标题" + i, null, "正文" + i));
    }
    String output = DataPaths.normalise(newDir("fraction").toString());
    TableIO.write(spark.createDataset(articles, Article.ENCODER), output, Article.SPEC, TableIO.Mode.REPLACE,
        "ingest-1");
    Dataset<Row> df = TableIO.read(spark, output, Tables.ARTICLES);
    Function<Dataset<Row>, List<String>> read = d -> NameCandidatesJob.texts(d, 0.5).collectAsList().stream()
        .sorted().toList();
    List<String> one = read.apply(df.repartition(1));
    assertEquals(one, read.apply(df.repartition(5)));
    assertTrue(one.size() >= 70 && one.size() <= 130, one.size() + " of 200 read");
  }

  @Test
  void aNameCrossesWhereItsCharactersBelongToAnotherWord() {
    TextAnalyzer plain = new TextAnalyzer("viterbi", List.of(), List.of());
    // 如何 / 维护: the string 何维 straddles two words, as a fragment or an unsafe entry would.
    assertTrue(NameCandidatesJob.crosses(plain, "如何维护和平", 1, 2));
    // 总理 / 出席 around the name: nothing joins its characters with outside ones.
    assertFalse(NameCandidatesJob.crosses(plain, "总理李强出席会议", 2, 2));
  }

  @Test
  void badOptionsNameTheOption() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new NameCandidatesJob.Options("out", ANALYZER, 1, 10, 1.5));
    assertTrue(e.getMessage().contains("--fraction"), e.getMessage());
  }
}
