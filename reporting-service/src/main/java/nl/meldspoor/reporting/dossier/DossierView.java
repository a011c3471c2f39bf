package nl.meldspoor.reporting.dossier;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import nl.meldspoor.reporting.accesslog.AccessEntry;

/**
 * The dossier: its timeline with the state at the end, and who looked at the case as the access log has recorded
 * so far: the newest reads ({@code lookedAt}) and how many there are in all ({@code lookedAtTotal}).
 */
record DossierView(@JsonUnwrapped StoredTimeline timeline, List<AccessEntry> lookedAt, long lookedAtTotal) {
}
