package org.topicline.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.topicline.io.JobResult;

/**
 * Measures summaries against human references with character ROUGE, side by side with two baselines computed in
 * the same run on the same items and budget: Lead (the first sentences) and HanLP's TextRankSentence.
 *
 * <p>Steps: 1) read the reference sets (xwlb briefs through the ingest adapter, LCSTS part III) 2) summarise each
 * item with every method 3) average ROUGE-1/2/L F1 per set, subset and method.
 */
public final class EvalSummariesJob {
  public static final String OURS = "topicline";
  public static final String LEAD = "lead";
  public static final String HANLP = "hanlp-textrank";

  /**
   * @param xwlb folder of xwlb day files, or null to skip that set
   * @param xwlbEvery keep one xwlb item in this many (by a hash of its id)
   * @param lcsts the LCSTS PART_III.txt file, or null to skip that set
   * @param lcstsMinLabel keep LCSTS pairs with at least this human score
   * @param xwlbBudget character budget for xwlb summaries (every method)
   * @param lcstsBudget character budget for LCSTS summaries (every method)
   */
  public record Options(String xwlb, int xwlbEvery, String lcsts, int lcstsMinLabel, int xwlbBudget,
      int lcstsBudget, SummarySettings settings, SummaryTokenizers tokenizers) {}

  /** One line of the table: mean F1 over {@code items} items. */
  public record Line(String set, String subset, int items, int budget, String method, double rouge1, double rouge2,
      double rougeL, double meanChars) {}

  public record Result(List<Line> lines) implements JobResult {
    public Line line(String set, String subset, String method) {
      return lines.stream().filter(l -> l.set().equals(set) && l.subset().equals(subset)
          && l.method().equals(method)).findFirst().orElseThrow();
    }

    @Override
    public String summary() {
      StringBuilder b = new StringBuilder("Character ROUGE F1 against human summaries\n");
      b.append(String.format("%-6s %-13s %6s %6s %-15s %8s %8s %8s %8s%n",
          "set", "subset", "items", "budget", "method", "ROUGE-1", "ROUGE-2", "ROUGE-L", "chars"));
      for (Line l : lines) {
        b.append(String.format("%-6s %-13s %6d %6d %-15s %8.4f %8.4f %8.4f %8.1f%n", l.set(), l.subset(), l.items(),
            l.budget(), l.method(), l.rouge1(), l.rouge2(), l.rougeL(), l.meanChars()));
      }
      return b.toString();
    }
  }

  private EvalSummariesJob() {}

  public static Result run(SparkSession spark, Options o) {
    List<Line> lines = new ArrayList<>();
    try {
      if (o.xwlb() != null) {
        List<ReferenceSets.Item> items = ReferenceSets.xwlb(spark, o.xwlb(), o.xwlbEvery());
        List<ReferenceSets.Item> differ = items.stream().filter(i -> !ReferenceSets.briefIsTitle(i)).toList();
        List<ReferenceSets.Item> same = items.stream().filter(ReferenceSets::briefIsTitle).toList();
        List<ReferenceSets.Item> newWords = differ.stream().filter(i -> !ReferenceSets.briefHasTitleWords(i))
            .toList();
        lines.addAll(evaluate("xwlb", "brief!=title", differ, o.xwlbBudget(), o));
        lines.addAll(evaluate("xwlb", "brief==title", same, o.xwlbBudget(), o));
        // Briefs that differ from the title in words, not only punctuation: the most summary-like references.
        lines.addAll(evaluate("xwlb", "brief-words", newWords, o.xwlbBudget(), o));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (o.lcsts() != null) {
      List<ReferenceSets.Item> items = ReferenceSets.lcsts(spark, o.lcsts(), o.lcstsMinLabel());
      lines.addAll(evaluate("lcsts", "label>=" + o.lcstsMinLabel(), items, o.lcstsBudget(), o));
    }
    return new Result(lines);
  }

  static List<Line> evaluate(String set, String subset, List<ReferenceSets.Item> items, int budget, Options o) {
    ExtractiveSummarizer ours = new ExtractiveSummarizer(o.settings().withBudget(budget), o.tokenizers());
    Map<String, Function<ReferenceSets.Item, String>> methods = new java.util.LinkedHashMap<>();
    methods.put(OURS, i -> ours.summarize(i.title(), i.body()).summary());
    methods.put(LEAD, i -> ExtractiveSummarizer.lead(i.body(), budget));
    methods.put(HANLP, i -> HanLPSummaryBaseline.summary(i.body(), budget));
    List<Line> out = new ArrayList<>();
    for (Map.Entry<String, Function<ReferenceSets.Item, String>> m : methods.entrySet()) {
      // Scores are computed in parallel but summed in item order, so the figures do not depend on scheduling.
      List<double[]> per = items.parallelStream().map(i -> {
        String s = m.getValue().apply(i);
        Rouge.Scores r = Rouge.score(s, i.reference());
        return new double[] {r.rouge1(), r.rouge2(), r.rougeL(), s.codePointCount(0, s.length())};
      }).toList();
      double[] sum = new double[4];
      for (double[] p : per) {
        for (int k = 0; k < 4; k++) {
          sum[k] += p[k];
        }
      }
      int n = Math.max(1, items.size());
      out.add(new Line(set, subset, items.size(), budget, m.getKey(), sum[0] / n, sum[1] / n, sum[2] / n,
          sum[3] / n));
    }
    return out;
  }
}
