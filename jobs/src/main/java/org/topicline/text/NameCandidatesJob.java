package org.topicline.text;

import com.hankcs.hanlp.corpus.dictionary.item.EnumItem;
import com.hankcs.hanlp.corpus.tag.NR;
import com.hankcs.hanlp.dictionary.nr.PersonDictionary;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.topicline.io.DataPaths;
import org.topicline.io.HashShare;
import org.topicline.io.JobResult;
import org.topicline.io.TableIO;
import org.topicline.io.Tables;
import scala.Tuple2;

/**
 * {@code topicline propose-names}: person names the conf's analyzer splits, for a person-name dictionary.
 *
 * <p>With HanLP's name recognition off (the default, for speed), a name no dictionary holds falls into characters
 * (李强 -> 李 / 强) and keywords and topic terms lose it. HanLP's recogniser finds such names but also tags fragments
 * (党和 in 党和国家), and a name forced into the word net can take a word apart where the same characters are not
 * the name (何维 in 如何维护). So this proposes and measures; a person decides:
 * 1) segment every article (or a sample) with the recogniser on, and count the person names of at least two
 * characters that the conf's analyzer does not keep whole (Chinese ones only when they open with a surname)
 * 2) for the most frequent, find every place the string occurs: the share the recogniser took for a name (low for a
 * fragment), and the share where the conf's analyzer puts one of its characters into a word with characters outside
 * it (what a forced entry would take apart: 何维 in 如何维护; a real name crosses a few times, 李强将 -> 李 强将).
 */
public final class NameCandidatesJob {
  public static final String COMMAND = "propose-names";

  /**
   * @param analyzer the conf's analyzer: what the names are checked against and what the recogniser adds to
   * @param minCount names the recogniser finds fewer times are not proposed
   * @param limit at most this many names, most frequent first
   * @param fraction share of the articles read (1: all)
   */
  public record Options(String output, TextAnalyzer analyzer, int minCount, int limit, double fraction) {
    public Options {
      if (output == null || output.isBlank()) {
        throw new IllegalArgumentException("--output is needed");
      }
      if (minCount < 1) {
        throw new IllegalArgumentException("--min-count must be at least 1, was " + minCount);
      }
      if (limit < 1) {
        throw new IllegalArgumentException("--limit must be at least 1, was " + limit);
      }
      if (!(fraction > 0 && fraction <= 1)) {
        throw new IllegalArgumentException("--fraction must be in (0, 1], was " + fraction);
      }
    }
  }

  /**
   * One proposed name.
   *
   * @param recognised times the recogniser tagged it as a person name
   * @param occurrences times the string occurs in the texts read
   * @param crossing occurrences where the conf's analyzer joins one of its characters with a character outside it
   */
  public record Candidate(String name, long recognised, long occurrences, long crossing) {
    /** Share of the string's occurrences the recogniser took for a name: low for fragments such as 党和 (党和国家). */
    public double recognisedShare() {
      return occurrences == 0 ? 0 : Math.min(1, (double) recognised / occurrences);
    }

    public double crossingShare() {
      return occurrences == 0 ? 0 : (double) crossing / occurrences;
    }
  }

  public record Result(long articles, List<Candidate> candidates) implements JobResult {
    @Override
    public String summary() {
      StringBuilder b = new StringBuilder(String.format(
          "propose-names: %,d articles read; person names the analyzer splits, most often recognised first%n"
              + "(as name: share of the string's occurrences the recogniser took for a name, low for fragments"
              + " such as 党和;%n crossing: share where the analyzer joins one of its characters with one outside"
              + " it, what a forced entry would take apart)%n",
          articles));
      b.append(String.format("%-12s %10s %11s %9s %9s%n", "name", "recognised", "occurrences", "as name",
          "crossing"));
      for (Candidate c : candidates) {
        b.append(String.format("%-12s %10d %11d %8.1f%% %8.1f%%%n", c.name(), c.recognised(), c.occurrences(),
            100 * c.recognisedShare(), 100 * c.crossingShare()));
      }
      return b.toString();
    }
  }

  private NameCandidatesJob() {}

