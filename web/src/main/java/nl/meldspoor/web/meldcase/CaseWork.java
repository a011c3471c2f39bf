package nl.meldspoor.web.meldcase;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the case pages ask of the case-service and the reporting-service, on behalf of the signed-in person. The
 * answers stay the services' JSON (as maps), so the pages show what the service said and compute no meldcode rule.
 */
public interface CaseWork {

    /** {@code GET /api/cases/{id}} (with {@code asOf}: as the system knew it then). */
    Map<String, Object> state(String caseId, Instant asOf);

    /** {@code GET /api/cases/{id}/timeline}: every event with step, actor, occurred and recorded, and the state at the end. */
    Map<String, Object> timeline(String caseId, Instant asOf);

    /**
     * {@code GET /api/cases/{id}/views}: one page of who looked at the case, newest first ({@code entries}, {@code page},
     * {@code totalPages}, {@code totalElements}); the timeline holds only the newest. With {@code asOf}: the reads until then.
     */
    Map<String, Object> views(String caseId, Instant asOf, int page, int size);

    /** The reporting-service's rapportage (status per step); empty while the read side has not seen the case yet. */
    Optional<Map<String, Object>> rapportage(String caseId);

    /** The reporting-service's cases of a school, newest activity first. */
    List<Map<String, Object>> schoolCases(String schoolId, String status);

    /**
     * Sends one command of the case-service.
     *
     * @param path            the command's path below {@code /api/cases/{id}}
     * @param expectedVersion the version the person saw ({@code If-Match}); a change in between is refused with 409
     * @return the case's version after the command
     */
    long send(String caseId, String path, Map<String, Object> body, Long expectedVersion, String idempotencyKey);

    /**
     * The case-service's colleagues of a school with their roles there ({@code GET /api/schools/{id}/staff}); only staff
     * acting at that school get an answer, everyone else a refusal.
     */
    List<Colleague> colleagues(String schoolId);
}
