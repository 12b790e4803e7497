package org.tessera.validate;

import org.tessera.model.Actor;
import org.tessera.model.Annotations;
import org.tessera.model.Event;
import org.tessera.model.Figure;
import org.tessera.model.Participant;
import org.tessera.model.Place;
import org.tessera.model.Ref;
import org.tessera.model.Relation;
import org.tessera.model.SourceAccount;
import org.tessera.model.Statement;
import org.tessera.read.Problems;
import org.tessera.read.Site;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Checks ids for duplicates, every reference for a target, and the place and event hierarchies for cycles. */
final class ReferenceChecker {
    private final Problems problems;
    private final Map<String, Actor> actors;
    private final Map<String, Place> places;
    /** Qualified event ids, {@code source-id/event-id}. */
    private final Map<String, Event> events = new HashMap<>();

    ReferenceChecker(Annotations annotations, Problems problems) {
        this.problems = problems;
        this.actors = unique(annotations.actors(), Actor::id, Actor::site, "actor");
        this.places = unique(annotations.places(), Place::id, Place::site, "place");
        unique(annotations.sources(), a -> a.source().id(), a -> a.source().site(), "source");
        for (SourceAccount account : annotations.sources()) {
            String source = account.source().id();
            unique(account.events(), Event::id, Event::site, "event").forEach((id, e) -> events.put(source + "/" + id, e));
            unique(account.relations(), Relation::id, Relation::site, "relation");
            unique(account.figures(), Figure::id, Figure::site, "figure");
            unique(account.statements(), Statement::id, Statement::site, "statement");
        }
    }

    private <T> Map<String, T> unique(List<T> items, Function<T, String> id, Function<T, Site> site, String kind) {
        Map<String, T> byId = new LinkedHashMap<>();
        for (T item : items) {
            T earlier = byId.putIfAbsent(id.apply(item), item);
            if (earlier != null) {
                Site first = site.apply(earlier);
                problems.add(site.apply(item), "duplicate " + kind + " id '" + id.apply(item) + "' (first declared at "
                        + first.file() + ":" + first.line() + ")");
            }
        }
        return byId;
    }

    void check(Annotations annotations) {
        for (Place place : annotations.places()) place(place.parent(), "parent place");
        checkPlaceCycles(annotations.places());
        for (SourceAccount account : annotations.sources()) {
            String source = account.source().id();
            actor(account.source().publisher());
            account.source().authors().forEach(this::actor);
            for (Event event : account.events()) {
                place(event.place());
                for (Participant p : event.participants()) actor(p.actor());
                event(source, event.parent());
                for (Ref same : event.sameAs()) {
                    if (!same.id().contains("/")) problems.add(same.site(), "same_as names another source's event: write source-id/event-id");
                    else if (same.id().startsWith(source + "/")) problems.add(same.site(), "same_as must name an event of another source");
                    else event(source, same);
                }
            }
            checkEventCycles(source, account.events());
            for (Relation relation : account.relations()) {
                actor(relation.subject());
                actor(relation.object());
            }
            for (Figure figure : account.figures()) {
                place(figure.place());
                figure.about().forEach(this::actor);
                event(source, figure.event());
                actor(figure.claimedBy());
            }
            for (Statement statement : account.statements()) {
                actor(statement.speaker());
                for (Ref about : statement.about()) {
                    if (about != null && !actors.containsKey(about.id()) && !places.containsKey(about.id())) {
                        problems.add(about.site(), "no actor or place has the id '" + about.id() + "'");
                    }
                }
                event(source, statement.event());
            }
        }
    }

    private void actor(Ref ref) {
        if (ref != null && !actors.containsKey(ref.id())) problems.add(ref.site(), "no actor has the id '" + ref.id() + "'");
    }

    private void place(Ref ref) {
        place(ref, "place");
    }

    private void place(Ref ref, String what) {
        if (ref != null && !places.containsKey(ref.id())) problems.add(ref.site(), "no " + what + " has the id '" + ref.id() + "'");
    }

    private void event(String source, Ref ref) {
        if (ref != null && !events.containsKey(qualified(source, ref))) {
            problems.add(ref.site(), "no event has the id '" + ref.id() + "'" + (ref.id().contains("/") ? "" : " in this source"));
        }
    }

    static String qualified(String source, Ref ref) {
        return ref.id().contains("/") ? ref.id() : source + "/" + ref.id();
    }

    private void checkPlaceCycles(List<Place> all) {
        for (Place start : all) {
            Set<String> seen = new HashSet<>();
            for (Place p = start; p != null && p.parent() != null; p = places.get(p.parent().id())) {
                if (!seen.add(p.id())) {
                    problems.add(start.parent().site(), "the parent chain of place '" + start.id() + "' loops: " + String.join(" > ", seen));
                    break;
                }
            }
        }
    }

    private void checkEventCycles(String source, List<Event> local) {
        for (Event start : local) {
            Set<String> seen = new HashSet<>();
            String current = source + "/" + start.id();
            for (Event e = start; e != null && e.parent() != null; ) {
                if (!seen.add(current)) {
                    problems.add(start.parent().site(), "the parent chain of event '" + start.id() + "' loops");
                    break;
                }
                current = qualified(current.substring(0, current.indexOf('/')), e.parent());
                e = events.get(current);
            }
        }
    }
}
