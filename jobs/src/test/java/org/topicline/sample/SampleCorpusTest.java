package org.topicline.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleCorpusTest {
  private static final SampleOptions THREE_YEARS = new SampleOptions(3, 2021, 12, 7L);
  private static List<SampleArticle> threeYears;

  @org.junit.jupiter.api.BeforeAll
  static void generateOnce() {
    threeYears = SampleCorpus.articles(THREE_YEARS).toList();
  }

  @Test
  void sameOptionsGiveTheSameArticles() {
    SampleOptions o = new SampleOptions(1, 2022, 5, 42L);
    assertEquals(SampleCorpus.articles(o).toList(), SampleCorpus.articles(o).toList());
    assertNotEquals(SampleCorpus.articles(o).limit(20).toList(),
        SampleCorpus.articles(new SampleOptions(1, 2022, 5, 43L)).limit(20).toList());
  }

  @Test
  void articlesCoverEveryDayInOrderWithUniqueIds() {
    List<SampleArticle> all = SampleCorpus.articles(new SampleOptions(1, 2021, 3, 1L)).toList();
    Set<LocalDate> days = all.stream().map(SampleArticle::date).collect(Collectors.toSet());
    assertEquals(365, days.size());
    for (int i = 1; i < all.size(); i++) {
      assertFalse(all.get(i).date().isBefore(all.get(i - 1).date()), "dates go back at " + all.get(i).id());
    }
    assertEquals(all.size(), all.stream().map(SampleArticle::id).distinct().count());
  }

  @Test
  void topicSharesRiseAndFallOverTheYears() {
    Map<Integer, Map<String, Double>> share = new HashMap<>();
    Map<Integer, Integer> perYear = new HashMap<>();
    threeYears.forEach(a -> {
      int y = a.date().getYear();
      perYear.merge(y, 1, Integer::sum);
      a.topics().forEach(t -> share.computeIfAbsent(y, k -> new HashMap<>()).merge(t, 1.0, Double::sum));
    });
    share.forEach((y, m) -> m.replaceAll((t, n) -> n / perYear.get(y)));
    String party = SampleCorpus.PARTY_STUDY;
    String hydrogen = SampleCorpus.HYDROGEN_ENERGY;
    String gov = SampleCorpus.DIGITAL_GOVERNMENT;
    assertTrue(share.get(2021).get(party) > 1.5 * share.get(2023).get(party), "party study peaks first: " + share);
    assertTrue(share.get(2023).get(hydrogen) > 1.5 * share.get(2021).get(hydrogen), "hydrogen grows: " + share);
    assertTrue(share.get(2022).get(gov) > 1.2 * share.get(2021).get(gov)
        && share.get(2022).get(gov) > 1.2 * share.get(2023).get(gov), "digital government bumps mid-way: " + share);
  }

  @Test
  void everySubjectFillsItsTemplatesCompletely() {
    PhraseBank bank = PhraseBank.standard();
    SplittableRandom r = new SplittableRandom(3);
    for (PhraseBank.Subject s : bank.subjects().values()) {
      for (int i = 0; i < 48; i++) {
        SampleArticle a = SampleCorpus.compose(bank, s, r.split(), LocalDate.of(2022, 1 + i % 12, 4), "x");
        String all = String.join("|", a.title(), a.brief(), a.body(), String.valueOf(a.kicker()),
            String.valueOf(a.byline()));
        assertFalse(all.contains("{") || all.contains("}"), s.key() + " left a placeholder: " + all);
        int len = a.body().length();
        assertTrue(len >= SampleCorpus.MIN_BODY_CHARS && len <= SampleCorpus.MAX_BODY_CHARS,
            s.key() + " body of " + len + " chars: " + a.body());
        assertTrue(a.paragraphs().size() >= 2, s.key() + " has one paragraph");
        assertFalse(a.brief().isBlank());
        assertTrue(SampleCorpus.TOPICS.containsAll(a.topics()));
      }
    }
  }

  @Test
  void hardNegativesHaveNoTopicButMentionTheTopicWords() {
    PhraseBank bank = PhraseBank.standard();
    assertEquals(List.of(), bank.subject("neg_hydrogen_list").topics());
    assertEquals(List.of(), bank.subject("neg_party_opening_economy").topics());
    assertTrue(bank.pool(bank.subject("neg_hydrogen_list"), "lead", 5).stream().allMatch(l -> l.contains("氢能")));
    assertTrue(bank.pool(bank.subject("neg_hydrogen_science"), "lead", 5).stream().anyMatch(l -> l.contains("氢弹")));
    assertEquals(List.of(SampleCorpus.DIGITAL_GOVERNMENT, SampleCorpus.PARTY_STUDY),
        bank.subject("party_digital_government").topics());
  }

  @Test
  void reprintsRepeatAnEarlierArticleFromAnotherOutletDaysLater() {
    Map<String, SampleArticle> byId = new HashMap<>();
    int reprints = 0;
    for (SampleArticle a : threeYears) {
      byId.put(a.id(), a);
      if (a.reprintOf() == null) {
        continue;
      }
      reprints++;
      SampleArticle original = byId.get(a.reprintOf());
      assertNotNull(original, a.id() + " reprints an article not seen before it");
      assertNotEquals(original.source(), a.source());
      assertTrue(a.date().isAfter(original.date()) && !a.date().isAfter(original.date().plusDays(6)));
      assertEquals(original.topics(), a.topics());
      assertTrue(a.body().startsWith(original.body()), "a reprint only adds a source line");
    }
    assertTrue(reprints > 50 && reprints < 600, reprints + " reprints");
  }

  @Test
  void bodiesAreVaried() {
    List<SampleArticle> all = SampleCorpus.articles(new SampleOptions(1, 2021, 12, 5L)).toList();
    Set<String> bodies = new HashSet<>();
    all.stream().filter(a -> a.reprintOf() == null).forEach(a -> bodies.add(a.body()));
    assertEquals(all.stream().filter(a -> a.reprintOf() == null).count(), bodies.size(), "identical bodies");
  }

  @Test
  void badOptionsNameTheirFlag() {
    var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new SampleOptions(0, 2021, 12, 1L));
    assertTrue(e.getMessage().contains("--years"));
  }
}
