package org.topicline.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.topicline.Shared;
import org.topicline.conf.ConfException;
import org.topicline.conf.TopiclineConf;

/** Golden cases for the default analyzer (conf/topicline.conf), one hard case per test with literal tokens. */
class TextAnalyzerTest {
  private static final TextAnalyzer ANALYZER = TextAnalyzer.from(TopiclineConf.defaults());

  @Test
  void customTermsStayWhole() {
    assertEquals(List.of("数字政府", "建设", "推进", "一网通办"), ANALYZER.tokens("数字政府建设推进一网通办"));
    assertEquals(List.of("氢能", "燃料电池", "加氢站"), ANALYZER.tokens("氢能、燃料电池和加氢站"));
    assertEquals(List.of("党史学习教育", "主题教育"), ANALYZER.tokens("党史学习教育与主题教育"));
  }

  /**
   * With name recognition off, leaders' names the core dictionary lacks fell into characters (李 / 强, 王 / 沪宁,
   * 普 / 京); conf/dict/person-names.txt keeps them whole, also where a character would join the next word (强将).
   */
  @Test
  void namesInTheNamesDictionaryStayWhole() {
    assertEquals(List.of("总理", "李强", "出席", "王沪宁", "会见", "普京"),
        ANALYZER.tokens("总理李强将出席，王沪宁会见普京"));
    TextAnalyzer withoutNames = new TextAnalyzer("viterbi", ANALYZER.dictionaryWords().stream()
        .filter(w -> !w.equals("李强")).toList(), List.of());
    assertTrue(!withoutNames.tokens("总理李强将出席").contains("李强"));
  }

  @Test
  void fullWidthBecomesHalfWidth() {
    assertEquals(List.of("5g", "网络", "2023"), ANALYZER.tokens("５Ｇ网络，２０２３"));
  }

  @Test
  void traditionalBecomesSimplified() {
    assertEquals(List.of("数字政府", "服务", "民众"), ANALYZER.tokens("數字政府服務民眾"));
  }

  @Test
  void simplifiedTextStaysAsWritten() {
    // HanLP's conversion table alone turns 猛 into 勐, 拾 into 十 and 糊 into 煳, splitting these words.
    List<String> tokens = ANALYZER.tokens("疫情猛烈反弹，收拾残局，界限模糊");
    assertTrue(tokens.containsAll(List.of("猛烈", "收拾", "模糊")), tokens.toString());
    assertEquals("第一段\n第二段", TextAnalyzer.normalise("第一段\n第二段"), "line breaks end sentences for the rules");
  }

  @Test
  void hyphenatedLatinWordsStayWhole() {
    List<String> tokens = ANALYZER.tokens("COVID-19疫情期间，B-52轰炸机");
    assertTrue(tokens.containsAll(List.of("covid-19", "b-52")), tokens.toString());
    assertTrue(tokens.stream().noneMatch(t -> t.startsWith("-") || t.endsWith("-")), tokens.toString());
  }

  @Test
  void latinWordsAndNumbersAreTokens() {
    assertEquals(List.of("hanlp", "1.8", "支持", "java", "17", "python"),
        ANALYZER.tokens("HanLP 1.8 支持 Java 17 和 Python!"));
  }

  @Test
  void emptyAndBlankTextHaveNoTokens() {
    assertEquals(List.of(), ANALYZER.tokens(""));
    assertEquals(List.of(), ANALYZER.tokens("   \n\t"));
    assertEquals(List.of(), ANALYZER.tokens(null));
    assertEquals(List.of(), ANALYZER.tokens("，。！？、；：“”"));
  }

  @Test
  void veryLongTextKeepsEveryRepeat() {
    String text = "加快建设数字政府。".repeat(5000);
    List<String> tokens = ANALYZER.tokens(text);
    assertEquals(3 * 5000, tokens.size());
    assertEquals(List.of("加快", "建设", "数字政府"), tokens.subList(tokens.size() - 3, tokens.size()));
  }

  @Test
  void stopWordsAndPunctuationAreDropped() {
    assertEquals(List.of("学习贯彻", "党的二十大", "精神"), ANALYZER.tokens("学习贯彻党的二十大的精神。"));
  }

  @Test
  void termsCarryPartOfSpeechAndOffset() {
    List<Term> terms = ANALYZER.terms("推进数字政府");
    assertEquals(new Term("数字政府", "nz", 2), terms.get(1));
  }

