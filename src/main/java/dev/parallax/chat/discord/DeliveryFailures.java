package dev.parallax.chat.discord;

import dev.parallax.chat.DeliveryResult;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.MissingAccessException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;

/**
 * What a failed send means for the outbox. A channel that is gone or closed to the bot is
 * permanent (the channel gets disabled with the reason); Discord's 5xx, timeouts and anything
 * unexpected are worth another try later. JDA itself already waits out 429s.
 */
final class DeliveryFailures {
    private DeliveryFailures() {
    }

    static DeliveryResult map(Throwable failure, String channel) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ErrorResponseException e) {
            return switch (e.getErrorResponse()) {
                case UNKNOWN_CHANNEL, UNKNOWN_GUILD -> new DeliveryResult.Permanent(
                        "Unknown Channel: Discord says channel " + channel + " no longer exists");
                case MISSING_ACCESS -> new DeliveryResult.Permanent(
                        "Missing Access: the bot can no longer see channel " + channel);
                case MISSING_PERMISSIONS -> new DeliveryResult.Permanent(
                        "Missing Permissions: the bot may not post in channel " + channel);
                default -> new DeliveryResult.RetryLater(null, e.isServerError()
                        ? "Discord server error " + (e.getResponse() == null ? "" : e.getResponse().code + " ")
                                + "in channel " + channel
                        : "Discord refused the message for channel " + channel + ": " + e.getErrorCode() + " "
                                + e.getMeaning());
            };
        }
        if (t instanceof MissingAccessException e) {
            return new DeliveryResult.Permanent("Missing Access: the bot can no longer see channel " + channel
                    + " (needs " + e.getPermission().getName() + ")");
        }
        if (t instanceof InsufficientPermissionException e) {
            return new DeliveryResult.Permanent("Missing Permissions: the bot needs " + e.getPermission().getName()
                    + " in channel " + channel);
        }
        if (t instanceof RateLimitedException e) {
            return new DeliveryResult.RetryLater(Duration.ofMillis(e.getRetryAfter()), "rate limited by Discord");
        }
        if (t instanceof TimeoutException || t instanceof IOException) {
            return new DeliveryResult.RetryLater(null, "no answer from Discord in time: " + t.getClass().getSimpleName());
        }
        return new DeliveryResult.RetryLater(null, t.getClass().getSimpleName() + ": " + t.getMessage());
    }
}
