package nl.meldspoor.platform.privacy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import nl.meldspoor.platform.privacy.RetentionSchedule;
import nl.meldspoor.platform.security.StaffAdministrators;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a board administrator run the retention schedule now (after changing the board's retention
 * periods, say) instead of waiting for its next scan. Only text whose retention period has passed is
 * erased: the records' aggregates refuse anything else.
 */
@RestController
@RequestMapping("/api/admin/retention")
@Tag(name = "Beheer", description = "Tekst verwijderen na de bewaartermijn")
public class RetentionEndpoints {

    private final RetentionSchedule schedule;
    private final StaffAdministrators administrators;

    public RetentionEndpoints(RetentionSchedule schedule, StaffAdministrators administrators) {
        this.schedule = schedule;
        this.administrators = administrators;
    }

    @PostMapping("/erasures")
    @Operation(summary = "Nu de tekst verwijderen van alles waarvan de bewaartermijn is verstreken")
    public Map<String, Integer> eraseDue(@AuthenticationPrincipal Jwt administrator) {
        administrators.require(administrator.getSubject());
        return Map.of("erased", schedule.eraseDue());
    }
}
