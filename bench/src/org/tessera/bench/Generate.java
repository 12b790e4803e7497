package org.tessera.bench;

import org.tessera.support.FileTrees;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes a synthetic Tessera project (annotations/, corpus/, ontology/) of any
 * size, deterministically from a seed: the same arguments give the same bytes.
 *
 * <p>The mix follows the real corpus (306 events, 109 relations, 91 figures, 108
 * statements, 123 actors and 118 places over 5 sources): per event 0.36 relations,
 * 0.30 figures, 0.35 statements, 1.4 participants, 1.25 evidence quotes; 0.4 actors
 * and 0.39 places per event, 60 events per source. Actors and places are chosen
 * with a skew (a few are everywhere, as Isil is in the real corpus), and the most
 * used ones carry the ids of the real corpus (isis, mosul, ...) so that curated
 * queries with real defaults find something. Every quote stands exactly once in
 * its source's corpus text (lines wrap, so quotes cross line breaks as in the
 * real texts), and each source annotation carries its text's SHA-256, so that
 * {@code ./tessera validate} passes.
 *
 * <pre>java -cp ... org.tessera.bench.Generate --events 10000 --seed 42 --out /tmp/corpus-10k --ontology ontology</pre>
 */
public final class Generate {
    static final int EVENTS_PER_SOURCE = 60;
    static final String[] HOT_ACTORS = {"isis", "al-qaeda", "abu-bakr-al-baghdadi", "sdf", "us-led-coalition",
            "united-states", "iraqi-security-forces", "iraqi-government", "ypg", "turkey"};
    static final String[] HOT_PLACES = {"middle-east", "iraq", "syria", "mosul", "raqqa", "dabiq", "baghuz", "kirkuk",
            "palmyra", "europe"};
    static final String[] ACTOR_KINDS = {"armed-group", "person", "state-force", "government", "media", "person",
            "organisation", "state", "coalition", "research-body", "population-group", "person", "international-organisation"};
    static final String[] PLACE_KINDS = {"region", "country", "province", "district", "city", "town", "village", "area", "landmark"};
    static final String[] EVENT_TYPES = {"attack", "bombing", "suicide-bombing", "shooting", "vehicle-ramming", "stabbing",
            "abduction", "battle", "offensive", "siege", "capture", "recapture", "withdrawal", "airstrike", "killing",
            "execution", "death", "arrest", "foiled-plot", "declaration", "speech", "publication", "pledge-of-allegiance",
            "split", "merger", "founding", "renaming", "leadership-change", "meeting", "troop-deployment", "travel",
            "recruitment", "other"};
    static final String[] ROLES = {"agent", "ally", "target", "victim", "claimant", "suspect", "commander", "speaker",
            "subject", "participant"};
    static final String[] HEDGES = {"reported", "claimed", "alleged", "expected", "planned", "possible", "unverified",
            "disputed", "denied"};
    static final String[] RELATION_TYPES = {"leader-of", "deputy-leader-of", "spokesperson-of", "commander-of", "member-of",
            "founder-of", "works-for", "affiliate-of", "province-of", "part-of", "split-from", "pledged-allegiance-to",
            "successor-of", "allied-with", "supports", "fought-against", "rival-of"};
    static final String[][] MEASURES = {{"fighters", "persons", "fighters who joined"}, {"deaths", "persons", "people killed"},
            {"injuries", "persons", "people wounded"}, {"attacks", "events", "attacks carried out"},
            {"airstrikes", "events", "airstrikes flown"}, {"people", "persons", "people displaced"},
            {"money", "USD", "dollars of revenue"}, {"percentage", "percent", "share of territory lost"},
            {"territory", "km2", "square kilometres held"}, {"duration", "days", "days of fighting"}, {"count", "items", "weapons seized"}};
    static final String[] QUALIFIERS = {"exact", "approximate", "at-least", "at-most"};
    static final String[] SOURCE_KINDS = {"news-article", "analysis", "report", "opinion"};
    static final String[] VERBS = {"attacked", "shelled", "seized", "besieged", "struck", "raided", "entered", "abandoned",
            "surrounded", "bombed"};
    static final String[] WORDS = {"fighters", "militants", "convoy", "checkpoint", "villagers", "commanders", "coalition",
            "offensive", "outskirts", "caliphate", "militia", "airstrike", "ceasefire", "refugees", "prisoners", "hostages",
            "territory", "stronghold", "supply", "frontline", "desert", "river", "bridge", "market", "mosque", "hospital"};
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"};

