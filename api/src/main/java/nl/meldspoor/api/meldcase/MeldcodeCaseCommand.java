package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;

/** Every command on a meldcode case names the case, who acts in which role, and when the act happened. */
public interface MeldcodeCaseCommand {

    String caseId();

    Actor actor();

    Instant occurredAt();
}
