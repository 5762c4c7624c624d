package org.topicline.text;

import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Dijkstra.DijkstraSegment;
import com.hankcs.hanlp.seg.NShort.NShortSegment;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that touches HanLP's global state: one segmenter per JVM for each analyzer (its dictionary hash)
 * and part of speech or not, built lazily on first use. HanLP segmenters are thread-safe but not serialisable, so
 * tasks look them up here instead of capturing them.
 *
 * <p>Part-of-speech tagging is a last pass over the segmented words that only sets their nature; it costs about a
 * sixth of the segmenter's time, so text that only needs words is segmented without it (same words).
 */
final class HanLPHolder {
  /** The segmenters HanLP 1.x can build without extra model files. */
  static final List<String> SEGMENTERS = List.of("viterbi", "dijkstra", "nshort");

  private static final Map<String, Segment> SEGMENTS = new ConcurrentHashMap<>();

  private HanLPHolder() {}

  /**
   * An empty base for a custom dictionary. HanLP's matcher cannot walk a trie built from no words, so it holds one
   * key no text contains (two NUL characters).
   */
  private static final java.util.function.Supplier<DoubleArrayTrie<CoreDictionary.Attribute>> NO_WORDS = () -> {
    DoubleArrayTrie<CoreDictionary.Attribute> dat = new DoubleArrayTrie<>();
    java.util.TreeMap<String, CoreDictionary.Attribute> one = new java.util.TreeMap<>();
    one.put("\u0000\u0000", new CoreDictionary.Attribute(com.hankcs.hanlp.corpus.tag.Nature.nz, 1));
    dat.build(one);
    return dat;
  };

  /** The JVM's segmenter for {@code analyzer}: its dictionary hash names the segmenter, settings and words. */
  static Segment segment(TextAnalyzer analyzer, boolean partOfSpeech) {
    return SEGMENTS.computeIfAbsent(analyzer.dictionaryHash() + (partOfSpeech ? "/pos" : "/words"),
        k -> build(analyzer.segmenter(), analyzer.nameRecognition(), analyzer.bundledDictionary(),
            analyzer.dictionaryWords(), partOfSpeech));
  }

  private static Segment build(String segmenter, boolean nameRecognition, boolean bundledDictionary,
      List<String> dictionaryWords, boolean partOfSpeech) {
    if (!SEGMENTERS.contains(segmenter)) {
      throw new IllegalArgumentException("unknown segmenter " + segmenter + "; expected one of " + SEGMENTERS);
    }
    // Our words go into a private trie (layered over HanLP's bundled custom dictionaries when asked), so analyzers
    // with different word lists can live in one JVM without touching the global CustomDictionary. Forced into the
    // word net, the bundled dictionaries' hundreds of thousands of names and phrases cost 40 % of the segmenter's
    // time (whole-corpus dev macro-F1 0.878 with them, 0.879 without).
    DynamicCustomDictionary dict = bundledDictionary
        ? new DynamicCustomDictionary(CustomDictionary.DEFAULT.dat, new BinTrie<>(), CustomDictionary.DEFAULT.path)
        : new DynamicCustomDictionary(NO_WORDS.get(), new BinTrie<>(), null);
    for (String w : dictionaryWords) {
      dict.insert(w, "nz 1024");
    }
    Segment seg = switch (segmenter) {
      case "dijkstra" -> new DijkstraSegment();
      case "nshort" -> new NShortSegment();
      default -> new ViterbiSegment();
    };
    return seg
        .enableCustomDictionary(dict)
        // Forcing puts custom words into the word net, so a domain term stays whole even where the core
        // dictionary would split across its boundary.
        .enableCustomDictionaryForcing(true)
        .enablePartOfSpeechTagging(partOfSpeech)
        // Name recognition is a second Viterbi pass over role tags for every sentence, about a third of the
        // segmenter's time; names the core dictionary lacks then fall apart into characters, which topic features
        // and keywords can spare (HanLP's other recognisers are off by default).
        .enableNameRecognize(nameRecognition)
        .enableTranslatedNameRecognize(nameRecognition)
        .enableOffset(true);
  }
}