    private final int events;
    private final long seed;
    private final Path out;
    private final int sources;
    private final int actors;
    private final int places;
    private final int[] mediaActors;
    private final int[] personActors;

    Generate(int events, long seed, Path out) {
        this.events = events;
        this.seed = seed;
        this.out = out;
        this.sources = (events + EVENTS_PER_SOURCE - 1) / EVENTS_PER_SOURCE;
        this.actors = Math.max(40, (int) Math.round(events * 0.40));
        this.places = Math.max(40, (int) Math.round(events * 0.39));
        List<Integer> media = new ArrayList<>(), persons = new ArrayList<>();
        for (int i = 0; i < actors; i++) {
            String k = actorKind(i);
            if (k.equals("media")) media.add(i);
            if (k.equals("person")) persons.add(i);
        }
        mediaActors = media.stream().mapToInt(Integer::intValue).toArray();
        personActors = persons.stream().mapToInt(Integer::intValue).toArray();
    }

    public static void main(String[] args) throws IOException {
        int events = 1000;
        long seed = 42;
        Path out = null, ontology = Path.of("ontology");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--ontology" -> ontology = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("usage: Generate --events N [--seed S] --out DIR [--ontology DIR]");
            }
        }
        if (out == null) throw new IllegalArgumentException("--out DIR is required");
        long t0 = System.nanoTime();
        Generate g = new Generate(events, seed, out);
        g.write(ontology);
        System.err.printf(Locale.ROOT, "generated %d events in %d sources, %d actors, %d places into %s in %.1f s%n",
                events, g.sources, g.actors, g.places, out, (System.nanoTime() - t0) / 1e9);
    }

    void write(Path ontology) throws IOException {
        FileTrees.delete(out);
        Files.createDirectories(out.resolve("annotations/actors"));
        Files.createDirectories(out.resolve("annotations/places"));
        Files.createDirectories(out.resolve("annotations/sources"));
        Files.createDirectories(out.resolve("corpus"));
        Files.createDirectories(out.resolve("ontology"));
        try (Stream<Path> files = Files.list(ontology)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, out.resolve("ontology").resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(out.resolve("annotations/dataset.yaml"), """
                dataset:
                  title: "Synthetic Tessera corpus"
                  description: "Generated by bench/ (org.tessera.bench.Generate), shaped like the real annotations."
                  base: https://w3id.org/tessera/is/
                  license: https://creativecommons.org/licenses/by/4.0/
                """);
        writeActors();
        writePlaces();
        for (int s = 0; s < sources; s++) writeSource(s);
    }

    static String actorId(int i) { return i < HOT_ACTORS.length ? HOT_ACTORS[i] : String.format("actor-%07d", i); }
    static String placeId(int i) { return i < HOT_PLACES.length ? HOT_PLACES[i] : String.format("place-%07d", i); }
    static String actorName(int i) { return i < HOT_ACTORS.length ? title(HOT_ACTORS[i]) : "Actor " + i; }
    static String placeName(int i) { return i < HOT_PLACES.length ? title(HOT_PLACES[i]) : "Place " + i; }
    static String actorKind(int i) { return i == 0 ? "armed-group" : ACTOR_KINDS[i % ACTOR_KINDS.length]; }
    static String sourceId(int s) { return String.format("src-%06d", s); }

    private static String title(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    /** Skewed choice: index 0 most often, as a few actors and places dominate a real corpus. */
    private static int skewed(SplittableRandom r, int n) {
        double u = r.nextDouble();
        return Math.min(n - 1, (int) (n * u * u * u));
    }

    private void writeActors() throws IOException {
        SplittableRandom r = new SplittableRandom(seed * 31 + 1);
        int perFile = 5000;
        for (int f = 0; f * perFile < actors; f++) {
            try (BufferedWriter w = Files.newBufferedWriter(out.resolve(String.format("annotations/actors/actors-%04d.yaml", f)))) {
                w.write("actors:\n");
                for (int i = f * perFile; i < Math.min(actors, (f + 1) * perFile); i++) {
                    w.write("  - id: " + actorId(i) + "\n");
                    w.write("    name: " + q(actorName(i)) + "\n");
                    w.write("    kind: " + actorKind(i) + "\n");
                    if (r.nextInt(3) == 0) w.write("    aliases: [" + q("A" + i) + ", " + q("Group " + i) + "]\n");
                    if (r.nextInt(4) == 0) w.write("    wikidata: Q" + (1000 + i) + "\n");
                    if (r.nextInt(3) == 0) w.write("    description: " + q("A synthetic " + actorKind(i) + " active in the "
                            + WORDS[r.nextInt(WORDS.length)] + " of the conflict.") + "\n");
                }
            }
        }
    }

    private void writePlaces() throws IOException {
        SplittableRandom r = new SplittableRandom(seed * 31 + 2);
        int perFile = 5000;
        for (int f = 0; f * perFile < places; f++) {
            try (BufferedWriter w = Files.newBufferedWriter(out.resolve(String.format("annotations/places/places-%04d.yaml", f)))) {
                w.write("places:\n");
                for (int i = f * perFile; i < Math.min(places, (f + 1) * perFile); i++) {
                    w.write("  - id: " + placeId(i) + "\n");
                    w.write("    name: " + q(placeName(i)) + "\n");
                    w.write("    kind: " + (i == 0 ? "region" : PLACE_KINDS[Math.min(PLACE_KINDS.length - 1, 1 + (int) Math.log10(i + 1) * 2 + r.nextInt(2))]) + "\n");
                    if (i > 0) w.write("    parent: " + placeId(i / 8) + "\n");
                    if (r.nextInt(10) < 8) {
                        w.write(String.format(Locale.ROOT, "    lat: %.4f%n    long: %.4f%n", 29 + r.nextDouble() * 9, 36 + r.nextDouble() * 10));
                    }
                    if (r.nextInt(4) == 0) w.write("    wikidata: Q" + (500000 + i) + "\n");
                    if (r.nextInt(5) == 0) w.write("    aliases: [" + q("Al-" + i) + "]\n");
                }
            }
        }
    }

    /** One source: its corpus text (sentences with the quotes, wrapped at 78 columns) and its annotation file. */
    private void writeSource(int s) throws IOException {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + s);
        String sid = sourceId(s);
        int first = s * EVENTS_PER_SOURCE;
        int n = Math.min(EVENTS_PER_SOURCE, events - first);
        StringBuilder text = new StringBuilder();
        StringBuilder yaml = new StringBuilder(n * 700);
        LocalDateRnd dates = new LocalDateRnd(r);
        text.append("Synthetic report ").append(sid).append(". Fighting continued. ");

        yaml.append("events:\n");
        for (int k = 1; k <= n; k++) {
            String eid = "e" + k;
            int agent = skewed(r, actors);
            int place = skewed(r, places);
            String type = EVENT_TYPES[r.nextInt(EVENT_TYPES.length)];
            String verb = VERBS[r.nextInt(VERBS.length)];
            String when = dates.day();
            String sentence = actorName(agent) + " " + verb + " " + WORDS[r.nextInt(WORDS.length)] + " near " + placeName(place)
                    + " on " + dates.phrase(when) + " [" + eid + "]";
            text.append(sentence).append(". ");
            String second = null;
            if (r.nextInt(4) == 0) {
                second = "Witnesses said the " + WORDS[r.nextInt(WORDS.length)] + " lasted for hours [" + eid + "b]";
                text.append(second).append(". ");
            }
            text.append(filler(r));
            yaml.append("  - id: ").append(eid).append('\n');
            yaml.append("    type: ").append(type).append('\n');
            yaml.append("    label: ").append(q(actorName(agent) + " " + verb + " " + placeName(place))).append('\n');
            yaml.append("    date: ").append(dates.spec(when)).append('\n');
            if (r.nextBoolean()) yaml.append("    date_phrase: ").append(q("on " + dates.phrase(when))).append('\n');
            if (r.nextInt(10) < 7) yaml.append("    place: ").append(placeId(place)).append('\n');
            int parts = r.nextInt(10) < 6 ? 1 : 2;
            if (r.nextInt(10) == 0) parts = 0;
            yaml.append("    participants:").append(parts == 0 ? " []\n" : "\n");
            int other = -1;
            for (int p = 0; p < parts; p++) {
                int actor = p == 0 ? agent : (other = pickOther(r, agent));
                yaml.append("      - {actor: ").append(actorId(actor)).append(", role: ")
                        .append(p == 0 ? "agent" : ROLES[1 + r.nextInt(ROLES.length - 1)]);
                if (r.nextInt(8) == 0) yaml.append(", hedge: ").append(HEDGES[r.nextInt(HEDGES.length)]);
                yaml.append("}\n");
            }
            if (k > 1 && r.nextInt(4) == 0) yaml.append("    parent: e").append(1 + r.nextInt(k - 1)).append('\n');
            if (s > 0 && r.nextInt(7) == 0) {
                yaml.append("    same_as: [").append(sourceId(s - 1)).append("/e").append(1 + r.nextInt(EVENTS_PER_SOURCE)).append("]\n");
            }
            if (r.nextInt(4) == 0) yaml.append("    hedge: ").append(HEDGES[r.nextInt(HEDGES.length)]).append('\n');
            if (r.nextInt(10) < 3) yaml.append("    description: ").append(q("A " + type + " reported by " + sid
                    + " involving " + actorName(agent) + (other >= 0 ? " and " + actorName(other) : "") + ".")).append('\n');
            yaml.append("    evidence:\n      - ").append(q(sentence)).append('\n');
            if (second != null) yaml.append("      - ").append(q(second)).append('\n');
            if (k == 1) yaml.append("      - {quote: \"Fighting continued.\", occurrence: 2}\n");
        }
        text.append("Fighting continued. ");

        int relations = count(r, n, 0.36);
        if (relations > 0) yaml.append("relations:\n");
        for (int k = 1; k <= relations; k++) {
            int a = skewed(r, actors), b = pickOther(r, a);
            String type = RELATION_TYPES[r.nextInt(RELATION_TYPES.length)];
            String sentence = actorName(a) + " is " + type.replace('-', ' ') + " " + actorName(b) + ", officials said [r" + k + "]";
            text.append(sentence).append(". ").append(filler(r));
            yaml.append("  - id: r").append(k).append("\n    subject: ").append(actorId(a)).append("\n    type: ").append(type)
                    .append("\n    object: ").append(actorId(b)).append('\n');
            if (r.nextInt(10) < 6) yaml.append("    date: ").append(dates.spec(dates.day())).append('\n');
            if (r.nextInt(6) == 0) yaml.append("    hedge: ").append(HEDGES[r.nextInt(HEDGES.length)]).append('\n');
            yaml.append("    evidence: [").append(q(sentence)).append("]\n");
        }

        int figures = count(r, n, 0.30);
        if (figures > 0) yaml.append("figures:\n");
        for (int k = 1; k <= figures; k++) {
            String[] m = MEASURES[r.nextInt(MEASURES.length)];
            int about = skewed(r, actors);
            boolean range = r.nextInt(3) == 0;
            long low = 10 + r.nextInt(20000), high = low + r.nextInt(5000);
            String sentence = (range ? "between " + low + " and " + high : "some " + low) + " " + m[2] + " by " + actorName(about)
                    + " were counted [f" + k + "]";
            text.append(Character.toUpperCase(sentence.charAt(0))).append(sentence, 1, sentence.length()).append(". ").append(filler(r));
            yaml.append("  - id: f").append(k).append("\n    measure: ").append(m[0]).append("\n    counts: ").append(q(m[2]))
                    .append('\n');
            if (range) yaml.append("    low: ").append(low).append("\n    high: ").append(high).append('\n');
            else yaml.append("    value: ").append(low).append('\n');
            yaml.append("    unit: ").append(m[1]).append('\n');
            if (r.nextBoolean()) yaml.append("    qualifier: ").append(QUALIFIERS[r.nextInt(QUALIFIERS.length)]).append('\n');
            if (r.nextInt(10) < 7) yaml.append("    date: ").append(dates.spec(dates.day())).append('\n');
            if (r.nextInt(3) == 0) yaml.append("    place: ").append(placeId(skewed(r, places))).append('\n');
            yaml.append("    about: [").append(actorId(about)).append("]\n");
            if (r.nextInt(3) == 0) yaml.append("    event: e").append(1 + r.nextInt(n)).append('\n');
            if (r.nextInt(3) == 0) yaml.append("    claimed_by: ").append(actorId(skewed(r, actors))).append('\n');
            yaml.append("    evidence:\n      - ").append(q(Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1))).append('\n');
        }

        int statements = count(r, n, 0.35);
        if (statements > 0) yaml.append("statements:\n");
        for (int k = 1; k <= statements; k++) {
            int speaker = skewed(r, actors);
            int about = skewed(r, actors);
            String words = "the " + WORDS[r.nextInt(WORDS.length)] + " of " + actorName(about) + " will not hold "
                    + WORDS[r.nextInt(WORDS.length)] + " much longer [s" + k + "]";
            String said = actorName(speaker) + " said on " + dates.phrase(dates.day()) + " [s" + k + "w]";
            text.append(said).append(" that \"").append(words).append("\". ").append(filler(r));
            yaml.append("  - id: s").append(k).append("\n    speaker: ").append(actorId(speaker)).append('\n');
            yaml.append("    kind: ").append(r.nextBoolean() ? "direct" : "indirect").append('\n');
            yaml.append("    quote: ").append(q(words)).append('\n');
            if (r.nextInt(10) < 7) yaml.append("    date: ").append(dates.spec(dates.day())).append('\n');
            yaml.append("    about: [").append(actorId(about)).append("]\n");
            if (r.nextInt(3) == 0) yaml.append("    event: e").append(1 + r.nextInt(n)).append('\n');
            if (r.nextInt(5) == 0) yaml.append("    evidence: [").append(q(said)).append("]\n");
        }

        byte[] corpus = wrap(text.toString().strip(), 78).getBytes(StandardCharsets.UTF_8);
        Files.write(out.resolve("corpus").resolve(sid + ".txt"), corpus);
        StringBuilder head = new StringBuilder(256);
        head.append("source:\n  id: ").append(sid).append("\n  title: ").append(q("Synthetic report " + s))
                .append("\n  kind: ").append(SOURCE_KINDS[s % SOURCE_KINDS.length]).append('\n');
        if (mediaActors.length > 0) head.append("  publisher: ").append(actorId(mediaActors[s % mediaActors.length])).append('\n');
        head.append("  authors: [");
        if (personActors.length > 0 && s % 3 != 0) head.append(actorId(personActors[(s * 7) % personActors.length]));
        head.append("]\n  published: ").append(dates.day()).append("\n  url: https://example.org/reports/").append(sid)
                .append("\n  language: en\n  corpus_file: ").append(sid).append(".txt\n  sha256: ").append(sha256(corpus)).append("\n\n");
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("annotations/sources").resolve(sid + ".yaml"))) {
            w.write(head.toString());
            w.write(yaml.toString());
        }
    }

    private int pickOther(SplittableRandom r, int not) {
        int a = skewed(r, actors);
        return a != not ? a : (not + 1 + r.nextInt(actors - 1)) % actors;
    }

    /** n * rate, the fraction rounded up or down at random, so that the mix holds on average. */
    private static int count(SplittableRandom r, int n, double rate) {
        double x = n * rate;
        int base = (int) x;
        return base + (r.nextDouble() < x - base ? 1 : 0);
    }

    private static String filler(SplittableRandom r) {
        StringBuilder sb = new StringBuilder("The ");
        int words = 6 + r.nextInt(10);
        for (int i = 0; i < words; i++) sb.append(WORDS[r.nextInt(WORDS.length)]).append(i + 1 < words ? " " : "");
        return sb.append(" remained a concern for observers. ").toString();
    }

    /** Breaks lines at spaces near {@code width}: the quotes then cross line breaks, as in the real texts. */
    private static String wrap(String text, int width) {
        StringBuilder sb = new StringBuilder(text.length() + text.length() / width + 2);
        int col = 0;
        for (String word : text.split(" ")) {
            if (col > 0 && col + 1 + word.length() > width) { sb.append('\n'); col = 0; }
            else if (col > 0) { sb.append(' '); col++; }
            sb.append(word);
            col += word.length();
        }
        return sb.append('\n').toString();
    }

    private static String q(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Dates between 2014 and 2019 in the forms the format takes, with the words a text would use. */
    private static final class LocalDateRnd {
        private final SplittableRandom r;

        LocalDateRnd(SplittableRandom r) { this.r = r; }

        String day() {
            return String.format("%04d-%02d-%02d", 2014 + r.nextInt(6), 1 + r.nextInt(12), 1 + r.nextInt(28));
        }

        String phrase(String day) {
            return Integer.parseInt(day.substring(8)) + " " + MONTHS[Integer.parseInt(day.substring(5, 7)) - 1] + " " + day.substring(0, 4);
        }

        /** The date in one of the forms: day (half), month, year, span, before, after. */
        String spec(String day) {
            int f = r.nextInt(20);
            if (f < 10) return day;
            if (f < 14) return day.substring(0, 7);
            if (f < 15) return day.substring(0, 4);
            if (f < 18) return "{from: " + day + ", to: " + (Integer.parseInt(day.substring(0, 4)) + 1) + day.substring(4, 7) + "}";
            if (f < 19) return "{before: " + day + "}";
            return "{after: " + day.substring(0, 7) + "}";
        }
    }
}
