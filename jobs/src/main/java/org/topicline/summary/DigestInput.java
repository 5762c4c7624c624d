package org.topicline.summary;

import org.topicline.io.WeightedTerm;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/** One labelled original article of a topic in a period: what a digest is built from. */
public class DigestInput implements Serializable {
  public static final Encoder<DigestInput> ENCODER = Encoders.bean(DigestInput.class);

  private String topic;
  private String periodType;
  private String period;
  private LocalDate periodStart;
  private String articleId;
  private LocalDate pubDate;
  private double probability;
  private List<SentenceScore> sentences = new ArrayList<>();
  private List<WeightedTerm> keywords = new ArrayList<>();

  /** The group a digest covers. */
  public String groupKey() {
    return topic + "\u0001" + periodType + "\u0001" + period;
  }

  public String getTopic() { return topic; }
  public void setTopic(String v) { topic = v; }
  public String getPeriodType() { return periodType; }
  public void setPeriodType(String v) { periodType = v; }
  public String getPeriod() { return period; }
  public void setPeriod(String v) { period = v; }
  public LocalDate getPeriodStart() { return periodStart; }
  public void setPeriodStart(LocalDate v) { periodStart = v; }
  public String getArticleId() { return articleId; }
  public void setArticleId(String v) { articleId = v; }
  public LocalDate getPubDate() { return pubDate; }
  public void setPubDate(LocalDate v) { pubDate = v; }
  public double getProbability() { return probability; }
  public void setProbability(double v) { probability = v; }
  public List<SentenceScore> getSentences() { return sentences; }
  public void setSentences(List<SentenceScore> v) { sentences = v; }
  public List<WeightedTerm> getKeywords() { return keywords; }
  public void setKeywords(List<WeightedTerm> v) { keywords = v; }
}
