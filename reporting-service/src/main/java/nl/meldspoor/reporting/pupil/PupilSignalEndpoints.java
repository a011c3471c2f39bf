package nl.meldspoor.reporting.pupil;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.signal.PupilFileEvent;
import nl.meldspoor.reporting.pupil.fold.PupilFileView.SignalView;
import nl.meldspoor.reporting.pupil.fold.PupilFiles;
import nl.meldspoor.platform.access.AccessLog;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.platform.web.Problems;
import nl.meldspoor.reporting.access.ReportReaders;
import nl.meldspoor.reporting.organisation.Organisation;
import nl.meldspoor.reporting.readmodel.Generations;
import nl.meldspoor.reporting.pupil.PupilSignalOverview.SiblingSignal;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Signalen per leerling", description = "Het overzicht van de signalen van een leerling voor de intern begeleider")
class PupilSignalEndpoints {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final MongoTemplate mongo;
    private final StoredEvents storedEvents;
    private final Organisation organisation;
    private final Clock clock;

    private final AccessLog accessLog;

    private final PupilSignals pupils;
    private final Generations generations;

    PupilSignalEndpoints(MongoTemplate mongo, StoredEvents storedEvents, Organisation organisation, Clock clock, AccessLog accessLog,
                         PupilSignals pupils, Generations generations) {
        this.pupils = pupils;
        this.generations = generations;
        this.accessLog = accessLog;
        this.mongo = mongo;
        this.storedEvents = storedEvents;
        this.organisation = organisation;
        this.clock = clock;
    }

    @GetMapping("/api/schools/{schoolId}/pupils/{pupilRef}/signals")
    @Operation(summary = "Alle signalen van een leerling op deze school, ook van eerdere jaren, met die van broers en zussen in het kort")
    ResponseEntity<?> overview(Caller caller, HttpServletRequest request, @PathVariable String schoolId, @PathVariable @Pattern(regexp = Identifiers.PUPIL_REF, message = Limits.NOT_A_REFERENCE) String pupilRef) {
        ReportReaders.requirePupilSignalReader(caller, schoolId);
        PupilRecord record = pupils.view(pupilRef);
        if (!organisation.knows(schoolId) || record == null || record.signals().stream().noneMatch(signal -> signal.schoolId().equals(schoolId))) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Niet gevonden",
                    "Er zijn geen signalen van leerling " + pupilRef + " op school " + schoolId + "."));
        }
        PupilFiles file = pupils.file(record).orElseGet(() -> {
            // a view of the older format, served until the rebuild started at startup switches: folded once more
            PupilFiles folded = new PupilFiles();
            storedEvents.read(pupils.history(pupilRef), PupilFileEvent.class).forEach(folded::apply);
            return folded;
        });
        List<SignalView> signals = file.signals(LocalDate.now(clock.withZone(AMSTERDAM))).stream()
                .filter(signal -> signal.schoolId().equals(schoolId))
                .toList();
        accessLog.record(caller, schoolId, RecordKind.PUPIL_OVERVIEW, pupilRef, request);
        return ResponseEntity.ok(new PupilSignalOverview(pupilRef, schoolId, record.familyRef(), signals, siblings(record, schoolId)));
    }

    private List<SiblingSignal> siblings(PupilRecord pupil, String schoolId) {
        if (pupil.familyRef() == null) {
            return List.of();
        }
        Query query = Query.query(Criteria.where("familyRef").is(pupil.familyRef()).and("_id").ne(pupil.pupilRef()));
        query.fields().include("signals", "familyRef");
        return mongo.find(query, PupilRecord.class, generations.collection(PupilSignals.NAME, PupilRecord.COLLECTION)).stream()
                .flatMap(sibling -> sibling.signals().stream()
                        .filter(signal -> signal.schoolId().equals(schoolId))
                        .map(signal -> new SiblingSignal(sibling.pupilRef(), signal)))
                .toList();
    }
}
