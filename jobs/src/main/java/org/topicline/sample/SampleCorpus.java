package org.topicline.sample;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The generated demo corpus: daily articles over whole years, in date order, each a pure function of the options and
 * its day (one random stream per day, split per article), so the same options always give the same articles.
 *
 * <p>Topic shares move over time so trends are visible: party study peaks in the middle of the first year, hydrogen
 * grows steadily, digital government has a bump in the middle of the period. A small share of articles are hard
 * negatives (digital economy, hydrogen bombs and chemistry, a party formula opening an article about something else,
 * hydrogen named once in a list of industries), and a few articles are reprinted days later by another outlet.
 */
public final class SampleCorpus {
  public static final String DIGITAL_GOVERNMENT = "digital_government";
  public static final String HYDROGEN_ENERGY = "hydrogen_energy";
  public static final String PARTY_STUDY = "party_study";
  public static final List<String> TOPICS = List.of(DIGITAL_GOVERNMENT, HYDROGEN_ENERGY, PARTY_STUDY);

  static final int MIN_BODY_CHARS = 150;
  static final int MAX_BODY_CHARS = 800;
  private static final double REPRINT_RATE = 0.015;
  private static final int MAX_REPRINT_DELAY_DAYS = 6;
  private static final DateTimeFormatter ID_DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private SampleCorpus() {}

  /** All articles, reprints included, ordered by date. */
  public static Stream<SampleArticle> articles(SampleOptions o) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(o), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  public static Iterator<SampleArticle> iterator(SampleOptions o) {
    return new DayIterator(o, PhraseBank.standard());
  }

  /**
   * The relative weight of each subject on a day: {@code t} is the position of the day in the whole period (0 at the
   * start, 1 at the end).
   */
  static Map<String, Double> subjectWeights(SampleOptions o, LocalDate day) {
    double span = o.lastDay().toEpochDay() - o.firstDay().toEpochDay();
    double t = (day.toEpochDay() - o.firstDay().toEpochDay()) / span;
    double partyPeak = 0.5 / o.years();
    int month = day.getMonthValue();
    Map<String, Double> w = new LinkedHashMap<>();
    w.put(DIGITAL_GOVERNMENT, 0.06 + 0.08 * bump(t, 0.55, 0.13));
    w.put(HYDROGEN_ENERGY, 0.02 + 0.09 * t);
    w.put(PARTY_STUDY, 0.04 + 0.12 * bump(t, partyPeak, 0.09));
    w.put("party_digital_government", 0.008);
    w.put("neg_digital_economy", 0.015);
    w.put("neg_hydrogen_science", 0.008);
    w.put("neg_party_opening_agriculture", 0.005);
    w.put("neg_party_opening_transport", 0.005);
    w.put("neg_party_opening_economy", 0.005);
    w.put("neg_hydrogen_list", 0.01);
    w.put("economy", 0.09);
    w.put("agriculture", month >= 6 && month <= 10 ? 0.11 : 0.07);
    w.put("culture", 0.08);
    w.put("sport", month == 4 || month == 10 ? 0.1 : 0.07);
    w.put("weather", month >= 6 && month <= 8 || month == 1 ? 0.11 : 0.06);
    w.put("transport", month == 1 || month == 2 ? 0.1 : 0.07);
    w.put("health", 0.07);
    w.put("diplomacy", 0.06);
    return w;
  }

  private static double bump(double t, double centre, double width) {
    double z = (t - centre) / width;
    return Math.exp(-z * z);
  }

  /** Walks the days; reprints wait in {@code pending} until their day comes. */
  private static final class DayIterator implements Iterator<SampleArticle> {
    private final SampleOptions options;
    private final PhraseBank bank;
    private final TreeMap<LocalDate, List<SampleArticle>> pending = new TreeMap<>();
    private LocalDate day;
    private List<SampleArticle> today = List.of();
    private int next;

    DayIterator(SampleOptions options, PhraseBank bank) {
      this.options = options;
      this.bank = bank;
      this.day = options.firstDay().minusDays(1);
    }

    @Override
    public boolean hasNext() {
      while (next >= today.size()) {
        if (!day.isBefore(options.lastDay())) {
          return false;
        }
        day = day.plusDays(1);
        today = generateDay(day);
        next = 0;
      }
      return true;
    }

    @Override
    public SampleArticle next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return today.get(next++);
    }

