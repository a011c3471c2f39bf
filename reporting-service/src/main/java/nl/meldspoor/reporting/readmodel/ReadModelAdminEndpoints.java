package nl.meldspoor.reporting.readmodel;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import nl.meldspoor.platform.security.StaffAdministrators;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import nl.meldspoor.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/read-models")
@Tag(name = "Beheer", description = "Read models opnieuw opbouwen vanaf offset 0")
class ReadModelAdminEndpoints {

    private final ReadModelRebuilder rebuilder;
    private final StaffAdministrators administrators;

    ReadModelAdminEndpoints(ReadModelRebuilder rebuilder, StaffAdministrators administrators) {
        this.rebuilder = rebuilder;
        this.administrators = administrators;
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Een read model weggooien en opnieuw opbouwen uit alle events vanaf offset 0")
    ResponseEntity<?> rebuild(@AuthenticationPrincipal Jwt administrator, @PathVariable String name) {
        administrators.require(administrator.getSubject());
        if (!rebuilder.rebuild(name)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Niet gevonden", "Er is geen read model '" + name + "'."));
        }
        return ResponseEntity.accepted().body(Map.of("readModel", name, "status", "REBUILDING"));
    }
}
