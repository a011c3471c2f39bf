package nl.meldspoor.web.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the auditor's pages and the access log ask of the services, on behalf of the signed-in person. Answers stay the
 * services' JSON (as maps): the pages show what the services said and compute no meldcode rule.
 */
public interface AuditWork {

    /** A school of the board, as the board's dashboard names it. */
    record School(String schoolId, String name) {
    }

    /** A page of the school's access log, newest first. */
    record AccessPage(List<Map<String, Object>> entries, int page, int size, long totalElements, int totalPages) {
    }

    /** The schools of the board (the reporting-service's board dashboard), for a board-wide auditor choosing one. */
    List<School> schools();

    /** The reporting-service's cases of a school, newest activity first. */
    List<Map<String, Object>> schoolCases(String schoolId, String status);

    /**
     * The case-service's timeline, as the system knew it at {@code asOf} (by recording time), or until now.
     *
     * @param purpose an {@link AuditPurpose} code, sent as {@code X-Meldspoor-Purpose} so the read is logged with it
     */
    Map<String, Object> timeline(String caseId, Instant asOf, String purpose);

    /** The reporting-service's access log of a school, filtered; every filter may be {@code null}. */
    AccessPage accessLog(String schoolId, String personId, String recordId, LocalDate from, LocalDate to, int page, int size);
}
