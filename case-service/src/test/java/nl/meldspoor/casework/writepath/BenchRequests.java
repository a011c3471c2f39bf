package nl.meldspoor.casework.writepath;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseOpening;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.meldcase.ColleagueConsultation;
import nl.meldspoor.api.meldcase.SameSignals;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;

/** The two command kinds the write-path probes send: opening a case and a colleague consultation on it. */
final class BenchRequests {

    static final Actor IB = new Actor("ib-anna", Role.CARE_COORDINATOR);
    static final Actor TEACHER = new Actor("lk-eva", Role.TEACHER);

    private BenchRequests() {
    }

    static CaseOpening opening(String pupilRef) {
        return new CaseOpening("school-a", pupilRef, "family-12",
                new CaseTeam(IB.personId(), "af-bram", "school-b", "dir-carla"),
                "Blauwe plekken en teruggetrokken gedrag.", List.of(signal("sig-" + pupilRef)));
    }

    static AttachedSignal signal(String id) {
        return new AttachedSignal(id, new SignalContent(Instant.now().minus(Duration.ofDays(3)), "gymzaal", "omkleden voor de gymles",
                List.of(new Statement("Blauwe plekken op beide bovenarmen.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of("J.D."), SignalCategory.HOME_SITUATION, Set.of(), List.of(), TEACHER));
    }

    static ColleagueConsultation colleagueConsultation() {
        return new ColleagueConsultation(Instant.now(), "lk-gijs", "leerkracht van het broertje",
                "De signalen van de afgelopen weken.", SameSignals.YES, "Thuissituatie.");
    }
}
