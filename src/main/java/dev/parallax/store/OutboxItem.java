package dev.parallax.store;

/** A message waiting in the outbox: its key, the message it threads under, its kind and JSON payload. */
public record OutboxItem(String key, String parentKey, String kind, String payload) {
}
