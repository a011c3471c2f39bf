package nl.meldspoor.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details in one shape for every service. */
public final class Problems {

    private static final String TYPE_BASE = "https://meldspoor.nl/problems/";

    private Problems() {
    }

    /** One offending field and why. */
    public record FieldError(String field, String reason) {
    }

    public static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(title);
        problem.setProperty("rule", code);
        return problem;
    }

    public static ProblemDetail problem(HttpStatus status, String code, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = problem(status, code, title, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream()
                    .map(error -> Map.of("field", error.field(), "reason", error.reason()))
                    .toList());
        }
        return problem;
    }
}
