package nl.meldspoor.platform.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.staff.StaffGrant;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.platform.web.CommandRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two commands that would both create one aggregate — the first signals of a pupil recorded by two teachers at once, whose
 * file is created by the first — collide on the event store's unique sequence number 0. Axon reports the loser as a
 * failed creation of the aggregate's stream (not as a concurrency conflict), which reached the caller as a 500 until the
 * executor treated it as the collision it is: retried without a version check, a conflict with one.
 */
class CommandExecutorCollisionTest {

    private static final Caller TEACHER = new Caller("lk-eva", Role.TEACHER, List.of(new StaffGrant(Role.TEACHER, "school-a", null)));

    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger rolledBack = new AtomicInteger();

    @Test
    void aCreationThatLostTheRaceIsRetriedAndAppendsToTheAggregateTheOtherCreated() {
        CommandExecutor executor = executorWhoseFirstSendLosesTheCreationRace();

        ResponseEntity<CommandAccepted> answer = executor.create(request(null), "body", "lln-1", URI.create("/api/pupils/lln-1"), () -> "RecordSignal");

        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        assertThat(answer.getBody().version()).isEqualTo(1);
        assertThat(sent).as("sent again after the lost race").hasValue(2);
        assertThat(rolledBack).as("the lost attempt's transaction").hasValue(1);
    }

    @Test
    void withAVersionCheckTheLostRaceIsAConflictNotARetry() {
        CommandExecutor executor = executorWhoseFirstSendLosesTheCreationRace();

        assertThatThrownBy(() -> executor.create(request(0L), "body", "lln-1", URI.create("/api/pupils/lln-1"), () -> "RecordSignal"))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(sent).hasValue(1);
    }

    private CommandExecutor executorWhoseFirstSendLosesTheCreationRace() {
        CommandGateway gateway = proxy(CommandGateway.class, (method, args) -> {
            if (method.startsWith("sendAndWait") && sent.incrementAndGet() == 1) {
                throw new AggregateStreamCreationException("Cannot reuse aggregate identifier [lln-1] to create aggregate [PupilFile]");
            }
            return null;
        });
        EventStore store = proxy(EventStore.class, (method, args) -> method.equals("lastSequenceNumberFor") ? Optional.of(1L) : null);
        PlatformTransactionManager transactions = new PlatformTransactionManager() {
            @Override
            public TransactionStatus getTransaction(TransactionDefinition definition) {
                return new SimpleTransactionStatus();
            }

            @Override
            public void commit(TransactionStatus status) {
            }

            @Override
            public void rollback(TransactionStatus status) {
                rolledBack.incrementAndGet();
            }
        };
        return new CommandExecutor(gateway, store, new TransactionTemplate(transactions), new IdempotencyStore(null, Duration.ofDays(1)),
                new ObjectMapper());
    }

    private static CommandRequest request(Long expectedVersion) {
        return new CommandRequest(TEACHER, expectedVersion, null, "POST", "/api/pupils/lln-1/signals");
    }

    @FunctionalInterface
    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (self, method, args) -> answer.answer(method.getName(), args)));
    }
}
