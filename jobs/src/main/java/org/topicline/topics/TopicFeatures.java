package org.topicline.topics;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.VectorAssembler;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.topicline.text.ArticleTokens;
import org.topicline.text.HanLPTokenizer;
import org.topicline.text.TextAnalyzer;

/**
 * The feature stages every topic model shares: the headline (kicker, title, subtitle) and the body are segmented
 * separately, each becomes an L2-normalised TF-IDF vector (the body with word bigrams), and the two are joined, so
 * a term in the headline gets its own, larger weight.
 */
public final class TopicFeatures {
  public static final String HEADLINE = "tl_headline";
  public static final String HEADLINE_TOKENS = "tl_headline_tokens";
  public static final String BODY_TOKENS = "tl_body_tokens";
  public static final String BODY_BIGRAMS = "tl_body_bigrams";
  public static final String BODY_TERMS = "tl_body_terms";
  public static final String FEATURES = "tl_features";
  /** Prefix of headline terms in evidence, to tell them from the same word in the body. */
  public static final String TITLE_PREFIX = "title:";

  private TopicFeatures() {}

  /**
   * {@code articles} with the headline and body tokens {@code article_tokens} holds for them from {@code analyzer}
   * (null where it holds none): the tokeniser stages keep them and segment only the rest, so the features are the
   * same either way.
   */
  public static Dataset<Row> withStoredTokens(SparkSession spark, String output, Dataset<Row> articles,
      TextAnalyzer analyzer) {
    return ArticleTokens.attach(spark, output, articles, analyzer,
        Map.of(ArticleTokens.HEADLINE, HEADLINE_TOKENS, ArticleTokens.BODY, BODY_TOKENS));
  }

  public static Pipeline pipeline(TextAnalyzer analyzer, TopicSettings.TrainSettings s) {
    SQLTransformer headline = new SQLTransformer().setStatement("SELECT *, concat_ws(' ', kicker, title, subtitle) AS "
        + HEADLINE + " FROM __THIS__");
    HanLPTokenizer headlineTokens = HanLPTokenizer.of(analyzer).setInputCol(HEADLINE).setOutputCol(HEADLINE_TOKENS);
    HanLPTokenizer bodyTokens = HanLPTokenizer.of(analyzer).setInputCol("body").setOutputCol(BODY_TOKENS);
    PipelineStage[] body;
    String bodyTerms = BODY_TOKENS;
    if (s.bigrams()) {
      NGram bigrams = new NGram().setN(2).setInputCol(BODY_TOKENS).setOutputCol(BODY_BIGRAMS);
      SQLTransformer concat = new SQLTransformer().setStatement("SELECT *, concat(" + BODY_TOKENS + ", "
          + BODY_BIGRAMS + ") AS " + BODY_TERMS + " FROM __THIS__");
      body = new PipelineStage[] {bodyTokens, bigrams, concat};
      bodyTerms = BODY_TERMS;
    } else {
      body = new PipelineStage[] {bodyTokens};
    }
    CountVectorizer headlineTf = new CountVectorizer().setInputCol(HEADLINE_TOKENS).setOutputCol("tl_headline_tf")
        .setVocabSize(s.vocabSize() / 4).setMinDF(s.minDocFreq());
    IDF headlineIdf = new IDF().setInputCol("tl_headline_tf").setOutputCol("tl_headline_tfidf");
    Normalizer headlineNorm = new Normalizer().setInputCol("tl_headline_tfidf").setOutputCol("tl_headline_vec");
    CountVectorizer bodyTf = new CountVectorizer().setInputCol(bodyTerms).setOutputCol("tl_body_tf")
        .setVocabSize(s.vocabSize()).setMinDF(s.minDocFreq());
    IDF bodyIdf = new IDF().setInputCol("tl_body_tf").setOutputCol("tl_body_tfidf");
    Normalizer bodyNorm = new Normalizer().setInputCol("tl_body_tfidf").setOutputCol("tl_body_vec");
    VectorAssembler assemble = new VectorAssembler().setInputCols(new String[] {"tl_headline_vec", "tl_body_vec"})
        .setOutputCol(FEATURES);
    java.util.List<PipelineStage> stages = new java.util.ArrayList<>();
    stages.add(headline);
    stages.add(headlineTokens);
    stages.addAll(java.util.List.of(body));
    stages.addAll(java.util.List.of(headlineTf, headlineIdf, headlineNorm, bodyTf, bodyIdf, bodyNorm, assemble));
    return new Pipeline().setStages(stages.toArray(PipelineStage[]::new));
  }
}
