package org.topicline.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.topicline.text.TextAnalyzer;

/**
 * Extractive summary of one article: sentences are scored by LexRank centrality (TF-IDF cosine between the
 * article's sentences), a position prior (news puts its point first) and similarity to the title, then picked by
 * MMR ({@link Mmr}) within a character budget and a sentence cap, and shown whole in document order. Everything is deterministic:
 * ties go to the earlier sentence.
 *
 * <p>Not serialisable (compiled patterns): build one per partition from the settings and the tokenizer.
 */
public final class ExtractiveSummarizer {
  /** A picked sentence: its index among the text's sentences, its text (lead-in removed) and its score. */
  public record Picked(int index, String text, double score) {}

  /** A keyword and its TextRank weight (the best keyword weighs 1). */
  public record Term(String term, double weight) {}

  /** The summary text, the picked sentences in document order, and the keywords. */
  public record Result(String summary, List<Picked> sentences, List<Term> keywords) {}

  /**
   * The analyzer's words of an article's title and body, each segmented whole, as {@code article_tokens} holds
   * them.
   */
  public record Words(List<String> title, List<String> body) {}

  /**
   * A sentence that may be picked, with its tokens; {@code start} and {@code end} are where its text (lead-in cut)
   * lies in the body.
   */
  private record Candidate(int index, String text, int chars, List<String> tokens, int start, int end) {}

  private final SummarySettings settings;
  private final Tokenizer tokenizer;
  private final TextAnalyzer keywordAnalyzer;
  private final List<Pattern> leadIns;
  private final List<Pattern> boilerplate;

  public ExtractiveSummarizer(SummarySettings settings, SummaryTokenizers tokenizers) {
    this.settings = settings;
    this.tokenizer = tokenizers.sentences();
    this.keywordAnalyzer = tokenizers.keywords();
    this.leadIns = settings.leadIns().stream().map(Pattern::compile).toList();
    this.boilerplate = settings.boilerplate().stream().map(Pattern::compile).toList();
  }

  /** The summary and keywords of an article, segmenting its title and body for the keywords. */
  public Result summarize(String title, String body) {
    return summarize(title, body, null);
  }

  /**
   * The summary and keywords of an article whose words are already known ({@code words}, e.g. from
   * {@code article_tokens}); null: segment the title and body here. The keywords are the same either way.
   */
  public Result summarize(String title, String body, Words words) {
    List<Candidate> candidates = candidates(body);
    List<Picked> out = new ArrayList<>();
    // Without a candidate sentence there is nothing to pick, but the title still gives keywords.
    if (!candidates.isEmpty()) {
      TermVectors vectors = new TermVectors(candidates.stream().map(Candidate::tokens).toList());
      double[] scores = scores(title, candidates, vectors);
      for (int k : mmr(candidates, scores, vectors)) {
        Candidate c = candidates.get(k);
        out.add(new Picked(c.index(), c.text(), scores[k]));
      }
    }
    return new Result(join(out.stream().map(Picked::text).toList()), out, keywords(title, body, candidates, words));
  }

  /**
   * TextRank over the words of the title and of the candidate sentences up to {@code keyword-chars} characters.
   * The body is segmented whole (as {@code article_tokens} stores it) and its words are put back into those
   * sentences, so a co-occurrence window never crosses a sentence and lead-ins, boilerplate and fragments give no
   * keywords.
   */
  private List<Term> keywords(String title, String body, List<Candidate> candidates, Words words) {
    if (settings.keywords() == 0) {
      return List.of();
    }
    int n = 0;
    int chars = 0;
    while (n < candidates.size() && chars < settings.keywordChars()) {
      chars += candidates.get(n++).chars();
    }
    int[] starts = new int[n];
    int[] ends = new int[n];
    for (int k = 0; k < n; k++) {
      starts[k] = candidates.get(k).start();
      ends[k] = candidates.get(k).end();
    }
    Words w = words != null ? words : new Words(keywordAnalyzer.tokens(title), keywordAnalyzer.tokens(body));
    List<List<String>> text = new ArrayList<>(n + 1);
    text.add(w.title());
    text.addAll(SpanWords.of(body, w.body(), starts, ends));
    return Keywords.textRank(text, settings.keywordWindow(), settings.keywords());
  }

  /** Sentences that may be picked: lead-ins removed, boilerplate and fragments left out. */
  private List<Candidate> candidates(String body) {
    List<Candidate> out = new ArrayList<>();
    for (SentenceSplitter.Sentence s : SentenceSplitter.split(body)) {
      String text = stripLeadIn(s.text());
      if (isBoilerplate(text) || letters(text) < settings.minSentenceChars()) {
        continue;
      }
      // Lead-ins are cut from the front, so what is left ends where the sentence ends.
      int end = s.start() + s.text().length();
      int start = s.text().endsWith(text) ? end - text.length() : s.start();
      out.add(new Candidate(s.index(), text, text.codePointCount(0, text.length()), tokenizer.tokens(text), start,
          end));
    }
    return out;
  }

  String stripLeadIn(String sentence) {
    String t = sentence;
    for (Pattern p : leadIns) {
      t = p.matcher(t).replaceFirst("").strip();
    }
    return t;
  }

  boolean isBoilerplate(String sentence) {
    for (Pattern p : boilerplate) {
      if (p.matcher(sentence).find()) {
        return true;
      }
    }
    return false;
  }

  private static int letters(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      n += Character.isLetterOrDigit(cp) ? 1 : 0;
      i += Character.charCount(cp);
    }
    return n;
  }

  /** graph * centrality / best centrality + position * 1/(1 + rank) + title * cos(title, sentence). */
  private double[] scores(String title, List<Candidate> candidates, TermVectors vectors) {
    int n = candidates.size();
    double[] centrality = TermVectors.centrality(vectors.similarities(), settings.damping());
    double best = 0;
    for (double c : centrality) {
      best = Math.max(best, c);
    }
    TermVectors.Vector t = title == null || title.isBlank() ? TermVectors.Vector.EMPTY
        : vectors.project(tokenizer.tokens(title));
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = settings.graphWeight() * (best > 0 ? centrality[i] / best : 0)
          + settings.positionWeight() / (1.0 + i)
          + settings.titleWeight() * t.dot(vectors.get(i));
    }
    return s;
  }

  private List<Integer> mmr(List<Candidate> candidates, double[] scores, TermVectors vectors) {
    int[] chars = candidates.stream().mapToInt(Candidate::chars).toArray();
    return Mmr.select(chars, scores, vectors, settings.budgetChars(), settings.maxSentences(), settings.mmrLambda(),
        settings.maxSimilarity());
  }

  /** Sentences joined as printed: no space after CJK text, one space between Latin sentences. */
  static String join(List<String> sentences) {
    StringBuilder b = new StringBuilder();
    for (String s : sentences) {
      if (b.length() > 0 && b.charAt(b.length() - 1) < 0x2000 && !s.isEmpty() && s.charAt(0) < 0x2000) {
        b.append(' ');
      }
      b.append(s);
    }
    return b.toString();
  }

  /** Lead: the first sentences, as split, within the budget (the first one whole when it alone exceeds it). */
  public static String lead(String body, int budgetChars) {
    List<String> out = new ArrayList<>();
    int used = 0;
    for (SentenceSplitter.Sentence s : SentenceSplitter.split(body)) {
      int chars = s.text().codePointCount(0, s.text().length());
      if (!out.isEmpty() && used + chars > budgetChars) {
        break;
      }
      out.add(s.text());
      used += chars;
    }
    return join(out);
  }
}
