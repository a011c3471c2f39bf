package nl.meldspoor.web.security;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A form sent after the session ended is held on the server until the person has signed in again (UI.md "Never lose
 * input").
 *
 * @param forms    the forms that are held, by path (the GET shows the form, the POST sends it), each with the fields of
 *                 its own action that shows the form again as typed without saving anything (e.g. "Zoek":
 *                 {@code actie=zoeken}); after sign-in that action shows the held form
 * @param ttl      how long a held form waits for the sign-in
 * @param maxChars at most this many characters (names and values together) are held; a larger post is not
 */
@ConfigurationProperties("meldspoor.web.held-forms")
public record HeldFormProperties(Map<String, String> forms, Duration ttl, int maxChars) {

    public HeldFormProperties {
        forms = forms == null ? Map.of("/signalen/nieuw", "actie=zoeken") : Map.copyOf(forms);
        ttl = ttl == null ? Duration.ofMinutes(30) : ttl;
        maxChars = maxChars <= 0 ? 20_000 : maxChars;
    }

    boolean holds(String path) {
        return forms.containsKey(path);
    }
}