  public static Result run(SparkSession spark, Options o) {
    String output = DataPaths.normalise(o.output());
    if (!TableIO.exists(spark, output, Tables.ARTICLES)) {
      throw new IllegalStateException("no " + Tables.ARTICLES + " table under " + output + ": run ingest first");
    }
    TextAnalyzer a = o.analyzer();
    // Stop words left in, so that a stop word straddling a name counts as crossing it.
    TextAnalyzer plain = new TextAnalyzer(a.segmenter(), a.nameRecognition(), a.bundledDictionary(),
        a.dictionaryWords(), List.of());
    // The recogniser works best with HanLP's bundled name dictionaries; the conf's words stay whole in it too.
    TextAnalyzer recogniser = new TextAnalyzer(a.segmenter(), true, true, a.dictionaryWords(), List.of());
    Dataset<String> texts = texts(TableIO.read(spark, output, Tables.ARTICLES), o.fraction()).cache();
    try {
      long articles = texts.count();
      // Whether the analyzer keeps a name whole is asked once per distinct name, after counting, not at every
      // occurrence; the limit is applied before the collect so only the proposed names reach the driver.
      List<Row> counted = texts.flatMap(new RecognisedNames(recogniser), Encoders.STRING())
          .groupBy("value").count()
          .where(functions.col("count").geq(o.minCount()))
          .filter(new SplitBy(plain))
          .orderBy(functions.col("count").desc(), functions.col("value"))
          .limit(o.limit())
          .collectAsList();
      List<String> names = counted.stream().map(r -> r.getString(0)).toList();
      Map<String, long[]> places = new java.util.HashMap<>();
      for (Row r : texts.flatMap(new Occurrences(plain, names),
          Encoders.tuple(Encoders.STRING(), Encoders.LONG())).toDF("name", "crossing")
          .groupBy("name").agg(functions.count("*"), functions.sum("crossing")).collectAsList()) {
        places.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
      }
      List<Candidate> out = new ArrayList<>();
      for (Row r : counted) {
        long[] p = places.getOrDefault(r.getString(0), new long[2]);
        out.add(new Candidate(r.getString(0), r.getLong(1), p[0], p[1]));
      }
      return new Result(articles, out);
    } finally {
      texts.unpersist();
    }
  }

  /** Headline and body of each article in one string. */
  static Dataset<String> texts(Dataset<Row> articles, double fraction) {
    Dataset<Row> read = fraction < 1 ? articles.filter(HashShare.of(fraction, functions.col("article_id"))) : articles;
    return read.select(functions.concat_ws("\n", functions.col("kicker"), functions.col("title"),
        functions.col("subtitle"), functions.col("body"))).as(Encoders.STRING());
  }

  /** The recogniser's person names of at least two Han characters (Chinese ones opening with a surname). */
  private record RecognisedNames(TextAnalyzer recogniser) implements FlatMapFunction<String, String> {
    @Override
    public Iterator<String> call(String text) {
      List<String> out = new ArrayList<>();
      for (Term t : recogniser.terms(text)) {
        String w = t.word();
        // nrf: a transliterated name; nr and the rest: a Chinese name, which opens with a surname (the recogniser
        // also tags fragments such as 国和 or 小微 nr).
        boolean transliterated = t.pos().equals("nrf");
        if (t.pos().startsWith("nr") && w.length() >= 2 && isHan(w)
            && (transliterated || isSurname(w.charAt(0)))) {
          out.add(w);
        }
      }
      return out.iterator();
    }
  }

  /** Whether the analyzer splits the name of a counted row, which it must for the name to be proposed. */
  private record SplitBy(TextAnalyzer analyzer) implements FilterFunction<Row> {
    @Override
    public boolean call(Row counted) {
      return analyzer.tokens(counted.getString(0)).size() != 1;
    }
  }

  /** Every occurrence of every name: (name, 1 when the analyzer joins a character of it with one outside). */
  private record Occurrences(TextAnalyzer analyzer, List<String> names)
      implements FlatMapFunction<String, Tuple2<String, Long>> {
    @Override
    public Iterator<Tuple2<String, Long>> call(String text) {
      String norm = TextAnalyzer.normalise(text);
      List<Tuple2<String, Long>> out = new ArrayList<>();
      for (String name : names) {
        for (int i = norm.indexOf(name); i >= 0; i = norm.indexOf(name, i + 1)) {
          out.add(new Tuple2<>(name, crosses(analyzer, norm, i, name.length()) ? 1L : 0L));
        }
      }
      return out.iterator();
    }
  }

  /**
   * Whether the analyzer, segmenting a few characters either side of [start, start + length), makes a word that
   * straddles either edge of that span.
   */
  static boolean crosses(TextAnalyzer analyzer, String text, int start, int length) {
    int from = Math.max(0, start - 4);
    int end = start + length;
    String window = text.substring(from, Math.min(text.length(), end + 4));
    int s = start - from;
    int e = end - from;
    for (Term t : analyzer.terms(window)) {
      int a = t.offset();
      int b = a + t.word().length();
      if ((a < s && b > s) || (a < e && b > e)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether HanLP's person-name dictionary sees the character as a surname in most of its uses (李, 王, 栗: yes;
   * 国, 小, 世: no). Some fragments still pass (党 is a surname too), hence the measures beside each name.
   */
  static boolean isSurname(char c) {
    EnumItem<NR> item = PersonDictionary.dictionary.get(String.valueOf(c));
    if (item == null) {
      return false;
    }
    int all = item.labelMap.values().stream().mapToInt(Integer::intValue).sum();
    return 2L * item.getFrequency(NR.B) >= all;
  }

  private static boolean isHan(String w) {
    return w.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }
}
