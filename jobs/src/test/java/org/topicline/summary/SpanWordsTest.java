package org.topicline.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.topicline.Shared;
import org.topicline.conf.TopiclineConf;
import org.topicline.ingest.ParsedRecord;
import org.topicline.ingest.XwlbAdapter;
import org.topicline.text.TextAnalyzer;

class SpanWordsTest {
  private static final SummarySettings SETTINGS = SummarySettings.from(TopiclineConf.defaults());
  private static final SummaryTokenizers TOKENIZERS = SummaryTokenizers.from(TopiclineConf.defaults(), SETTINGS);

  @Test
  void eachWordGoesToTheSpanItStartsIn() {
    String text = "ＡＢＣ公司发布5G手机。（记者 张三）新品今天上市。";
    List<String> words = List.of("abc", "公司", "发布", "5g", "手机", "记者", "张三", "新品", "今天", "上市");
    int second = text.indexOf("新品");
    List<List<String>> spans = SpanWords.of(text, words, new int[] {3, second}, new int[] {text.indexOf('。') + 1,
        text.length()});
    // ABC starts before the first span (as a cut lead-in would); the byline lies between the spans.
    assertEquals(List.of(List.of("公司", "发布", "5g", "手机"), List.of("新品", "今天", "上市")), spans);
  }

  @Test
  void aWordThatIsNotInTheTextIsLeftOut() {
    assertEquals(List.of(List.of("会议", "召开")), SpanWords.of("会议今天召开。", List.of("会议", "明天", "召开"),
        new int[] {0}, new int[] {7}));
  }

  @Test
  void offsetsSurviveLettersWhoseLowerCaseIsLonger() {
    String text = "İstanbul会议。北京召开。";
    assertEquals(List.of(List.of("北京", "召开")), SpanWords.of(text, List.of("i̇stanbul", "会议", "北京", "召开"),
        new int[] {text.indexOf("北京")}, new int[] {text.length()}));
  }

  /**
   * On real broadcasts, keywords from the body segmented whole (what {@code article_tokens} stores) agree with
   * keywords from each keyword sentence segmented on its own (how they were made before): the words differ only
   * where a sentence's context changes HanLP's choice.
   */
  @Test
  void keywordsFromTheWholeBodyAgreeWithSegmentingEachSentence() throws Exception {
    Path day = Shared.data("xwlb/2021");
    List<Path> files;
    try (Stream<Path> s = Files.list(day)) {
      files = s.filter(p -> p.toString().endsWith(".json.gz")).sorted().limit(40).toList();
    }
    ExtractiveSummarizer summarizer = new ExtractiveSummarizer(SETTINGS, TOKENIZERS);
    TextAnalyzer analyzer = TOKENIZERS.keywords();
    XwlbAdapter adapter = new XwlbAdapter();
    int articles = 0;
    int same = 0;
    double overlap = 0;
    for (Path f : files) {
      for (ParsedRecord r : adapter.parse(f.toUri().toString(), Files.readAllBytes(f))) {
        if (!r.isArticle()) {
          continue;
        }
        Set<String> whole = terms(summarizer.summarize(r.getTitle(), r.getBody()).keywords());
        Set<String> bySentence = terms(bySentence(summarizer, analyzer, r.getTitle(), r.getBody()));
        if (bySentence.isEmpty()) {
          continue;
        }
        articles++;
        same += whole.equals(bySentence) ? 1 : 0;
        Set<String> both = new HashSet<>(whole);
        both.retainAll(bySentence);
        overlap += (double) both.size() / bySentence.size();
      }
    }
    System.out.printf("keywords of %d xwlb articles: whole-body words vs each sentence segmented: same top-%d set "
        + "%.3f, mean overlap %.3f%n", articles, SETTINGS.keywords(), (double) same / articles, overlap / articles);
    assertTrue(articles > 400, "articles: " + articles);
    assertTrue(overlap / articles > 0.97, "mean overlap " + overlap / articles);
  }

  /** Keywords as made before: the title and each keyword sentence (lead-in cut) segmented on its own. */
  private static List<ExtractiveSummarizer.Term> bySentence(ExtractiveSummarizer summarizer, TextAnalyzer analyzer,
      String title, String body) {
    List<List<String>> text = new ArrayList<>();
    text.add(analyzer.tokens(title));
    int chars = 0;
    for (SentenceSplitter.Sentence s : SentenceSplitter.split(body)) {
      if (chars >= SETTINGS.keywordChars()) {
        break;
      }
      String t = summarizer.stripLeadIn(s.text());
      if (summarizer.isBoilerplate(t)
          || t.codePoints().filter(Character::isLetterOrDigit).count() < SETTINGS.minSentenceChars()) {
        continue;
      }
      text.add(analyzer.tokens(t));
      chars += t.codePointCount(0, t.length());
    }
    return Keywords.textRank(text, SETTINGS.keywordWindow(), SETTINGS.keywords());
  }

  private static Set<String> terms(List<ExtractiveSummarizer.Term> keywords) {
    Set<String> out = new HashSet<>();
    keywords.forEach(k -> out.add(k.term()));
    return out;
  }
}
