package org.topicline.ingest;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What an input adapter makes of one input record: either an article candidate or a reject with its reason. One
 * type for both keeps the count of records read exact (every record read is one ParsedRecord).
 */
public class ParsedRecord implements Serializable {
  public static final String ARTICLE = "article";
  public static final String REJECT = "reject";

  private String kind;
  private String format;
  private String source;
  private String location;
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
  private String reason;
  private String detail;
  private String payload;

  public static ParsedRecord article(String format, String source, String location, String sourceId) {
    ParsedRecord r = new ParsedRecord();
    r.kind = ARTICLE;
    r.format = format;
    r.source = source;
    r.location = location;
    r.sourceId = sourceId;
    return r;
  }

  /** A reject keeps the start of the original payload, so a person can see what was refused. */
  public static ParsedRecord reject(String format, String source, String location, String reason, String detail,
      String payload) {
    ParsedRecord r = new ParsedRecord();
    r.kind = REJECT;
    r.format = format;
    r.source = source;
    r.location = location;
    r.reason = reason;
    r.detail = detail;
    r.payload = payload == null ? null : payload.length() > 500 ? payload.substring(0, 500) : payload;
    return r;
  }

  /** Turns this candidate into a reject (validation after the adapter), keeping what it knew. */
  public ParsedRecord toReject(String reason, String detail) {
    ParsedRecord r = reject(format, source, location, reason, detail, title == null ? body : title + "\n" + body);
    r.sourceId = sourceId;
    r.pubDate = pubDate;
    return r;
  }

  public boolean isArticle() {
    return ARTICLE.equals(kind);
  }

  public String getKind() { return kind; }
  public void setKind(String v) { kind = v; }
  public String getFormat() { return format; }
  public void setFormat(String v) { format = v; }
  public String getSource() { return source; }
  public void setSource(String v) { source = v; }
  public String getLocation() { return location; }
  public void setLocation(String v) { location = v; }
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
  public String getReason() { return reason; }
  public void setReason(String v) { reason = v; }
  public String getDetail() { return detail; }
  public void setDetail(String v) { detail = v; }
  public String getPayload() { return payload; }
  public void setPayload(String v) { payload = v; }
}
