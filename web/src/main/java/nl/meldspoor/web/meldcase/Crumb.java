package nl.meldspoor.web.meldcase;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of a page's breadcrumb (layout.html shows the model's {@code breadcrumbs}); the last is the page itself and
 * gets no link.
 */
public record Crumb(String label, String href) {

    public static final Crumb TODAY = new Crumb("Vandaag", "/");

    /** Vandaag followed by the given steps. */
    public static List<Crumb> trail(Crumb... steps) {
        List<Crumb> trail = new ArrayList<>();
        trail.add(TODAY);
        trail.addAll(List.of(steps));
        return trail;
    }
}
