package nl.meldspoor.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;

/**
 * How long the person's session still lasts without a further request: the idle time-out, or less when the absolute
 * time-out comes first. The layout renders it so the time-out warning (UI.md checklist) can appear two minutes before.
 *
 * @param seconds        seconds left if nothing else happens
 * @param warnAtSeconds  seconds from now at which the warning appears (never negative)
 */
public record SessionTimeout(long seconds, long warnAtSeconds) {

    /** The warning appears this long before the end (UI.md microcopy: "Je wordt over 2 minuten afgemeld."). */
    static final Duration WARNING = Duration.ofMinutes(2);

    static SessionTimeout of(HttpSession session, Duration absoluteLimit, long nowMillis) {
        long idle = session.getMaxInactiveInterval();
        long absolute = (session.getCreationTime() + absoluteLimit.toMillis() - nowMillis) / 1000;
        long seconds = Math.max(0, idle > 0 ? Math.min(idle, absolute) : absolute);
        return new SessionTimeout(seconds, Math.max(0, seconds - WARNING.toSeconds()));
    }

    /** The current session's time-out, or null when there is no session (then there is nothing to warn about). */
    static SessionTimeout current(HttpServletRequest request, Duration absoluteLimit) {
        HttpSession session = request.getSession(false);
        return session == null ? null : of(session, absoluteLimit, System.currentTimeMillis());
    }
}
