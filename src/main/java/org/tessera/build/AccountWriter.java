package org.tessera.build;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.tessera.model.DateSpec;
import org.tessera.model.Event;
import org.tessera.model.Figure;
import org.tessera.model.Participant;
import org.tessera.model.Quote;
import org.tessera.model.Ref;
import org.tessera.model.Relation;
import org.tessera.model.Source;
import org.tessera.model.SourceAccount;
import org.tessera.model.Statement;
import org.tessera.model.TermKind;
import org.tessera.validate.Evidence;
import org.tessera.validate.TextSpan;
import org.tessera.vocabulary.OntologyTerms;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.tessera.vocabulary.Terms.*;

/**
 * Writes one source's account into its named graph: the source itself, its
 * events, relations, figures and statements, each tied to the evidence that
 * states it, and the actors and places the source mentions.
 */
final class AccountWriter {
    private final Iris iris;
    private final OntologyTerms terms;
    private final Evidence evidence;
    private final Predicate<String> isActor;

    AccountWriter(Iris iris, OntologyTerms terms, Evidence evidence, Predicate<String> isActor) {
        this.iris = iris;
        this.terms = terms;
        this.evidence = evidence;
        this.isActor = isActor;
    }

    void write(QuadSink sink, SourceAccount account) {
        Source source = account.source();
        String sid = source.id();
        Node s = iris.source(sid);
        writeSource(sink, s, source);
        Set<String> mentionedActors = new TreeSet<>();
        Set<String> mentionedPlaces = new TreeSet<>();
        for (Event event : account.events()) {
            Node e = iris.event(sid, event.id());
            fact(sink, e, EVENT, s, event.hedge(), event.evidence(), sid);
            sink.add(e, EVENT_TYPE, terms.iri(TermKind.EVENT_TYPE, event.type()));
            sink.english(e, LABEL, event.label());
            sink.english(e, DC_DESCRIPTION, event.description());
            DateWriter.write(sink, e, event.date());
            sink.text(e, DATE_PHRASE, event.datePhrase());
            if (event.place() != null) {
                sink.add(e, PLACE, iris.place(event.place().id()));
                mentionedPlaces.add(event.place().id());
            }
            for (Participant p : event.participants()) {
                Node actor = iris.actor(p.actor().id());
                Node part = iris.participation(e, p.actor().id(), p.role());
                sink.add(e, PARTICIPANT, actor);
                if (p.role().equals("agent")) sink.add(e, CARRIED_OUT_BY, actor);
                sink.add(e, HAS_PARTICIPATION, part);
                sink.add(part, TYPE, PARTICIPATION);
                sink.add(part, ACTOR, actor);
                sink.add(part, ROLE, terms.iri(TermKind.ROLE, p.role()));
                if (p.hedge() != null) sink.add(part, HEDGE, terms.iri(TermKind.HEDGE, p.hedge()));
                mentionedActors.add(p.actor().id());
            }
            if (event.parent() != null) sink.add(e, SUB_EVENT_OF, iris.event(sid, event.parent().id()));
            for (Ref same : event.sameAs()) sink.add(e, SAME_EVENT_AS, iris.event(sid, same.id()));
        }
        for (Relation relation : account.relations()) {
            Node r = iris.relation(sid, relation.id());
            Node subject = iris.actor(relation.subject().id());
            Node object = iris.actor(relation.object().id());
            Node property = terms.iri(TermKind.RELATION_TYPE, relation.type());
            fact(sink, r, RELATION, s, relation.hedge(), relation.evidence(), sid);
            sink.add(r, SUBJECT, subject);
            sink.add(r, OBJECT, object);
            sink.add(r, RELATION_TYPE, property);
            DateWriter.write(sink, r, relation.date());
            // The plain triple too, so that simple queries need not know the reification.
            sink.add(subject, property, object);
            mentionedActors.add(relation.subject().id());
            mentionedActors.add(relation.object().id());
        }
        for (Figure figure : account.figures()) {
            Node f = iris.figure(sid, figure.id());
            fact(sink, f, FIGURE, s, figure.hedge(), figure.evidence(), sid);
            Node measure = terms.iri(TermKind.MEASURE, figure.measure());
            Node unit = terms.iri(TermKind.UNIT, figure.unit());
            Node place = figure.place() == null ? null : iris.place(figure.place().id());
            List<Node> about = figure.about().stream().map(actor -> iris.actor(actor.id())).toList();
            sink.add(f, MEASURE, measure);
            sink.text(f, COUNTS, figure.counts());
            sink.english(f, LABEL, figure.counts());
            sink.decimal(f, VALUE, figure.value());
            sink.decimal(f, LOW, figure.lowOrValue());
            sink.decimal(f, HIGH, figure.highOrValue());
            sink.add(f, UNIT, unit);
            sink.text(f, COMPARISON_KEY, FigureKey.of(measure, unit, place, about));
            if (figure.qualifier() != null) sink.add(f, QUALIFIER, terms.iri(TermKind.QUALIFIER, figure.qualifier()));
            DateWriter.write(sink, f, figure.date());
            if (place != null) {
                sink.add(f, PLACE, place);
                mentionedPlaces.add(figure.place().id());
            }
            for (Node actor : about) sink.add(f, ABOUT, actor);
            for (Ref actor : figure.about()) mentionedActors.add(actor.id());
            if (figure.event() != null) sink.add(f, OF_EVENT, iris.event(sid, figure.event().id()));
            if (figure.claimedBy() != null) {
                sink.add(f, CLAIMED_BY, iris.actor(figure.claimedBy().id()));
                mentionedActors.add(figure.claimedBy().id());
            }
        }
        for (Statement statement : account.statements()) {
            Node st = iris.statement(sid, statement.id());
            fact(sink, st, STATEMENT, s, statement.hedge(), statement.evidence(), sid);
            linkEvidence(sink, st, statement.words(), sid);
            sink.add(st, SPEAKER, iris.actor(statement.speaker().id()));
            sink.text(st, WORDS, evidence.spanOf(statement.words()).exact());
            if (statement.kind() != null) sink.add(st, STATEMENT_KIND, terms.iri(TermKind.STATEMENT_KIND, statement.kind()));
            DateWriter.write(sink, st, statement.date());
            sink.text(st, DATE_PHRASE, statement.datePhrase());
            mentionedActors.add(statement.speaker().id());
            for (Ref about : statement.about()) sink.add(st, ABOUT, aboutNode(about.id(), mentionedActors, mentionedPlaces));
            if (statement.event() != null) sink.add(st, OF_EVENT, iris.event(sid, statement.event().id()));
        }
        for (String actor : mentionedActors) sink.add(s, SCHEMA_MENTIONS, iris.actor(actor));
        for (String place : mentionedPlaces) sink.add(s, SCHEMA_MENTIONS, iris.place(place));
    }

