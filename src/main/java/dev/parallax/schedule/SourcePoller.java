package dev.parallax.schedule;

/** Fetches the sources that are due and files new articles into stories; returns how many arrived. */
@FunctionalInterface
public interface SourcePoller {
    int pollDue();
}
