package dev.parallax.summarize.llm;

/** One chat completion: instructions and a prompt in, the model's text out. Failures are values. */
public interface LlmClient {
    LlmReply complete(String instructions, String prompt);

    /** What came back: the text, or why there is none. */
    sealed interface LlmReply {
        record Text(String text) implements LlmReply {
        }

        record Failed(String reason) implements LlmReply {
        }
    }
}
