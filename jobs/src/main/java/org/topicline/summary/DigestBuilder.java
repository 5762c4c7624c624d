package org.topicline.summary;

import org.topicline.io.WeightedTerm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-document extractive digest of one topic in one period. Candidates are each article's best summary
 * sentences; a sentence printed by several articles is one candidate that names them all. A candidate's score is
 * its cosine similarity to the centroid of all candidates (how representative it is) weighted by the article's
 * topic probability; MMR picks within the digest budget; the picks are shown in date order.
 */
public final class DigestBuilder {
  private final SummarySettings.Digest settings;
  private final double lambda;
  private final double maxSimilarity;
  private final Tokenizer tokenizer;

  /** One candidate sentence and the articles that carry it. */
  private static final class Candidate {
    final String text;
    final int order;
    final List<String> articleIds = new ArrayList<>();
    double weight;

    Candidate(String text, int order) {
      this.text = text;
      this.order = order;
    }
  }

  public DigestBuilder(SummarySettings settings, Tokenizer tokenizer) {
    this.settings = settings.digest();
    this.lambda = settings.mmrLambda();
    this.maxSimilarity = settings.maxSimilarity();
    this.tokenizer = tokenizer;
  }

  /** The digest of {@code inputs}, which all share topic, period type and period. */
  public TopicDigest build(List<DigestInput> inputs, String method) {
    List<DigestInput> articles = new ArrayList<>(inputs);
    articles.sort(Comparator.comparing(DigestInput::getPubDate, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(DigestInput::getArticleId));
    List<Candidate> candidates = candidates(articles);
    TermVectors vectors = new TermVectors(candidates.stream().map(c -> tokenizer.tokens(c.text)).toList());
    TermVectors.Vector centroid = vectors.centroid();
    double[] scores = new double[candidates.size()];
    int[] chars = new int[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = centroid.dot(vectors.get(i)) * candidates.get(i).weight;
      chars[i] = candidates.get(i).text.codePointCount(0, candidates.get(i).text.length());
    }
    List<Integer> picked = candidates.isEmpty() ? List.of()
        : Mmr.select(chars, scores, vectors, settings.budgetChars(), settings.maxSentences(), lambda, maxSimilarity);
    // Candidates are in date order already, so ascending indexes read chronologically.
    List<DigestSentence> sentences = new ArrayList<>();
    for (int i : picked) {
      Candidate c = candidates.get(i);
      sentences.add(new DigestSentence(c.text, Math.round(scores[i] * 1e4) / 1e4, List.copyOf(c.articleIds)));
    }
    DigestInput first = articles.get(0);
    TopicDigest d = new TopicDigest();
    d.setTopic(first.getTopic());
    d.setPeriodType(first.getPeriodType());
    d.setPeriod(first.getPeriod());
    d.setPeriodStart(first.getPeriodStart());
    d.setArticles(articles.size());
    d.setSentences(sentences);
    d.setDigest(ExtractiveSummarizer.join(sentences.stream().map(DigestSentence::getText).toList()));
    d.setTopTerms(topTerms(articles));
    d.setMethod(method);
    return d;
  }

  /**
   * Each article's best sentences, merged by their letters and digits (a reprinted sentence counts once), at most
   * {@code max-candidates} of them by weight; in date order.
   */
  private List<Candidate> candidates(List<DigestInput> articles) {
    Map<String, Candidate> byText = new LinkedHashMap<>();
    for (DigestInput a : articles) {
      List<SentenceScore> best = new ArrayList<>(a.getSentences());
      best.sort(Comparator.comparingDouble(SentenceScore::getScore).reversed()
          .thenComparingInt(SentenceScore::getIndex));
      for (SentenceScore s : best.subList(0, Math.min(settings.sentencesPerArticle(), best.size()))) {
        String key = letters(s.getText());
        if (key.isEmpty()) {
          continue;
        }
        Candidate c = byText.computeIfAbsent(key, k -> new Candidate(s.getText(), byText.size()));
        if (!c.articleIds.contains(a.getArticleId())) {
          c.articleIds.add(a.getArticleId());
          c.weight = Math.max(c.weight, a.getProbability());
        }
      }
    }
    List<Candidate> all = new ArrayList<>(byText.values());
    if (all.size() > settings.maxCandidates()) {
      List<Candidate> kept = new ArrayList<>(all);
      kept.sort(Comparator.comparingDouble((Candidate c) -> c.weight).reversed()
          .thenComparingInt(c -> c.order));
      java.util.Set<Candidate> keep = new java.util.HashSet<>(kept.subList(0, settings.maxCandidates()));
      all.removeIf(c -> !keep.contains(c));
    }
    return all;
  }

  /** Mean keyword weight over the period's articles (an article without the term adds 0). */
  private List<WeightedTerm> topTerms(List<DigestInput> articles) {
    Map<String, Double> sum = new HashMap<>();
    for (DigestInput a : articles) {
      for (WeightedTerm k : a.getKeywords()) {
        sum.merge(k.getTerm(), k.getWeight(), Double::sum);
      }
    }
    List<Map.Entry<String, Double>> sorted = new ArrayList<>(sum.entrySet());
    sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<WeightedTerm> out = new ArrayList<>();
    for (Map.Entry<String, Double> e : sorted.subList(0, Math.min(settings.topTerms(), sorted.size()))) {
      out.add(new WeightedTerm(e.getKey(), Math.round(e.getValue() / articles.size() * 1e4) / 1e4));
    }
    return out;
  }

  private static String letters(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
    return b.toString();
  }
}
