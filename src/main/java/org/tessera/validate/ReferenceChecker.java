package org.tessera.validate;

import org.tessera.model.Actor;
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
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checks ids for duplicates, every reference for a target, and the place and
 * event hierarchies for cycles. It is fed file by file and keeps only what
 * references need (ids, kinds, parents, where an id was first declared), so that
 * a conversion can stream a corpus of a million events through it:
 * <pre>{@code
 * files.forEach(f -> { checker.addActors(f.actors()); checker.addPlaces(f.places()); checker.addSource(f.account()); });
 * checker.checkPlaces();
 * accounts.forEach(checker::checkAccount);
 * }</pre>
 */
public final class ReferenceChecker {
    /** Where an id was first declared, and what the checks and the graph need of it. */
    private record Entry(String file, int line, String kind, Ref parent) {}

    private final Problems problems;
    private final Map<String, Entry> actors = new HashMap<>();
    private final Map<String, Entry> places = new HashMap<>();
    private final Map<String, Entry> sources = new HashMap<>();
    /** Qualified event ids, {@code source-id/event-id}. */
    private final Set<String> events = new HashSet<>();
    /** The qualified parent of each event that has one. */
    private final Map<String, String> eventParents = new HashMap<>();

    public ReferenceChecker(Problems problems) {
        this.problems = problems;
    }

    public void addActors(List<Actor> list) {
        for (Actor a : list) declare(actors, a.id(), a.site(), "actor", a.kind(), null);
    }

    public void addPlaces(List<Place> list) {
        for (Place p : list) declare(places, p.id(), p.site(), "place", p.kind(), p.parent());
    }

    /** Registers a source and the ids of its events; its references are checked by {@link #checkAccount}. */
    public void addSource(SourceAccount account) {
        String source = account.source().id();
        if (!declare(sources, source, account.source().site(), "source", null, null)) return;
        for (Event e : account.events()) {
            String id = source + "/" + e.id();
            events.add(id);
            if (e.parent() != null) eventParents.put(id, qualified(source, e.parent()));
        }
    }

    public boolean isActor(String id) { return actors.containsKey(id); }
    public boolean isPlace(String id) { return places.containsKey(id); }
    public boolean isEvent(String qualifiedId) { return events.contains(qualifiedId); }
    public int actorCount() { return actors.size(); }
    public int placeCount() { return places.size(); }
    public int eventCount() { return events.size(); }
    public int sourceCount() { return sources.size(); }

    /** Calls {@code action} with the id of every actor declared, in no order. */
    public void forEachActorId(Consumer<String> action) { actors.keySet().forEach(action); }

    /** Calls {@code action} with the id of every place declared, in no order. */
    public void forEachPlaceId(Consumer<String> action) { places.keySet().forEach(action); }

    /** The kind of a declared actor, or null. */
    public String actorKind(String id) {
        Entry e = actors.get(id);
        return e == null ? null : e.kind();
    }

    /** The parent of a declared place, or null. */
    public Ref placeParent(String id) {
        Entry e = places.get(id);
        return e == null ? null : e.parent();
    }

    /** The kind of a declared place, or null. */
    public String placeKind(String id) {
        Entry e = places.get(id);
        return e == null ? null : e.kind();
    }

    /** @return whether the id was new */
    private boolean declare(Map<String, Entry> byId, String id, Site site, String kind, String entryKind, Ref parent) {
        // Kinds are a handful of words shared by a million entries: one string each.
        Entry earlier = byId.putIfAbsent(id, new Entry(site.file(), site.line(), entryKind == null ? null : entryKind.intern(), parent));
        if (earlier != null) {
            problems.add(site, "duplicate " + kind + " id '" + id + "' (first declared at " + earlier.file() + ":" + earlier.line() + ")");
        }
        return earlier == null;
    }

    /** Checks the parents of every place added: that they exist, and that no chain loops. */
    public void checkPlaces() {
        places.values().forEach(e -> place(e.parent(), "parent place"));
        for (var start : places.entrySet()) {
            Set<String> seen = new java.util.LinkedHashSet<>();
            for (String p = start.getKey(); p != null && places.containsKey(p) && places.get(p).parent() != null; p = places.get(p).parent().id()) {
                if (!seen.add(p)) {
                    problems.add(start.getValue().parent().site(),
                            "the parent chain of place '" + start.getKey() + "' loops: " + String.join(" > ", seen));
                    break;
                }
            }
        }
    }

    /** Checks that every reference of one source's account has a target, once every file has been added. */
    public void checkAccount(SourceAccount account) {
        String source = account.source().id();
        unique(account.events(), Event::id, Event::site, "event");
        unique(account.relations(), Relation::id, Relation::site, "relation");
        unique(account.figures(), Figure::id, Figure::site, "figure");
        unique(account.statements(), Statement::id, Statement::site, "statement");
        actor(account.source().publisher());
        account.source().authors().forEach(this::actor);
        for (Event event : account.events()) {
            place(event.place(), "place");
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
            place(figure.place(), "place");
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

    private <T> void unique(List<T> items, Function<T, String> id, Function<T, Site> site, String kind) {
        Map<String, T> byId = new LinkedHashMap<>();
        for (T item : items) {
            T earlier = byId.putIfAbsent(id.apply(item), item);
            if (earlier != null) {
                Site first = site.apply(earlier);
                problems.add(site.apply(item), "duplicate " + kind + " id '" + id.apply(item) + "' (first declared at "
                        + first.file() + ":" + first.line() + ")");
            }
        }
    }

    private void actor(Ref ref) {
        if (ref != null && !actors.containsKey(ref.id())) problems.add(ref.site(), "no actor has the id '" + ref.id() + "'");
    }

    private void place(Ref ref, String what) {
        if (ref != null && !places.containsKey(ref.id())) problems.add(ref.site(), "no " + what + " has the id '" + ref.id() + "'");
    }

    private void event(String source, Ref ref) {
        if (ref != null && !events.contains(qualified(source, ref))) {
            problems.add(ref.site(), "no event has the id '" + ref.id() + "'" + (ref.id().contains("/") ? "" : " in this source"));
        }
    }

    static String qualified(String source, Ref ref) {
        return ref.id().contains("/") ? ref.id() : source + "/" + ref.id();
    }

    private void checkEventCycles(String source, List<Event> local) {
        for (Event start : local) {
            if (start.parent() == null) continue;
            Set<String> seen = new HashSet<>(Set.of(source + "/" + start.id()));
            for (String current = qualified(source, start.parent()); current != null; current = eventParents.get(current)) {
                if (!seen.add(current)) {
                    problems.add(start.parent().site(), "the parent chain of event '" + start.id() + "' loops");
                    break;
                }
            }
        }
    }
}