    /** A statement may be about an actor or a place; where both have the id, the actor is meant. */
    private Node aboutNode(String id, Set<String> actors, Set<String> places) {
        if (isActor.test(id)) {
            actors.add(id);
            return iris.actor(id);
        }
        places.add(id);
        return iris.place(id);
    }

    private void writeSource(QuadSink sink, Node s, Source source) {
        sink.add(s, TYPE, terms.iri(TermKind.SOURCE_KIND, source.kind()));
        sink.english(s, LABEL, source.title());
        sink.text(s, DC_TITLE, source.title());
        if (source.publisher() != null) sink.add(s, SCHEMA_PUBLISHER, iris.actor(source.publisher().id()));
        for (Ref author : source.authors()) sink.add(s, SCHEMA_AUTHOR, iris.actor(author.id()));
        if (source.published().form() == DateSpec.Form.ON) {
            DateWriter.writeLiteral(sink, s, SCHEMA_DATE_PUBLISHED, source.published().start());
        }
        DateWriter.write(sink, s, source.published());
        if (source.url() != null) sink.add(s, SCHEMA_URL, NodeFactory.createURI(source.url()));
        sink.text(s, DC_LANGUAGE, source.language());
        sink.text(s, CORPUS_FILE, source.corpusFile());
        sink.typed(s, SHA256, source.sha256(), XSDDatatype.XSDhexBinary);
    }

    private void fact(QuadSink sink, Node fact, Node type, Node source, String hedge, List<Quote> quotes, String sid) {
        sink.add(fact, TYPE, type);
        sink.add(fact, REPORTED_IN, source);
        if (hedge != null) sink.add(fact, HEDGE, terms.iri(TermKind.HEDGE, hedge));
        for (Quote quote : quotes) linkEvidence(sink, fact, quote, sid);
    }

    private void linkEvidence(QuadSink sink, Node fact, Quote quote, String sid) {
        TextSpan span = evidence.spanOf(quote);
        Node ev = iris.evidence(sid, span.start(), span.end());
        Node source = iris.source(sid);
        sink.add(fact, HAS_EVIDENCE, ev);
        sink.add(ev, OA_HAS_BODY, fact);
        sink.add(ev, TYPE, EVIDENCE);
        sink.add(ev, OA_MOTIVATED_BY, OA_DESCRIBING);
        sink.add(ev, PROV_WAS_QUOTED_FROM, source);
        Node target = NodeFactory.createURI(ev.getURI() + "#target");
        Node quoteSelector = NodeFactory.createURI(ev.getURI() + "#quote");
        Node position = NodeFactory.createURI(ev.getURI() + "#position");
        sink.add(ev, OA_HAS_TARGET, target);
        sink.add(target, TYPE, OA_SPECIFIC_RESOURCE);
        sink.add(target, OA_HAS_SOURCE, source);
        sink.add(target, OA_HAS_SELECTOR, quoteSelector);
        sink.add(target, OA_HAS_SELECTOR, position);
        sink.add(quoteSelector, TYPE, OA_TEXT_QUOTE_SELECTOR);
        sink.text(quoteSelector, OA_EXACT, span.exact());
        sink.text(quoteSelector, OA_PREFIX, span.prefix());
        sink.text(quoteSelector, OA_SUFFIX, span.suffix());
        sink.add(position, TYPE, OA_TEXT_POSITION_SELECTOR);
        sink.integer(position, OA_START, span.start());
        sink.integer(position, OA_END, span.end());
    }
}
