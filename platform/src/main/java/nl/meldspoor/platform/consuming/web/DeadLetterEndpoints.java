package nl.meldspoor.platform.consuming.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.meldspoor.platform.consuming.DeadLetterReplays;
import nl.meldspoor.platform.consuming.DeadLetterReplays.AlreadyReplayed;
import nl.meldspoor.platform.consuming.DeadLetterReplays.FailedAgain;
import nl.meldspoor.platform.consuming.DeadLetterReplays.NotFound;
import nl.meldspoor.platform.consuming.DeadLetterReplays.Replayed;
import nl.meldspoor.platform.security.StaffAdministrators;
import nl.meldspoor.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a board administrator see the records this service's consumers parked because they could not be
 * read, and — after the fix is deployed — replay one to the consumer that parked it. A replay is applied
 * once however often it is asked for; each is logged with the administrator's subject.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Beheer", description = "Geparkeerde events (dead letters) bekijken en opnieuw aanbieden")
public class DeadLetterEndpoints {

    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    private static final int MAX_LIMIT = 500;

    private final DeadLetterReplays replays;
    private final StaffAdministrators administrators;

    public DeadLetterEndpoints(DeadLetterReplays replays, StaffAdministrators administrators) {
        this.replays = replays;
        this.administrators = administrators;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "De dead letters van een topic die de consumers van deze dienst parkeerden, oudste eerst",
            description = "Per dead letter: plaats in het dead-letter-topic (partition, offset), sleutel, eventtype en -id, de consumer, "
                    + "de reden, het moment van parkeren, de oorspronkelijke plaats en of en door wie hij opnieuw is aangeboden.")
    public ResponseEntity<?> list(@AuthenticationPrincipal Jwt administrator,
                                  @Parameter(description = "Het eventtopic, bijvoorbeeld meldspoor.signal-events") @RequestParam String topic,
                                  @Parameter(description = "Vanaf deze offset in het dead-letter-topic") @RequestParam(defaultValue = "0") long from,
                                  @Parameter(description = "Hoogstens zoveel (1–500)") @RequestParam(defaultValue = "100") int limit) {
        administrators.require(administrator.getSubject());
        if (!TOPIC.matcher(topic).matches()) {
            return badRequest("topic", "Geen geldige topicnaam.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return badRequest("limit", "Tussen 1 en " + MAX_LIMIT + ".");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topic", topic);
        body.put("consumers", replays.consumers().keySet());
        body.put("deadLetters", replays.list(topic, from, limit));
        return ResponseEntity.ok(body);
    }

    @PostMapping(path = "/{topic}/{partition}/{offset}/replay", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Een dead letter opnieuw aanbieden aan de consumer die hem parkeerde",
            description = "partition en offset zijn de plaats in het dead-letter-topic (zie de lijst). Een tweede verzoek voor dezelfde "
                    + "dead letter verwerkt niets opnieuw (409 ALREADY_REPLAYED); mislukt het opnieuw, dan kan het later nog eens (409 REPLAY_FAILED).")
    public ResponseEntity<?> replay(@AuthenticationPrincipal Jwt administrator, @PathVariable String topic, @PathVariable int partition,
                                    @PathVariable long offset) {
        administrators.require(administrator.getSubject());
        if (!TOPIC.matcher(topic).matches()) {
            return badRequest("topic", "Geen geldige topicnaam.");
        }
        DeadLetterReplays.Outcome outcome = replays.replay(topic, partition, offset, administrator.getSubject());
        if (outcome instanceof Replayed replayed) {
            return ResponseEntity.ok(Map.of("status", "REPLAYED", "deadLetter", replayed.deadLetter(), "replay", replayed.replay()));
        }
        if (outcome instanceof AlreadyReplayed already) {
            return problem(HttpStatus.CONFLICT, "ALREADY_REPLAYED", "Al opnieuw aangeboden",
                    "Deze dead letter is al opnieuw aangeboden" + (already.deadLetter().replayed() == null ? "."
                            : " door " + already.deadLetter().replayed().replayedBy() + " op " + already.deadLetter().replayed().replayedAt() + "."));
        }
        if (outcome instanceof FailedAgain failed) {
            return problem(HttpStatus.CONFLICT, "REPLAY_FAILED", "Opnieuw mislukt",
                    "De consumer " + failed.deadLetter().consumer() + " kon het event weer niet verwerken: " + failed.reason());
        }
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Niet gevonden", ((NotFound) outcome).detail());
    }

    private static ResponseEntity<?> badRequest(String field, String reason) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.problem(HttpStatus.BAD_REQUEST,
                "INVALID_PARAMETER", "Ongeldige parameter", reason, List.of(new Problems.FieldError(field, reason))));
    }

    private static ResponseEntity<?> problem(HttpStatus status, String rule, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.problem(status, rule, title, detail));
    }
}
