package se.lotsbok.domain.navigator;

import java.util.Objects;

/** A navigator (lots) by id and name, for choosing one in a list. */
public record NavigatorRef(long id, String name) {

    public NavigatorRef {
        Objects.requireNonNull(name, "name");
    }
}
