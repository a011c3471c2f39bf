package nl.meldspoor.signals.pupil.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.platform.access.AccessLog;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.signals.access.SignalReaders;
import nl.meldspoor.signals.pupil.index.SignalIndex;
import nl.meldspoor.signals.pupil.index.SignalSummary;
import nl.meldspoor.signals.registry.PupilRegistry;
import org.springframework.stereotype.Component;

/**
 * The look-back at the recording school only (DOMAIN.md §2), the same whether it is asked while the pupil is chosen
 * or answered with a recorded signal: one place decides what a caller learns and what is logged.
 */
@Component
class LookBacks {

    static final String TALK_TO_CARE_COORDINATOR = "Er zijn eerder signalen vastgelegd over deze leerling of over broers en zussen op deze school. "
            + "Bespreek dit met de intern begeleider of de aandachtsfunctionaris.";

    /** No signal has this id: the look-back before saving leaves none of the pupil's signals out. */
    private static final String NO_SIGNAL = "";

    private final SignalIndex index;
    private final PupilRegistry registry;
    private final AccessLog accessLog;

    LookBacks(SignalIndex index, PupilRegistry registry, AccessLog accessLog) {
        this.index = index;
        this.registry = registry;
        this.accessLog = accessLog;
    }

    /**
     * The look-back at the school, which the caller has been checked to work at and the pupil to be registered at.
     * The look-up is logged as a read of each pupil's signals before anything of it is answered.
     *
     * @param exceptSignalId the signal just recorded, left out of the earlier ones; null before saving
     */
    LookBack of(Caller caller, String schoolId, String pupilRef, String exceptSignalId, HttpServletRequest http) {
        List<SignalSummary> earlier = index.earlierSignals(pupilRef, schoolId, exceptSignalId == null ? NO_SIGNAL : exceptSignalId);
        List<SignalSummary> siblings = index.signalsAt(schoolId, registry.siblingsAt(pupilRef, schoolId));
        accessLog.record(caller, schoolId, RecordKind.PUPIL_SIGNALS, pupilRef, http);
        boolean reader = SignalReaders.readsSignalsOfSchool(caller, schoolId);
        if (reader) {
            siblings.stream().map(SignalSummary::pupilRef).distinct()
                    .forEach(sibling -> accessLog.record(caller, schoolId, RecordKind.PUPIL_SIGNALS, sibling, http));
            return new LookBack(!earlier.isEmpty(), !siblings.isEmpty(), null, earlier, siblings);
        }
        boolean history = !earlier.isEmpty() || !siblings.isEmpty();
        return new LookBack(!earlier.isEmpty(), !siblings.isEmpty(), history ? TALK_TO_CARE_COORDINATOR : null, null, null);
    }

    /**
     * Earlier signals of this pupil and signals of the siblings the school registered. Whoever reads the school's
     * signals (IB'er, AF, principal) gets them; anyone else — a teacher — learns only that they exist and whom to talk
     * to: no categories, no case ids.
     *
     * @param earlierSignals null when the caller does not read the school's signals
     * @param siblingSignals null when the caller does not read the school's signals
     * @param talkTo         whom to talk to, when there is history the caller may not read
     */
    record LookBack(boolean hasEarlierSignals, boolean hasSiblingSignals, String talkTo,
                    List<SignalSummary> earlierSignals, List<SignalSummary> siblingSignals) {
    }
}
