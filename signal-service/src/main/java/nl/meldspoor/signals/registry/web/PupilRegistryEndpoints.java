package nl.meldspoor.signals.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.platform.access.AccessLog;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.platform.web.Problems;
import nl.meldspoor.signals.access.RegistryAccess;
import nl.meldspoor.signals.registry.PupilIdentity;
import nl.meldspoor.signals.registry.PupilRegistry;
import nl.meldspoor.signals.registry.RegisteredPupil;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Leerlingenregistratie", description = "Namen bij pseudonieme leerlingkenmerken; alleen voor de school zelf, elke inzage vastgelegd")
class PupilRegistryEndpoints {

    private final PupilRegistry registry;
    private final AccessLog accessLog;

    PupilRegistryEndpoints(PupilRegistry registry, AccessLog accessLog) {
        this.registry = registry;
        this.accessLog = accessLog;
    }

    record Registered(String pupilRef) {
    }

    @PostMapping("/api/schools/{schoolId}/pupils")
    @Operation(summary = "Een leerling registreren (IB'er, directeur); het antwoord is het pseudonieme kenmerk dat de rest van het systeem gebruikt")
    ResponseEntity<Registered> register(Caller caller, @PathVariable String schoolId, @Valid @RequestBody PupilIdentity identity) {
        RegistryAccess.requireRegistrar(caller, schoolId);
        RegisteredPupil pupil = registry.register(schoolId, identity, caller.personId());
        return ResponseEntity.created(URI.create("/api/pupils/" + pupil.pupilRef() + "/identity")).body(new Registered(pupil.pupilRef()));
    }

    @GetMapping("/api/schools/{schoolId}/pupils")
    @Operation(summary = "Leerlingen van de school zoeken op (begin van) voor- of achternaam")
    ResponseEntity<?> search(Caller caller, HttpServletRequest request, @PathVariable String schoolId, @RequestParam String name) {
        RegistryAccess.requireReader(caller, schoolId);
        if (name.strip().length() < 2) {
            return ResponseEntity.badRequest().body(Problems.problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "Ongeldige invoer",
                    "name: minstens twee letters.", List.of(new Problems.FieldError("name", "minstens twee letters"))));
        }
        accessLog.record(caller, schoolId, RecordKind.PUPIL_SEARCH, schoolId, request);
        return ResponseEntity.ok(registry.search(schoolId, name));
    }

    @GetMapping("/api/pupils/{pupilRef}/identity")
    @Operation(summary = "Naam en gegevens bij een leerlingkenmerk, voor het personeel van de school van de leerling")
    ResponseEntity<?> identity(Caller caller, HttpServletRequest request, @PathVariable @Pattern(regexp = Identifiers.PUPIL_REF, message = Limits.NOT_A_REFERENCE) String pupilRef) {
        return registry.find(pupilRef)
                .<ResponseEntity<?>>map(pupil -> {
                    RegistryAccess.requireReader(caller, pupil.schoolId());
                    if (pupil.erased()) {
                        return erased(pupilRef);
                    }
                    accessLog.record(caller, pupil.schoolId(), RecordKind.PUPIL_IDENTITY, pupilRef, request);
                    return ResponseEntity.ok(pupil);
                })
                .orElseGet(() -> unknown(pupilRef));
    }

    @PutMapping("/api/pupils/{pupilRef}/identity")
    @Operation(summary = "Naam, geboortedatum of groep corrigeren (IB'er, directeur); het kenmerk blijft")
    ResponseEntity<?> correct(Caller caller, @PathVariable @Pattern(regexp = Identifiers.PUPIL_REF, message = Limits.NOT_A_REFERENCE) String pupilRef, @Valid @RequestBody PupilIdentity identity) {
        return registry.find(pupilRef)
                .<ResponseEntity<?>>map(pupil -> {
                    RegistryAccess.requireRegistrar(caller, pupil.schoolId());
                    return registry.correct(pupilRef, identity, caller.personId()) ? ResponseEntity.ok(registry.find(pupilRef).orElseThrow())
                            : erased(pupilRef);
                })
                .orElseGet(() -> unknown(pupilRef));
    }

    @DeleteMapping("/api/pupils/{pupilRef}/identity")
    @Operation(summary = "Naam en geboortedatum verwijderen (directeur): het kenmerk blijft, maar wijst niet meer naar een persoon")
    ResponseEntity<?> erase(Caller caller, @PathVariable @Pattern(regexp = Identifiers.PUPIL_REF, message = Limits.NOT_A_REFERENCE) String pupilRef) {
        return registry.find(pupilRef)
                .<ResponseEntity<?>>map(pupil -> {
                    RegistryAccess.requireEraser(caller, pupil.schoolId());
                    return registry.erase(pupilRef, caller.personId()) ? ResponseEntity.noContent().build() : erased(pupilRef);
                })
                .orElseGet(() -> unknown(pupilRef));
    }

    private static ResponseEntity<?> unknown(String pupilRef) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND",
                "Niet gevonden", "Er is geen leerling met kenmerk " + pupilRef + " geregistreerd."));
    }

    private static ResponseEntity<?> erased(String pupilRef) {
        return ResponseEntity.status(HttpStatus.GONE).body(Problems.problem(HttpStatus.GONE, "IDENTITY_ERASED", "Verwijderd",
                "De naam en geboortedatum bij kenmerk " + pupilRef + " zijn verwijderd."));
    }
}
