package nl.meldspoor.platform.eventstore.chain.web;

import nl.meldspoor.platform.eventstore.chain.BoardChainVerification;
import nl.meldspoor.platform.eventstore.chain.BoardChainVerifier;
import nl.meldspoor.platform.eventstore.chain.ChainVerification;
import nl.meldspoor.platform.eventstore.chain.EventChains;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nl.meldspoor.api.common.AccessRule;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.platform.security.StaffAdministrators;
import nl.meldspoor.platform.web.ActingPersonResolver;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How an auditor checks that the stored history was not rewritten: one aggregate's chain (a case, an incident,
 * a pupil's file of signals) on request, and the verification of every chain in this service's event store.
 * The answers carry no personal data — identifiers, counts and hashes — but they do say that an aggregate
 * exists and how many events it has, so they are for board-wide auditors and board administrators only.
 */
@RestController
@Tag(name = "Audit", description = "Controleren dat de opgeslagen geschiedenis niet is herschreven")
public class EventChainEndpoints {

    private static final Logger log = LoggerFactory.getLogger(EventChainEndpoints.class);

    private final EventChains chains;
    private final BoardChainVerifier verifier;
    private final StaffAdministrators administrators;
    private final ActingPersonResolver callers;

    public EventChainEndpoints(EventChains chains, BoardChainVerifier verifier, StaffAdministrators administrators,
                               ActingPersonResolver callers) {
        this.chains = chains;
        this.verifier = verifier;
        this.administrators = administrators;
        this.callers = callers;
    }

    @GetMapping("/api/audit/chains/{aggregateId}")
    @Operation(summary = "De hashketen van één dossier, incident of leerlingbestand controleren (auditor van het bestuur, beheerder)")
    public ChainVerification chain(@PathVariable String aggregateId, @AuthenticationPrincipal Jwt token, HttpServletRequest request) {
        String who = requireAuditorOrAdministrator(token, request);
        ChainVerification verification = chains.verify(aggregateId);
        if (verification.events() == 0) {
            throw new AggregateNotFoundException(aggregateId, "No events stored for " + aggregateId);
        }
        log.info("Hash chain of {} verified for {}: valid={}, events={}, firstBrokenSequence={}", aggregateId, who,
                verification.valid(), verification.events(), verification.firstBrokenSequence());
        return verification;
    }

    @PostMapping("/api/admin/audit/chain-verifications")
    @Operation(summary = "Nu de hashketens van alle dossiers in deze service controleren (beheerder)")
    public BoardChainVerification verifyAll(@AuthenticationPrincipal Jwt administrator) {
        administrators.require(administrator.getSubject());
        return verifier.verify("ON_DEMAND");
    }

    @GetMapping("/api/admin/audit/chain-verifications/latest")
    @Operation(summary = "De uitkomst van de laatste controle van alle hashketens (auditor van het bestuur, beheerder)")
    public BoardChainVerification latest(@AuthenticationPrincipal Jwt token, HttpServletRequest request) {
        requireAuditorOrAdministrator(token, request);
        return verifier.latest().orElseThrow(() -> new AggregateNotFoundException("chain-verification", "No verification has run yet"));
    }

    /** Administrators need not be in the staff directory, so they are recognised before a role is resolved. */
    private String requireAuditorOrAdministrator(Jwt token, HttpServletRequest request) {
        if (administrators.isAdministrator(token.getSubject())) {
            return "administrator " + token.getSubject();
        }
        Caller caller = callers.resolve(request);
        if (!caller.hasRole(Role.AUDITOR)) {
            throw RuleViolation.of(AccessRule.ROLE_NOT_PERMITTED);
        }
        if (!caller.isBoardWide()) {
            throw RuleViolation.of(AccessRule.NOT_YOUR_SCHOOL);
        }
        return "auditor " + caller.personId();
    }
}
