package nl.meldspoor.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.meldspoor.web.meldcase.CaseWork;
import nl.meldspoor.web.meldcase.Colleague;
import nl.meldspoor.web.services.ServiceRefusal;

/** The case-service and the reporting-service as the case pages see them: fixed answers from JSON fixtures, commands kept. */
public class FakeCaseWork implements CaseWork {

    private static final ObjectMapper JSON = new ObjectMapper();

    public volatile Map<String, Object> state;
    public volatile Map<String, Object> timeline;
    public volatile Map<String, Object> rapportage;
    public final List<Map<String, Object>> schoolCases = new ArrayList<>();
    public final List<Sent> sent = new ArrayList<>();
    public final List<Instant> asked = new ArrayList<>();
    /** Everyone who looked at case-1, newest first, as {@code GET /api/cases/{id}/views} pages them. */
    public final List<Map<String, Object>> views = new ArrayList<>();
    /** The staff directory's colleagues per school; a school not in it is refused as another school. */
    public final Map<String, List<Colleague>> colleagues = new java.util.HashMap<>();
    /** A refusal of the next command only. */
    public volatile ServiceRefusal refusal;

    public record Sent(String caseId, String path, Map<String, Object> body, Long expectedVersion, String idempotencyKey) {
    }

    public FakeCaseWork() {
        reset();
    }

    public void reset() {
        state = fixture("state");
        timeline = fixture("timeline");
        rapportage = fixture("rapportage");
        schoolCases.clear();
        sent.clear();
        asked.clear();
        views.clear();
        refusal = null;
        colleagues.clear();
        colleagues.put("school-a", List.of(new Colleague("dir-a", List.of("PRINCIPAL")), new Colleague("ib-a", List.of("CARE_COORDINATOR")),
                new Colleague("af-a", List.of("ADVISOR")), new Colleague("lk-a", List.of("TEACHER")), new Colleague("lk-gijs", List.of("TEACHER"))));
    }

    /** Changes one top-level part of the state, as if the case had moved on. */
    public void state(String key, Object value) {
        state.put(key, value);
    }

    public static Map<String, Object> fixture(String name) {
        try (InputStream in = FakeCaseWork.class.getResourceAsStream("/meldcase/" + name + ".json")) {
            return JSON.readValue(in, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> json(String text) {
        try {
            return JSON.readValue(text, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, Object> state(String caseId, Instant asOf) {
        hide(caseId);
        return state;
    }

    @Override
    public Map<String, Object> timeline(String caseId, Instant asOf) {
        hide(caseId);
        asked.add(asOf);
        Map<String, Object> answer = new java.util.LinkedHashMap<>(timeline);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) timeline.get("entries");
        answer.put("entries", entries.stream()
                .filter(entry -> asOf == null || !Instant.parse((String) entry.get("recordedAt")).isAfter(asOf)).toList());
        answer.put("asOf", asOf == null ? null : asOf.toString());
        answer.put("state", state);
        return answer;
    }

    @Override
    public Map<String, Object> views(String caseId, Instant asOf, int page, int size) {
        hide(caseId);
        List<Map<String, Object>> until = views.stream().filter(view -> asOf == null || !Instant.parse((String) view.get("at")).isAfter(asOf)).toList();
        int from = (int) Math.min((long) page * size, until.size());
        List<Map<String, Object>> entries = until.subList(from, Math.min(from + size, until.size()));
        return Map.of("entries", List.copyOf(entries), "page", page, "size", size, "totalElements", until.size(),
                "totalPages", (until.size() + size - 1) / size);
    }

    @Override
    public Optional<Map<String, Object>> rapportage(String caseId) {
        return Optional.ofNullable(rapportage);
    }

    @Override
    public List<Map<String, Object>> schoolCases(String schoolId, String status) {
        return schoolCases.stream().filter(summary -> status.equals(summary.get("status"))).toList();
    }

    @Override
    public long send(String caseId, String path, Map<String, Object> body, Long expectedVersion, String idempotencyKey) {
        hide(caseId);
        if (refusal != null) {
            ServiceRefusal refused = refusal;
            refusal = null;
            throw refused;
        }
        sent.add(new Sent(caseId, path, body, expectedVersion, idempotencyKey));
        return ((Number) state.get("version")).longValue() + 1;
    }

    @Override
    public List<Colleague> colleagues(String schoolId) {
        List<Colleague> known = colleagues.get(schoolId);
        if (known == null) {
            throw new ServiceRefusal(403, "NOT_YOUR_SCHOOL", "Geen toegang", List.of());
        }
        return known;
    }

    /** An unknown case looks like one the person may not see. */
    private static void hide(String caseId) {
        if (!"case-1".equals(caseId)) {
            throw new ServiceRefusal(404, "NOT_FOUND", "Niet gevonden", List.of());
        }
    }
}
