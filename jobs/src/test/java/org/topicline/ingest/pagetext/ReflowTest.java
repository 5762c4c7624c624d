package org.topicline.ingest.pagetext;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden cases for reflow, one per hard case seen on extracted pages. */
class ReflowTest {
  @Test
  void joinsAWordBrokenAtTheColumnEdge() {
    assertEquals("市发展改革委党组书记、主任马世国在接受记者采访时说。",
        Reflow.paragraph(List.of("市发展改革委党组书记、主任马世国在接", "受记者采访时说。")));
  }

  @Test
  void removesSpacesInsertedBetweenChineseCharactersAndBeforePunctuation() {
    assertEquals("真正做到学懂弄通做实，坚定捍卫“两个确立”、坚决做到“两个维护”。",
        Reflow.cleanSpaces("真正做到学懂弄通做实， 坚定捍卫 “两个确 立”、坚决做到“两个维护”。 "));
    assertEquals("推动党的二十大精神进企业、进农村、进机关", Reflow.cleanSpaces("推动党的二十大精神进企业 、进农村 、进机关"));
    assertEquals("环卫车", Reflow.cleanSpaces("环 卫 车"));
  }

  @Test
  void keepsNumbersWholeAndRemovesSpacesAroundAndInsideThem() {
    assertEquals("11月16日", Reflow.cleanSpaces("11月 16日"));
    assertEquals("据新华社印度尼西亚巴厘岛11月16日电",
        Reflow.paragraph(List.of("据新华社印度尼西亚巴厘岛 11 月", "16 日电")));
    assertEquals("投资约7.8亿元", Reflow.cleanSpaces("投资约 7. 8亿元"));
    assertEquals("总投资13.06亿元，占比35%以上", Reflow.paragraph(List.of("总投资", "13.06亿元，占比 35 %以上")));
    assertEquals("全年完成投资1200亿元", Reflow.paragraph(List.of("全年完成投资 12", "00亿元")));
  }

  @Test
  void keepsLatinWordsAndTheirSpaces() {
    assertEquals("目前“i濮阳”APP注册数量已超过200万户", Reflow.cleanSpaces("目前“i濮阳”APP注册 数量已超过 200万户"));
    assertEquals("the Belt and Road Initiative", Reflow.paragraph(List.of("the Belt and", "Road Initiative")));
    assertEquals("an information system", Reflow.paragraph(List.of("an informa-", "tion system")));
    assertEquals("iPhone 14发布", Reflow.cleanSpaces("iPhone 14 发布"));
    assertEquals("中原大化“5G无人机+AI”智能巡检", Reflow.paragraph(List.of("中原大化 “5G无人机 +AI”智能", "巡检")));
  }

  @Test
  void headlinesKeepTheSpaceBetweenPhrasesOnly() {
    assertEquals("当好经济发展参谋助手 积极贡献发改力量", Reflow.headline("当好经济发展参谋助手 积极贡献发改力量"));
    assertEquals("环卫车", Reflow.headline("环 卫 车"));
    assertEquals("“氢”装上阵", Reflow.headline(" “氢”装上阵"));
  }

  @Test
  void widthCountsChineseAsOneEmAndDigitsAsHalf() {
    assertEquals(17.0, Reflow.width("日，市政协党组书记、主席徐慧前主持"));
    assertEquals(4.0, Reflow.width("11月 16日"));
  }
}
