package nl.meldspoor.casework.meldcase.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import nl.meldspoor.casework.meldcase.state.Timeline;
import nl.meldspoor.casework.views.CaseView;

/**
 * The case's timeline with its state, and who looked at the case as the access log has it so far: the newest
 * reads ({@code lookedAt}) and how many there are in all ({@code lookedAtTotal}; every one at {@code /views}).
 */
record CaseTimelineView(@JsonUnwrapped Timeline timeline, List<CaseView> lookedAt, long lookedAtTotal) {
}
