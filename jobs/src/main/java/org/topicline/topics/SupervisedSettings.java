package org.topicline.topics;

import java.util.List;
import org.topicline.conf.ConfException;
import org.topicline.conf.TopiclineConf;

/**
 * {@code topicline.train.supervised-*}: features and regularisation of {@code train --labels}. Every bad value
 * names its full key.
 */
public record SupervisedSettings(int maxCharNgram, int minDocFreq, List<Double> regParams, double validationFraction,
    int maxIter) implements java.io.Serializable {
  public static final String MAX_CHAR_NGRAM = "train.supervised-max-char-ngram";
  public static final String MIN_DOC_FREQ = "train.supervised-min-doc-freq";
  public static final String REG_PARAMS = "train.supervised-reg-params";
  public static final String VALIDATION_FRACTION = "train.supervised-validation-fraction";
  public static final String MAX_ITER = "train.supervised-max-iter";

  public SupervisedSettings {
    regParams = List.copyOf(regParams);
  }

  public static SupervisedSettings from(TopiclineConf conf) {
    List<Double> regParams;
    try {
      regParams = conf.getStringList(REG_PARAMS).stream().map(Double::parseDouble).toList();
    } catch (NumberFormatException e) {
      throw new ConfException(TopiclineConf.fullKey(REG_PARAMS), "must be a list of numbers" + conf.where(REG_PARAMS));
    }
    if (regParams.isEmpty() || regParams.stream().anyMatch(r -> !(r >= 0 && r <= 100))) {
      throw new ConfException(TopiclineConf.fullKey(REG_PARAMS),
          "must list at least one value in [0, 100], was " + regParams + conf.where(REG_PARAMS));
    }
    return new SupervisedSettings(
        conf.getInt(MAX_CHAR_NGRAM, 0, 5),
        conf.getInt(MIN_DOC_FREQ, 1, 1_000_000),
        regParams,
        conf.getDouble(VALIDATION_FRACTION, 0.05, 0.5),
        conf.getInt(MAX_ITER, 1, 10_000));
  }
}
