/**
 * The optional LLM summarizer behind the {@link dev.parallax.summarize.StorySummarizer} port: an
 * OpenAI-compatible endpoint (OpenAI, Ollama, llama.cpp, vLLM) through langchain4j, every output
 * sentence checked against the sources, the extractive summary as the fallback. Only this package
 * imports langchain4j.
 */
package dev.parallax.summarize.llm;
