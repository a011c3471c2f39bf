package nl.meldspoor.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import jakarta.validation.ConstraintViolation;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpServletRequest;
import nl.meldspoor.api.common.RuleKind;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.platform.access.AccessLogUnavailableException;
import nl.meldspoor.platform.security.Callers;
import nl.meldspoor.platform.security.StaffDirectoryNotLoadedException;
import nl.meldspoor.platform.web.Problems.FieldError;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as RFC 9457 problem+json: 400 with field-level reasons for bad input, 401 when it is
 * unknown who acts, 403 for a role that may not, 404 for an unknown aggregate, 409 for an
 * out-of-order step or a version conflict, 422 for a broken rule — with the rule named.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation violation, HttpServletRequest request) {
        if (violation.rule().kind() == RuleKind.NOT_PERMITTED) {
            log.warn("Refused {} {} to {}: {}", request.getMethod(), request.getRequestURI(), Callers.describe(), violation.rule().code());
        }
        HttpStatus status = switch (violation.rule().kind()) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case DOMAIN_RULE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case OUT_OF_ORDER -> HttpStatus.CONFLICT;
            case NOT_PERMITTED -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        List<FieldError> errors = violation.field() == null ? List.of() : List.of(new FieldError(violation.field(), violation.getMessage()));
        ProblemDetail problem = Problems.problem(status, violation.rule().code(), violation.rule().message(), violation.getMessage(), errors);
        if (violation.field() != null) {
            problem.setProperty("field", violation.field());
        }
        return respond(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException exception) {
        return respond(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Niet gevonden",
                "Er is niets bekend onder kenmerk " + exception.getAggregateIdentifier() + "."));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> versionConflict(ConflictingAggregateVersionException exception) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "VERSION_CONFLICT", "Intussen gewijzigd",
                "Het dossier is intussen gewijzigd: u zag versie " + exception.getExpectedVersion()
                        + ", de huidige versie is " + exception.getActualVersion() + ". Haal het dossier opnieuw op en beoordeel de wijziging.");
        problem.setProperty("expectedVersion", exception.getExpectedVersion());
        problem.setProperty("actualVersion", exception.getActualVersion());
        return respond(problem);
    }

    /** Also a creation that lost the race to a concurrent one (when the caller asked for a version check, or retries ran out). */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> concurrentWrite(RuntimeException exception) {
        return respond(Problems.problem(HttpStatus.CONFLICT, "VERSION_CONFLICT", "Intussen gewijzigd",
                "Iemand anders legde tegelijkertijd iets vast in dit dossier. Haal het dossier opnieuw op en probeer het nog eens."));
    }

    @ExceptionHandler(JSR303ViolationException.class)
    ResponseEntity<ProblemDetail> commandValidation(JSR303ViolationException exception) {
        List<FieldError> errors = exception.getViolations().stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .map(ProblemResponses::fieldError)
                .toList();
        return respond(invalidInput(errors));
    }

    @ExceptionHandler(AccessLogUnavailableException.class)
    ResponseEntity<ProblemDetail> accessLogUnavailable(AccessLogUnavailableException exception) {
        log.error("A read was refused because the access log could not record it", exception);
        ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "ACCESS_LOG_UNAVAILABLE", "Even geduld", exception.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10").body(problem);
    }

    @ExceptionHandler(StaffDirectoryNotLoadedException.class)
    ResponseEntity<ProblemDetail> directoryNotLoaded(StaffDirectoryNotLoadedException exception) {
        ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "STAFF_DIRECTORY_LOADING", "Even geduld", exception.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler(BadRequestHeaderException.class)
    ResponseEntity<ProblemDetail> badHeader(BadRequestHeaderException exception) {
        return respond(Problems.problem(HttpStatus.BAD_REQUEST, "INVALID_HEADER", "Ongeldige header", exception.getMessage(),
                List.of(new FieldError(exception.header(), exception.getMessage()))));
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException exception) {
        return respond(Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key hergebruikt",
                exception.getMessage(), List.of(new FieldError("Idempotency-Key", exception.getMessage()))));
    }

    @ExceptionHandler(SealedInputRefusedException.class)
    ResponseEntity<ProblemDetail> sealedInput(SealedInputRefusedException exception) {
        return respond(invalidInput(exception.errors()));
    }

    @ExceptionHandler(RequestTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestTooLargeException exception) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                .body(RequestBodyLimitFilter.problem(exception));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        RequestTooLargeException tooLarge = RequestBodyLimitFilter.find(exception);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        log.error("Unexpected failure while handling a request", exception);
        return respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Interne fout",
                "Er ging iets mis aan onze kant. Er is niets vastgelegd; probeer het later opnieuw."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(invalidInput(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception, HttpHeaders headers,
                                                                           HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = exception.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors body
                        ? body.getFieldErrors().stream().map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                        : result.getResolvableErrors().stream()
                                .map(error -> new FieldError(String.valueOf(result.getMethodParameter().getParameterName()), error.getDefaultMessage())))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(invalidInput(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        RequestTooLargeException tooLarge = RequestBodyLimitFilter.find(exception);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(RequestBodyLimitFilter.problem(tooLarge));
        }
        String field = "body";
        String reason = "De inhoud is geen geldige JSON.";
        if (exception.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = path(mapping);
            reason = "Ongeldige waarde.";
            if (mapping instanceof InvalidFormatException format) {
                reason = "Ongeldige waarde '" + format.getValue() + "'";
                Class<?> target = format.getTargetType();
                if (target != null && target.isEnum()) {
                    reason += "; toegestaan: " + Arrays.toString(target.getEnumConstants());
                }
                reason += ".";
            }
        }
        return ResponseEntity.badRequest().body(invalidInput(List.of(new FieldError(field, reason))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = exception instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : exception.getPropertyName();
        return ResponseEntity.badRequest().body(invalidInput(List.of(new FieldError(String.valueOf(field),
                "Ongeldige waarde '" + exception.getValue() + "'."))));
    }

    private static ProblemDetail invalidInput(List<FieldError> errors) {
        String detail = errors.stream().map(error -> error.field() + ": " + error.reason()).collect(Collectors.joining("; "));
        return Problems.problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "Ongeldige invoer", detail, errors);
    }

    private static FieldError fieldError(ConstraintViolation<?> violation) {
        return new FieldError(violation.getPropertyPath().toString(), violation.getMessage());
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
