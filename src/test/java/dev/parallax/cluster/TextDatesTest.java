package dev.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextDatesTest {
    @Test
    @DisplayName("datelines in the common news forms are read")
    void datelines() {
        assertThat(TextDates.of("Lohan checks in\nMay 03, 2013\nAfter skipping...")).isEqualTo(LocalDate.of(2013, 5, 3));
        assertThat(TextDates.of("Man held\nPublished: 09th June 2013\nA MAN was...")).isEqualTo(LocalDate.of(2013, 6, 9));
        assertThat(TextDates.of("Wed May 5, 2010 7: 12pm BST\nThree people")).isEqualTo(LocalDate.of(2010, 5, 5));
        assertThat(TextDates.of("Posted 2024-02-29 by the desk")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(TextDates.of("on Feb. 04, 2009 the team")).isEqualTo(LocalDate.of(2009, 2, 4));
    }

    @Test
    @DisplayName("a numeric date is read when its order is plain, and left unread when it could be either")
    void numericDates() {
        assertThat(TextDates.of("Red Sox extend offer\n12 / 16 / 2008 1: 30 AM EST")).isEqualTo(LocalDate.of(2008, 12, 16));
        assertThat(TextDates.of("Posted 16/12/2008 by the desk")).isEqualTo(LocalDate.of(2008, 12, 16));
        assertThat(TextDates.of("UPDATED 05 / 05 / 2013 at 11: 00 AM")).isEqualTo(LocalDate.of(2013, 5, 5));
        assertThat(TextDates.of("UPDATED 05 / 03 / 2013 at 11: 00 AM")).isNull();
        assertThat(TextDates.of("05 / 03 / 2013, then on May 9, 2013 the court")).isEqualTo(LocalDate.of(2013, 5, 9));
        assertThat(TextDates.of("31/31/2013 and 2/30/2013")).isNull();
        assertThat(TextDates.of("a ratio of 3/4/2013ths")).isNull();
    }

    @Test
    @DisplayName("without a dateline the latest full date counts; no full date (or an impossible one) gives none")
    void fallbacks() {
        String late = "x".repeat(500) + " He was there from September 1, 2010 to January 20, 2011.";
        assertThat(TextDates.of(late)).isEqualTo(LocalDate.of(2011, 1, 20));
        assertThat(TextDates.of("The quake struck on Monday, as it did in 2008.")).isNull();
        assertThat(TextDates.of("February 30, 2013")).isNull();
    }
}
