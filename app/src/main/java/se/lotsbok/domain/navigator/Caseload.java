package se.lotsbok.domain.navigator;

import java.util.List;

/**
 * A navigator's caseload on a day: the participants enrolled that day whose navigator that day is
 * this one, against the navigator's cap; and others assigned to them whose case is not enrolled.
 */
public record Caseload(Navigator navigator, int cap, boolean active, List<Member> enrolled, List<Member> otherAssigned) {

    /** A participant on the board: id, name, and the case status's name (for the label). */
    public record Member(long participantId, String name, String status) {
    }

    public Caseload {
        enrolled = List.copyOf(enrolled);
        otherAssigned = List.copyOf(otherAssigned);
    }

    public int count() {
        return enrolled.size();
    }

    public boolean overCap() {
        return CaseloadPolicy.overCap(count(), cap);
    }
}
