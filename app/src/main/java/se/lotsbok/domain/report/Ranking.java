package se.lotsbok.domain.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An order of better and worse among the values of one situation field: levels, best first, each
 * holding the values that count as equally good. Every value but "unknown" has its level; unknown
 * has none, so a change from or to it is neither better nor worse. Written as text with codes,
 * {@code =} between equals and {@code >} between levels: {@code work=studies>internship>none}.
 */
public final class Ranking<E extends Enum<E>> {

    private final List<Set<E>> levels;
    private final Map<E, Integer> ranks;

    /**
     * @param ranked the values that must each be in exactly one level (all but unknown)
     * @throws IllegalArgumentException when a level is empty or a value is missing, twice or not rankable
     */
    public Ranking(List<? extends Collection<E>> levels, Set<E> ranked) {
        List<Set<E>> copy = new ArrayList<>();
        Map<E, Integer> byValue = new java.util.HashMap<>();
        for (Collection<E> level : levels) {
            if (level.isEmpty()) {
                throw new IllegalArgumentException("an empty level");
            }
            copy.add(Collections.unmodifiableSet(EnumSet.copyOf(level)));
            for (E value : level) {
                if (!ranked.contains(value) || byValue.put(value, copy.size()) != null) {
                    throw new IllegalArgumentException(value + " cannot be ranked here, or is ranked twice");
                }
            }
        }
        if (!byValue.keySet().equals(ranked)) {
            throw new IllegalArgumentException("every value must be ranked: " + ranked);
        }
        this.levels = List.copyOf(copy);
        this.ranks = Map.copyOf(byValue);
    }

    /** The ranking in which each value has the rank given (1 is best; equal numbers are equally good). */
    public static <E extends Enum<E>> Ranking<E> ofRanks(Map<E, Integer> ranks, Set<E> ranked) {
        TreeMap<Integer, List<E>> byRank = new TreeMap<>();
        ranks.forEach((value, rank) -> byRank.computeIfAbsent(rank, r -> new ArrayList<>()).add(value));
        return new Ranking<>(new ArrayList<>(byRank.values()), ranked);
    }

    /** Reads the text form; empty when it is not a complete ranking of {@code ranked}. */
    public static <E extends Enum<E>> Optional<Ranking<E>> parse(String text, Function<String, Optional<E>> byCode,
            Set<E> ranked) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<List<E>> levels = new ArrayList<>();
        for (String level : text.strip().split(">", -1)) {
            List<E> values = new ArrayList<>();
            for (String code : level.split("=", -1)) {
                Optional<E> value = byCode.apply(code.strip());
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                values.add(value.get());
            }
            levels.add(values);
        }
        try {
            return Optional.of(new Ranking<>(levels, ranked));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The levels, best first. */
    public List<Set<E>> levels() {
        return levels;
    }

    /** 1 for the best level, 2 for the next, …; 0 for a value with no level (unknown). */
    public int rankOf(E value) {
        return ranks.getOrDefault(value, 0);
    }

    /** Every ranked value with its rank, in the enum's order. */
    public Map<E, Integer> ranks() {
        Map<E, Integer> ordered = new EnumMap<>(levels.getFirst().iterator().next().getDeclaringClass());
        ordered.putAll(ranks);
        return ordered;
    }

    /** How {@code before} → {@code after} reads in this order. */
    public Change change(E before, E after) {
        int from = rankOf(before);
        int to = rankOf(after);
        if (from == 0 || to == 0) {
            return Change.UNKNOWN;
        }
        return to < from ? Change.IMPROVED : to == from ? Change.UNCHANGED : Change.WORSENED;
    }

    /** The text form, with each value written by {@code code}. */
    public String format(Function<E, String> code) {
        return levels.stream()
                .map(level -> level.stream().map(code).collect(Collectors.joining("=")))
                .collect(Collectors.joining(">"));
    }

    /** How a situation changed between two times, in an order of better and worse. */
    public enum Change {
        IMPROVED,
        UNCHANGED,
        WORSENED,
        /** Unknown at either end. */
        UNKNOWN
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ranking<?> r && r.levels.equals(levels);
    }

    @Override
    public int hashCode() {
        return levels.hashCode();
    }

    @Override
    public String toString() {
        return format(Enum::name);
    }
}
