package org.topicline.ingest;

import java.io.Serializable;
import java.time.LocalDate;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.topicline.io.TableSpec;
import org.topicline.io.Tables;

/** A row of the {@code articles} table: a clean article, the unit every later job works on. */
public class Article implements Serializable {
  public static final Encoder<Article> ENCODER = Encoders.bean(Article.class);

  public static final TableSpec SPEC = TableSpec.builder(Tables.ARTICLES)
      .column("article_id", "stable id: hash of source and source_id (the same input gives the same id)")
      .column("source", "where the article comes from: xwlb, peoples-daily, or the generic record's source")
      .column("source_id", "the record's own id: xwlb video_id, People's Daily file name, the generic id field")
      .column("pub_date", "publication date")
      .column("title", "headline, cleaned ([视频] prefixes removed)")
      .column("body", "body text, cleaned: paragraphs separated by newlines")
      .column("brief", "the editor's one-sentence summary (xwlb), else null")
      .column("page", "newspaper page number, else null")
      .column("kicker", "line printed above the headline (引题), else null")
      .column("subtitle", "line printed below the headline (副题), else null")
      .column("byline", "byline such as 本报讯（记者 …） when the source prints one, else null")
      .column("continued", "true when the story jumps to another page (page text), else null")
      .column("segmentation_confidence", "page text: how sure the story splitter is (0..1), else null")
      .column("char_count", "characters in body")
      .column("content_hash", "hash of the body with white space and punctuation removed")
      .column("dup_of", "article_id of the earlier article this one reprints (exact or near duplicate), else null")
      .column("location", "input file and record index")
      .column("run_id", "the ingest run that wrote the row")
      .partitionBy(Tables.YEAR, Tables.MONTH)
      .build();

  private String articleId;
  private String source;
  private String sourceId;
  private LocalDate pubDate;
  private String title;
  private String body;
  private String brief;
  private Integer page;
  private String kicker;
  private String subtitle;
  private String byline;
  private Boolean continued;
  private Double segmentationConfidence;
  private int charCount;
  private String contentHash;
  private String dupOf;
  private String location;
  private String runId;
  private int year;
  private int month;

  public String getArticleId() { return articleId; }
  public void setArticleId(String v) { articleId = v; }
  public String getSource() { return source; }
  public void setSource(String v) { source = v; }
  public String getSourceId() { return sourceId; }
  public void setSourceId(String v) { sourceId = v; }
  public LocalDate getPubDate() { return pubDate; }
  public void setPubDate(LocalDate v) { pubDate = v; }
  public String getTitle() { return title; }
  public void setTitle(String v) { title = v; }
  public String getBody() { return body; }
  public void setBody(String v) { body = v; }
  public String getBrief() { return brief; }
  public void setBrief(String v) { brief = v; }
  public Integer getPage() { return page; }
  public void setPage(Integer v) { page = v; }
  public String getKicker() { return kicker; }
  public void setKicker(String v) { kicker = v; }
  public String getSubtitle() { return subtitle; }
  public void setSubtitle(String v) { subtitle = v; }
  public String getByline() { return byline; }
  public void setByline(String v) { byline = v; }
  public Boolean getContinued() { return continued; }
  public void setContinued(Boolean v) { continued = v; }
  public Double getSegmentationConfidence() { return segmentationConfidence; }
  public void setSegmentationConfidence(Double v) { segmentationConfidence = v; }
  public int getCharCount() { return charCount; }
  public void setCharCount(int v) { charCount = v; }
  public String getContentHash() { return contentHash; }
  public void setContentHash(String v) { contentHash = v; }
  public String getDupOf() { return dupOf; }
  public void setDupOf(String v) { dupOf = v; }
  public String getLocation() { return location; }
  public void setLocation(String v) { location = v; }
  public String getRunId() { return runId; }
  public void setRunId(String v) { runId = v; }
  public int getYear() { return year; }
  public void setYear(int v) { year = v; }
  public int getMonth() { return month; }
  public void setMonth(int v) { month = v; }
}
