package dev.parallax.summarize.llm;

/** Where the LLM summarizer reports what it threw away and when it fell back; the default logs. */
public interface SummaryAudit {
    void dropped(String sentence, String reason);

    void fellBack(String reason);

    /** Logs a dropped sentence at INFO and a fallback at WARN. */
    static SummaryAudit logging() {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LlmSummarizer.class);
        return new SummaryAudit() {
            @Override
            public void dropped(String sentence, String reason) {
                log.info("llm summary: dropped a sentence ({}): {}", reason, sentence);
            }

            @Override
            public void fellBack(String reason) {
                log.warn("llm summary: using the extractive summary ({})", reason);
            }
        };
    }
}
