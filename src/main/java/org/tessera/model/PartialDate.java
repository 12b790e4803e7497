package org.tessera.model;

import java.time.LocalDate;
import java.time.YearMonth;

/** A calendar date known to the day, the month or the year. Month and day are 0 when unknown. */
public record PartialDate(int year, int month, int day) {

    public DatePrecision precision() {
        if (day > 0) return DatePrecision.DAY;
        if (month > 0) return DatePrecision.MONTH;
        return DatePrecision.YEAR;
    }

    /** The first day this date may mean: 2014-08 begins on 2014-08-01. */
    public LocalDate firstDay() {
        return LocalDate.of(year, Math.max(month, 1), Math.max(day, 1));
    }

    /** The last day this date may mean: 2014-08 ends on 2014-08-31. */
    public LocalDate lastDay() {
        if (day > 0) return LocalDate.of(year, month, day);
        if (month > 0) return YearMonth.of(year, month).atEndOfMonth();
        return LocalDate.of(year, 12, 31);
    }

    /** ISO 8601 at its own precision: 2016, 2016-10 or 2016-10-17. */
    public String lexical() {
        return switch (precision()) {
            case YEAR -> String.format("%04d", year);
            case MONTH -> String.format("%04d-%02d", year, month);
            case DAY -> String.format("%04d-%02d-%02d", year, month, day);
        };
    }
}
