package org.topicline.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Marks reprints: {@code dupOf} is set to the earliest article (by date, then id) with the same content (exact:
 * same letters and digits) or nearly the same (MinHash LSH over character shingles: articles sharing a band are
 * candidates, kept when the estimated Jaccard similarity reaches the threshold). Only candidate pairs are compared,
 * so the cost grows with the corpus, not with its square.
 */
public final class Dedup {
  private Dedup() {}

  public static Dataset<Article> markDuplicates(Dataset<Article> articles, IngestSettings.Dedup settings) {
    // Only narrow columns are shuffled; the verdicts are broadcast back, so bodies never move. Only contents that
    // more than one article carries have a verdict: what reaches the driver grows with the copies, not the corpus.
    Dataset<Row> exactCanon = articles.groupBy("contentHash")
        .agg(min(struct(col("pubDate"), col("articleId"))).as("first"), count(lit(1)).as("n"))
        .filter(col("n").gt(1))
        .select(col("contentHash").as("canonHash"), col("first.articleId").as("exactCanon"));
    Dataset<Row> withExact = articles.toDF()
        .join(broadcast(exactCanon), col("contentHash").equalTo(col("canonHash")), "left")
        .drop("canonHash");
    Dataset<Row> marked = withExact.withColumn("dupOf",
        when(col("exactCanon").notEqual(col("articleId")), col("exactCanon")).otherwise(lit(null).cast("string")))
        .drop("exactCanon");
    if (!settings.enabled()) {
      return marked.as(Article.ENCODER);
    }

    // Signatures of the articles that are not exact copies and long enough to compare by shingles.
    MinHash minHash = new MinHash(settings.bands() * settings.rowsPerBand(), settings.shingleChars());
    Dataset<Article> eligible = marked.filter(col("dupOf").isNull().and(col("charCount").geq(settings.minChars())))
        .as(Article.ENCODER);
    Dataset<Signature> signatures = eligible.map(
        (MapFunction<Article, Signature>) a -> new Signature(a.getArticleId(), a.getPubDate(),
            minHash.signature(TextCleaning.contentKey(a.getBody()))), Signature.ENCODER)
        .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());

    int bands = settings.bands();
    int rows = settings.rowsPerBand();
    Dataset<Row> bandRows = signatures.flatMap(
        (FlatMapFunction<Signature, BandKey>) s -> bandKeys(s, bands, rows), BandKey.ENCODER).toDF();
    // Per band bucket the earliest member is the candidate original of every other member.
    Dataset<Row> bucketFirst = bandRows.groupBy("band")
        .agg(min(struct(col("pubDate"), col("articleId"))).as("first"), count(lit(1)).as("n"))
        .filter(col("n").gt(1))
        .select(col("band"), col("first.articleId").as("canon"));
    Dataset<Row> candidates = bandRows.join(bucketFirst, "band")
        .filter(col("canon").notEqual(col("articleId")))
        .select("articleId", "canon").distinct();

    double threshold = settings.threshold();
    Dataset<Row> sig = signatures.toDF();
    Dataset<Row> verified = candidates
        .join(sig.select(col("articleId"), col("hashes").as("h1")), "articleId")
        .join(sig.select(col("articleId").as("canon"), col("pubDate").as("canonDate"), col("hashes").as("h2")),
            "canon")
        .filter(org.apache.spark.sql.functions.udf(
            (org.apache.spark.sql.api.java.UDF2<scala.collection.immutable.Seq<Integer>,
                scala.collection.immutable.Seq<Integer>, Boolean>) (a, b) -> MinHash.similarity(a, b) >= threshold,
            org.apache.spark.sql.types.DataTypes.BooleanType).apply(col("h1"), col("h2")))
        .groupBy("articleId")
        .agg(min(struct(col("canonDate"), col("canon"))).as("best"))
        .select(col("articleId").as("nearId"), col("best.canon").as("nearDupOf"))
        // The verdicts (one row per near copy) are materialised now so that the signatures, which only they need,
        // can be released; left cached they (and the broadcast in their plan) stayed in memory for the whole JVM.
        .localCheckpoint(true);
    signatures.unpersist();

    return marked.join(broadcast(verified), col("articleId").equalTo(col("nearId")), "left")
        .withColumn("dupOf", coalesce(col("dupOf"), col("nearDupOf")))
        .drop("nearId", "nearDupOf")
        .as(Article.ENCODER);
  }

  private static Iterator<BandKey> bandKeys(Signature s, int bands, int rows) {
    List<BandKey> out = new ArrayList<>(bands);
    int[] h = s.hashesArray();
    for (int b = 0; b < bands; b++) {
      long key = b;
      for (int r = 0; r < rows; r++) {
        key = key * 0x9E3779B97F4A7C15L + h[b * rows + r];
      }
      out.add(new BandKey(key, s.getArticleId(), s.getPubDate()));
    }
    return out.iterator();
  }

  /** An article's MinHash signature. */
  public static class Signature implements Serializable {
    static final org.apache.spark.sql.Encoder<Signature> ENCODER = Encoders.bean(Signature.class);
    private String articleId;
    private java.time.LocalDate pubDate;
    private List<Integer> hashes;

    public Signature() {}

    Signature(String articleId, java.time.LocalDate pubDate, int[] hashes) {
      this.articleId = articleId;
      this.pubDate = pubDate;
      this.hashes = new ArrayList<>(hashes.length);
      for (int h : hashes) {
        this.hashes.add(h);
      }
    }

    int[] hashesArray() {
      return hashes.stream().mapToInt(Integer::intValue).toArray();
    }

    public String getArticleId() { return articleId; }
    public void setArticleId(String v) { articleId = v; }
    public java.time.LocalDate getPubDate() { return pubDate; }
    public void setPubDate(java.time.LocalDate v) { pubDate = v; }
    public List<Integer> getHashes() { return hashes; }
    public void setHashes(List<Integer> v) { hashes = v; }
  }

  /** One LSH band of one article. */
  public static class BandKey implements Serializable {
    static final org.apache.spark.sql.Encoder<BandKey> ENCODER = Encoders.bean(BandKey.class);
    /** The band's index and values hashed together (64 bits: a chance collision is negligible). */
    private long band;
    private String articleId;
    private java.time.LocalDate pubDate;

    public BandKey() {}

    BandKey(long band, String articleId, java.time.LocalDate pubDate) {
      this.band = band;
      this.articleId = articleId;
      this.pubDate = pubDate;
    }

    public long getBand() { return band; }
    public void setBand(long v) { band = v; }
    public String getArticleId() { return articleId; }
    public void setArticleId(String v) { articleId = v; }
    public java.time.LocalDate getPubDate() { return pubDate; }
    public void setPubDate(java.time.LocalDate v) { pubDate = v; }
  }
}
