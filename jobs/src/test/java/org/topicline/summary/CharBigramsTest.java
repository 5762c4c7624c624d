package org.topicline.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CharBigramsTest {
  private static final Tokenizer BIGRAMS = Tokenizer.charBigrams();

  @Test
  void pairsOfLettersOrDigitsWithLatinRunsAsOneUnit() {
    assertEquals(List.of("氢能", "能产", "产业"), BIGRAMS.tokens("氢能产业"));
    assertEquals(List.of("推广", "广5g", "5g手", "手机", "发布", "布iphone"), BIGRAMS.tokens("推广5G手机，发布iPhone。"));
    assertEquals(List.of(), BIGRAMS.tokens("一，二。"));
  }

  /** The same bigrams as the definition first written (a list of units, then each adjacent pair concatenated). */
  @Test
  void sameBigramsAsTheUnitListDefinition() {
    Random random = new Random(5);
    String[] pieces = {"氢", "能", "产", "业", "A", "b", "Z", "7", "0", "，", "。", " ", "\u3000", "𠀀", "é", "Ⅻ", "-",
        "\n", "Σ", "ﾊ"};
    for (int k = 0; k < 2000; k++) {
      StringBuilder b = new StringBuilder();
      int len = random.nextInt(30);
      for (int i = 0; i < len; i++) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = b.toString();
      assertEquals(reference(text), BIGRAMS.tokens(text), text);
    }
  }

  private static List<String> reference(String text) {
    List<String> units = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      int len = Character.charCount(cp);
      if (cp < 128 && Character.isLetterOrDigit(cp)) {
        int j = i;
        while (j < n && text.charAt(j) < 128 && Character.isLetterOrDigit(text.charAt(j))) {
          j++;
        }
        units.add(text.substring(i, j).toLowerCase(Locale.ROOT));
        i = j;
      } else if (Character.isLetterOrDigit(cp)) {
        units.add(text.substring(i, i + len));
        i += len;
      } else {
        units.add(null);
        i += len;
      }
    }
    List<String> out = new ArrayList<>();
    for (int k = 0; k + 1 < units.size(); k++) {
      if (units.get(k) != null && units.get(k + 1) != null) {
        out.add(units.get(k) + units.get(k + 1));
      }
    }
    return out;
  }
}
