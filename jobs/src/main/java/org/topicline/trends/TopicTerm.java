package org.topicline.trends;

import java.io.Serializable;
import java.time.LocalDate;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.topicline.io.TableSpec;
import org.topicline.io.Tables;

/** A row of {@code topic_terms}: a term that characterises one month of a topic against the topic's history. */
public class TopicTerm implements Serializable {
  public static final Encoder<TopicTerm> ENCODER = Encoders.bean(TopicTerm.class);

  public static final TableSpec SPEC = TableSpec.builder(Tables.TOPIC_TERMS)
      .column("topic", "topic id")
      .column("period_start", "first day of the month")
      .column("term", "the term")
      .column("rank", "1 = the most characteristic term of the month")
      .column("weight", "z-score of the log-odds ratio (month vs rest of the topic's history, informative Dirichlet prior)")
      .column("month_articles", "topic articles of the month containing the term")
      .column("history_articles", "topic articles of the whole history containing the term")
      .column("year", "year of period_start (partition)")
      .partitionBy(Tables.YEAR)
      .build();

  private String topic;
  private LocalDate periodStart;
  private String term;
  private int rank;
  private double weight;
  private long monthArticles;
  private long historyArticles;
  private int year;

  public String getTopic() { return topic; }
  public void setTopic(String v) { topic = v; }
  public LocalDate getPeriodStart() { return periodStart; }
  public void setPeriodStart(LocalDate v) { periodStart = v; }
  public String getTerm() { return term; }
  public void setTerm(String v) { term = v; }
  public int getRank() { return rank; }
  public void setRank(int v) { rank = v; }
  public double getWeight() { return weight; }
  public void setWeight(double v) { weight = v; }
  public long getMonthArticles() { return monthArticles; }
  public void setMonthArticles(long v) { monthArticles = v; }
  public long getHistoryArticles() { return historyArticles; }
  public void setHistoryArticles(long v) { historyArticles = v; }
  public int getYear() { return year; }
  public void setYear(int v) { year = v; }
}
