package org.topicline.trends;

import java.io.Serializable;
import java.time.LocalDate;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.topicline.io.TableSpec;
import org.topicline.io.Tables;

/** A row of {@code topic_trends}: one topic in one period of one source (or of all sources together). */
public class TopicTrend implements Serializable {
  public static final Encoder<TopicTrend> ENCODER = Encoders.bean(TopicTrend.class);
  /** The {@code source} value of rows that count every source together. */
  public static final String ALL_SOURCES = "all";

  public static final TableSpec SPEC = TableSpec.builder(Tables.TOPIC_TRENDS)
      .column("topic", "topic id")
      .column("granularity", "day, week (ISO, starting Monday), month, quarter or year")
      .column("period_start", "first day of the period")
      .column("source", "article source, or 'all' for every source together")
      .column("article_count", "articles published in the period, reprints (dup_of set) not counted")
      .column("topic_count", "of those, articles labelled with the topic")
      .column("share", "topic_count / article_count; 0 when the period has no articles")
      .column("mean_probability", "mean topic probability over the period's scored articles; null when none")
      .column("moving_average", "mean share over the trailing window (trends.moving-average periods, this one included)")
      .column("share_change_prev", "share minus the previous period's share; null for the first period")
      .column("share_change_year", "share minus the share of the same period a year before; null when outside the data")
      .column("burst", "share > mean + sigmas * stddev of the previous lookback periods and topic_count >= min-count")
      .column("year", "year of period_start (partition)")
      .partitionBy("granularity", Tables.YEAR)
      .build();

  private String topic;
  private String granularity;
  private LocalDate periodStart;
  private String source;
  private long articleCount;
  private long topicCount;
  private double share;
  private Double meanProbability;
  private double movingAverage;
  private Double shareChangePrev;
  private Double shareChangeYear;
  private boolean burst;
  private int year;

  public String getTopic() { return topic; }
  public void setTopic(String v) { topic = v; }
  public String getGranularity() { return granularity; }
  public void setGranularity(String v) { granularity = v; }
  public LocalDate getPeriodStart() { return periodStart; }
  public void setPeriodStart(LocalDate v) { periodStart = v; }
  public String getSource() { return source; }
  public void setSource(String v) { source = v; }
  public long getArticleCount() { return articleCount; }
  public void setArticleCount(long v) { articleCount = v; }
  public long getTopicCount() { return topicCount; }
  public void setTopicCount(long v) { topicCount = v; }
  public double getShare() { return share; }
  public void setShare(double v) { share = v; }
  public Double getMeanProbability() { return meanProbability; }
  public void setMeanProbability(Double v) { meanProbability = v; }
  public double getMovingAverage() { return movingAverage; }
  public void setMovingAverage(double v) { movingAverage = v; }
  public Double getShareChangePrev() { return shareChangePrev; }
  public void setShareChangePrev(Double v) { shareChangePrev = v; }
  public Double getShareChangeYear() { return shareChangeYear; }
  public void setShareChangeYear(Double v) { shareChangeYear = v; }
  public boolean getBurst() { return burst; }
  public void setBurst(boolean v) { burst = v; }
  public int getYear() { return year; }
  public void setYear(int v) { year = v; }
}
