package nl.meldspoor.web.security;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Fills a held form into the page that shows it: every post form of the page whose action is the held path gets the
 * values as they were sent — inputs, text areas, choices, ticks — in document order for repeated names. The fresh CSRF
 * token the page carries stays; buttons are never pressed.
 */
final class HeldFormFill {

    private static final Set<String> NOT_FILLED = Set.of("submit", "button", "reset", "image", "file");

    private HeldFormFill() {
    }

    static String fill(String html, String action, Map<String, String[]> fields) {
        Document page = Jsoup.parse(html);
        page.outputSettings().prettyPrint(false);
        boolean filled = false;
        for (Element form : page.select("form")) {
            if ("post".equalsIgnoreCase(form.attr("method")) && action.equals(pathOf(form.attr("action")))) {
                fillForm(form, fields);
                filled = true;
            }
        }
        return filled ? page.outerHtml() : html;
    }

    private static void fillForm(Element form, Map<String, String[]> fields) {
        Map<String, Integer> used = new HashMap<>();
        for (Element field : form.select("input[name], textarea[name], select[name]")) {
            String name = field.attr("name");
            if ("_csrf".equals(name)) {
                continue;
            }
            String[] sent = fields.get(name);
            switch (field.tagName()) {
                case "textarea" -> next(sent, name, used).ifPresent(field::text);
                case "select" -> {
                    if (sent != null) {
                        for (Element option : field.select("option")) {
                            String value = option.hasAttr("value") ? option.attr("value") : option.text();
                            option.attr("selected", Arrays.asList(sent).contains(value));
                        }
                    }
                }
                default -> {
                    String type = field.attr("type").toLowerCase(java.util.Locale.ROOT);
                    if (NOT_FILLED.contains(type)) {
                        continue;
                    }
                    if ("checkbox".equals(type) || "radio".equals(type)) {
                        // the whole form was sent: a tick or choice not among the fields was not made
                        String value = field.hasAttr("value") ? field.attr("value") : "on";
                        field.attr("checked", sent != null && Arrays.asList(sent).contains(value));
                    } else {
                        next(sent, name, used).ifPresent(field::val);
                    }
                }
            }
        }
    }

    /** The next value sent under this name: repeated fields take theirs in order. */
    private static java.util.Optional<String> next(String[] sent, String name, Map<String, Integer> used) {
        if (sent == null) {
            return java.util.Optional.empty();
        }
        int index = used.merge(name, 1, Integer::sum) - 1;
        return index < sent.length ? java.util.Optional.ofNullable(sent[index]) : java.util.Optional.empty();
    }

    private static String pathOf(String action) {
        int end = action.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = action.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return action.substring(0, end);
    }
}
