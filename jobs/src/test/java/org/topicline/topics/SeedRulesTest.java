package org.topicline.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.topicline.conf.TopiclineConf;

/** Weak labels of the default topics on a few hand-written rows. */
class SeedRulesTest {
  private static final TopicSettings S = TopicSettings.from(TopiclineConf.defaults());

  private static TopicSpec topic(String id) {
    return S.topics().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aHeadlineAboutTheTopicIsPositive() {
    assertEquals(SeedRules.POSITIVE, SeedRules.weakLabel(topic("digital_government"),
        "上海推进“一网通办”改革", "市民办事更方便了。"));
  }

  @Test
  void denseBodyTermsArePositive() {
    String body = "加氢站建成投用，氢燃料电池汽车加注氢气只需几分钟。当地规划建设氢能产业园，发展燃料电池。";
    assertEquals(SeedRules.POSITIVE, SeedRules.weakLabel(topic("hydrogen_energy"), "新能源车跑起来", body));
  }

  @Test
  void aPassingMentionInALongTextIsAmbiguousOrNegative() {
    String body = "今年经济运行总体平稳。".repeat(100) + "各地发展氢能等新兴产业。";
    int label = SeedRules.weakLabel(topic("hydrogen_energy"), "经济运行总体平稳", body);
    assertEquals(true, label != SeedRules.POSITIVE);
  }

  @Test
  void noMentionIsNegative() {
    assertEquals(SeedRules.NEGATIVE, SeedRules.weakLabel(topic("party_study"), "台风登陆福建", "台风带来强降雨。"));
  }

  @Test
  void exclusionsWin() {
    assertEquals(SeedRules.NEGATIVE, SeedRules.weakLabel(topic("hydrogen_energy"), "我国第一颗氢弹爆炸成功",
        "氢弹 氢 氢 氢能"));
  }

  @Test
  void fullWidthAndTraditionalTextMatches() {
    assertEquals(SeedRules.POSITIVE, SeedRules.weakLabel(topic("party_study"), "深入開展黨史學習教育", ""));
  }
}
