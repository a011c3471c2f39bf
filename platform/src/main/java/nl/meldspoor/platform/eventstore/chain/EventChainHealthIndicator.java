package nl.meldspoor.platform.eventstore.chain;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** DOWN while the last verification found a broken chain: the history can no longer be vouched for. */
public class EventChainHealthIndicator extends AbstractHealthIndicator {

    private final BoardChainVerifier verifier;

    public EventChainHealthIndicator(BoardChainVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long broken = verifier.brokenAtLastVerification();
        (broken > 0 ? builder.down() : builder.up()).withDetail("brokenAggregates", broken);
    }
}
