package org.tessera.build;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.tessera.model.DatePrecision;
import org.tessera.model.DateSpec;
import org.tessera.model.PartialDate;

import static org.tessera.vocabulary.Terms.*;

/**
 * Writes a date with its precision: the text as annotated, the unit it is known
 * to, how it is qualified, and the earliest and latest days it may mean as SEM's
 * xsd:date bounds, which are what a query for a time window compares.
 */
final class DateWriter {
    private DateWriter() {}

    static void write(QuadSink sink, Node subject, DateSpec date) {
        if (date == null) return;
        sink.text(subject, DATE_TEXT, date.lexical());
        sink.add(subject, DATE_PRECISION, unit(date.precision()));
        sink.add(subject, DATE_QUALIFIER, switch (date.form()) {
            case ON -> DATE_ON;
            case RANGE -> DATE_RANGE;
            case BEFORE -> DATE_BEFORE;
            case AFTER -> DATE_AFTER;
        });
        date.earliestBegin().ifPresent(d -> sink.date(subject, EARLIEST_BEGIN, d));
        date.latestEnd().ifPresent(d -> sink.date(subject, LATEST_END, d));
        if (date.form() == DateSpec.Form.ON && date.start().precision() == DatePrecision.DAY) {
            sink.date(subject, BEGIN, date.start().firstDay());
            sink.date(subject, END, date.start().firstDay());
        } else if (date.form() == DateSpec.Form.RANGE) {
            if (date.start().precision() == DatePrecision.DAY) sink.date(subject, BEGIN, date.start().firstDay());
            if (date.end().precision() == DatePrecision.DAY) sink.date(subject, END, date.end().firstDay());
        }
    }

    /** A date as one typed literal of its own precision: xsd:date, xsd:gYearMonth or xsd:gYear. */
    static void writeLiteral(QuadSink sink, Node subject, Node property, PartialDate date) {
        sink.typed(subject, property, date.lexical(), switch (date.precision()) {
            case DAY -> XSDDatatype.XSDdate;
            case MONTH -> XSDDatatype.XSDgYearMonth;
            case YEAR -> XSDDatatype.XSDgYear;
        });
    }

    static Node unit(DatePrecision precision) {
        return switch (precision) {
            case DAY -> TIME_UNIT_DAY;
            case MONTH -> TIME_UNIT_MONTH;
            case YEAR -> TIME_UNIT_YEAR;
        };
    }
}
