package nl.meldspoor.signals.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.meldspoor.api.common.AccessRule;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.signals.pupil.state.PupilFileView;
import nl.meldspoor.signals.pupil.state.PupilFileView.SignalView;
import nl.meldspoor.platform.security.Caller;

/**
 * Who reads which signals of a pupil's file (DOMAIN.md §1): the IB'er, the aandachtsfunctionaris and
 * the principal every signal recorded at their school, a teacher the signals they recorded themselves.
 * Nobody else reads signals; cluster and board roles see aggregates only.
 */
public final class SignalReaders {

    private static final Set<Role> SCHOOL_READERS = EnumSet.of(Role.CARE_COORDINATOR, Role.ADVISOR, Role.PRINCIPAL);

    private SignalReaders() {
    }

    /**
     * Whether the caller reads every signal recorded at the school: the IB'er, the aandachtsfunctionaris and the
     * principal there. A teacher does not, so the look-back tells a teacher only that there is history and whom to ask.
     */
    public static boolean readsSignalsOfSchool(Caller caller, String schoolId) {
        return SCHOOL_READERS.contains(caller.role()) && caller.holds(schoolId);
    }

    /** The part of the file the caller may read; refused when that is nothing of a file that has signals. */
    public static PupilFileView visibleTo(Caller caller, PupilFileView file) {
        if (!SCHOOL_READERS.contains(caller.role()) && !caller.hasRole(Role.TEACHER)) {
            throw RuleViolation.of(EnumSet.of(Role.CLUSTER_DIRECTOR, Role.BOARD_OFFICER).contains(caller.role())
                    ? AccessRule.AGGREGATES_ONLY : AccessRule.ROLE_NOT_PERMITTED);
        }
        List<SignalView> visible = file.signals().stream()
                .filter(signal -> caller.holds(signal.schoolId()))
                .filter(signal -> !caller.hasRole(Role.TEACHER) || signal.recordedBy().personId().equals(caller.personId()))
                .toList();
        if (visible.isEmpty() && !file.signals().isEmpty()) {
            throw RuleViolation.of(caller.hasRole(Role.TEACHER) ? AccessRule.ROLE_NOT_PERMITTED : AccessRule.NOT_YOUR_SCHOOL);
        }
        return new PupilFileView(file.pupilRef(), file.version(), visible);
    }
}
