package dev.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parallax.text.TermAnalyzer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StoryClustererTest {
    private final TermAnalyzer analyzer = new TermAnalyzer();

    @AfterEach
    void close() {
        analyzer.close();
    }

    @Test
    @DisplayName("two players' arrests reported in turn end as two stories, though the later reports recall the earlier")
    void twoProtagonistsEndApart() {
        // A neutral middle past the 50-word lead, so the later reports recall the earlier arrest in their tails.
        String middle = " The player was stopped on a freeway shortly after two in the morning and failed field"
                + " sobriety tests, officers said. He was booked into county jail and released several hours later on"
                + " his own recognizance, pending a court date, and the team said it was aware of the matter.";
        List<ClusterDocument> docs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String williams = ProtagonistSplitTest.WILLIAMS.get(i);
            int recall = williams.indexOf(". ") + 1;
            docs.add(new ClusterDocument("j" + i, "", ProtagonistSplitTest.JACKSON.get(i) + middle, null));
            docs.add(new ClusterDocument("w" + i, "", williams.substring(0, recall) + middle + williams.substring(recall),
                    null));
        }

        List<String> story = StreamRun.of(docs, ClusterSettings.defaults(), analyzer).finalStory();
        List<String> off = StreamRun.of(docs, ClusterSettings.defaults().withProtagonistReports(0), analyzer).finalStory();

        List<String> jackson = List.of(story.get(0), story.get(2), story.get(4), story.get(6), story.get(8));
        List<String> williams = List.of(story.get(1), story.get(3), story.get(5), story.get(7), story.get(9));
        assertThat(jackson).containsOnly(story.get(0));
        assertThat(williams).containsOnly(story.get(1));
        assertThat(story.get(1)).isNotEqualTo(story.get(0));
        assertThat(off).as("without the check one similarity merges them").containsOnly(off.get(0));
    }

    @Test
    @DisplayName("reports of one quake form one story; a quake elsewhere and a budget vote get their own")
    void sameKindEventsStayApart() {
        StoryClusterer clusterer = new StoryClusterer(ClusterSettings.defaults(), analyzer);

        Assignment c1 = clusterer.add(Articles.quakeChile("c1", 0, Articles.MONDAY));
        Assignment t1 = clusterer.add(Articles.quakeTurkey("t1", 0, Articles.MONDAY.plusSeconds(600)));
        Assignment c2 = clusterer.add(Articles.quakeChile("c2", 1, Articles.MONDAY.plusSeconds(1200)));
        Assignment b1 = clusterer.add(Articles.budget("b1", Articles.MONDAY.plusSeconds(1800)));
        Assignment t2 = clusterer.add(Articles.quakeTurkey("t2", 1, Articles.MONDAY.plusSeconds(2400)));
        Assignment c3 = clusterer.add(Articles.quakeChile("c3", 2, Articles.MONDAY.plusSeconds(3000)));

        assertThat(c1).isInstanceOf(Assignment.Opened.class);
        assertThat(t1).isInstanceOf(Assignment.Opened.class);
        assertThat(List.of(c2.storyId(), c3.storyId())).containsOnly(c1.storyId());
        assertThat(c2).isInstanceOf(Assignment.Joined.class);
        assertThat(t2.storyId()).isEqualTo(t1.storyId());
        assertThat(b1.storyId()).isNotIn(c1.storyId(), t1.storyId());
    }

    @Test
    @DisplayName("a fresh stream weighs content words as one that has already seen unrelated reports would")
    void freshStreamWeighsAsALongerOne() {
        List<ClusterDocument> quakes = List.of(Articles.quakeChile("c1", 0, null), Articles.quakeTurkey("t1", 0, null),
                Articles.quakeChile("c2", 1, null), Articles.quakeTurkey("t2", 1, null), Articles.quakeChile("c3", 2, null));
        // Content words alone: names have a lasting prior of their own, which the 150 reports move a little.
        ClusterSettings wordsOnly = ClusterSettings.defaults().withNameWeight(0);
        StoryClusterer fresh = new StoryClusterer(wordsOnly, analyzer);
        StoryClusterer seasoned = new StoryClusterer(wordsOnly, analyzer);
        // Reports that share no word with the quakes, so only the stream's length differs.
        for (int i = 0; i < 150; i++) {
            seasoned.add(new ClusterDocument("o" + i, "", "the " + word(i, 0) + " and the " + word(i, 1) + " of "
                    + word(i, 2) + " " + word(i, 3) + " and the " + word(i, 4) + " " + word(i, 5), null));
        }

        int joins = 0;
        for (ClusterDocument quake : quakes) {
            Assignment a = fresh.add(quake);
            Assignment b = seasoned.add(quake);
            assertThat(b.getClass()).as(quake.id()).isEqualTo(a.getClass());
            joins += a instanceof Assignment.Joined ? 1 : 0;
            if (a instanceof Assignment.Joined joined) {
                assertThat(((Assignment.Joined) b).score()).as(quake.id()).isCloseTo(joined.score(), within(1e-9));
            }
        }
        assertThat(joins).as("reports that joined a story, with a score to compare").isPositive();
    }

    // A made-up lower-case word of letters only, distinct for each report and slot.
    private static String word(int report, int slot) {
        StringBuilder out = new StringBuilder("z");
        for (int n = report * 6 + slot + 1; n > 0; n /= 26) {
            out.append((char) ('a' + n % 26));
        }
        return out.append("ent").toString();
    }

    @Test
    @DisplayName("empty, one-word and non-English articles stay alone, and nothing later joins them")
    void badInputIsIsolated() {
        StoryClusterer clusterer = new StoryClusterer(ClusterSettings.defaults(), analyzer);

        Assignment empty = clusterer.add(new ClusterDocument("e", "", "", null));
        Assignment word = clusterer.add(new ClusterDocument("w", "", "Earthquake", null));
        Assignment german = clusterer.add(new ClusterDocument("g", "", "Ein starkes Erdbeben hat am Montag den"
                + " Norden Chiles erschüttert, teilte die Erdbebenwarte mit. In Iquique und Arica wurden Häuser"
                + " beschädigt, und die Regierung ließ die Küste räumen, berichteten die Behörden vor Ort.", null));
        // Three "in"s pass a share-of-English-words check; German's own function words outnumber them.
        Assignment germanWithIn = clusterer.add(new ClusterDocument("g2", "", "Der Bundestag hat am Donnerstag in"
                + " Berlin ein neues Gesetz beschlossen, das die Regeln für die Mieten in den großen Städten"
                + " verschärft und Vermieter stärker in die Pflicht nimmt.", null));
        Assignment quake = clusterer.add(Articles.quakeChile("c1", 0, null));

        assertThat(germanWithIn).isInstanceOfSatisfying(Assignment.Isolated.class,
                i -> assertThat(i.reason()).isEqualTo("not English text"));
        assertThat(empty).isInstanceOfSatisfying(Assignment.Isolated.class,
                i -> assertThat(i.reason()).isEqualTo("empty article"));
        assertThat(word).isInstanceOfSatisfying(Assignment.Isolated.class,
                i -> assertThat(i.reason()).contains("1 word"));
        assertThat(german).isInstanceOfSatisfying(Assignment.Isolated.class,
                i -> assertThat(i.reason()).isEqualTo("not English text"));
        assertThat(quake).isInstanceOf(Assignment.Opened.class);
        assertThat(List.of(empty.storyId(), word.storyId(), german.storyId(), germanWithIn.storyId(), quake.storyId()))
                .doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("a 5 MB article is read up to its cap, quickly, and still joins its story")
    void hugeArticleIsCapped() {
        StoryClusterer clusterer = new StoryClusterer(ClusterSettings.defaults(), analyzer);
        Assignment first = clusterer.add(Articles.quakeChile("c1", 0, Articles.MONDAY));
        String body = Articles.quakeChile("x", 1, null).text();
        ClusterDocument huge = new ClusterDocument("huge", "", (body + "\n").repeat(5_000_000 / body.length() + 1),
                Articles.MONDAY.plusSeconds(60));

        long start = System.nanoTime();
        Assignment a = clusterer.add(huge);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(huge.text().length()).isGreaterThan(5_000_000);
        assertThat(a.storyId()).isEqualTo(first.storyId());
        assertThat(millis).isLessThan(2_000);
    }

    @Test
    @DisplayName("a story out of the time window takes no more articles and leaves the working set")
    void windowEvictsOldStories() {
        ClusterSettings settings = ClusterSettings.defaults().withWorkingSet(Duration.ofHours(24), 100, 50);
        StoryClusterer clusterer = new StoryClusterer(settings, analyzer);
        Assignment early = clusterer.add(Articles.quakeChile("c1", 0, Articles.MONDAY));

        Assignment late = clusterer.add(Articles.quakeChile("c2", 1, Articles.MONDAY.plus(Duration.ofDays(3))));

        assertThat(late).isInstanceOf(Assignment.Opened.class);
        assertThat(late.storyId()).isNotEqualTo(early.storyId());
        assertThat(clusterer.activeStories()).isEqualTo(1);
    }

    @Test
    @DisplayName("the working set never holds more stories than max_active_stories")
    void workingSetIsBounded() {
        ClusterSettings settings = ClusterSettings.defaults().withWorkingSet(Duration.ofDays(3), 3, 50);
        StoryClusterer clusterer = new StoryClusterer(settings, analyzer);
        List<Integer> sizes = new ArrayList<>();

        for (int i = 0; i < 8; i++) {
            clusterer.add(new ClusterDocument("n" + i, "", "Officials in town number " + i + " said the harbour"
                    + " committee " + "abcdefgh".charAt(i) + " approved a plan for new ferry routes next spring.", null));
            sizes.add(clusterer.activeStories());
        }

        assertThat(sizes).allMatch(n -> n <= 3);
    }

    @Test
    @DisplayName("a dateline in the text stands in for a missing publish time: months apart count against a story")
    void textDatesAreEvidence() {
        List<ClusterDocument> docs = List.of(
                new ClusterDocument("a", "", "May 3, 2013\n" + Articles.quakeChile("x", 0, null).text(), null),
                new ClusterDocument("c", "", "December 9, 2013\n" + Articles.quakeChile("x", 1, null).text(), null));

        List<Assignment> dated = StreamRun.of(docs, ClusterSettings.defaults().withDateWeight(0.1), analyzer)
                .assignments();
        List<Assignment> undated = StreamRun.of(docs, ClusterSettings.defaults().withDateWeight(0.0), analyzer)
                .assignments();

        assertThat(score(dated.get(1)) - score(undated.get(1))).isCloseTo(-0.1, org.assertj.core.api.Assertions.within(1e-9));
    }

    private static double score(Assignment a) {
        assertThat(a).isInstanceOf(Assignment.Joined.class);
        return ((Assignment.Joined) a).score();
    }
}