    private List<SampleArticle> generateDay(LocalDate d) {
      SplittableRandom random = new SplittableRandom(options.seed() * 1_000_003L + d.toEpochDay());
      int spread = Math.max(1, options.perDay() / 4);
      int n = Math.max(1, options.perDay() - spread + random.nextInt(2 * spread + 1));
      Map<String, Double> weights = subjectWeights(options, d);
      List<SampleArticle> out = new ArrayList<>();
      String idPrefix = "sample-" + d.format(ID_DAY) + "-";
      for (int i = 0; i < n; i++) {
        SplittableRandom r = random.split();
        String subject = weighted(r, weights);
        SampleArticle a = compose(bank, bank.subject(subject), r, d, String.format("%s%03d", idPrefix, i));
        out.add(a);
        if (r.nextDouble() < REPRINT_RATE) {
          LocalDate when = d.plusDays(1 + r.nextInt(MAX_REPRINT_DELAY_DAYS));
          if (!when.isAfter(options.lastDay())) {
            pending.computeIfAbsent(when, k -> new ArrayList<>()).add(reprint(a, when, r));
          }
        }
      }
      List<SampleArticle> reprints = pending.remove(d);
      if (reprints != null) {
        for (SampleArticle rp : reprints) {
          out.add(rp.withId(String.format("%s%03d", idPrefix, out.size())));
        }
      }
      return out;
    }
  }

  static String weighted(SplittableRandom r, Map<String, Double> weights) {
    double total = 0;
    for (double w : weights.values()) {
      total += w;
    }
    double x = r.nextDouble() * total;
    String last = null;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      last = e.getKey();
      x -= e.getValue();
      if (x < 0) {
        return last;
      }
    }
    return last;
  }

  static SampleSource source(SplittableRandom r) {
    int total = 0;
    for (SampleSource s : SampleSource.values()) {
      total += s.weight();
    }
    int x = r.nextInt(total);
    for (SampleSource s : SampleSource.values()) {
      x -= s.weight();
      if (x < 0) {
        return s;
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /**
   * One article of a subject: a lead paragraph, paragraphs of one to three distinct detail sentences up to a length
   * drawn for the article, often a closing line; 150–800 characters in all.
   */
  static SampleArticle compose(PhraseBank bank, PhraseBank.Subject s, SplittableRandom r, LocalDate d, String id) {
    int month = d.getMonthValue();
    PhraseBank.Filler f = bank.new Filler(r, Map.of("date", d.getMonthValue() + "月" + d.getDayOfMonth() + "日"));
    SampleSource source = source(r);
    String title = f.fill(pickFrom(r, bank.pool(s, "title", month)));
    List<String> kickers = bank.pool(s, "kicker", month);
    String kicker = !kickers.isEmpty() && r.nextDouble() < 0.25 ? f.fill(pickFrom(r, kickers)) : null;
    String byline = r.nextDouble() < 0.8 ? source.byline(f.fill("{~person}")) : null;

    List<String> details = shuffled(r, bank.pool(s, "detail", month));
    int used = 0;
    List<StringBuilder> paragraphs = new ArrayList<>();
    StringBuilder lead = new StringBuilder(f.fill(pickFrom(r, bank.pool(s, "lead", month))));
    if (used < details.size() && r.nextBoolean()) {
      lead.append(f.fill(details.get(used++)));
    }
    paragraphs.add(lead);
    // Each article aims at its own length, so the corpus spans short items and long reports.
    int target = MIN_BODY_CHARS + r.nextInt(MAX_BODY_CHARS - MIN_BODY_CHARS - 150);
    while (length(paragraphs) < target && used < details.size()) {
      StringBuilder para = new StringBuilder();
      int sentences = 1 + r.nextInt(3);
      for (int k = 0; k < sentences && used < details.size(); k++) {
        para.append(f.fill(details.get(used++)));
      }
      paragraphs.add(para);
    }
    List<String> closings = bank.pool(s, "closing", month);
    if (!closings.isEmpty() && r.nextDouble() < 0.7) {
      String closing = f.fill(pickFrom(r, closings));
      if (r.nextBoolean() || paragraphs.size() == 1) {
        paragraphs.add(new StringBuilder(closing));
      } else {
        paragraphs.get(paragraphs.size() - 1).append(closing);
      }
    }
    while (length(paragraphs) > MAX_BODY_CHARS && paragraphs.size() > 1) {
      paragraphs.remove(paragraphs.size() - 2 > 0 ? paragraphs.size() - 2 : 1);
    }
    while (length(paragraphs) < MIN_BODY_CHARS && used < details.size()) {
      paragraphs.get(paragraphs.size() - 1).append(f.fill(details.get(used++)));
    }
    List<String> briefs = bank.pool(s, "brief", month);
    String brief = briefs.isEmpty() ? firstSentence(lead.toString()) : f.fill(pickFrom(r, briefs));
    List<String> text = new ArrayList<>(paragraphs.size());
    paragraphs.forEach(p -> text.add(p.toString()));
    return new SampleArticle(id, d, source.displayName(), title, kicker, byline, brief, text, s.topics(), s.key(),
        null);
  }

  /**
   * The same article republished by another outlet: sometimes as is, sometimes with the title reworded or a line
   * naming where it came from, edits light enough that a near-duplicate detector should still pair them.
   */
  static SampleArticle reprint(SampleArticle a, LocalDate when, SplittableRandom r) {
    SampleSource original = SampleSource.of(a.source());
    SampleSource[] all = SampleSource.values();
    SampleSource by = all[(original.ordinal() + 1 + r.nextInt(all.length - 1)) % all.length];
    String title = a.title();
    List<String> paragraphs = new ArrayList<>(a.paragraphs());
    double edit = r.nextDouble();
    if (edit < 0.3) {
      title = title.contains(" ") ? title.replaceFirst(" ", "，") : title + "（转载）";
    } else if (edit < 0.6) {
      int last = paragraphs.size() - 1;
      paragraphs.set(last, paragraphs.get(last) + "（来源：" + a.source() + "）");
    }
    return new SampleArticle(null, when, by.displayName(), title, a.kicker(), null, a.brief(), paragraphs,
        a.topics(), a.subject(), a.id());
  }

  private static int length(List<StringBuilder> paragraphs) {
    int n = paragraphs.size() - 1;
    for (StringBuilder p : paragraphs) {
      n += p.length();
    }
    return n;
  }

  private static String firstSentence(String text) {
    int end = text.indexOf('。');
    return end < 0 ? text : text.substring(0, end + 1);
  }

  private static String pickFrom(SplittableRandom r, List<String> options) {
    if (options.isEmpty()) {
      throw new IllegalStateException("a subject of " + PhraseBank.RESOURCE + " lacks a title or lead section");
    }
    return options.get(r.nextInt(options.size()));
  }

  private static List<String> shuffled(SplittableRandom r, List<String> items) {
    List<String> out = new ArrayList<>(items);
    for (int i = out.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      String tmp = out.get(i);
      out.set(i, out.get(j));
      out.set(j, tmp);
    }
    return out;
  }
}
