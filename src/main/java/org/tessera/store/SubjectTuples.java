package org.tessera.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.Cache;
import org.apache.jena.atlas.lib.CacheFactory;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;

/**
 * The tuples of the subjects a query visited last, each read in one range scan of the
 * subject-first index (SPOG, or SPO for the default graph's storage). A query that matches
 * several patterns on one subject, as an event's type, label, date and place, then descends
 * the index once for that subject instead of once a pattern: the descents are about half
 * of what a row of such a query costs (BENCHMARKS.md, "Queries at 1M events").
 *
 * <p>A subject is read when the pattern that meets it is one of {@link SubjectTupleMatch#PATTERNS_WORTH_A_READ}
 * or more on it still to match: a read costs about as much as two narrow lookups. A pattern
 * whose object is bound too tests a subject more often than it reads it (is this event a
 * pledge of allegiance?), and is left to the index until the subject is read, unless most
 * of its pattern's tests have passed (is this event an event?): then the read answers it.
 * A lookup left to the index that finds a few tuples, a test among them, is kept for the
 * query's later rows once it has been asked twice.
 * Of a subject with more than {@link #MOST_TUPLES} tuples, as a source that names hundreds
 * of actors, the first ones are kept: they hold each of their predicates whole but the last,
 * as the index orders a subject's tuples by predicate. Such a subject is read once a query:
 * reading its first tuples again costs more than the few lookups it spares (BENCHMARKS.md,
 * round thirty-five). When it leaves the recent subjects, it keeps the tuples of the
 * predicates its patterns found there (a source's type, label and dates), and the patterns
 * of a later visit that ask for others go to the index (round thirty-six).
 *
 * <p>A find gives the tuples in the order the index TDB2 would choose gives them: what
 * stays free of a pattern is ordered the same in SPOG as in any index whose bound slots
 * lead, and the graph comes last, which the union graph's removal of adjacent duplicates
 * needs.
 *
 * <p>One per query execution and table, kept in the execution's context: the tuples are
 * those of the query's read transaction, and one query runs on one thread at a time.
 */
final class SubjectTuples {
    /** More than most subjects have (an event 26 at the median of the curated corpus, 35 at p90), few enough to read in passing. */
    static final int MOST_TUPLES = 128;
    /**
     * The subjects of the last rows: a row visits fewer than ten, and the sources, types and
     * places that rows share come back often. At most some 16 MB of tuples.
     */
    static final int RECENT_SUBJECTS = 1024;
    /** The crowded subjects remembered, about 4 MB of ids: past that, such a subject may be read again. */
    private static final int CROWDED_KEPT = 65_536;
    /** The tuples the crowded subjects keep once they have left the recent ones, some 16 MB at most. */
    static final int CROWDED_TUPLES_KEPT = 131_072;
    /** The lookups kept: more than the sources, types and places that the rows of a query at 1M events share (BENCHMARKS.md, round thirty-nine). */
    static final int LOOKED_UP_KEPT = 16_384;
    /** The most tuples a lookup keeps: a label or two, a date; a lookup that finds more is left to the index. */
    static final int LOOKED_UP_MOST = 8;
    /** The slots of the lookups met once at most, a power of two: four times the lookups kept, 256 KB. */
    static final int MET_ONCE_SLOTS = 65_536;
    /** The slots a query starts with, 4 KB: a query of a few lookups does not clear 256 KB. */
    private static final int MET_ONCE_FIRST_SLOTS = 1_024;
    private static final Symbol PER_EXECUTION = Symbol.create("https://w3id.org/tessera/ontology#subjectTuples");

