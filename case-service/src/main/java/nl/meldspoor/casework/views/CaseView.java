package nl.meldspoor.casework.views;

import java.time.Instant;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.api.common.Role;

/** Someone looked at the case: who, in which role, at what, when and why. */
public record CaseView(String personId, Role role, RecordKind kind, String what, String purpose, Instant at) {
}
