package dev.parallax.summarize.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;

/** {@link LlmClient} over any OpenAI-compatible chat endpoint, through langchain4j; no retries, one timeout. */
public final class OpenAiCompatibleClient implements LlmClient {
    private final ChatModel model;

    /** @param apiKey from the environment; local servers (Ollama, llama.cpp) accept any non-empty key */
    public OpenAiCompatibleClient(LlmSettings settings, String apiKey) {
        model = OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl().toString())
                .apiKey(apiKey == null || apiKey.isBlank() ? "none" : apiKey)
                .modelName(settings.model())
                .timeout(settings.timeout())
                .maxRetries(0)
                .temperature(0.0)
                .build();
    }

    @Override
    public LlmReply complete(String instructions, String prompt) {
        try {
            ChatResponse response = model.chat(SystemMessage.from(instructions), UserMessage.from(prompt));
            String text = response.aiMessage() == null ? null : response.aiMessage().text();
            return text == null || text.isBlank() ? new LlmReply.Failed("empty reply") : new LlmReply.Text(text);
        } catch (RuntimeException e) {
            // Timeouts, HTTP errors and unreadable bodies all surface as runtime exceptions in langchain4j.
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new LlmReply.Failed(message.lines().findFirst().orElse(message));
        }
    }
}
