package nl.meldspoor.casework.intake;

import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.api.meldcase.AttachSignalCorrection;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseOpening;
import nl.meldspoor.api.meldcase.ForwardSignal;
import nl.meldspoor.api.meldcase.OpenCase;
import nl.meldspoor.api.signal.SignalCorrected;
import nl.meldspoor.api.signal.SignalRecorded;
import nl.meldspoor.api.signal.SignalsEscalated;
import nl.meldspoor.casework.meldcase.CaseRule;
import nl.meldspoor.platform.consuming.PoisonEventException;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.PublishedEvents;
import nl.meldspoor.platform.consuming.ReplayableConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * How signals reach cases. The signal-service owns signals; this process consumes its events from
 * Kafka: an escalation opens the case with its signals, a signal recorded later for a pupil with an
 * open case is forwarded to it, and a correction of a signal a case holds reaches that case — only a case
 * of the same pupil at the same school that holds it as a pupil-file signal (see {@code SignalOrigin}). Kafka
 * keeps the events while the case-service is down; the offset advances only after the case took the
 * event; and every command is idempotent, so a redelivered event changes nothing — nothing is lost
 * or attached twice.
 */
@Component
public class SignalIntake implements ReplayableConsumer {

    public static final String NAME = "signal-intake";
    private static final Logger log = LoggerFactory.getLogger(SignalIntake.class);

    private final PublishedEvents events;
    private final CaseIndex cases;
    private final CommandGateway commands;

    public SignalIntake(PublishedEvents events, CaseIndex cases, CommandGateway commands) {
        this.events = events;
        this.cases = cases;
        this.commands = commands;
    }

    @KafkaListener(id = NAME, groupId = "case-service." + NAME, topics = "${meldspoor.intake.topic}",
            containerFactory = "signalIntakeContainerFactory")
    public void on(ConsumerRecord<String, byte[]> record) {
        PublishedEvent event = events.read(record);
        if (event.payload() instanceof SignalsEscalated escalated) {
            open(escalated);
        } else if (event.payload() instanceof SignalRecorded recorded) {
            forward(recorded);
        } else if (event.payload() instanceof SignalCorrected corrected) {
            correct(corrected, event.eventId());
        }
    }

    @Override
    public String consumerName() {
        return NAME;
    }

    /** A dead letter an administrator replays is applied exactly as if it had come from the topic. */
    @Override
    public void replay(ConsumerRecord<String, byte[]> record) {
        on(record);
    }

    private void open(SignalsEscalated escalated) {
        if (!cases.exists(escalated.caseId())) {
            try {
                send(new OpenCase(escalated.caseId(), escalated.actor(), escalated.occurredAt(), new CaseOpening(escalated.schoolId(),
                        escalated.pupilRef(), escalated.familyRef(), escalated.team(), escalated.concern(), escalated.signals())));
                return;
            } catch (ConcurrencyException openedMeanwhile) {
                log.debug("Case {} was opened meanwhile; attaching its signals", escalated.caseId());
            }
        }
        if (!cases.isCaseOf(escalated.caseId(), escalated.schoolId(), escalated.pupilRef())) {
            throw new PoisonEventException("Escalation into case " + escalated.caseId() + ", which is not a case of that pupil at that school");
        }
        for (AttachedSignal signal : escalated.signals()) {
            sendUnlessClosed(new ForwardSignal(escalated.caseId(), escalated.actor(), escalated.occurredAt(), signal));
        }
    }

    private void forward(SignalRecorded recorded) {
        for (String caseId : cases.openCasesOf(recorded.schoolId(), recorded.pupilRef())) {
            sendUnlessClosed(new ForwardSignal(caseId, recorded.actor(), recorded.occurredAt(),
                    new AttachedSignal(recorded.signalId(), recorded.content())));
        }
    }

    private void correct(SignalCorrected corrected, String correctionId) {
        for (String caseId : cases.casesHolding(corrected.schoolId(), corrected.pupilRef(), corrected.signalId())) {
            send(new AttachSignalCorrection(caseId, corrected.actor(), corrected.occurredAt(), correctionId, corrected.signalId(),
                    corrected.correctedContent(), corrected.reason()));
        }
    }

    /** A case closed between looking it up and forwarding to it no longer takes signals; that is not an error. */
    private void sendUnlessClosed(Object command) {
        try {
            send(command);
        } catch (PoisonEventException refused) {
            if (refused.getCause() instanceof RuleViolation violation && violation.rule() == CaseRule.CASE_CLOSED) {
                log.info("Not forwarded to a case closed meanwhile: {}", command);
                return;
            }
            throw refused;
        }
    }

    /**
     * A command the case refuses can never succeed on redelivery: the refusal depends only on the command,
     * which the event fixes, and the case's own history, which a redelivery does not change (the one race, a
     * case closed meanwhile, is handled above). Retrying it would hold every later signal of every pupil
     * behind it, so that event goes to the dead-letter topic with the rule, to be replayed after a fix.
     * Anything else that fails (the event store, a transaction, a timeout) is retried by the container.
     */
    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuleViolation refused) {
            throw new PoisonEventException("The case refused " + command.getClass().getSimpleName() + ": "
                    + refused.rule().code() + " — " + refused.getMessage(), refused);
        }
    }
}
