package org.topicline.summary;

import org.topicline.io.WeightedTerm;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.topicline.ingest.Article;
import org.topicline.text.ArticleTokens;

/** The summary stages: Dataset to Dataset, with settings and tokenizer passed in as values. */
public final class SummaryStages {
  /** The columns of {@code topic_scores} a digest needs. */
  public static final String ARTICLE_ID = "article_id";
  public static final String TOPIC = "topic";
  public static final String PROBABILITY = "probability";
  public static final String LABEL = "label";

  private SummaryStages() {}

  /** The stored columns {@link #texts} takes from {@code article_tokens}, and the names they get. */
  public static final Map<String, String> STORED_WORDS = Map.of(
      ArticleTokens.TITLE, ArticleText.TITLE_TOKENS, ArticleTokens.BODY, ArticleText.BODY_TOKENS);

  /**
   * The articles with the title and body words {@code stored} holds for them ({@link ArticleTokens#stored} with
   * {@link #STORED_WORDS}, or null when there is no table); null words where it holds none.
   */
  public static Dataset<ArticleText> texts(Dataset<Article> articles, Dataset<Row> stored) {
    Dataset<Row> rows = articles.select("articleId", "sourceId", "pubDate", "year", "month", "title", "body", "runId");
    if (stored == null) {
      DataType words = DataTypes.createArrayType(DataTypes.StringType);
      rows = rows.withColumn(ArticleText.TITLE_TOKENS, lit(null).cast(words))
          .withColumn(ArticleText.BODY_TOKENS, lit(null).cast(words));
    } else {
      rows = ArticleTokens.attach(rows, stored);
    }
    return rows.drop("runId").as(ArticleText.ENCODER);
  }

  /** One summary per article; one summarizer per partition. */
  public static Dataset<ArticleSummary> summariesByArticle(Dataset<ArticleText> articles, SummarySettings settings,
      SummaryTokenizers tokenizers) {
    return articles.mapPartitions(new SummarizeArticles(settings, tokenizers), ArticleSummary.ENCODER);
  }

  /**
   * One digest per topic and period: the summaries of the original articles (reprints left out) that the topic
   * labels, grouped by topic and each configured period.
   *
   * @param originals article ids of articles that are not reprints (column {@code article_id})
   * @param topicScores rows with {@code article_id, topic, probability, label}
   */
  public static Dataset<TopicDigest> digestsByTopicPeriod(Dataset<ArticleSummary> summaries, Dataset<Row> originals,
      Dataset<Row> topicScores, SummarySettings settings, SummaryTokenizers tokenizers) {
    Dataset<Row> labelled = topicScores.where(col(LABEL)).select(col(ARTICLE_ID), col(TOPIC), col(PROBABILITY));
    Dataset<Row> rows = summaries.toDF().withColumnRenamed("articleId", ARTICLE_ID).join(originals.select(ARTICLE_ID), ARTICLE_ID).join(labelled, ARTICLE_ID)
        .select(col(ARTICLE_ID), col("pubDate"), col(TOPIC), col(PROBABILITY), col("sentences"), col("keywords"));
    Dataset<DigestInput> inputs = rows.flatMap(new ByPeriod(settings.digest().periods()), DigestInput.ENCODER);
    return inputs.groupByKey((MapFunction<DigestInput, String>) DigestInput::groupKey, Encoders.STRING())
        .mapGroups(new BuildDigest(settings, tokenizers.sentences(), tokenizers.method()), TopicDigest.ENCODER);
  }

