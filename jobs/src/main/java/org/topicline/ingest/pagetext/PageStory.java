package org.topicline.ingest.pagetext;

import java.io.Serializable;

/**
 * One story cut from a page. {@code title} is null when the page prints none the splitter could attach;
 * {@code continued} is set by a jump mark ({@code （下转第二版）}); {@code photo} marks a photo story, whose body is
 * the caption and whose byline is the credit. {@code segmentationConfidence} is 0..1: how sure the splitter is of
 * this story's boundaries and title.
 */
public record PageStory(String title, String kicker, String subtitle, String byline, String body, boolean continued,
    boolean photo, double segmentationConfidence) implements Serializable {}
