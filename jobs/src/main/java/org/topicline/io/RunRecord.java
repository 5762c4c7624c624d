package org.topicline.io;

import java.io.Serializable;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

/** One row of the {@code runs} table: what one command read, wrote and rejected. */
public class RunRecord implements Serializable {
  private String runId;
  private String command;
  private String args;
  private Timestamp startedAt;
  private Timestamp finishedAt;
  private String status;
  private long recordsRead;
  private long articlesWritten;
  private long rejected;
  private long duplicates;
  private Map<String, Long> rowsWritten = new LinkedHashMap<>();
  private String confHash;
  private String message;

  public String getRunId() { return runId; }
  public void setRunId(String v) { runId = v; }
  public String getCommand() { return command; }
  public void setCommand(String v) { command = v; }
  public String getArgs() { return args; }
  public void setArgs(String v) { args = v; }
  public Timestamp getStartedAt() { return startedAt; }
  public void setStartedAt(Timestamp v) { startedAt = v; }
  public Timestamp getFinishedAt() { return finishedAt; }
  public void setFinishedAt(Timestamp v) { finishedAt = v; }
  public String getStatus() { return status; }
  public void setStatus(String v) { status = v; }
  public long getRecordsRead() { return recordsRead; }
  public void setRecordsRead(long v) { recordsRead = v; }
  public long getArticlesWritten() { return articlesWritten; }
  public void setArticlesWritten(long v) { articlesWritten = v; }
  public long getRejected() { return rejected; }
  public void setRejected(long v) { rejected = v; }
  public long getDuplicates() { return duplicates; }
  public void setDuplicates(long v) { duplicates = v; }
  public Map<String, Long> getRowsWritten() { return rowsWritten; }
  public void setRowsWritten(Map<String, Long> v) { rowsWritten = v; }
  public String getConfHash() { return confHash; }
  public void setConfHash(String v) { confHash = v; }
  public String getMessage() { return message; }
  public void setMessage(String v) { message = v; }
}