  /**
   * tokens() segments without part-of-speech tagging, which only sets natures: on real broadcasts it gives exactly
   * the words of terms(), which segments with it.
   */
  @Test
  void tokensAreTheWordsOfTermsOnRealText() throws java.io.IOException {
    java.nio.file.Path day = Shared.data("xwlb/2021/20210701.json.gz");
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(day)));
    int texts = 0;
    for (com.fasterxml.jackson.databind.JsonNode item : json.path("videoList")) {
      String text = item.path("video_title").asText() + "\n" + item.path("video_detail").path("content").asText();
      assertEquals(ANALYZER.terms(text).stream().map(Term::word).toList(), ANALYZER.tokens(text));
      texts++;
    }
    assertTrue(texts > 5, "items in " + day);
  }

  @Test
  void otherSegmentersGiveTheWordsOfTheirTermsToo() {
    for (String s : List.of("dijkstra", "nshort")) {
      TextAnalyzer a = new TextAnalyzer(s, List.of("一网通办"), List.of());
      String text = "国务院常务会议指出，推进一网通办改革，李强主持会议。";
      assertEquals(a.terms(text).stream().map(Term::word).toList(), a.tokens(text), s);
    }
  }

  @Test
  void dictionaryHashFollowsTheWords() {
    TextAnalyzer other = new TextAnalyzer("viterbi", List.of("数字政府"), List.of());
    assertNotEquals(ANALYZER.dictionaryHash(), other.dictionaryHash());
    assertEquals(other.dictionaryHash(), new TextAnalyzer("viterbi", List.of("数字政府"), List.of()).dictionaryHash());
  }

  /**
   * Name recognition is off by default (text.name-recognition): a person name the dictionaries lack falls apart, and
   * the setting is part of the dictionary hash, so stored tokens and models from the other setting are not mixed.
   */
  @Test
  void nameRecognitionIsASettingOfTheAnalyzer() {
    String text = "村党支部书记张建国介绍情况";
    TextAnalyzer names = new TextAnalyzer("viterbi", true, false, List.of(), List.of());
    TextAnalyzer plain = new TextAnalyzer("viterbi", false, false, List.of(), List.of());
    assertTrue(names.tokens(text).contains("张建国"), names.tokens(text).toString());
    assertTrue(!plain.tokens(text).contains("张建国"), plain.tokens(text).toString());
    assertEquals(String.join("", names.tokens(text)), String.join("", plain.tokens(text)));
    assertNotEquals(names.dictionaryHash(), plain.dictionaryHash());
    assertTrue(!ANALYZER.nameRecognition(), "off in the default conf");
    assertTrue(TextAnalyzer.from(TopiclineConf.load(null, Map.of("text.name-recognition", "true")))
        .nameRecognition());
  }

  /**
   * HanLP's bundled custom dictionaries are off by default (text.bundled-dictionary): a name only they hold falls
   * into core-dictionary words, our own words stay whole either way, and the setting is part of the hash.
   */
  @Test
  void bundledDictionariesAreASettingOfTheAnalyzer() {
    String text = "京津冀协同发展推进一网通办";
    TextAnalyzer bundled = new TextAnalyzer("viterbi", false, true, List.of("一网通办"), List.of());
    TextAnalyzer core = new TextAnalyzer("viterbi", false, false, List.of("一网通办"), List.of());
    assertTrue(bundled.tokens(text).contains("京津冀"), bundled.tokens(text).toString());
    assertTrue(!core.tokens(text).contains("京津冀"), core.tokens(text).toString());
    assertTrue(core.tokens(text).contains("一网通办") && bundled.tokens(text).contains("一网通办"));
    assertNotEquals(bundled.dictionaryHash(), core.dictionaryHash());
    assertTrue(!ANALYZER.bundledDictionary(), "off in the default conf");
  }

  @Test
  void anAnalyzerWithoutTheWordSplitsIt() {
    TextAnalyzer plain = new TextAnalyzer("viterbi", List.of(), List.of());
    assertTrue(plain.tokens("党史学习教育").size() > 1);
  }

  @Test
  void otherSegmentersWork() {
    for (String s : List.of("dijkstra", "nshort")) {
      TextAnalyzer a = new TextAnalyzer(s, List.of("一网通办"), List.of());
      assertTrue(a.tokens("推进一网通办改革").contains("一网通办"), s);
    }
  }

  @Test
  void unknownSegmenterNamesTheKey() {
    ConfException e = assertThrows(ConfException.class,
        () -> TextAnalyzer.from(TopiclineConf.load(null, Map.of("text.segmenter", "crf"))));
    assertTrue(e.getMessage().contains("topicline.text.segmenter"), e.getMessage());
  }
}
