package nl.meldspoor.web.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.AntPathMatcher;

/**
 * A form sent after the session ended is held on the server until the person has signed in again (UI.md "Never lose
 * input").
 *
 * @param forms    forms with their own action that shows them again as typed without saving anything, by path (the GET
 *                 shows the form, the POST sends it; e.g. "Zoek": {@code actie=zoeken}); after sign-in that action shows
 *                 the held form
 * @param paths    the posts that are held, as path patterns ({@code /dossiers/*}{@code /*}); any other held form is
 *                 refilled into the page it was sent from
 * @param pages    for posts whose own path shows no form (a case command), the page that shows it, by pattern with
 *                 URI variables ({@code /dossiers/{caseId}/{command}} → {@code /dossiers/{caseId}}); used when the post's
 *                 Referer does not name another page
 * @param never    posts never held although a pattern matches: they carry nothing typed and must not be replayed
 *                 into a page (role switch, sign-out, session extend, marking a message read)
 * @param ttl      how long a held form waits for the sign-in
 * @param maxChars at most this many characters (names and values together) are held; a larger post is not
 */
@ConfigurationProperties("meldspoor.web.held-forms")
public record HeldFormProperties(Map<String, String> forms, List<String> paths, Map<String, String> pages, List<String> never, Duration ttl,
                                 int maxChars) {

    private static final AntPathMatcher PATTERNS = new AntPathMatcher();

    public HeldFormProperties {
        forms = forms == null ? Map.of("/signalen/nieuw", "actie=zoeken") : Map.copyOf(forms);
        paths = paths == null ? List.of("/**") : List.copyOf(paths);
        pages = pages == null ? Map.of("/dossiers/{caseId}/{command}", "/dossiers/{caseId}") : Map.copyOf(pages);
        never = never == null ? List.of("/rol", "/afmelden", SessionKeepAlive.PATH, "/inbox/*/gelezen") : List.copyOf(never);
        ttl = ttl == null ? Duration.ofMinutes(30) : ttl;
        maxChars = maxChars <= 0 ? 20_000 : maxChars;
    }

    boolean holds(String path) {
        if (never.stream().anyMatch(pattern -> PATTERNS.match(pattern, path))) {
            return false;
        }
        return forms.containsKey(path) || paths.stream().anyMatch(pattern -> PATTERNS.match(pattern, path));
    }

    /** The page configured to show the form posted to this path, or null. */
    String pageFor(String path) {
        for (Map.Entry<String, String> page : pages.entrySet()) {
            if (PATTERNS.match(page.getKey(), path)) {
                return new org.springframework.web.util.UriTemplate(page.getValue())
                        .expand(PATTERNS.extractUriTemplateVariables(page.getKey(), path)).toString();
            }
        }
        return null;
    }

    /** Whether the form shows itself again as typed (then refilled by that action, else into the page it came from). */
    boolean showsItselfAgain(String path) {
        return forms.containsKey(path);
    }
}
