package nl.meldspoor.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.meldspoor.web.services.ServiceRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What a page shows when a service refuses outside a form: forbidden and unknown alike as "does not exist"
 * (need-to-know), a rejected token as a new sign-in, anything else as a Dutch error page with the service's text.
 */
@ControllerAdvice
class ServiceRefusals {

    private static final Logger log = LoggerFactory.getLogger(ServiceRefusals.class);

    /** An address that is no page gets the same Dutch page as one the person may not see. */
    @ExceptionHandler(org.springframework.web.servlet.resource.NoResourceFoundException.class)
    String noSuchPage(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "error/404";
    }

    @ExceptionHandler(ServiceRefusal.class)
    String refused(ServiceRefusal refusal, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (refusal.hidden()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "error/404";
        }
        if (refusal.status() == HttpStatus.UNAUTHORIZED.value()) {
            // the service no longer accepts the person's token: sign in again
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            return "redirect:/";
        }
        log.warn("A service refused: {}", refusal.getMessage());
        response.setStatus(refusal.status() >= 500 ? HttpStatus.BAD_GATEWAY.value() : refusal.status());
        model.addAttribute("detail", refusal.detail());
        return "error";
    }
}
