package org.tessera.model;

import org.tessera.read.Site;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A date as an annotation gives it: on a day, month or year; a range; or before
 * or after a date. It answers with the earliest and latest days it may mean, so
 * that a query for any window overlapping "October 2016" finds an event dated so.
 */
public record DateSpec(Site site, Form form, PartialDate start, PartialDate end) {

    public enum Form { ON, RANGE, BEFORE, AFTER }

    public static DateSpec on(Site site, PartialDate date) {
        return new DateSpec(site, Form.ON, date, date);
    }

    public static DateSpec range(Site site, PartialDate from, PartialDate to) {
        return new DateSpec(site, Form.RANGE, from, to);
    }

    public static DateSpec before(Site site, PartialDate date) {
        return new DateSpec(site, Form.BEFORE, null, date);
    }

    public static DateSpec after(Site site, PartialDate date) {
        return new DateSpec(site, Form.AFTER, date, null);
    }

    public Optional<LocalDate> earliestBegin() {
        return switch (form) {
            case ON, RANGE -> Optional.of(start.firstDay());
            case AFTER -> Optional.of(start.lastDay().plusDays(1));
            case BEFORE -> Optional.empty();
        };
    }

    public Optional<LocalDate> latestEnd() {
        return switch (form) {
            case ON -> Optional.of(start.lastDay());
            case RANGE -> Optional.of(end.lastDay());
            case BEFORE -> Optional.of(end.firstDay().minusDays(1));
            case AFTER -> Optional.empty();
        };
    }

    /** For a range, the coarser of its two ends. */
    public DatePrecision precision() {
        return switch (form) {
            case ON, AFTER -> start.precision();
            case BEFORE -> end.precision();
            case RANGE -> start.precision().compareTo(end.precision()) >= 0 ? start.precision() : end.precision();
        };
    }

    /** The day itself when the date is known to the day and is a single day. */
    public Optional<LocalDate> exactDay() {
        return form == Form.ON && start.precision() == DatePrecision.DAY ? Optional.of(start.firstDay()) : Optional.empty();
    }

    /** The date as written, normalised: "2016-10", "2014-06/2017-07-10", "before 2016-10-18". */
    public String lexical() {
        return switch (form) {
            case ON -> start.lexical();
            case RANGE -> start.lexical() + "/" + end.lexical();
            case BEFORE -> "before " + end.lexical();
            case AFTER -> "after " + start.lexical();
        };
    }
}
