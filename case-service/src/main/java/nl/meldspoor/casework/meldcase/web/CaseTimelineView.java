package nl.meldspoor.casework.meldcase.web;

import com.fasterxml.jackson.databind.util.RawValue;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import nl.meldspoor.casework.meldcase.state.CaseStateView;
import nl.meldspoor.casework.meldcase.state.TimelineEntry;
import nl.meldspoor.casework.views.CaseView;

/**
 * The case's full chronological history ({@code entries}, each a {@link TimelineEntry} as written JSON) and the case as it
 * stood at its end, and who looked at the case as the access log has it so far: the newest reads ({@code lookedAt}) and
 * how many there are in all ({@code lookedAtTotal}; every one at {@code /views}).
 *
 * @param asOf the moment the history was cut off, or {@code null} for the whole history until now
 */
record CaseTimelineView(String caseId, Instant asOf, long version,
                        @ArraySchema(schema = @Schema(implementation = TimelineEntry.class)) List<RawValue> entries,
                        CaseStateView state, List<CaseView> lookedAt, long lookedAtTotal) {
}
