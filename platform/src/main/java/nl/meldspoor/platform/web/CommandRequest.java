package nl.meldspoor.platform.web;

import nl.meldspoor.api.common.Actor;
import nl.meldspoor.platform.security.Caller;

/**
 * What every command request carries besides its body: who acts, the version the caller saw
 * ({@code If-Match}), and the caller's {@code Idempotency-Key}.
 *
 * @param expectedVersion {@code null} when the caller did not ask for a concurrency check
 * @param idempotencyKey  {@code null} when the caller did not ask for retry safety
 * @param method          HTTP method, part of the request's fingerprint
 * @param path            request path, part of the request's fingerprint
 */
public record CommandRequest(Caller caller, Long expectedVersion, String idempotencyKey, String method, String path) {

    /** The person and role the events will name. */
    public Actor actor() {
        return caller.actor();
    }
}
