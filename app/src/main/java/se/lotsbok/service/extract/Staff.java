package se.lotsbok.service.extract;

import java.util.Set;
import java.util.stream.Collectors;
import se.lotsbok.domain.user.Role;
import se.lotsbok.i18n.Texts;

/** How a member of staff is named in an extract: by user name, or by role when the unit chooses so. */
final class Staff {

    private final RegisterExtract extract;
    private final boolean byRole;
    private final Texts texts;

    Staff(RegisterExtract extract, boolean byRole, Texts texts) {
        this.extract = extract;
        this.byRole = byRole;
        this.texts = texts;
    }

    String name(String username) {
        if (!byRole) {
            return username;
        }
        Set<Role> roles = extract.staffRoles().getOrDefault(username, Set.of());
        if (roles.isEmpty()) {
            return texts.get("extract.staff");
        }
        return roles.stream().sorted().map(r -> texts.get("role." + r.name())).collect(Collectors.joining(", "));
    }
}
