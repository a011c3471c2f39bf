package nl.meldspoor.web.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A service refused a call with an RFC 9457 problem: the page shows its Dutch text, next to the field it concerns.
 *
 * @param errors the problem's {@code errors: [{field, reason}]}
 */
public class ServiceRefusal extends RuntimeException {

    private final int status;
    private final String rule;
    private final String detail;
    private final List<FieldError> errors;

    public record FieldError(String field, String reason) {
    }

    public ServiceRefusal(int status, String rule, String detail, List<FieldError> errors) {
        super(status + " " + rule + ": " + detail);
        this.status = status;
        this.rule = rule;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A service's error answer as a refusal; an answer that is no problem document keeps only its status. */
    public static ServiceRefusal read(ClientHttpResponse response, ObjectMapper json) throws IOException {
        int status = response.getStatusCode().value();
        try {
            JsonNode problem = json.readTree(response.getBody());
            List<FieldError> errors = new ArrayList<>();
            problem.path("errors").forEach(error -> errors.add(new FieldError(error.path("field").asText(null), error.path("reason").asText(""))));
            return new ServiceRefusal(status, problem.path("rule").asText(null), problem.path("detail").asText(null), errors);
        } catch (IOException | RuntimeException notAProblem) {
            return new ServiceRefusal(status, null, null, List.of());
        }
    }

    public int status() {
        return status;
    }

    public String rule() {
        return rule;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Forbidden and unknown look the same to the person: need-to-know. */
    public boolean hidden() {
        return status == 403 || status == 404;
    }
}
