package nl.meldspoor.web.incident;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.meldspoor.web.services.ServiceRefusal;

/** The signal-service and reporting-service as the incident pages see them: fixtures, with what was sent kept. */
public class FakeIncidentWork implements IncidentWork {

    private static final ObjectMapper JSON = new ObjectMapper();

    public volatile Map<String, Object> incident;
    public volatile Map<String, Object> register;
    public volatile ServiceRefusal refusal;
    /** A refusal of every read (the 404 look). */
    public volatile ServiceRefusal readRefusal;
    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    public final List<RegisterFilter> filters = new CopyOnWriteArrayList<>();

    public record Sent(String incidentId, String path, Map<String, Object> body, Long expectedVersion, String idempotencyKey) {
    }

    public FakeIncidentWork() {
        reset();
    }

    public void reset() {
        incident = fixture("bullying");
        register = fixture("register");
        refusal = null;
        readRefusal = null;
        sent.clear();
        filters.clear();
    }

    public static Map<String, Object> fixture(String name) {
        try (InputStream in = FakeIncidentWork.class.getResourceAsStream("/incident/" + name + ".json")) {
            return JSON.readValue(in, new TypeReference<>() {
            });
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @Override
    public String record(Map<String, Object> report, String idempotencyKey) {
        refuseOnce();
        sent.add(new Sent(null, "", report, null, idempotencyKey));
        return "inc-new";
    }

    @Override
    public Map<String, Object> incident(String incidentId) {
        read();
        return incident;
    }

    @Override
    public long send(String incidentId, String path, Map<String, Object> body, Long expectedVersion, String idempotencyKey) {
        refuseOnce();
        sent.add(new Sent(incidentId, path, body, expectedVersion, idempotencyKey));
        return 4;
    }

    @Override
    public Map<String, Object> register(String schoolId, RegisterFilter filter, int page, int size) {
        read();
        refuseOnce();
        filters.add(filter);
        return register;
    }

    @Override
    public byte[] registerCsv(String schoolId, RegisterFilter filter) {
        read();
        filters.add(filter);
        return "incidentId;schoolId;type\ninc-1;school-a;SERIOUS_BULLYING\n".getBytes(StandardCharsets.UTF_8);
    }

    private void read() {
        if (readRefusal != null) {
            throw readRefusal;
        }
    }

    private void refuseOnce() {
        ServiceRefusal next = refusal;
        refusal = null;
        if (next != null) {
            throw next;
        }
    }
}
