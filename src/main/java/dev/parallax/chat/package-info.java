/**
 * Chat: the platform-neutral ports (delivering digest messages, managing a channel) and the
 * command service; adapters live in sub-packages (console, slack, discord) and only they import an SDK.
 */
package dev.parallax.chat;
