package nl.meldspoor.api.common;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.messaging.MetaData;

/**
 * Where the acting person holds the role they act in, carried as command metadata from the
 * authenticated request to the aggregate, which compares it with the school the aggregate belongs
 * to. A command without it was sent by the service itself (an intake of published events), not by a
 * request.
 */
public final class CommandAuthority {

    public static final String SCOPES = "meldspoor.actorScopes";

    private CommandAuthority() {
    }

    public static MetaData of(Collection<String> scopes) {
        return MetaData.with(SCOPES, scopes.stream().sorted().collect(Collectors.joining(",")));
    }

    /**
     * @throws RuleViolation {@link AccessRule#NOT_YOUR_SCHOOL} when the command came from a request whose
     *                       actor holds the role at none of the given schools
     */
    public static void requireOneOf(MetaData metaData, String... schoolIds) {
        Object scopes = metaData.get(SCOPES);
        if (scopes == null) {
            return;
        }
        Set<String> held = Arrays.stream(scopes.toString().split(",")).map(String::strip).collect(Collectors.toSet());
        if (Arrays.stream(schoolIds).filter(Objects::nonNull).noneMatch(held::contains)) {
            throw RuleViolation.of(AccessRule.NOT_YOUR_SCHOOL);
        }
    }
}
