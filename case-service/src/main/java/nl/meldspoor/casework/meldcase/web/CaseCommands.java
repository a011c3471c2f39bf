package nl.meldspoor.casework.meldcase.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import nl.meldspoor.casework.meldcase.RecordingMoment;
import nl.meldspoor.platform.commands.CommandAccepted;
import nl.meldspoor.platform.commands.CommandExecutor;
import nl.meldspoor.platform.web.CommandRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Turns a request on a case into its command and sends it; the endpoints stay one line each. */
@Component
class CaseCommands {

    private final CommandExecutor executor;
    private final Clock clock;

    CaseCommands(CommandExecutor executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    /** The moment of recording, for acts whose request carries no time of its own. */
    Instant now() {
        return clock.instant();
    }

    ResponseEntity<CommandAccepted> open(CommandRequest request, Object body, String caseId, Function<Instant, Object> command) {
        Instant now = now();
        return executor.create(request, body, caseId, URI.create("/api/cases/" + caseId), () -> recordedAt(now, command));
    }

    ResponseEntity<CommandAccepted> send(CommandRequest request, Object body, String caseId, Function<Instant, Object> command) {
        Instant now = now();
        return executor.update(request, body, caseId, () -> recordedAt(now, command));
    }

    /** The command with the moment of recording, against which the case refuses business times in the future. */
    private static CommandMessage<?> recordedAt(Instant now, Function<Instant, Object> command) {
        return GenericCommandMessage.asCommandMessage(command.apply(now)).andMetaData(RecordingMoment.of(now));
    }
}
