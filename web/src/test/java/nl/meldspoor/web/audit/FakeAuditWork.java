package nl.meldspoor.web.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.meldspoor.web.FakeCaseWork;
import nl.meldspoor.web.services.ServiceRefusal;

/**
 * The services as the audit pages see them: the case fixture's timeline, cut off at a moment as the case-service does (by
 * recording time), every read with the purpose it was sent with; an access log of fixed entries, every query kept.
 */
public class FakeAuditWork implements AuditWork {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Read(String caseId, Instant asOf, String purpose) {
    }

    public record Query(String schoolId, String personId, String recordId, LocalDate from, LocalDate to, int page, int size) {
    }

    public final List<Read> reads = new ArrayList<>();
    public final List<Query> queries = new ArrayList<>();
    public final List<Map<String, Object>> entries = new ArrayList<>();
    public final List<String> caseListsOf = new ArrayList<>();
    public volatile ServiceRefusal refusal;
    public volatile long totalElements;

    public void reset() {
        reads.clear();
        queries.clear();
        entries.clear();
        caseListsOf.clear();
        refusal = null;
        totalElements = -1;
    }

    @Override
    public List<School> schools() {
        return List.of(new School("school-a", "De Brug"), new School("school-b", "Fedra"));
    }

    @Override
    public List<Map<String, Object>> schoolCases(String schoolId, String status) {
        caseListsOf.add(schoolId);
        return List.of(Map.of("caseId", "case-1", "schoolId", schoolId, "pupilRef", "p-7", "currentStep", 4, "status", "OPEN",
                "openedAt", "2026-12-01T08:00:00Z"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> timeline(String caseId, Instant asOf, String purpose) {
        reads.add(new Read(caseId, asOf, purpose));
        if (refusal != null) {
            throw refusal;
        }
        Map<String, Object> timeline = JSON.convertValue(FakeCaseWork.fixture("timeline"), new TypeReference<Map<String, Object>>() {
        });
        if (timeline.get("state") == null) {
            timeline.put("state", FakeCaseWork.fixture("state"));
        }
        if (asOf == null) {
            return timeline;
        }
        List<Map<String, Object>> known = ((List<Map<String, Object>>) timeline.get("entries")).stream()
                .filter(entry -> !Instant.parse((String) entry.get("recordedAt")).isAfter(asOf)).toList();
        if (known.isEmpty()) {
            throw new ServiceRefusal(422, "NOT_YET_OPENED", "Op dat moment bestond dit dossier nog niet.", List.of());
        }
        Map<String, Object> last = known.get(known.size() - 1);
        Map<String, Object> state = (Map<String, Object>) timeline.get("state");
        state.put("currentStep", Math.max(1, ((Number) last.get("step")).intValue()));
        state.put("nextSteps", List.of("Stand bij versie " + last.get("version")));
        state.put("deadlines", List.of());
        timeline.put("entries", known);
        timeline.put("version", last.get("version"));
        timeline.put("asOf", asOf.toString());
        return timeline;
    }

    @Override
    public AccessPage accessLog(String schoolId, String personId, String recordId, LocalDate from, LocalDate to, int page, int size) {
        queries.add(new Query(schoolId, personId, recordId, from, to, page, size));
        if (refusal != null) {
            throw refusal;
        }
        long total = totalElements >= 0 ? totalElements : entries.size();
        return new AccessPage(List.copyOf(entries), page, size, total, (int) Math.max(1, (total + size - 1) / size));
    }
}
