package nl.meldspoor.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import nl.meldspoor.web.WebProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Ingelogd blijven": a request that does nothing but reach the session, which is what extends its idle time-out
 * (Spring Session stores the last access time). Like every form it needs the CSRF token; it cannot extend past the
 * absolute time-out.
 */
@Controller
class SessionKeepAlive {

    static final String PATH = "/sessie/verlengen";

    private final WebProperties properties;

    SessionKeepAlive(WebProperties properties) {
        this.properties = properties;
    }

    /** From the layout's script (fetch): the new remaining time, so the warning can be scheduled again. */
    @PostMapping(value = PATH, headers = "X-Meldspoor-Keep-Alive")
    ResponseEntity<Map<String, Long>> extend(HttpServletRequest request) {
        SessionTimeout timeout = SessionTimeout.current(request, properties.absoluteTimeout());
        return ResponseEntity.ok(Map.of("seconds", timeout.seconds(), "warnAtSeconds", timeout.warnAtSeconds()));
    }

    /** The same as a plain form (should the script fail half-way): back to the page the person was on. */
    @PostMapping(PATH)
    String extendAndReturn(HttpServletRequest request, @RequestParam(name = "terug", defaultValue = "/") String back) {
        request.getSession(false);
        // only a path on this site: never an open redirect
        boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") && !back.contains("://");
        return "redirect:" + (local ? back : "/");
    }
}
