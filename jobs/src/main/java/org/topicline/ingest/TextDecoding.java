package org.topicline.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Turns the bytes of an input file into text without the user naming the encoding: gzip is unpacked, a BOM is
 * honoured, strict UTF-8 is tried first (it almost never decodes GB18030 Chinese by accident), then strict GB18030
 * (a superset of GBK and GB2312). Binary files are recognised and refused instead of decoded into garbage.
 */
public final class TextDecoding {
  private static final Charset GB18030 = Charset.forName("GB18030");

  private TextDecoding() {}

  /** Why a file could not be turned into text; the code is the reject reason. */
  public static final class DecodingException extends Exception {
    private final String reason;

    DecodingException(String reason, String detail) {
      super(detail);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  /** The decoded text and the charset it was found in. */
  public record Decoded(String text, String charset) {}

  public static boolean isGzip(byte[] b) {
    return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  public static byte[] gunzipIfNeeded(byte[] bytes) throws DecodingException {
    if (!isGzip(bytes)) {
      return bytes;
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new DecodingException(RejectReason.CORRUPT_GZIP, "gzip stream is corrupt: " + e.getMessage());
    }
  }

  public static Decoded decode(byte[] raw) throws DecodingException {
    byte[] bytes = gunzipIfNeeded(raw);
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      return new Decoded(strict(bytes, 3, StandardCharsets.UTF_8), "UTF-8");
    }
    if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)) {
      return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16LE), "UTF-16LE");
    }
    if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
      return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16BE), "UTF-16BE");
    }
    if (looksBinary(bytes)) {
      throw new DecodingException(RejectReason.BINARY_FILE, "file has NUL or control bytes: not text");
    }
    try {
      return new Decoded(decodeStrict(bytes, StandardCharsets.UTF_8), "UTF-8");
    } catch (CharacterCodingException notUtf8) {
      try {
        return new Decoded(decodeStrict(bytes, GB18030), "GB18030");
      } catch (CharacterCodingException notGb) {
        throw new DecodingException(RejectReason.BAD_ENCODING, "neither UTF-8 nor GB18030");
      }
    }
  }

  private static String strict(byte[] bytes, int offset, Charset cs) throws DecodingException {
    try {
      return decodeStrict(java.util.Arrays.copyOfRange(bytes, offset, bytes.length), cs);
    } catch (CharacterCodingException e) {
      throw new DecodingException(RejectReason.BAD_ENCODING, "invalid " + cs.name() + " after its byte-order mark");
    }
  }

  private static String decodeStrict(byte[] bytes, Charset cs) throws CharacterCodingException {
    CharsetDecoder d = cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = d.decode(ByteBuffer.wrap(bytes));
    return out.toString();
  }

  /** NUL bytes, or more than 5% control bytes other than tab/CR/LF/FF/ESC in the first 8 KB. */
  static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        return true;
      }
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) {
        control++;
      }
    }
    return n > 0 && control * 20 > n;
  }
}
