package nl.meldspoor.local.issuer;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.meldspoor.local.DemoStaff;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The local issuer's sign-in page: the demo staff with their role and school, so a newcomer knows whom to sign in as.
 * It exists only in the local issuer; a board's own provider has its own page.
 */
@Controller
class SignInPage {

    static final String PATH = "/login";

    private static final Map<String, String> ROLES = Map.of(
            "TEACHER", "leerkracht", "CARE_COORDINATOR", "IB'er", "ADVISOR", "aandachtsfunctionaris", "PRINCIPAL", "directeur",
            "CONFIDANT", "vertrouwenspersoon", "CLUSTER_DIRECTOR", "clusterdirectie", "BOARD_OFFICER", "bestuur", "AUDITOR", "auditor");

    @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String page(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        boolean failed = request.getParameter("error") != null;
        boolean signedOut = request.getParameter("logout") != null;
        List<DemoStaff.Grant> grants = DemoStaff.grants(java.time.LocalDate.now());
        String rows = grants.stream()
                .map(grant -> "<tr><td><code>" + escape(grant.personId()) + "</code></td><td>" + escape(ROLES.getOrDefault(grant.role().name(),
                        grant.role().name())) + "</td><td>" + escape(grant.scope()) + "</td></tr>")
                .collect(Collectors.joining("\n"));
        return """
                <!DOCTYPE html>
                <html lang="nl">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%sInloggen – lokaal Meldspoor</title>
                <style>
                  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #0b0c0c; margin: 0; line-height: 1.4; }
                  header { background: #0f5b63; color: #fff; padding: 12px 16px; font-size: 1.5rem; font-weight: 700; }
                  main { max-width: 960px; margin: 0 auto; padding: 16px; }
                  label { display: block; font-weight: 700; margin-top: 16px; }
                  input { font-size: 1.1rem; padding: 6px; border: 2px solid #0b0c0c; width: 100%%; max-width: 20em; box-sizing: border-box; }
                  button { margin-top: 20px; font-size: 1.1rem; padding: 8px 14px; background: #0f5b63; color: #fff; border: 0; box-shadow: 0 2px 0 #0a3f45; }
                  :focus { outline: 3px solid #ffdd00; box-shadow: 0 4px 0 #0b0c0c; }
                  .error { border: 4px solid #b10e1e; padding: 12px; color: #b10e1e; font-weight: 700; }
                  table { border-collapse: collapse; margin-top: 12px; }
                  th, td { text-align: left; padding: 4px 12px 4px 0; border-bottom: 1px solid #b1b4b6; }
                </style>
                </head>
                <body>
                <header>Meldspoor – lokaal inlogsysteem</header>
                <main>
                <h1>Inloggen</h1>
                %s%s
                <form method="post" action="/login">
                  <label for="username">Gebruikersnaam</label>
                  <input id="username" name="username" autocomplete="username" required autofocus>
                  <label for="password">Wachtwoord</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required>
                  <input type="hidden" name="%s" value="%s">
                  <button type="submit">Inloggen</button>
                </form>
                <h2>Demopersoneel</h2>
                <p>Alleen op dit lokale systeem. Iedereen heeft het wachtwoord <code>%s</code>; de beheerder van het bestuur is <code>%s</code>.</p>
                <table>
                <caption>Demopersoneel met rol en school</caption>
                <thead><tr><th scope="col">Gebruikersnaam</th><th scope="col">Rol</th><th scope="col">School, cluster of bestuur</th></tr></thead>
                <tbody>
                %s
                </tbody>
                </table>
                </main>
                </body>
                </html>
                """.formatted(failed ? "Fout: " : "",
                failed ? "<p class=\"error\" role=\"alert\">Onbekende gebruikersnaam of verkeerd wachtwoord.</p>" : "",
                signedOut ? "<p role=\"status\">Je bent afgemeld.</p>" : "",
                csrf.getParameterName(), csrf.getToken(), DemoStaff.PASSWORD, DemoStaff.ADMINISTRATOR, rows);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
