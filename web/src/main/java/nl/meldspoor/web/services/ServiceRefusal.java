package nl.meldspoor.web.services;

import java.util.List;

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
