package org.topicline.topics;

import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.topicline.text.ArticleTokens;
import org.topicline.text.HanLPTokenizer;
import org.topicline.text.TextAnalyzer;

/**
 * The feature stages every topic model shares: the headline (kicker, title, subtitle) and the body are segmented
 * separately ({@link HanLPTokenizer}, which keeps tokens stored in {@code article_tokens}), then
 * {@link TopicVectorizer} turns each into an L2-normalised TF-IDF block (the body optionally with word bigrams) and
 * joins them, so a term in the headline gets its own, larger weight.
 */
public final class TopicFeatures {
  public static final String HEADLINE = "tl_headline";
  public static final String HEADLINE_TOKENS = "tl_headline_tokens";
  public static final String BODY_TOKENS = "tl_body_tokens";
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

  /** The headline column and both token columns: transformers only, the same at training and scoring. */
  public static PipelineModel tokenizers(TextAnalyzer analyzer) {
    SQLTransformer headline = new SQLTransformer().setStatement("SELECT *, concat_ws(' ', kicker, title, subtitle) AS "
        + HEADLINE + " FROM __THIS__");
    HanLPTokenizer headlineTokens = HanLPTokenizer.of(analyzer).setInputCol(HEADLINE).setOutputCol(HEADLINE_TOKENS);
    HanLPTokenizer bodyTokens = HanLPTokenizer.of(analyzer).setInputCol("body").setOutputCol(BODY_TOKENS);
    return new PipelineModel("tl_tokenizers", new Transformer[] {headline, headlineTokens, bodyTokens});
  }

  /** The TF-IDF stage, to be fitted on the training split's tokens. */
  public static TopicVectorizer vectorizer(TopicSettings.TrainSettings s) {
    // The headline's vocabulary is a quarter of the body's: headlines are a few words each.
    return new TopicVectorizer().setHeadlineCol(HEADLINE_TOKENS).setBodyCol(BODY_TOKENS).setOutputCol(FEATURES)
        .setHeadlineVocabSize(Math.max(1, s.vocabSize() / 4)).setBodyVocabSize(s.vocabSize())
        .setMinDocFreq(s.minDocFreq()).setBodyBigrams(s.bigrams());
  }
}