  /** {@code 2021-03} or {@code 2021-W11} and the period's first day. */
  static String periodOf(SummarySettings.Period p, LocalDate d) {
    return switch (p) {
      case MONTH -> String.format("%04d-%02d", d.getYear(), d.getMonthValue());
      case WEEK -> String.format("%04d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    };
  }

  static LocalDate periodStart(SummarySettings.Period p, LocalDate d) {
    return switch (p) {
      case MONTH -> d.withDayOfMonth(1);
      case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    };
  }

  private static final class SummarizeArticles implements MapPartitionsFunction<ArticleText, ArticleSummary> {
    private final SummarySettings settings;
    private final SummaryTokenizers tokenizers;

    SummarizeArticles(SummarySettings settings, SummaryTokenizers tokenizers) {
      this.settings = settings;
      this.tokenizers = tokenizers;
    }

    @Override
    public Iterator<ArticleSummary> call(Iterator<ArticleText> articles) {
      ExtractiveSummarizer summarizer = new ExtractiveSummarizer(settings, tokenizers);
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return articles.hasNext();
        }

        @Override
        public ArticleSummary next() {
          return summarise(summarizer, articles.next());
        }
      };
    }

    private ArticleSummary summarise(ExtractiveSummarizer summarizer, ArticleText a) {
      ExtractiveSummarizer.Result r = summarizer.summarize(a.getTitle(), a.getBody() == null ? "" : a.getBody(),
          a.words());
      ArticleSummary s = new ArticleSummary();
      s.setArticleId(a.getArticleId());
      s.setSourceId(a.getSourceId());
      s.setPubDate(a.getPubDate());
      s.setYear(a.getYear());
      s.setMonth(a.getMonth());
      s.setSummary(r.summary());
      List<SentenceScore> sentences = new ArrayList<>();
      for (ExtractiveSummarizer.Picked p : r.sentences()) {
        sentences.add(new SentenceScore(p.index(), p.text(), Math.round(p.score() * 1e4) / 1e4));
      }
      s.setSentences(sentences);
      s.setKeywords(r.keywords().stream().map(t -> new WeightedTerm(t.term(), t.weight())).toList());
      s.setMethod(tokenizers.method());
      return s;
    }
  }

  private static final class ByPeriod implements FlatMapFunction<Row, DigestInput> {
    private final List<SummarySettings.Period> periods;

    ByPeriod(List<SummarySettings.Period> periods) {
      this.periods = periods;
    }

    @Override
    public Iterator<DigestInput> call(Row r) {
      LocalDate date = localDate(r.get(r.fieldIndex("pubDate")));
      List<DigestInput> out = new ArrayList<>();
      if (date == null) {
        return out.iterator();
      }
      List<SentenceScore> sentences = new ArrayList<>();
      for (Row s : r.<Row>getList(r.fieldIndex("sentences"))) {
        sentences.add(new SentenceScore(s.getAs("index"), s.getAs("text"), s.getAs("score")));
      }
      List<WeightedTerm> keywords = new ArrayList<>();
      for (Row k : r.<Row>getList(r.fieldIndex("keywords"))) {
        keywords.add(new WeightedTerm(k.getAs("term"), k.getAs("weight")));
      }
      for (SummarySettings.Period p : periods) {
        DigestInput d = new DigestInput();
        d.setTopic(r.getAs(TOPIC));
        d.setPeriodType(p.name().toLowerCase(java.util.Locale.ROOT));
        d.setPeriod(periodOf(p, date));
        d.setPeriodStart(periodStart(p, date));
        d.setArticleId(r.getAs(ARTICLE_ID));
        d.setPubDate(date);
        d.setProbability(((Number) r.getAs(PROBABILITY)).doubleValue());
        d.setSentences(sentences);
        d.setKeywords(keywords);
        out.add(d);
      }
      return out.iterator();
    }
  }

  /** Rows hold java.sql.Date unless the session enables the java.time API. */
  private static LocalDate localDate(Object o) {
    return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
  }

  private static final class BuildDigest implements MapGroupsFunction<String, DigestInput, TopicDigest> {
    private final SummarySettings settings;
    private final Tokenizer tokenizer;
    private final String method;

    BuildDigest(SummarySettings settings, Tokenizer tokenizer, String method) {
      this.settings = settings;
      this.tokenizer = tokenizer;
      this.method = method;
    }

    @Override
    public TopicDigest call(String key, Iterator<DigestInput> rows) {
      List<DigestInput> inputs = new ArrayList<>();
      rows.forEachRemaining(inputs::add);
      return new DigestBuilder(settings, tokenizer).build(inputs, method);
    }
  }
}
