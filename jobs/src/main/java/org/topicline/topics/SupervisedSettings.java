package org.topicline.topics;

import java.util.List;
import org.topicline.conf.ConfException;
import org.topicline.conf.TopiclineConf;

/**
 * {@code topicline.train.supervised-*}: features, classifiers and regularisation of {@code train --labels}. Every
 * bad value names its full key.
 */
public record SupervisedSettings(int maxCharNgram, boolean blockNorms, boolean binaryTf, int minDocFreq, int vocabSize,
    List<Double> regParams, List<Double> svcRegParams, List<Double> squaredHingeRegParams, int neighbours,
    double neighbourWeight, double validationFraction, int validationFolds, int maxIter)
    implements java.io.Serializable {
  public static final String MAX_CHAR_NGRAM = "train.supervised-max-char-ngram";
  public static final String BLOCK_NORMS = "train.supervised-block-norms";
  public static final String BINARY_TF = "train.supervised-binary-tf";
  public static final String MIN_DOC_FREQ = "train.supervised-min-doc-freq";
  public static final String VOCAB_SIZE = "train.supervised-vocab-size";
  public static final String REG_PARAMS = "train.supervised-reg-params";
  public static final String SVC_REG_PARAMS = "train.supervised-svc-reg-params";
  public static final String SQUARED_HINGE_REG_PARAMS = "train.supervised-squared-hinge-reg-params";
  public static final String NEIGHBOURS = "train.supervised-neighbours";
  public static final String NEIGHBOUR_WEIGHT = "train.supervised-neighbour-weight";
  public static final String VALIDATION_FRACTION = "train.supervised-validation-fraction";
  public static final String VALIDATION_FOLDS = "train.supervised-validation-folds";
  public static final String MAX_ITER = "train.supervised-max-iter";

  public SupervisedSettings {
    regParams = List.copyOf(regParams);
    svcRegParams = List.copyOf(svcRegParams);
    squaredHingeRegParams = List.copyOf(squaredHingeRegParams);
  }

  public static SupervisedSettings from(TopiclineConf conf) {
    List<Double> regParams = regParams(conf, REG_PARAMS);
    List<Double> svcRegParams = regParams(conf, SVC_REG_PARAMS);
    List<Double> squaredHingeRegParams = regParams(conf, SQUARED_HINGE_REG_PARAMS);
    if (regParams.isEmpty() && svcRegParams.isEmpty() && squaredHingeRegParams.isEmpty()) {
      throw new ConfException(TopiclineConf.fullKey(REG_PARAMS),
          "must list at least one value when " + TopiclineConf.fullKey(SVC_REG_PARAMS) + " and "
              + TopiclineConf.fullKey(SQUARED_HINGE_REG_PARAMS) + " are empty" + conf.where(REG_PARAMS));
    }
    return new SupervisedSettings(
        conf.getInt(MAX_CHAR_NGRAM, 0, 5),
        conf.getBoolean(BLOCK_NORMS),
        conf.getBoolean(BINARY_TF),
        conf.getInt(MIN_DOC_FREQ, 1, 1_000_000),
        conf.getInt(VOCAB_SIZE, 1, Integer.MAX_VALUE),
        regParams,
        svcRegParams,
        squaredHingeRegParams,
        conf.getInt(NEIGHBOURS, 1, 1000),
        conf.getDouble(NEIGHBOUR_WEIGHT, 0, 100),
        conf.getDouble(VALIDATION_FRACTION, 0.05, 0.5),
        conf.getInt(VALIDATION_FOLDS, 1, 20),
        conf.getInt(MAX_ITER, 1, 10_000));
  }

  private static List<Double> regParams(TopiclineConf conf, String key) {
    List<Double> values;
    try {
      values = conf.getStringList(key).stream().map(Double::parseDouble).toList();
    } catch (NumberFormatException e) {
      throw new ConfException(TopiclineConf.fullKey(key), "must be a list of numbers" + conf.where(key));
    }
    if (values.stream().anyMatch(r -> !(r >= 0 && r <= 100))) {
      throw new ConfException(TopiclineConf.fullKey(key), "must list values in [0, 100], was " + values
          + conf.where(key));
    }
    return values;
  }
}
