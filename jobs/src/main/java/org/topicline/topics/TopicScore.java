package org.topicline.topics;

import org.topicline.io.WeightedTerm;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.topicline.io.TableSpec;
import org.topicline.io.Tables;

/** A row of {@code topic_scores}: how likely one article is about one topic, and the terms that said so. */
public class TopicScore implements Serializable {
  public static final Encoder<TopicScore> ENCODER = Encoders.bean(TopicScore.class);

  public static final TableSpec SPEC = TableSpec.builder(Tables.TOPIC_SCORES)
      .column("article_id", "the scored article (articles.article_id)")
      .column("source_id", "the article's own id in its source")
      .column("source", "the article's source")
      .column("pub_date", "publication date")
      .column("topic", "topic id from conf (topicline.topics.<id>)")
      .column("probability", "the model's probability that the topic is a main subject of the article")
      .column("label", "probability >= the topic's threshold (in the model's metadata.json) and rules is positive or ambiguous")
      .column("rules", "the seed rules' reading: positive (a main subject), ambiguous, passing (fewer topic sentences "
          + "than min-mentions) or negative; the model labels only positive and ambiguous articles; null for a model "
          + "without stored rules")
      .column("model_version", "the models/<version> folder that scored the article")
      .column("evidence", "terms that pushed the score most: TF-IDF weight x coefficient, largest first; title terms are prefixed title:")
      .partitionBy(Tables.YEAR, Tables.MONTH)
      .build();

  private String articleId;
  private String sourceId;
  private String source;
  private LocalDate pubDate;
  private String topic;
  private double probability;
  private boolean label;
  private String rules;
  private String modelVersion;
  private List<WeightedTerm> evidence;
  private int year;
  private int month;

  public String getArticleId() { return articleId; }
  public void setArticleId(String v) { articleId = v; }
  public String getSourceId() { return sourceId; }
  public void setSourceId(String v) { sourceId = v; }
  public String getSource() { return source; }
  public void setSource(String v) { source = v; }
  public LocalDate getPubDate() { return pubDate; }
  public void setPubDate(LocalDate v) { pubDate = v; }
  public String getTopic() { return topic; }
  public void setTopic(String v) { topic = v; }
  public double getProbability() { return probability; }
  public void setProbability(double v) { probability = v; }
  public boolean getLabel() { return label; }
  public void setLabel(boolean v) { label = v; }
  public String getRules() { return rules; }
  public void setRules(String v) { rules = v; }
  public String getModelVersion() { return modelVersion; }
  public void setModelVersion(String v) { modelVersion = v; }
  public List<WeightedTerm> getEvidence() { return evidence; }
  public void setEvidence(List<WeightedTerm> v) { evidence = v; }
  public int getYear() { return year; }
  public void setYear(int v) { year = v; }
  public int getMonth() { return month; }
  public void setMonth(int v) { month = v; }
}
