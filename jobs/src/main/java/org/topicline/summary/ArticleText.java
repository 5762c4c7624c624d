package org.topicline.summary;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/**
 * An article as {@code summarize} reads it: the fields its summary row carries, its title and body, and the
 * analyzer's words of both from {@code article_tokens} (null when the table holds none for the article, which is
 * then segmented on the fly).
 */
public class ArticleText implements Serializable {
  public static final Encoder<ArticleText> ENCODER = Encoders.bean(ArticleText.class);
  /** The columns of the stored words. */
  public static final String TITLE_TOKENS = "titleTokens";
  public static final String BODY_TOKENS = "bodyTokens";

  private String articleId;
  private String sourceId;
  private LocalDate pubDate;
  private int year;
  private int month;
  private String title;
  private String body;
  private List<String> titleTokens;
  private List<String> bodyTokens;

  public String getArticleId() { return articleId; }
  public void setArticleId(String v) { articleId = v; }
  public String getSourceId() { return sourceId; }
  public void setSourceId(String v) { sourceId = v; }
  public LocalDate getPubDate() { return pubDate; }
  public void setPubDate(LocalDate v) { pubDate = v; }
  public int getYear() { return year; }
  public void setYear(int v) { year = v; }
  public int getMonth() { return month; }
  public void setMonth(int v) { month = v; }
  public String getTitle() { return title; }
  public void setTitle(String v) { title = v; }
  public String getBody() { return body; }
  public void setBody(String v) { body = v; }
  public List<String> getTitleTokens() { return titleTokens; }
  public void setTitleTokens(List<String> v) { titleTokens = v; }
  public List<String> getBodyTokens() { return bodyTokens; }
  public void setBodyTokens(List<String> v) { bodyTokens = v; }

  /** The stored words, or null when there are none (segment the article instead). */
  ExtractiveSummarizer.Words words() {
    return titleTokens == null || bodyTokens == null ? null : new ExtractiveSummarizer.Words(titleTokens, bodyTokens);
  }
}
