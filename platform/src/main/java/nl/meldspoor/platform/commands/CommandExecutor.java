package nl.meldspoor.platform.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import nl.meldspoor.platform.commands.IdempotencyStore.StoredResponse;
import nl.meldspoor.platform.eventstore.AppendedSequences;
import nl.meldspoor.platform.web.CommandRequest;
import nl.meldspoor.platform.web.IdempotencyKeyReusedException;
import nl.meldspoor.api.common.CommandAuthority;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a command in one database transaction with everything it changes: the events it appends
 * and, when the caller sent an Idempotency-Key, the response kept for a retry. A key belongs to the
 * person who sent it and lives for the configured retention period. A retry with the same key and
 * request gets the first response again and changes nothing; the same key with a different request
 * is refused; another person's key, or an expired one, is a new command. A write that collides with a
 * concurrent one on the same aggregate is retried when the caller asked for no version check, and reported as a conflict when it did —
 * also when both would create it (two first signals of one pupil at once: Axon reports that as a failed creation of the
 * aggregate's stream, not as a concurrency conflict; on the retry the aggregate exists and the command appends to it).
 * Every command carries the places where the actor holds their role ({@link CommandAuthority}), so the
 * aggregate can refuse an actor of another school.
 */
public class CommandExecutor {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int ATTEMPTS_ON_COLLISION = 3;

    private final CommandGateway commandGateway;
    private final EventStore eventStore;
    private final TransactionTemplate transaction;
    private final IdempotencyStore idempotencyStore;
    private final ObjectMapper objectMapper;

    CommandExecutor(CommandGateway commandGateway, EventStore eventStore, TransactionTemplate transaction,
                    IdempotencyStore idempotencyStore, ObjectMapper objectMapper) {
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
        this.transaction = transaction;
        this.idempotencyStore = idempotencyStore;
        this.objectMapper = objectMapper;
    }

    /**
     * What a command's answer says.
     *
     * @param aggregateId the aggregate the command acts on; its version after the command is answered
     * @param resourceId  what the answer names as {@code id}
     */
    public record Outcome(String aggregateId, String resourceId, HttpStatus status, URI location) {
    }

    /** A command that creates the aggregate: 201 Created with its location. */
    public ResponseEntity<CommandAccepted> create(CommandRequest request, Object body, String aggregateId, URI location,
                                                  Supplier<Object> command) {
        return execute(request, body, new Outcome(aggregateId, aggregateId, HttpStatus.CREATED, location), command);
    }

    /** A command on an existing aggregate: 200 OK. */
    public ResponseEntity<CommandAccepted> update(CommandRequest request, Object body, String aggregateId,
                                                  Supplier<Object> command) {
        return execute(request, body, new Outcome(aggregateId, aggregateId, HttpStatus.OK, null), command);
    }

    /**
     * A command whose answer names something other than the aggregate it acted on — a signal recorded
     * in a pupil's file, a case an escalation will open — with the status and location to answer.
     */
    public ResponseEntity<CommandAccepted> execute(CommandRequest request, Object body, Outcome outcome, Supplier<Object> command) {
        URI location = outcome.location();
        String key = request.idempotencyKey();
        String person = request.actor().personId();
        String fingerprint = key == null ? null : fingerprint(request, body);
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    if (key != null) {
                        Optional<StoredResponse> earlier = idempotencyStore.find(person, key);
                        if (earlier.isPresent()) {
                            return replay(earlier.get(), fingerprint);
                        }
                    }
                    ResponseEntity<CommandAccepted> response = dispatch(request, outcome, command);
                    if (key != null) {
                        idempotencyStore.save(person, key, new StoredResponse(fingerprint, response.getStatusCode().value(),
                                json(response.getBody()), location == null ? null : location.toString()));
                    }
                    return response;
                });
            } catch (ConcurrencyException | AggregateStreamCreationException | DuplicateKeyException collision) {
                Optional<StoredResponse> concurrentTwin = key == null ? Optional.empty() : idempotencyStore.find(person, key);
                if (concurrentTwin.isPresent()) {
                    return replay(concurrentTwin.get(), fingerprint);
                }
                if (request.expectedVersion() != null || attempt >= ATTEMPTS_ON_COLLISION) {
                    throw collision;
                }
            }
        }
    }

    private ResponseEntity<CommandAccepted> dispatch(CommandRequest request, Outcome outcome, Supplier<Object> command) {
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command.get())
                .andMetaData(CommandAuthority.of(request.caller().scopes())));
        // the events this command appended name the new version; only a command that appended none asks the store
        long version = AppendedSequences.lastOf(outcome.aggregateId()).orElseGet(() -> eventStore.lastSequenceNumberFor(outcome.aggregateId())
                .orElseThrow(() -> new IllegalStateException("No events stored for " + outcome.aggregateId() + " after a command")));
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(outcome.status());
        if (outcome.location() != null) {
            builder.location(outcome.location());
        }
        return builder.eTag(Long.toString(version)).body(new CommandAccepted(outcome.resourceId(), version));
    }

    private ResponseEntity<CommandAccepted> replay(StoredResponse earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException(
                    "Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik voor elk nieuw verzoek een nieuwe sleutel.");
        }
        CommandAccepted accepted = read(earlier.body());
        HttpHeaders headers = new HttpHeaders();
        headers.setETag("\"" + accepted.version() + "\"");
        headers.set(REPLAYED_HEADER, "true");
        if (earlier.location() != null) {
            headers.setLocation(URI.create(earlier.location()));
        }
        return new ResponseEntity<>(accepted, headers, HttpStatus.valueOf(earlier.status()));
    }

    private String fingerprint(CommandRequest request, Object body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.method() + ' ' + request.path() + '\n' + request.actor().personId() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(objectMapper.writeValueAsBytes(body));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint request", e);
        }
    }

    private String json(CommandAccepted accepted) {
        try {
            return objectMapper.writeValueAsString(accepted);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CommandAccepted read(String json) {
        try {
            return objectMapper.readValue(json, CommandAccepted.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
