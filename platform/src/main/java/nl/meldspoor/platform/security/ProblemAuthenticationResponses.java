package nl.meldspoor.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.meldspoor.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problems, with the {@code WWW-Authenticate} challenge of RFC 6750. Every
 * refusal is logged with the path and the reason, never with the token.
 */
class ProblemAuthenticationResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationResponses.class);

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final ObjectMapper json;

    ProblemAuthenticationResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) throws IOException {
        boolean tokenSent = request.getHeader("Authorization") != null;
        log.warn("Unauthenticated {} {}: {}", request.getMethod(), request.getRequestURI(),
                tokenSent ? exception.getMessage() : "no bearer token");
        challenge.commence(request, response, exception);
        write(response, Problems.problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Niet aangemeld",
                tokenSent ? "Het toegangstoken is niet geldig (verlopen, van een andere uitgever of voor een andere toepassing). Meld u opnieuw aan."
                        : "Meld u aan: elk verzoek heeft een geldig toegangstoken nodig (Authorization: Bearer ...)."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception) throws IOException {
        log.warn("Refused {} {} to {}: {}", request.getMethod(), request.getRequestURI(), Callers.describe(), exception.getMessage());
        response.setStatus(HttpStatus.FORBIDDEN.value());
        write(response, Problems.problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Geen toegang", "U heeft geen toegang tot deze gegevens."));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
