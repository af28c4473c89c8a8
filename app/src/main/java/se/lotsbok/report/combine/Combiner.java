package se.lotsbok.report.combine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.common.SwedishText;
import se.lotsbok.domain.report.Additivity;
import se.lotsbok.domain.report.SigningKey;
import se.lotsbok.report.TallyHeader;

/**
 * Reads the units' files and adds them up, refusing what cannot be trusted or added: a file that is
 * no Lotsbok tally, one changed after signing, an unsigned one unless allowed, one signed by a key
 * not in the trusted list, one of another kind or period, and two of the same unit (by name, or by
 * key: one register renamed between two exports). Needs no register: the files hold only counts.
 */
public final class Combiner {

    /**
     * What the files must be.
     *
     * @param kind and {@code period}: the compilation's; when empty, the first readable file's
     * @param allowUnsigned whether unsigned files are taken (and marked as such)
     * @param trusted the fingerprints of the keys to accept; when empty, any valid signature is
     */
    public record Rules(Optional<TallyHeader.Kind> kind, Optional<String> period, boolean allowUnsigned,
            Optional<Set<String>> trusted) {

        public static Rules any() {
            return new Rules(Optional.empty(), Optional.empty(), false, Optional.empty());
        }
    }

    /** A file as read: its tally, or why it cannot be added up. */
    public record Entry(Path file, Optional<TallyFile> tally, Optional<Refusal> problem) {
    }

    /**
     * Every file's state, and the files that can be added up, added up (to show while the others are
     * being sorted out).
     */
    public record Inspection(List<Entry> entries, Optional<Compilation> readable) {

        /** The first problem, in the order the files were given; empty when the compilation stands. */
        public Optional<Refusal> problem() {
            return entries.stream().flatMap(e -> e.problem().stream()).findFirst();
        }

        /** The compilation of every file given, when none of them is refused. */
        public Optional<Compilation> compilation() {
            return problem().isEmpty() ? readable : Optional.empty();
        }
    }

    private Combiner() {
    }

    public static Inspection inspect(List<Path> files, Rules rules) {
        List<Entry> entries = new ArrayList<>();
        Optional<TallyHeader.Kind> kind = rules.kind();
        Optional<String> period = rules.period();
        Map<String, String> units = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        List<TallyFile> good = new ArrayList<>();
        for (Path file : files) {
            String source = String.valueOf(file.getFileName());
            TallyFile tally;
            try {
                tally = TallyFile.read(source, readBytes(file, source));
                check(tally, rules);
                if (kind.isEmpty()) {
                    kind = Optional.of(tally.kind());
                    period = period.or(() -> Optional.of(tally.period()));
                }
                if (tally.kind() != kind.get()) {
                    throw new CombineRefused("OTHER_KIND", source);
                }
                if (period.isPresent() && !tally.period().equals(period.get())) {
                    throw new CombineRefused("OTHER_PERIOD", source, tally.period(), period.get());
                }
                String sameUnit = units.get(SwedishText.fold(tally.unit()));
                if (sameUnit != null) {
                    throw new CombineRefused("SAME_UNIT", source, tally.unit(), sameUnit);
                }
                String sameKey = tally.fingerprint().map(keys::get).orElse(null);
                if (sameKey != null) {
                    throw new CombineRefused("SAME_KEY", source, sameKey);
                }
                for (TallyFile earlier : good) {
                    if (!sameSettings(earlier, tally)) {
                        throw new CombineRefused("OTHER_ORDER", source, earlier.source());
                    }
                }
            } catch (CombineRefused refused) {
                entries.add(new Entry(file, Optional.empty(), Optional.of(refused.refusal())));
                continue;
            }
            units.put(SwedishText.fold(tally.unit()), source);
            tally.fingerprint().ifPresent(f -> keys.put(f, source));
            good.add(tally);
            entries.add(new Entry(file, Optional.of(tally), Optional.empty()));
        }
        return new Inspection(entries, good.isEmpty() ? Optional.empty()
                : Optional.of(Compilation.of(kind.orElseThrow(), period.orElseThrow(), good)));
    }

    /** Whether two files were made with the same outcome order (files without one agree with any). */
    private static boolean sameSettings(TallyFile a, TallyFile b) {
        return a.rows().stream().filter(r -> Additivity.of(r.measure()) == Additivity.SAME)
                .allMatch(r -> b.value(r.measure(), r.category()).map(v -> v == r.value()).orElse(true));
    }

    private static void check(TallyFile tally, Rules rules) {
        if (tally.fingerprint().isEmpty()) {
            if (!rules.allowUnsigned()) {
                throw new CombineRefused("UNSIGNED", tally.source());
            }
            return;
        }
        String fingerprint = tally.fingerprint().get();
        if (rules.trusted().isPresent() && !rules.trusted().get().contains(fingerprint)) {
            throw new CombineRefused("UNTRUSTED", tally.source(), SigningKey.grouped(fingerprint));
        }
    }

    private static byte[] readBytes(Path file, String source) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CombineRefused("CANNOT_READ", source);
        }
    }
}
