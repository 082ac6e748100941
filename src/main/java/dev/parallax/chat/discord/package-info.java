/**
 * Parallax in Discord through JDA: the {@code /parallax} slash commands, digests as embeds with a
 * thread (or forum post) per story, and the delivery adapter the outbox calls. Only this package imports JDA.
 */
package dev.parallax.chat.discord;
