package se.lotsbok.ui.access;

/** A line of the access log as the review screen shows it. */
public record AccessLogRow(long seq, String time, String user, String event, String participant, String detail) {
}
