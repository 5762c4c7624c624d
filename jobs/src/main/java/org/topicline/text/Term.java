package org.topicline.text;

import java.io.Serializable;

/** A kept token with its part of speech (HanLP nature, e.g. {@code n}, {@code v}, {@code nz}) and char offset. */
public record Term(String word, String pos, int offset) implements Serializable {}
