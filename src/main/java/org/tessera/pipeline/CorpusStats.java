package org.tessera.pipeline;

import org.tessera.model.Event;
import org.tessera.model.Figure;
import org.tessera.model.Participant;
import org.tessera.model.Ref;
import org.tessera.model.Relation;
import org.tessera.model.SourceAccount;
import org.tessera.model.Statement;
import org.tessera.validate.Evidence;
import org.tessera.validate.TextSpan;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Counts of what the annotations hold, per source and in all. */
public record CorpusStats(List<Row> rows, int actors, int places) {

    /** One source's counts; actors and places are those its facts mention. */
    public record Row(String source, int events, int actors, int places, int relations, int figures,
                      int statements, int quotes, int eventsWithPlace, int eventsWithDate) {}

    /** The counts of one source's account, whose quotes {@code evidence} has located. */
    public static Row row(SourceAccount a, Evidence evidence) {
        Set<String> actors = new HashSet<>();
        Set<String> places = new HashSet<>();
        Set<TextSpan> spans = new HashSet<>();
        for (Event e : a.events()) {
            e.participants().stream().map(Participant::actor).map(Ref::id).forEach(actors::add);
            if (e.place() != null) places.add(e.place().id());
            e.evidence().forEach(q -> spans.add(evidence.spanOf(q)));
        }
        for (Relation r : a.relations()) {
            actors.add(r.subject().id());
            actors.add(r.object().id());
            r.evidence().forEach(q -> spans.add(evidence.spanOf(q)));
        }
        for (Figure f : a.figures()) {
            f.about().stream().map(Ref::id).forEach(actors::add);
            if (f.claimedBy() != null) actors.add(f.claimedBy().id());
            if (f.place() != null) places.add(f.place().id());
            f.evidence().forEach(q -> spans.add(evidence.spanOf(q)));
        }
        for (Statement s : a.statements()) {
            actors.add(s.speaker().id());
            Stream.concat(Stream.of(s.words()), s.evidence().stream()).map(evidence::spanOf).forEach(spans::add);
        }
        int withPlace = (int) a.events().stream().filter(e -> e.place() != null).count();
        int withDate = (int) a.events().stream().filter(e -> e.date() != null).count();
        return new Row(a.source().id(), a.events().size(), actors.size(), places.size(), a.relations().size(),
                a.figures().size(), a.statements().size(), spans.size(), withPlace, withDate);
    }

    public Row total() {
        return new Row("all sources", sum(Row::events), actors, places, sum(Row::relations), sum(Row::figures),
                sum(Row::statements), sum(Row::quotes), sum(Row::eventsWithPlace), sum(Row::eventsWithDate));
    }

    private int sum(java.util.function.ToIntFunction<Row> f) {
        return rows.stream().mapToInt(f).sum();
    }
}
