package org.topicline.text;

import com.hankcs.hanlp.dictionary.other.CharTable;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.topicline.conf.TopiclineConf;

/**
 * Turns text into tokens the same way on the driver and on every executor: normalise (full-width to half-width,
 * traditional to simplified, lower case), segment with HanLP (custom dictionary words kept whole), then keep words
 * that have a letter or digit and are not stop words.
 *
 * <p>A small serialisable value: the segmenter itself lives in a per-JVM holder, found by segmenter name and
 * dictionary hash.
 */
public final class TextAnalyzer implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String segmenter;
  private final boolean nameRecognition;
  private final boolean bundledDictionary;
  private final List<String> dictionaryWords;
  private final Set<String> stopWords;
  private final String dictionaryHash;
  /** This JVM's segmenters, found in the holder once per analyzer instead of once per text. */
  private transient volatile com.hankcs.hanlp.seg.Segment wordSegment;
  private transient volatile com.hankcs.hanlp.seg.Segment posSegment;

  /**
   * An analyzer without HanLP's person-name recognition and bundled custom dictionaries (the defaults: see
   * {@code text.name-recognition} and {@code text.bundled-dictionary}).
   */
  public TextAnalyzer(String segmenter, List<String> dictionaryWords, List<String> stopWords) {
    this(segmenter, false, false, dictionaryWords, stopWords);
  }

  public TextAnalyzer(String segmenter, boolean nameRecognition, boolean bundledDictionary,
      List<String> dictionaryWords, List<String> stopWords) {
    this.segmenter = segmenter;
    this.nameRecognition = nameRecognition;
    this.bundledDictionary = bundledDictionary;
    this.dictionaryWords = dictionaryWords.stream().map(TextAnalyzer::normalise).distinct().toList();
    this.stopWords = new HashSet<>();
    for (String s : stopWords) {
      this.stopWords.add(normalise(s));
    }
    this.dictionaryHash = TopiclineConf.sha256(segmenter + (nameRecognition ? "+names" : "")
        + (bundledDictionary ? "+bundled" : "") + "\n" + String.join("\n", this.dictionaryWords)
        + "\n--\n" + String.join("\n", this.stopWords.stream().sorted().toList()));
  }

  /** The analyzer the conf describes ({@code topicline.text}). */
  public static TextAnalyzer from(TopiclineConf conf) {
    TextSettings s = TextSettings.from(conf);
    return new TextAnalyzer(s.segmenter(), s.nameRecognition(), s.bundledDictionary(), s.dictionaryWords(),
        s.stopWords());
  }

  public String segmenter() {
    return segmenter;
  }

  /** Whether HanLP recognises person names (Chinese and transliterated) that its dictionaries lack. */
  public boolean nameRecognition() {
    return nameRecognition;
  }

  /** Whether HanLP's bundled custom dictionaries (place, person, organisation names, phrases) are used. */
  public boolean bundledDictionary() {
    return bundledDictionary;
  }

  public List<String> dictionaryWords() {
    return dictionaryWords;
  }

  public List<String> stopWords() {
    return stopWords.stream().sorted().toList();
  }

  /** Hash of segmenter (with name recognition, bundled dictionaries or not), dictionary words and stop words: models record it so scoring can tell if it changed. */
  public String dictionaryHash() {
    return dictionaryHash;
  }

  /**
   * What decides the tokens besides the text: the dictionary hash, HanLP's version and this class's normalisation
   * and filters. Stored tokens are reused only by an analyzer with the same fingerprint; change {@link #STEPS} when
   * the code here changes the tokens it gives.
   */
  public String fingerprint() {
    return TopiclineConf.sha256(dictionaryHash + "\n" + STEPS);
  }

  /** The analysis steps as coded here, part of the fingerprint. */
  static final String STEPS = "hanlp portable-1.8.6; custom forcing; name recognition and bundled dictionaries per hash; no pos; fullwidth+t2s+lower; "
      + "gb2312 han kept; line breaks kept; letter-or-digit words; ascii glue with hyphens; stop words";

  /** The CJK ideographs GB2312 encodes: the simplified characters mainland text is written in. */
  private static final BitSet GB2312_HAN = gb2312Han();

  /**
   * Full-width to half-width, traditional to simplified, upper to lower case; one char in, one char out; line
   * breaks stay (they end sentences for the seed rules).
   */
  public static String normalise(String text) {
    char[] out = CharTable.convert(text).toCharArray();
    for (int i = 0; i < out.length; i++) {
      char c = text.charAt(i);
      // HanLP's table also maps 46 everyday simplified characters to rare ones (猛 -> 勐, 拾 -> 十, 糊 -> 煳, which
      // split 猛烈 and 收拾) and line breaks to spaces: a character GB2312 holds is already simplified.
      if (GB2312_HAN.get(c) || c == '\n' || c == '\r') {
        out[i] = c;
      }
    }
    return new String(out).toLowerCase(Locale.ROOT);
  }

  private static BitSet gb2312Han() {
    CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
    BitSet han = new BitSet(0x10000);
    for (char c = 0x4E00; c <= 0x9FFF; c++) {
      if (gb2312.canEncode(c)) {
        han.set(c);
      }
    }
    return han;
  }

  /** The kept tokens: the words of {@link #terms}, segmented without part-of-speech tagging (same words). */
  public List<String> tokens(String text) {
    List<Term> terms = analyse(text, false);
    List<String> out = new ArrayList<>(terms.size());
    for (Term t : terms) {
      out.add(t.word());
    }
    return out;
  }

  /** The kept tokens with part of speech and offset in the (length-preserving) normalised text. */
  public List<Term> terms(String text) {
    return analyse(text, true);
  }

  private List<Term> analyse(String text, boolean partOfSpeech) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String norm = normalise(text);
    List<com.hankcs.hanlp.seg.common.Term> raw = segment(partOfSpeech).seg(norm);
    List<Term> out = new ArrayList<>(raw.size());
    Term pending = null;
    for (com.hankcs.hanlp.seg.common.Term t : raw) {
      String w = t.word.strip();
      if (!isWord(w)) {
        pending = flush(pending, out);
        continue;
      }
      Term term = new Term(w, t.nature == null ? "" : t.nature.toString(), t.offset);
      // HanLP splits runs like "5g" or "covid19" into digits and letters; glue touching ASCII pieces back.
      if (pending != null && isAscii(w) && isAscii(pending.word())
          && pending.offset() + pending.word().length() == t.offset) {
        pending = new Term(pending.word() + w, "nx", pending.offset());
      } else {
        flush(pending, out);
        pending = term;
      }
    }
    flush(pending, out);
    return out;
  }

  private com.hankcs.hanlp.seg.Segment segment(boolean partOfSpeech) {
    com.hankcs.hanlp.seg.Segment s = partOfSpeech ? posSegment : wordSegment;
    if (s == null) {
      s = HanLPHolder.segment(this, partOfSpeech);
      if (partOfSpeech) {
        posSegment = s;
      } else {
        wordSegment = s;
      }
    }
    return s;
  }

  private Term flush(Term t, List<Term> out) {
    if (t == null) {
      return null;
    }
    // A hyphen HanLP left at an edge ("covid-" before a space) is not part of the word.
    String w = t.word();
    int from = 0;
    int to = w.length();
    while (from < to && w.charAt(from) == '-') {
      from++;
    }
    while (to > from && w.charAt(to - 1) == '-') {
      to--;
    }
    Term kept = from == 0 && to == w.length() ? t : new Term(w.substring(from, to), t.pos(), t.offset() + from);
    if (isWord(kept.word()) && !stopWords.contains(kept.word())) {
      out.add(kept);
    }
    return null;
  }

  /** Letters, digits, dots and hyphens of ASCII: the pieces of 5g, covid-19, b-52, 3.5 that HanLP cuts apart. */
  private static boolean isAscii(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c > 127 || !(Character.isLetterOrDigit(c) || c == '.' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** Punctuation, symbols and white space are not words; anything with a letter (any script) or digit is. */
  static boolean isWord(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (Character.isLetterOrDigit(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