    private final NodeTupleTable table;
    private final TupleIndex subjectFirst;
    private final int subjectSlot;
    private final Map<NodeId, Read> recent = new LinkedHashMap<>(RECENT_SUBJECTS * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<NodeId, Read> eldest) {
            if (size() <= RECENT_SUBJECTS) return false;
            if (!eldest.getValue().whole) keepAsked(eldest.getKey(), eldest.getValue());
            return true;
        }
    };
    /**
     * The subjects read that had more than {@link #MOST_TUPLES} tuples: null while they are
     * among the recent ones, then the tuples their patterns asked for, or null again past
     * {@link #CROWDED_TUPLES_KEPT}.
     */
    private final Map<NodeId, Read> crowded = new HashMap<>();
    private int crowdedTuples;
    /**
     * The tuples of lookups that found at most {@link #LOOKED_UP_MOST}: a pattern alone on
     * its subject, as the label of a row's source or type, is met again by every row that
     * shares the subject, and would descend the index each time. Caffeine's admission keeps
     * the subjects met often (sources, types) from being pushed out by those met fewer times.
     */
    private Cache<Tuple<NodeId>, List<Tuple<NodeId>>> lookedUp;
    /**
     * The hash of the last lookup met in each slot: a lookup is kept only when it is met a
     * second time. Most lookups of some queries are met once (each place of a place's
     * events, each class partition of a source's graph), and keeping them cost more than
     * the lookups that the kept ones saved (BENCHMARKS.md, round thirty-nine).
     */
    private int[] metOnce;
    private long reads;
    private long lookups;

    /** A subject's tuples as read, all of them or its first {@link #MOST_TUPLES}, by predicate in the index's order. */
    private static final class Read {
        private final List<Tuple<NodeId>> tuples;
        private final boolean whole;
        private final int predicateSlot;
        private final Map<NodeId, List<Tuple<NodeId>>> byPredicate;
        /** The predicates whose tuples a pattern found here, for what a crowded subject keeps. */
        private final Set<NodeId> asked = new HashSet<>();

        Read(List<Tuple<NodeId>> tuples, boolean whole, int predicateSlot) {
            this.tuples = tuples;
            this.whole = whole;
            this.predicateSlot = predicateSlot;
            this.byPredicate = new HashMap<>();
            int from = 0;
            for (int i = 1; i <= tuples.size(); i++) {
                if (i == tuples.size() || !tuples.get(i).get(predicateSlot).equals(tuples.get(from).get(predicateSlot))) {
                    byPredicate.put(tuples.get(from).get(predicateSlot), tuples.subList(from, i));
                    from = i;
                }
            }
            // The last predicate read may go on past the tuples read.
            if (!whole) byPredicate.remove(tuples.get(tuples.size() - 1).get(predicateSlot));
        }

        /** Part of a subject's tuples: only the predicates in {@code byPredicate} are whole. */
        private Read(Map<NodeId, List<Tuple<NodeId>>> byPredicate, int predicateSlot) {
            this.tuples = List.of();
            this.whole = false;
            this.predicateSlot = predicateSlot;
            this.byPredicate = byPredicate;
        }

        /** The tuples that match the pattern, or null when the tuples read may not hold them all. */
        Iterator<Tuple<NodeId>> find(Tuple<NodeId> pattern) {
            NodeId predicate = pattern.get(predicateSlot);
            List<Tuple<NodeId>> candidates = NodeId.isAny(predicate) ? (whole ? tuples : null) : byPredicate.get(predicate);
            if (candidates == null) return whole ? Iter.nullIterator() : null;
            // Only a read cut short is kept in part when it leaves the recent subjects.
            if (!whole) asked.add(predicate);
            return Iter.filter(candidates.iterator(), tuple -> matches(tuple, pattern));
        }

        /** The tuples of the predicates asked for, copied out of the read so that the rest can go. */
        Read asked() {
            Map<NodeId, List<Tuple<NodeId>>> kept = new HashMap<>();
            for (NodeId predicate : asked) kept.put(predicate, List.copyOf(byPredicate.get(predicate)));
            return new Read(kept, predicateSlot);
        }

        int size() {
            return byPredicate.values().stream().mapToInt(List::size).sum();
        }
    }

    private SubjectTuples(NodeTupleTable table, TupleIndex subjectFirst) {
        this.table = table;
        this.subjectFirst = subjectFirst;
        this.subjectSlot = table.getTupleTable().getTupleLen() - 3;
    }

    /** The execution's subject tuples for the table; without a subject-first index, the table's own finds. */
    static SubjectTuples of(NodeTupleTable table, ExecutionContext execCxt) {
        Map<NodeTupleTable, SubjectTuples> perTable = execCxt.getContext().get(PER_EXECUTION);
        if (perTable == null) {
            perTable = new IdentityHashMap<>();
            execCxt.getContext().set(PER_EXECUTION, perTable);
        }
        return perTable.computeIfAbsent(table, t -> new SubjectTuples(t, subjectFirstIndex(t)));
    }

    private static TupleIndex subjectFirstIndex(NodeTupleTable table) {
        String name = table.getTupleTable().getTupleLen() == 4 ? "SPOG" : "SPO";
        for (TupleIndex index : table.getTupleTable().getIndexes()) {
            if (index != null && name.equals(index.getName())) return index;
        }
        return null;
    }

    /** The subjects whose tuples this has read from the index. */
    long reads() {
        return reads;
    }

    /** The finds left to the index, for a subject not read or not read whole. */
    long lookups() {
        return lookups;
    }

    /** The subjects the execution with this context read, over all its tables. */
    static long reads(Context context) {
        Map<NodeTupleTable, SubjectTuples> perTable = context.get(PER_EXECUTION);
        return perTable == null ? 0 : perTable.values().stream().mapToLong(SubjectTuples::reads).sum();
    }

    /** The finds the execution with this context left to the index, over all its tables. */
    static long lookups(Context context) {
        Map<NodeTupleTable, SubjectTuples> perTable = context.get(PER_EXECUTION);
        return perTable == null ? 0 : perTable.values().stream().mapToLong(SubjectTuples::lookups).sum();
    }

    NodeTupleTable table() {
        return table;
    }

    /**
     * The tuples that match the pattern (a null or any slot matches every id), as {@link NodeTupleTable#find} gives them.
     *
     * @param worthReading whether more patterns on the subject follow, so that reading it whole pays
     */
    Iterator<Tuple<NodeId>> find(Tuple<NodeId> pattern, boolean worthReading) {
        return find(pattern, worthReading, false);
    }

    /**
     * As {@link #find(Tuple, boolean)}, and a pattern whose object is bound reads the subject
     * too when {@code testByReading}: when such tests have mostly passed, the lookup that
     * tests the subject before its read costs more than the reads of the subjects that fail.
     */
    Iterator<Tuple<NodeId>> find(Tuple<NodeId> pattern, boolean worthReading, boolean testByReading) {
        NodeId subject = pattern.get(subjectSlot);
        if (subjectFirst == null || NodeId.isAny(subject)) return table.find(pattern);
        Read read = recent.get(subject);
        if (read == null) read = crowded.get(subject);
        if (read == null) {
            boolean test = !NodeId.isAny(pattern.get(subjectSlot + 2));
            if (!worthReading || (test && !testByReading) || crowded.containsKey(subject)) return lookUp(pattern);
            read = read(subject);
            recent.put(subject, read);
            if (!read.whole && crowded.size() < CROWDED_KEPT) crowded.put(subject, null);
        }
        Iterator<Tuple<NodeId>> found = read.find(pattern);
        return found != null ? found : lookUp(pattern);
    }

    /** What a crowded subject leaving the recent ones keeps, while the tuples kept stay under {@link #CROWDED_TUPLES_KEPT}. */
    private void keepAsked(NodeId subject, Read read) {
        if (!crowded.containsKey(subject)) return;
        Read kept = read.asked();
        if (crowdedTuples + kept.size() > CROWDED_TUPLES_KEPT) return;
        crowdedTuples += kept.size();
        crowded.put(subject, kept);
    }

    private Iterator<Tuple<NodeId>> lookUp(Tuple<NodeId> pattern) {
        // Most lookups are met once (a test of one event); those met again, as the test of a
        // class against its super-class for each search hit, are kept.
        if (firstMeeting(pattern)) {
            lookups++;
            return table.find(pattern);
        }
        if (lookedUp == null) lookedUp = CacheFactory.createCache(LOOKED_UP_KEPT);
        List<Tuple<NodeId>> kept = lookedUp.getIfPresent(pattern);
        if (kept != null) return kept.iterator();
        lookups++;
        Iterator<Tuple<NodeId>> found = table.find(pattern);
        List<Tuple<NodeId>> first = new ArrayList<>(2);
        while (found.hasNext() && first.size() <= LOOKED_UP_MOST) first.add(found.next());
        if (first.size() > LOOKED_UP_MOST) return Iter.concat(first.iterator(), found);
        lookedUp.put(pattern, first);
        return first.iterator();
    }

    /**
     * Whether this lookup was not the last one met in its slot; it is now. A lookup kept
     * whose slot another has taken since is met "first" again, and left to the index once.
     * The slots double while the lookups outnumber half of them, each hash moved to its slot.
     */
    private boolean firstMeeting(Tuple<NodeId> pattern) {
        if (metOnce == null) metOnce = new int[MET_ONCE_FIRST_SLOTS];
        else if (metOnce.length < MET_ONCE_SLOTS && lookups * 2 > metOnce.length) metOnce = movedTo(new int[metOnce.length * 2], metOnce);
        int hash = pattern.hashCode();
        int slot = slotOf(hash, metOnce.length);
        if (metOnce[slot] == hash) return false;
        metOnce[slot] = hash;
        return true;
    }

    private static int[] movedTo(int[] slots, int[] from) {
        for (int hash : from) if (hash != 0) slots[slotOf(hash, slots.length)] = hash;
        return slots;
    }

    private static int slotOf(int hash, int slots) {
        return (hash ^ (hash >>> 16)) & (slots - 1);
    }

    private Read read(NodeId subject) {
        reads++;
        NodeId[] prefix = new NodeId[subjectSlot + 3];
        Arrays.fill(prefix, NodeId.NodeIdAny);
        prefix[subjectSlot] = subject;
        Iterator<Tuple<NodeId>> scan = subjectFirst.find(TupleFactory.create(prefix));
        List<Tuple<NodeId>> tuples = new ArrayList<>();
        while (scan.hasNext() && tuples.size() < MOST_TUPLES) tuples.add(scan.next());
        boolean whole = !scan.hasNext();
        Iter.close(scan);
        return new Read(tuples, whole, subjectSlot + 1);
    }

    private static boolean matches(Tuple<NodeId> tuple, Tuple<NodeId> pattern) {
        for (int slot = 0; slot < pattern.len(); slot++) {
            NodeId wanted = pattern.get(slot);
            if (!NodeId.isAny(wanted) && !wanted.equals(tuple.get(slot))) return false;
        }
        return true;
    }
}
