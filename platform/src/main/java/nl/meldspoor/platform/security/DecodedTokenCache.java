package nl.meldspoor.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens the {@link JwtDecoder} accepted, so that a client sending the same bearer token again (every
 * request of a session) does not pay the signature check and the parsing again. A remembered token is used only
 * while it is strictly before its own {@code exp} (the decoder's clock skew is not granted from the cache: at its
 * expiry the token goes back to the decoder, which refuses it) and for at most {@code maxAge} after it was checked,
 * no longer than the decoder keeps the issuer's key set, so a key the issuer withdraws stops working as soon as
 * without the cache. Refusals are never remembered; a token without {@code exp} is never remembered. Who the
 * subject is in the board (grants, revocations) is looked up per request elsewhere, as before. The key is the whole
 * token string, signature included: a changed token is another key. At most {@code maxSize} tokens are held.
 */
public final class DecodedTokenCache implements JwtDecoder {

    private record Remembered(Jwt jwt, Instant until) {
    }

    private final JwtDecoder decoder;
    private final TokenCacheProperties properties;
    private final Clock clock;
    private final Map<String, Remembered> tokens = new ConcurrentHashMap<>();

    public DecodedTokenCache(JwtDecoder decoder, TokenCacheProperties properties, Clock clock) {
        this.decoder = decoder;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Remembered remembered = tokens.get(token);
        if (remembered != null) {
            if (now.isBefore(remembered.until())) {
                return remembered.jwt();
            }
            tokens.remove(token, remembered);
        }
        Jwt jwt = decoder.decode(token);
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt != null && now.isBefore(expiresAt) && properties.maxSize() > 0) {
            Instant until = now.plus(properties.maxAge());
            remember(token, new Remembered(jwt, until.isBefore(expiresAt) ? until : expiresAt), now);
        }
        return jwt;
    }

    /** How many tokens are held now (for tests and metrics). */
    public int size() {
        return tokens.size();
    }

    private void remember(String token, Remembered remembered, Instant now) {
        if (tokens.size() >= properties.maxSize()) {
            tokens.values().removeIf(old -> !now.isBefore(old.until()));
            // Still full of live tokens: drop some arbitrary ones; they are checked again on their next use.
            Iterator<String> oldest = tokens.keySet().iterator();
            while (tokens.size() >= properties.maxSize() && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
        }
        tokens.put(token, remembered);
    }
}
