package org.topicline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TextDecodingTest {
  private static final String TEXT = "数字政府建设提速，“一网通办”覆盖98.5%的政务服务事项。Hydrogen 氢能";

  @Test
  void utf8IsReadAsUtf8() throws Exception {
    TextDecoding.Decoded d = TextDecoding.decode(TEXT.getBytes(StandardCharsets.UTF_8));
    assertEquals(TEXT, d.text());
    assertEquals("UTF-8", d.charset());
  }

  @Test
  void gb18030IsDetectedWithoutBeingNamed() throws Exception {
    TextDecoding.Decoded d = TextDecoding.decode(TEXT.getBytes(Charset.forName("GB18030")));
    assertEquals(TEXT, d.text());
    assertEquals("GB18030", d.charset());
  }

  @Test
  void gbkBytesAreReadAsGb18030() throws Exception {
    String simple = "党史学习教育动员大会在京召开";
    assertEquals(simple, TextDecoding.decode(simple.getBytes(Charset.forName("GBK"))).text());
  }

  @Test
  void byteOrderMarkIsHonouredAndRemoved() throws Exception {
    byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    assertEquals(TEXT, TextDecoding.decode(withBom).text());
  }

  @Test
  void gzipIsUnpacked() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(TEXT.getBytes(Charset.forName("GB18030")));
    }
    assertEquals(TEXT, TextDecoding.decode(out.toByteArray()).text());
  }

  @Test
  void corruptGzipIsRefused() {
    byte[] bad = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7};
    TextDecoding.DecodingException e = assertThrows(TextDecoding.DecodingException.class,
        () -> TextDecoding.decode(bad));
    assertEquals(RejectReason.CORRUPT_GZIP, e.reason());
  }

  @Test
  void binaryIsRefused() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    TextDecoding.DecodingException e = assertThrows(TextDecoding.DecodingException.class,
        () -> TextDecoding.decode(png));
    assertEquals(RejectReason.BINARY_FILE, e.reason());
  }

  @Test
  void bytesThatAreNeitherUtf8NorGb18030AreRefused() {
    // 0xFF is not a lead byte in either encoding.
    byte[] bad = {(byte) 0xFF, (byte) 0xFF, 'a', 'b', (byte) 0xFF};
    TextDecoding.DecodingException e = assertThrows(TextDecoding.DecodingException.class,
        () -> TextDecoding.decode(bad));
    assertEquals(RejectReason.BAD_ENCODING, e.reason());
  }
}
