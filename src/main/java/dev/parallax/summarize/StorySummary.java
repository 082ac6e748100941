package dev.parallax.summarize;

import java.util.List;
import java.util.stream.Collectors;

/** A story's headline and summary sentences, each traceable to its sources. */
public record StorySummary(String headline, List<SummarySentence> sentences) {
    public String body() {
        return sentences.stream().map(SummarySentence::text).collect(Collectors.joining(" "));
    }
}
