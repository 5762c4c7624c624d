package org.topicline.summary;

import org.topicline.io.WeightedTerm;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.topicline.io.TableSpec;
import org.topicline.io.Tables;

/** A row of the {@code summaries} table: the extractive summary and keywords of one article. */
public class ArticleSummary implements Serializable {
  public static final Encoder<ArticleSummary> ENCODER = Encoders.bean(ArticleSummary.class);

  public static final TableSpec SPEC = TableSpec.builder(Tables.SUMMARIES)
      .column("article_id", "the article (articles.article_id)")
      .column("source_id", "the record's own id (articles.source_id)")
      .column("pub_date", "publication date")
      .column("summary", "the picked sentences, whole, in document order, within summary.budget-chars")
      .column("sentences", "the picked sentences: index among the article's sentences, text (lead-in removed), score")
      .column("keywords", "top terms of the article by TextRank, weight relative to the best (1.0)")
      .column("method", "how the summary was made: ranker and tokenizer")
      .partitionBy(Tables.YEAR, Tables.MONTH)
      .build();

  private String articleId;
  private String sourceId;
  private LocalDate pubDate;
  private String summary;
  private List<SentenceScore> sentences = new ArrayList<>();
  private List<WeightedTerm> keywords = new ArrayList<>();
  private String method;
  private int year;
  private int month;

  public String getArticleId() { return articleId; }
  public void setArticleId(String v) { articleId = v; }
  public String getSourceId() { return sourceId; }
  public void setSourceId(String v) { sourceId = v; }
  public LocalDate getPubDate() { return pubDate; }
  public void setPubDate(LocalDate v) { pubDate = v; }
  public String getSummary() { return summary; }
  public void setSummary(String v) { summary = v; }
  public List<SentenceScore> getSentences() { return sentences; }
  public void setSentences(List<SentenceScore> v) { sentences = v; }
  public List<WeightedTerm> getKeywords() { return keywords; }
  public void setKeywords(List<WeightedTerm> v) { keywords = v; }
  public String getMethod() { return method; }
  public void setMethod(String v) { method = v; }
  public int getYear() { return year; }
  public void setYear(int v) { year = v; }
  public int getMonth() { return month; }
  public void setMonth(int v) { month = v; }
}
