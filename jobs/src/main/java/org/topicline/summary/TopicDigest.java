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

/** A row of the {@code topic_digests} table: what one topic's coverage said in one period. */
public class TopicDigest implements Serializable {
  public static final Encoder<TopicDigest> ENCODER = Encoders.bean(TopicDigest.class);

  public static final TableSpec SPEC = TableSpec.builder(Tables.TOPIC_DIGESTS)
      .column("topic", "the topic (topic_scores.topic)")
      .column("period", "the period: 2021-03 for a month, 2021-W11 for an ISO week")
      .column("period_start", "first day of the period")
      .column("articles", "labelled articles in the period, reprints (dup_of set) left out")
      .column("digest", "the digest sentences joined, within summary.digest.budget-chars")
      .column("sentences", "digest sentences in date order: text, score, article_ids of the articles carrying it")
      .column("top_terms", "the period's top terms: mean keyword weight over the period's articles")
      .column("method", "how the digest was made")
      .column("period_type", "month or week")
      .partitionBy("period_type")
      .build();

  private String topic;
  private String period;
  private LocalDate periodStart;
  private int articles;
  private String digest;
  private List<DigestSentence> sentences = new ArrayList<>();
  private List<WeightedTerm> topTerms = new ArrayList<>();
  private String method;
  private String periodType;

  public String getTopic() { return topic; }
  public void setTopic(String v) { topic = v; }
  public String getPeriod() { return period; }
  public void setPeriod(String v) { period = v; }
  public LocalDate getPeriodStart() { return periodStart; }
  public void setPeriodStart(LocalDate v) { periodStart = v; }
  public int getArticles() { return articles; }
  public void setArticles(int v) { articles = v; }
  public String getDigest() { return digest; }
  public void setDigest(String v) { digest = v; }
  public List<DigestSentence> getSentences() { return sentences; }
  public void setSentences(List<DigestSentence> v) { sentences = v; }
  public List<WeightedTerm> getTopTerms() { return topTerms; }
  public void setTopTerms(List<WeightedTerm> v) { topTerms = v; }
  public String getMethod() { return method; }
  public void setMethod(String v) { method = v; }
  public String getPeriodType() { return periodType; }
  public void setPeriodType(String v) { periodType = v; }
}
