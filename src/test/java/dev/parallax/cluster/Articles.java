package dev.parallax.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Short articles written for these tests: two same-kind events (two quakes) and unrelated news. */
final class Articles {
    private Articles() {
    }

    static final Instant MONDAY = Instant.parse("2024-03-04T09:00:00Z");

    static ClusterDocument quakeChile(String id, int variant, Instant published) {
        String[] texts = {
            "A magnitude 7.1 earthquake struck northern Chile near the port of Iquique on Monday, the US Geological"
                + " Survey said. Chilean officials reported damage to homes in Iquique and Arica and ordered the"
                + " coast evacuated. President Gabriel Boric said rescue teams were on their way to Tarapaca.",
            "Chile's emergency office said the 7.1 quake off Iquique on Monday cut power across Tarapaca and"
                + " Arica. Gabriel Boric flew to Iquique, where roads were cracked and a fishing pier collapsed."
                + " The Geological Survey placed the epicentre 60 km off the coast of northern Chile.",
            "Residents of Iquique slept outdoors after Monday's 7.1 magnitude earthquake in northern Chile."
                + " Boric declared a disaster zone in Tarapaca, and officials in Arica said schools would stay"
                + " closed while engineers inspected buildings damaged by the quake."
        };
        return new ClusterDocument(id, "", texts[variant % texts.length], published);
    }

    static ClusterDocument quakeTurkey(String id, int variant, Instant published) {
        String[] texts = {
            "A magnitude 6.2 earthquake shook eastern Turkey near the city of Malatya on Thursday, Turkey's"
                + " disaster agency AFAD said. Officials in Malatya and Elazig reported collapsed houses, and"
                + " Interior Minister Ali Yerlikaya said rescue teams were searching the rubble.",
            "Rescuers in Malatya pulled survivors from the rubble after Thursday's 6.2 quake in eastern Turkey."
                + " AFAD said aftershocks rattled Elazig overnight, and Ali Yerlikaya said tents were sent to"
                + " villages where homes had collapsed."
        };
        return new ClusterDocument(id, "", texts[variant % texts.length], published);
    }

    static ClusterDocument budget(String id, Instant published) {
        return new ClusterDocument(id, "", "The Dutch parliament in The Hague approved the 2025 budget on Tuesday"
                + " after finance minister Eelco Heinen agreed to raise spending on childcare and defence. Opposition"
                + " parties in the Tweede Kamer said the plan relied on optimistic tax forecasts.", published);
    }

    /**
     * Four topics for cross-validation: a Chile quake, a Turkey quake, the Chile reports again under a
     * topic and story of their own (so stories can be wrongly joined across topics), and a budget.
     */
    static List<TopicCrossValidation.Labelled> fourTopics() {
        List<TopicCrossValidation.Labelled> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(new TopicCrossValidation.Labelled(quakeChile("c" + i, i, null), "chile", "t1"));
            out.add(new TopicCrossValidation.Labelled(quakeTurkey("t" + i, i, null), "turkey", "t2"));
            out.add(new TopicCrossValidation.Labelled(quakeChile("k" + i, i + 1, null), "chile again", "t3"));
        }
        out.add(new TopicCrossValidation.Labelled(budget("b", null), "budget", "t4"));
        return out;
    }
}
