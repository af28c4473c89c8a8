package se.lotsbok.log;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One line per entry: time, level, logger, message; an exception follows as its chain of types with
 * their stack frames. An exception's message is never written: a database error quotes the row it
 * refused (a name, an identity number), and the type with the frames says where it happened.
 */
final class LogFormat extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xx");

    private final ZoneId zone;

    LogFormat(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String format(LogRecord entry) {
        StringBuilder line = new StringBuilder(200)
                .append(TIME.format(entry.getInstant().atZone(zone))).append(' ')
                .append(name(entry.getLevel())).append(' ')
                .append(entry.getLoggerName()).append(": ")
                .append(formatMessage(entry)).append(System.lineSeparator());
        Throwable error = entry.getThrown();
        String prefix = "  ";
        while (error != null) {
            line.append(prefix).append(error.getClass().getName()).append(System.lineSeparator());
            for (StackTraceElement frame : error.getStackTrace()) {
                line.append("      at ").append(frame).append(System.lineSeparator());
            }
            error = error.getCause() == error ? null : error.getCause();
            prefix = "  caused by ";
        }
        return line.toString();
    }

    private static String name(Level level) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        return level.intValue() >= Level.WARNING.intValue() ? "WARN " : "INFO ";
    }
}
