package se.lotsbok.domain.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import se.lotsbok.domain.common.Refusal;
import se.lotsbok.domain.common.TypedText;
import se.lotsbok.domain.journal.JournalNote;

/**
 * The outcome of a secrecy review (sekretessprövning) before a release: notes left out whole and
 * passages of notes masked, each with its ground (e.g. "OSL 26 kap. 1 §"). Signed notes never
 * change, so a passage is kept as a range of the note's text.
 */
public record Redaction(List<Omission> omissions, List<Mask> masks) {

    /** The longest ground a unit writes; a reference to a paragraph, not a text. */
    public static final int MAX_GROUND = 200;

    /** Nothing withheld. */
    public static final Redaction NONE = new Redaction(List.of(), List.of());

    /** A note left out of the release, and why. */
    public record Omission(long noteId, String ground) {
        public Omission {
            Objects.requireNonNull(ground, "ground");
        }
    }

    /** The characters [{@code start}, {@code end}) of a note's text, masked, and why. */
    public record Mask(long noteId, int start, int end, String ground) {
        public Mask {
            Objects.requireNonNull(ground, "ground");
        }
    }

    /** A piece of a note's text as released: the text itself, or the mark of a masked passage. */
    public sealed interface Segment {
    }

    public record Shown(String text) implements Segment {
    }

    public record Masked(String ground) implements Segment {
    }

    public Redaction {
        omissions = List.copyOf(omissions);
        masks = masks.stream().sorted(Comparator.comparingLong(Mask::noteId).thenComparingInt(Mask::start)).toList();
    }

    public boolean isEmpty() {
        return omissions.isEmpty() && masks.isEmpty();
    }

    public Optional<Omission> omission(long noteId) {
        return omissions.stream().filter(o -> o.noteId() == noteId).findFirst();
    }

    public List<Mask> masksOf(long noteId) {
        return masks.stream().filter(m -> m.noteId() == noteId).toList();
    }

    /** This review with {@code note} left out on {@code ground}; its masks are dropped (nothing of it is shown). */
    public Redaction omit(long noteId, String ground) {
        List<Omission> o = new ArrayList<>(omissions.stream().filter(x -> x.noteId() != noteId).toList());
        o.add(new Omission(noteId, TypedText.strip(ground)));
        return new Redaction(o, masks.stream().filter(m -> m.noteId() != noteId).toList());
    }

    /** This review with {@code note} shown again. */
    public Redaction include(long noteId) {
        return new Redaction(omissions.stream().filter(o -> o.noteId() != noteId).toList(), masks);
    }

    public Redaction mask(Mask mask) {
        List<Mask> m = new ArrayList<>(masks);
        m.add(new Mask(mask.noteId(), mask.start(), mask.end(), TypedText.strip(mask.ground())));
        return new Redaction(omissions, m);
    }

    public Redaction unmask(Mask mask) {
        return new Redaction(omissions, masks.stream().filter(m -> !m.equals(mask)).toList());
    }

    /** Why this review cannot be applied to {@code notes}, or empty. */
    public Optional<Refusal> check(List<JournalNote> notes) {
        Map<Long, JournalNote> byId = new HashMap<>();
        notes.forEach(n -> byId.put(n.id(), n));
        for (Omission o : omissions) {
            if (!byId.containsKey(o.noteId())) {
                return Optional.of(new Refusal("extract.refused.unknownNote"));
            }
            Optional<Refusal> ground = checkGround(o.ground());
            if (ground.isPresent()) {
                return ground;
            }
        }
        Mask previous = null;
        for (Mask m : masks) {
            JournalNote note = byId.get(m.noteId());
            if (note == null) {
                return Optional.of(new Refusal("extract.refused.unknownNote"));
            }
            Optional<Refusal> ground = checkGround(m.ground());
            if (ground.isPresent()) {
                return ground;
            }
            String text = note.content().text();
            if (m.start() < 0 || m.end() <= m.start() || m.end() > text.length()
                    || splitsALetter(text, m.start()) || splitsALetter(text, m.end())) {
                return Optional.of(new Refusal("extract.refused.passage"));
            }
            if (previous != null && previous.noteId() == m.noteId() && m.start() < previous.end()) {
                return Optional.of(new Refusal("extract.refused.overlap"));
            }
            previous = m;
        }
        return Optional.empty();
    }

    /** Why {@code ground} cannot stand as the ground of a withholding, or empty. */
    public static Optional<Refusal> checkGround(String ground) {
        String text = TypedText.strip(ground);
        if (text.isEmpty()) {
            return Optional.of(new Refusal("extract.refused.ground"));
        }
        if (text.length() > MAX_GROUND) {
            return Optional.of(new Refusal("extract.refused.groundTooLong", MAX_GROUND));
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(new Refusal("validation.CONTROL_CHARACTERS"));
        }
        return Optional.empty();
    }

    /** The note's text as released: shown pieces and masked passages, in order. */
    public List<Segment> segments(JournalNote note) {
        String text = note.content().text();
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        for (Mask m : masksOf(note.id())) {
            if (m.start() > at) {
                segments.add(new Shown(text.substring(at, m.start())));
            }
            segments.add(new Masked(m.ground()));
            at = Math.max(at, m.end());
        }
        if (at < text.length()) {
            segments.add(new Shown(text.substring(at)));
        }
        return segments;
    }

    private static boolean splitsALetter(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))
                && Character.isHighSurrogate(text.charAt(index - 1));
    }
}
