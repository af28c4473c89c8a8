package se.lotsbok.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.lotsbok.i18n.Texts;

/**
 * The command line split into a command, its {@code --name value} options and other words.
 * Kept by hand: every message must be one line of Swedish, which a general parser would not give.
 */
public record Arguments(String command, Map<String, String> options, List<String> words, boolean help) {

    /** Options that take no value. */
    private static final Set<String> FLAGS = Set.of("help", "allow-unsigned");

    /** A command line that cannot be read; the message is shown as it is. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    public static Arguments parse(String[] args, Texts texts) throws UsageException {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                help = true;
            } else if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (FLAGS.contains(name)) {
                    value = "";
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageException(texts.format("cli.error.missingValue", "--" + name));
                }
                if (options.put(name, value) != null) {
                    throw new UsageException(texts.format("cli.error.repeated", "--" + name));
                }
            } else {
                words.add(arg);
            }
        }
        String command = words.isEmpty() ? null : words.removeFirst();
        return new Arguments(command, Collections.unmodifiableMap(options), List.copyOf(words), help);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** Refuses options the command does not know, so a typo is not silently ignored. */
    public void allowOnly(Texts texts, String... names) throws UsageException {
        Set<String> allowed = Set.of(names);
        for (String name : options.keySet()) {
            if (!allowed.contains(name)) {
                throw new UsageException(texts.format("cli.error.unknownOption", "--" + name));
            }
        }
    }

    public String required(Texts texts, String name) throws UsageException {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException(texts.format("cli.error.requiredOption", "--" + name));
        }
        return value;
    }
}
