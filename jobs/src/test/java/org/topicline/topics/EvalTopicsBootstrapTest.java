package org.topicline.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topicline.topics.EvalTopicsJob.Interval;
import org.topicline.topics.EvalTopicsJob.Outcome;
import org.topicline.topics.EvalTopicsJob.Uncertainty;

/** The bootstrap intervals eval-topics prints beside its figures. */
class EvalTopicsBootstrapTest {
  private static final long SEED = 7;

  /**
   * {@code n} items of one topic: {@code positives} hand positives, of which the model finds {@code modelFinds} and
   * the rules {@code rulesFind}; {@code modelFalse} negatives the model labels anyway.
   */
  private static List<Outcome[]> items(int n, int positives, int modelFinds, int rulesFind, int modelFalse) {
    List<Outcome[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean gold = i < positives;
      boolean model = gold ? i < modelFinds : i - positives < modelFalse;
      boolean rule = gold && i < rulesFind;
      rows.add(new Outcome[] {new Outcome(gold, model, rule)});
    }
    return rows;
  }

  private static Uncertainty bootstrap(List<Outcome[]> rows, int topics, Interval[] f1) {
    return EvalTopicsJob.bootstrap(rows, topics, 500, SEED, f1);
  }

  @Test
  void aPerfectModelHasNoUncertaintyAndItsGainOverWeakerRulesIsPositive() {
    Interval[] f1 = new Interval[1];
    Uncertainty u = bootstrap(items(100, 20, 20, 10, 0), 1, f1);
    assertEquals(new Interval(1, 1), u.macroF1());
    assertEquals(new Interval(1, 1), f1[0]);
    // Rules F1 2/3 on the whole set; every resample keeps the model ahead.
    assertTrue(u.gainOverRules().low() > 0, u.toString());
    assertTrue(u.gainOverRules().high() <= 1, u.toString());
  }

  @Test
  void theGainIsPairedSoAModelEqualToTheRulesGainsExactlyNothing() {
    List<Outcome[]> rows = new ArrayList<>();
    for (Outcome[] r : items(60, 15, 9, 0, 4)) {
      rows.add(new Outcome[] {new Outcome(r[0].gold(), r[0].model(), r[0].model())});
    }
    Uncertainty u = bootstrap(rows, 1, new Interval[1]);
    assertEquals(new Interval(0, 0), u.gainOverRules());
    assertTrue(u.macroF1().low() < u.macroF1().high(), "an imperfect model varies over resamples: " + u);
  }

  @Test
  void theIntervalHoldsThePointFigureAndNarrowsWithMoreItems() {
    List<Outcome[]> small = items(80, 20, 14, 10, 5);
    List<Outcome[]> large = new ArrayList<>();
    for (int copy = 0; copy < 16; copy++) {
      large.addAll(small);
    }
    double point = EvalTopicsJob.scores(small, 1, java.util.stream.IntStream.range(0, 80).toArray()).macroF1();
    Interval a = bootstrap(small, 1, new Interval[1]).macroF1();
    Interval b = bootstrap(large, 1, new Interval[1]).macroF1();
    assertTrue(a.low() < point && point < a.high(), a + " around " + point);
    assertTrue(b.low() < point && point < b.high(), b + " around " + point);
    assertTrue(b.high() - b.low() < (a.high() - a.low()) / 2, "16 times the items: " + b + " against " + a);
  }

  @Test
  void theSameSeedGivesTheSameIntervals() {
    List<Outcome[]> rows = items(80, 20, 14, 10, 5);
    assertEquals(bootstrap(rows, 1, new Interval[1]), bootstrap(rows, 1, new Interval[1]));
  }

  @Test
  void aTopicNoItemLabelsHasNoIntervalAndStaysOutOfTheMacroF1() {
    List<Outcome[]> rows = new ArrayList<>();
    for (Outcome[] r : items(50, 10, 10, 10, 0)) {
      rows.add(new Outcome[] {r[0], null});
    }
    Interval[] f1 = new Interval[2];
    Uncertainty u = bootstrap(rows, 2, f1);
    assertNull(f1[1]);
    assertEquals(new Interval(1, 1), u.macroF1(), "the unlabelled topic does not count as 0 or 1");
  }

  @Test
  void noItemsGiveNoIntervals() {
    Interval[] f1 = new Interval[1];
    Uncertainty u = bootstrap(List.of(), 1, f1);
    assertNull(u.macroF1());
    assertNull(u.gainOverRules());
    assertNull(f1[0]);
  }
}
