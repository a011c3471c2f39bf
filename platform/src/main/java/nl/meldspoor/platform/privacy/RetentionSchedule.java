package nl.meldspoor.platform.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.meldspoor.api.common.Retention;
import nl.meldspoor.api.common.RuleViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The board's retention schedule: every scan asks each record whose retention period seems to have
 * passed to erase its text. The record's aggregate decides; the schedule only proposes, so a record
 * reopened or written to meanwhile refuses and is left alone.
 */
public class RetentionSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final PersonalDataKeys keys;
    private final ErasureCommands commands;
    private final CommandGateway gateway;
    private final RetentionProperties properties;
    private final Clock clock;
    private ScheduledExecutorService scanner;

    public RetentionSchedule(PersonalDataKeys keys, ErasureCommands commands, CommandGateway gateway, RetentionProperties properties, Clock clock) {
        this.keys = keys;
        this.commands = commands;
        this.gateway = gateway;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return how many records had their text erased */
    public int eraseDue() {
        Instant now = clock.instant();
        int erased = 0;
        for (ProtectedRecord.RecordType type : ProtectedRecord.RecordType.values()) {
            Period retention = properties.of(type);
            for (ProtectedRecord record : keys.retainedSince(type, Retention.latestStart(retention, now))) {
                erased += commands.erase(record, retention, now).map(command -> send(record, command)).orElse(0);
            }
        }
        if (erased > 0) {
            log.info("Erased the text of {} record(s) whose retention period had passed", erased);
        }
        return erased;
    }

    private int send(ProtectedRecord record, Object command) {
        try {
            gateway.sendAndWait(command);
            return 1;
        } catch (RuleViolation refused) {
            log.info("{} {} keeps its text: {}", record.type(), record.recordId(), refused.getMessage());
        } catch (RuntimeException e) {
            log.warn("Could not erase the text of {} {}: {}", record.type(), record.recordId(), e.toString());
        }
        return 0;
    }

    @Override
    public void start() {
        scanner = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "retention-schedule");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.scanInterval().toMillis();
        scanner.scheduleWithFixedDelay(this::scanSafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void scanSafely() {
        try {
            eraseDue();
        } catch (RuntimeException e) {
            log.warn("The retention scan failed; it runs again in {}: {}", properties.scanInterval(), e.toString());
        }
    }

    @Override
    public void stop() {
        if (scanner != null) {
            scanner.shutdownNow();
            scanner = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scanner != null;
    }
}
