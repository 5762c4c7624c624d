package org.topicline.trends;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.topicline.conf.ConfException;
import org.topicline.conf.TopiclineConf;

/**
 * The {@code topicline.trends} section: which granularities to count, the moving-average window, the burst rule and
 * the rising-terms ranking.
 *
 * @param granularities periods to count trends in
 * @param movingAverage periods in the trailing moving average of share (current period included), per granularity
 * @param burstLookback how many previous periods form the "recent level" of the burst rule
 * @param burstSigmas how many standard deviations above the recent mean a share must be to be a burst
 * @param burstMinCount the fewest topic articles a burst period must have (one story in a thin period is no burst)
 * @param termsTop how many terms to keep per topic and month
 * @param termsPriorStrength total pseudo-count of the informative Dirichlet prior (the topic's whole history)
 * @param termsMinArticles the fewest topic articles of the month a term must occur in to be ranked
 * @param termsMinZ the least z a term needs to be called rising: 1.96, the 5 % two-sided level Monroe et al. read
 *     their z-scores at, keeps a thin month's everyday words (推进, 工作) from filling its list
 */
public record TrendsSettings(List<Granularity> granularities, Map<Granularity, Integer> movingAverage,
    int burstLookback, double burstSigmas, int burstMinCount, int termsTop, double termsPriorStrength,
    int termsMinArticles, double termsMinZ) implements Serializable {

  public static final String SECTION = "trends";

  public static TrendsSettings from(TopiclineConf conf) {
    List<Granularity> granularities = new ArrayList<>();
    for (String g : conf.getStringList(SECTION + ".granularities")) {
      Granularity parsed;
      try {
        parsed = Granularity.parse(g);
      } catch (IllegalArgumentException e) {
        throw new ConfException(TopiclineConf.fullKey(SECTION + ".granularities"),
            "unknown granularity '" + g + "' (day, week, month, quarter, year)"
                + conf.where(SECTION + ".granularities"));
      }
      if (granularities.contains(parsed)) {
        // Each entry is counted on its own and the counts unioned: a repeated one would double its counts.
        throw new ConfException(TopiclineConf.fullKey(SECTION + ".granularities"),
            "names " + parsed.label() + " twice" + conf.where(SECTION + ".granularities"));
      }
      granularities.add(parsed);
    }
    if (granularities.isEmpty()) {
      throw new ConfException(TopiclineConf.fullKey(SECTION + ".granularities"), "must name at least one granularity");
    }
    Map<Granularity, Integer> window = new EnumMap<>(Granularity.class);
    for (Granularity g : Granularity.values()) {
      window.put(g, conf.getInt(SECTION + ".moving-average." + g.label(), 1, 1000));
    }
    return new TrendsSettings(List.copyOf(granularities), window,
        conf.getInt(SECTION + ".burst.lookback", 2, 1000),
        conf.getDouble(SECTION + ".burst.sigmas", 0.0, 100.0),
        conf.getInt(SECTION + ".burst.min-count", 0, Integer.MAX_VALUE),
        conf.getInt(SECTION + ".terms.top", 1, 1000),
        conf.getDouble(SECTION + ".terms.prior-strength", 0.001, 1e12),
        conf.getInt(SECTION + ".terms.min-articles", 1, Integer.MAX_VALUE),
        conf.getDouble(SECTION + ".terms.min-z", 0.0, 100.0));
  }
}
