package se.lotsbok.ui.casepath;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import se.lotsbok.domain.casepath.CaseEvent;
import se.lotsbok.domain.extract.Release;

/**
 * One dated row of the case's history on "Ärende": a move of the case, or a copy of the record
 * released to someone (a register extract, after its secrecy review).
 */
public sealed interface CaseHistoryRow {

    /** Newest first: by the day, then by when it was recorded, moves before releases, then in the order made. */
    Comparator<CaseHistoryRow> NEWEST_FIRST = Comparator.comparing(CaseHistoryRow::date)
            .thenComparing(CaseHistoryRow::recordedAt)
            .thenComparingInt(row -> row instanceof Released ? 1 : 0)
            .thenComparingLong(CaseHistoryRow::id).reversed();

    LocalDate date();

    Instant recordedAt();

    /** The event's or the release's own number, in the order they were made. */
    long id();

    record Event(CaseEvent event) implements CaseHistoryRow {
        @Override
        public LocalDate date() {
            return event.date();
        }

        @Override
        public Instant recordedAt() {
            return event.recordedAt();
        }

        @Override
        public long id() {
            return event.id();
        }
    }

    /** A release of a copy, dated by the unit's calendar day it was made on. */
    record Released(Release release, ZoneId zone) implements CaseHistoryRow {
        @Override
        public LocalDate date() {
            return release.releasedAt().atZone(zone).toLocalDate();
        }

        @Override
        public Instant recordedAt() {
            return release.releasedAt();
        }

        @Override
        public long id() {
            return release.id();
        }
    }
}
