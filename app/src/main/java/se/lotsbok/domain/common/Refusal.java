package se.lotsbok.domain.common;

import java.util.List;

/** Why a move or record was refused: a message key and the values the message names. */
public record Refusal(String reason, List<Object> args) {

    public Refusal(String reason, Object... args) {
        this(reason, List.of(args));
    }
}
