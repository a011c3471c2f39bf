package nl.meldspoor.casework.views;

import java.time.Instant;
import nl.meldspoor.api.access.AccessPurpose;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.api.common.Role;

/**
 * Someone looked at the case: who, in which role, at what, when and why.
 *
 * @param purpose a code of {@link AccessPurpose}, or {@code null} when none was given
 * @param why     the purpose in Dutch words
 */
public record CaseView(String personId, Role role, RecordKind kind, String what, AccessPurpose purpose, String why, Instant at) {
}
