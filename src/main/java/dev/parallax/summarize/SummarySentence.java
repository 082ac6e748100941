package dev.parallax.summarize;

import java.util.List;

/** A summary sentence and the ids of the articles that state it (the first is where it was taken from). */
public record SummarySentence(String text, List<String> sources) {
}
