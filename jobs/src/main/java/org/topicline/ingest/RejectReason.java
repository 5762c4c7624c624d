package org.topicline.ingest;

/** The short codes in {@code rejects.reason}; the README lists them with their meaning. */
public final class RejectReason {
  /** The file is not JSON (xwlb day files, jsonl lines). */
  public static final String NOT_JSON = "not_json";
  /** JSON that parses but lacks the structure the format needs (no videoList, an item that is not an object). */
  public static final String BAD_STRUCTURE = "bad_structure";
  /** No body text after cleaning. */
  public static final String EMPTY_BODY = "empty_body";
  /** No date in the record nor in its path. */
  public static final String NO_DATE = "no_date";
  /** A date that cannot be parsed. */
  public static final String BAD_DATE = "bad_date";
  /** NUL or control bytes: not a text file. */
  public static final String BINARY_FILE = "binary_file";
  /** Neither UTF-8 nor GB18030. */
  public static final String BAD_ENCODING = "bad_encoding";
  /** A .gz that cannot be unpacked. */
  public static final String CORRUPT_GZIP = "corrupt_gzip";
  /** A CSV row whose field count does not match the header. */
  public static final String BAD_CSV_ROW = "bad_csv_row";
  /** A file name that does not follow the format's naming (People's Daily YYYYMMDD-page-n.txt). */
  public static final String BAD_FILE_NAME = "bad_file_name";
  /** The same source and source id as an earlier record in this run (the first one is kept). */
  public static final String DUPLICATE_ID = "duplicate_id";
  /** A file larger than {@code ingest.max-file-bytes}: listed, never read. */
  public static final String TOO_LARGE = "too_large";
  /** The file could not be read at all. */
  public static final String UNREADABLE = "unreadable";

  /** Every code above, so a run can count rejects per reason while writing them. */
  public static final java.util.List<String> ALL = java.util.List.of(NOT_JSON, BAD_STRUCTURE, EMPTY_BODY, NO_DATE,
      BAD_DATE, BINARY_FILE, BAD_ENCODING, CORRUPT_GZIP, BAD_CSV_ROW, BAD_FILE_NAME, DUPLICATE_ID, TOO_LARGE,
      UNREADABLE);

  private RejectReason() {}
}
