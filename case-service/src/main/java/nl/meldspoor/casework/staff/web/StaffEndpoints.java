package nl.meldspoor.casework.staff.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.util.List;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.staff.GrantStaffRole;
import nl.meldspoor.api.staff.RevokeStaffRole;
import nl.meldspoor.api.staff.StaffGrant;
import nl.meldspoor.api.staff.StaffScope;
import nl.meldspoor.platform.commands.CommandAccepted;
import nl.meldspoor.platform.security.StaffAdministrators;
import nl.meldspoor.platform.security.StaffDirectory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/staff")
@Tag(name = "Personeelsbestand", description = "Wie welke rol heeft op welke school, in welk cluster of voor het bestuur")
class StaffEndpoints {

    static final String ID_PATTERN = "[A-Za-z0-9._:@-]{1,100}";

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final StaffAdministrators administrators;
    private final StaffDirectory directory;
    private final Clock clock;

    StaffEndpoints(CommandGateway commands, EventStore eventStore, StaffAdministrators administrators, StaffDirectory directory, Clock clock) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.administrators = administrators;
        this.directory = directory;
        this.clock = clock;
    }

    record StaffRoles(String personId, List<StaffGrant> roles) {
    }

    @PostMapping("/{personId}/roles")
    @Operation(summary = "Een medewerker een rol geven (beheerder van het bestuur); geldt in alle diensten zodra die het gelezen hebben")
    ResponseEntity<CommandAccepted> grant(@AuthenticationPrincipal Jwt administrator,
                                          @PathVariable @Pattern(regexp = ID_PATTERN) String personId,
                                          @Valid @RequestBody RoleGrant body) {
        administrators.require(administrator.getSubject());
        commands.sendAndWait(new GrantStaffRole(personId, body.role(), body.scope(), body.validUntil(), administrator.getSubject(), clock.instant()));
        return accepted(personId);
    }

    @DeleteMapping("/{personId}/roles/{role}/{scope}")
    @Operation(summary = "Een rol intrekken (beheerder van het bestuur), bijvoorbeeld bij vertrek")
    ResponseEntity<CommandAccepted> revoke(@AuthenticationPrincipal Jwt administrator,
                                           @PathVariable @Pattern(regexp = ID_PATTERN) String personId,
                                           @PathVariable Role role,
                                           @PathVariable @Pattern(regexp = ID_PATTERN) String scope) {
        administrators.require(administrator.getSubject());
        commands.sendAndWait(new RevokeStaffRole(personId, role, scope, administrator.getSubject(), clock.instant()));
        return accepted(personId);
    }

    @GetMapping("/{personId}")
    @Operation(summary = "De rollen van een medewerker zoals deze dienst ze kent (beheerder van het bestuur)")
    StaffRoles roles(@AuthenticationPrincipal Jwt administrator, @PathVariable @Pattern(regexp = ID_PATTERN) String personId) {
        administrators.require(administrator.getSubject());
        return new StaffRoles(personId, directory.grantsOf(personId));
    }

    @GetMapping
    @Operation(summary = "Wie een rol heeft op een school, in een cluster of voor het bestuur (scope=board), met de rollen daar (beheerder van het bestuur)")
    List<StaffRoles> atScope(@AuthenticationPrincipal Jwt administrator, @RequestParam @Pattern(regexp = ID_PATTERN) String scope) {
        administrators.require(administrator.getSubject());
        java.util.SortedSet<String> people = new java.util.TreeSet<>();
        for (Role role : Role.values()) {
            people.addAll(directory.holders(role, scope));
        }
        return people.stream()
                .map(person -> new StaffRoles(person, directory.grantsOf(person).stream().filter(grant -> grant.scope().equals(scope)).toList()))
                .toList();
    }

    private ResponseEntity<CommandAccepted> accepted(String personId) {
        String aggregateId = StaffScope.staffMemberId(personId);
        long version = eventStore.lastSequenceNumberFor(aggregateId).orElse(0L);
        return ResponseEntity.ok().eTag(Long.toString(version)).body(new CommandAccepted(personId, version));
    }
}
