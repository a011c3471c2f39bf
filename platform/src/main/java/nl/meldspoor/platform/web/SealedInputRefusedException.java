package nl.meldspoor.platform.web;

import java.util.List;
import nl.meldspoor.platform.web.Problems.FieldError;

/** A request body with texts that look sealed or erased; answered with 400 and the fields named. */
public class SealedInputRefusedException extends RuntimeException {

    private final transient List<FieldError> errors;

    public SealedInputRefusedException(List<FieldError> errors) {
        super("Input looks sealed or erased: " + errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
