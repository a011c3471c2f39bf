package nl.meldspoor.web.security;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the person had typed into a form they sent after their session had ended: kept in the new session (PostgreSQL,
 * never in the browser) until they have signed in, then shown in the same form to check and send again.
 *
 * @param path   the path the form was sent to
 * @param fields the fields as sent, without the outdated CSRF token
 * @param heldAt when it arrived; after the time-to-live it is dropped
 * @param page   the page (path and query) that showed the form, this site's own; null when unknown (a form held before
 *               this was kept: its own path shows it)
 */
public record HeldForm(String path, LinkedHashMap<String, String[]> fields, Instant heldAt, String page) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The session attribute that holds it: one held form per session, the latest wins. */
    static final String ATTRIBUTE = HeldForm.class.getName();

    /** Fields never held: the outdated token, and the button that was pressed (the person presses it again). */
    static boolean held(String name) {
        return !"_csrf".equals(name) && !"actie".equals(name);
    }

    public HeldForm(String path, LinkedHashMap<String, String[]> fields, Instant heldAt) {
        this(path, fields, heldAt, null);
    }

    /** Where to show it after sign-in: the page that showed the form, else the form's own path. */
    String shownAt() {
        return page == null ? path : page;
    }

    static HeldForm of(String path, Map<String, String[]> parameters, Instant now) {
        return of(path, parameters, now, null);
    }

    static HeldForm of(String path, Map<String, String[]> parameters, Instant now, String page) {
        LinkedHashMap<String, String[]> fields = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (held(name)) {
                fields.put(name, values.clone());
            }
        });
        return new HeldForm(path, fields, now, page);
    }

    static int size(Map<String, String[]> parameters) {
        int chars = 0;
        for (Map.Entry<String, String[]> field : parameters.entrySet()) {
            chars += field.getKey().length();
            for (String value : field.getValue()) {
                chars += value == null ? 0 : value.length();
            }
        }
        return chars;
    }

    boolean expired(Instant now, Duration ttl) {
        return heldAt.plus(ttl).isBefore(now);
    }
}
