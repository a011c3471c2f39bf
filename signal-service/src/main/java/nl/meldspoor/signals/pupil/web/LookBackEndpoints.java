package nl.meldspoor.signals.pupil.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import java.util.EnumSet;
import java.util.Set;
import nl.meldspoor.api.common.AccessRule;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.signals.pupil.PupilFileRule;
import nl.meldspoor.signals.registry.PupilRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The look-back while a signal is being recorded (UI.md flow A: "pick the pupil by name; the look-back appears"): the
 * same answer and the same access-log records as the look-back after saving, asked by the school's staff who may record
 * a signal for the pupil there, before they have written anything.
 */
@RestController
@Tag(name = "Signalen")
class LookBackEndpoints {

    /** Who records signals at a school (as PupilFilePermissions): only they need the look-back before recording. */
    private static final Set<Role> RECORDERS = EnumSet.of(Role.TEACHER, Role.CARE_COORDINATOR, Role.ADVISOR, Role.PRINCIPAL, Role.CONFIDANT);

    private final LookBacks lookBacks;
    private final PupilRegistry registry;

    LookBackEndpoints(LookBacks lookBacks, PupilRegistry registry) {
        this.lookBacks = lookBacks;
        this.registry = registry;
    }

    @GetMapping("/api/schools/{schoolId}/pupils/{pupilRef}/look-back")
    @Operation(summary = "Eerdere signalen van de leerling en van broers en zussen op deze school, voor wie hier een signaal vastlegt, "
            + "zoals het antwoord op een vastgelegd signaal ze toont (een leerkracht: alleen dat ze er zijn en met wie te praten); de inzage wordt vastgelegd")
    LookBacks.LookBack lookBack(Caller caller, HttpServletRequest http, @PathVariable String schoolId,
                                @PathVariable @Pattern(regexp = Identifiers.PUPIL_REF, message = Limits.NOT_A_REFERENCE) String pupilRef) {
        if (!RECORDERS.contains(caller.role())) {
            throw RuleViolation.of(EnumSet.of(Role.CLUSTER_DIRECTOR, Role.BOARD_OFFICER).contains(caller.role())
                    ? AccessRule.AGGREGATES_ONLY : AccessRule.ROLE_NOT_PERMITTED);
        }
        if (!caller.holds(schoolId)) {
            throw RuleViolation.of(AccessRule.NOT_YOUR_SCHOOL);
        }
        if (!registry.isRegisteredAt(pupilRef, schoolId)) {
            // as recording answers: only the school's own staff learn whether a reference is registered there
            throw RuleViolation.of(PupilFileRule.PUPIL_NOT_REGISTERED_AT_SCHOOL, "pupilRef");
        }
        return lookBacks.of(caller, schoolId, pupilRef, null, http);
    }
}
