package org.topicline.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden cases: one hard case per test, with the literal expected sentences. */
class SentenceSplitterTest {
  private static List<String> split(String text) {
    return SentenceSplitter.split(text).stream().map(SentenceSplitter.Sentence::text).toList();
  }

  @Test
  void splitsAtChineseSentenceEnds() {
    assertEquals(List.of("会议召开。", "他说：好！", "谁来？", "一是加强；", "二是推进。"),
        split("会议召开。他说：好！谁来？一是加强；二是推进。"));
  }

  @Test
  void neverSplitsAtCommasOrColons() {
    assertEquals(List.of("今年以来，全省经济稳中有进，就业总体稳定：城镇新增就业12万人。"),
        split("今年以来，全省经济稳中有进，就业总体稳定：城镇新增就业12万人。"));
  }

  @Test
  void keepsClosingQuotesWithTheirSentence() {
    assertEquals(List.of("他说：“我们一定要办好这件事。”", "大家鼓掌。"),
        split("他说：“我们一定要办好这件事。”大家鼓掌。"));
    assertEquals(List.of("「好。」", "『行！』", "（完。）"), split("「好。」『行！』（完。）"));
    assertEquals(List.of("“贡献发改力量。 ”", "11月13日，他说。"), split("“贡献发改力量。 ”11月13日，他说。"));
  }

  @Test
  void keepsARunOfEndMarksTogether() {
    assertEquals(List.of("真的吗？！", "是的。"), split("真的吗？！是的。"));
    assertEquals(List.of("Really?!", "Yes."), split("Really?! Yes."));
  }

  @Test
  void decimalPointsAndNumbersDoNotEndSentences() {
    assertEquals(List.of("增长3.5%，达到1.2万亿元。", "版本1.2.3发布。"), split("增长3.5%，达到1.2万亿元。版本1.2.3发布。"));
    assertEquals(List.of("GDP grew 3.5 percent.", "Prices rose."), split("GDP grew 3.5 percent. Prices rose."));
  }

  @Test
  void ellipsesStayInsideTheSentence() {
    assertEquals(List.of("他想了想……终于开口了。", "好……"), split("他想了想……终于开口了。好……"));
    assertEquals(List.of("Wait... it works.", "Done."), split("Wait... it works. Done."));
    assertEquals(List.of("“等等……”他说。"), split("“等等……”他说。"));
  }

  @Test
  void englishSentencesAndAbbreviations() {
    assertEquals(List.of("Mr. Smith met Dr. Li in the U.S. on Monday.", "They talked;", "it went well.", "See you!"),
        split("Mr. Smith met Dr. Li in the U.S. on Monday. They talked; it went well. See you!"));
    assertEquals(List.of("Visit www.cctv.com today.", "Thanks."), split("Visit www.cctv.com today. Thanks."));
  }

  @Test
  void paragraphBreaksEndSentencesAndCountParagraphs() {
    List<SentenceSplitter.Sentence> s = SentenceSplitter.split("第一段没有句号\n\n第二段。第二句。\n");
    assertEquals(List.of("第一段没有句号", "第二段。", "第二句。"), s.stream().map(SentenceSplitter.Sentence::text).toList());
    assertEquals(List.of(0, 1, 1), s.stream().map(SentenceSplitter.Sentence::paragraph).toList());
    assertEquals(List.of(0, 1, 2), s.stream().map(SentenceSplitter.Sentence::index).toList());
  }

  @Test
  void eachSentenceKnowsWhereItStartsInTheText() {
    String text = "\u3000\u3000第一段。 第二句！\r\n\r\n  第二段“引语。”\n\n末句";
    List<SentenceSplitter.Sentence> s = SentenceSplitter.split(text);
    assertEquals(List.of("第一段。", "第二句！", "第二段“引语。”", "末句"), s.stream().map(SentenceSplitter.Sentence::text)
        .toList());
    for (SentenceSplitter.Sentence x : s) {
      assertEquals(x.text(), text.substring(x.start(), x.start() + x.text().length()));
    }
  }

  /** Paragraphs end at every line break that {@code \\R} knows, CR LF counting once, as String.split had them. */
  @Test
  void paragraphsAreTheLinesOfTheText() {
    java.util.Random random = new java.util.Random(3);
    String[] pieces = {"句子", "。", "\n", "\r", "\r\n", "\u2028", "\u0085", "\u000B", " ", "Mr", ".", "！"};
    for (int k = 0; k < 1000; k++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = b.toString();
      List<String> lines = new java.util.ArrayList<>();
      List<Integer> paragraphs = new java.util.ArrayList<>();
      int paragraph = 0;
      for (String line : text.split("\\R")) {
        List<String> in = split(line);
        lines.addAll(in);
        for (int j = 0; j < in.size(); j++) {
          paragraphs.add(paragraph);
        }
        paragraph += in.isEmpty() ? 0 : 1;
      }
      List<SentenceSplitter.Sentence> all = SentenceSplitter.split(text);
      assertEquals(lines, all.stream().map(SentenceSplitter.Sentence::text).toList(), text);
      assertEquals(paragraphs, all.stream().map(SentenceSplitter.Sentence::paragraph).toList(), text);
    }
  }

  @Test
  void dropsPunctuationOnlyPiecesAndEmptyText() {
    assertEquals(List.of("好。。"), split("好。。 ！\n。"));
    assertEquals(List.of(), split(""));
    assertEquals(List.of(), split(null));
  }
}
