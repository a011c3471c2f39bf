package nl.meldspoor.web.incident;

import java.util.Map;

/**
 * What the incident pages ask of the signal-service (the incident register's write side and an incident's state) and
 * the reporting-service (the register), on behalf of the signed-in person. Answers stay the services' JSON as maps: the
 * pages show what the services said and compute no protocol rule.
 */
public interface IncidentWork {

    /** {@code POST /api/incidents}: records an incident; answers its id. */
    String record(Map<String, Object> report, String idempotencyKey);

    /** {@code GET /api/incidents/{id}}: the incident's state ({@code state}) and timeline. */
    Map<String, Object> incident(String incidentId);

    /**
     * One command on an incident.
     *
     * @param path below {@code /api/incidents/{id}}, e.g. {@code bullying-steps}
     */
    long send(String incidentId, String path, Map<String, Object> body, Long expectedVersion, String idempotencyKey);

    /** {@code GET /api/schools/{school}/incidents}: one page of the register ({@code incidents}, {@code totalPages}). */
    Map<String, Object> register(String schoolId, RegisterFilter filter, int page, int size);

    /** {@code GET /api/schools/{school}/incidents.csv}: the service's CSV as it is. */
    byte[] registerCsv(String schoolId, RegisterFilter filter);
}
