package nl.meldspoor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import nl.meldspoor.platform.testing.MutableClock;

class DecodedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    /** A decoder standing in for Nimbus: knows tokens by their text, refuses them after their expiry plus a skew of 60 s. */
    private static final class FakeDecoder implements JwtDecoder {
        final Map<String, Instant> expiries = new HashMap<>();
        final List<String> decoded = new ArrayList<>();
        final MutableClock clock;

        FakeDecoder(MutableClock clock) {
            this.clock = clock;
        }

        @Override
        public Jwt decode(String token) {
            decoded.add(token);
            Instant exp = expiries.get(token);
            if (exp == null || !clock.instant().isBefore(exp.plusSeconds(60))) {
                throw new JwtValidationException("refused", List.of(new OAuth2Error("invalid_token")));
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("ib-anna").issuedAt(NOW.minusSeconds(1)).expiresAt(exp).build();
        }
    }

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeDecoder decoder = new FakeDecoder(clock);

    private DecodedTokenCache cache(int maxSize, Duration maxAge) {
        return new DecodedTokenCache(decoder, new TokenCacheProperties(maxSize, maxAge), clock);
    }

    @Test
    void aSessionsTokenIsCheckedOnceAndThenTakenFromTheCache() {
        decoder.expiries.put("token-a", NOW.plus(Duration.ofMinutes(10)));
        DecodedTokenCache cache = cache(100, Duration.ofMinutes(5));

        for (int i = 0; i < 5; i++) {
            assertThat(cache.decode("token-a").getSubject()).isEqualTo("ib-anna");
        }

        assertThat(decoder.decoded).containsExactly("token-a");
    }

    @Test
    void aTokenIsNeverTakenFromTheCacheAtOrAfterItsOwnExpiryTheDecoderDecidesAndRefuses() {
        decoder.expiries.put("token-a", NOW.plus(Duration.ofMinutes(2)));
        DecodedTokenCache cache = cache(100, Duration.ofMinutes(5));
        cache.decode("token-a");

        clock.set(NOW.plus(Duration.ofMinutes(2)).plusSeconds(61));

        assertThatThrownBy(() -> cache.decode("token-a")).isInstanceOf(JwtValidationException.class);
        assertThat(decoder.decoded).containsExactly("token-a", "token-a");
    }

    @Test
    void atItsExpiryTheTokenGoesBackToTheDecoderEvenWithinTheDecodersClockSkew() {
        decoder.expiries.put("token-a", NOW.plus(Duration.ofMinutes(2)));
        DecodedTokenCache cache = cache(100, Duration.ofMinutes(5));
        cache.decode("token-a");

        clock.set(NOW.plus(Duration.ofMinutes(2)));
        cache.decode("token-a");

        assertThat(decoder.decoded).hasSize(2);
    }

    @Test
    void anAcceptedTokenIsCheckedAgainAfterMaxAgeSoAWithdrawnKeyStopsItAsWithoutTheCache() {
        decoder.expiries.put("token-a", NOW.plus(Duration.ofMinutes(30)));
        DecodedTokenCache cache = cache(100, Duration.ofMinutes(5));
        cache.decode("token-a");

        clock.set(NOW.plus(Duration.ofMinutes(5)));
        decoder.expiries.remove("token-a"); // the issuer's key was withdrawn: the decoder refuses it now

        assertThatThrownBy(() -> cache.decode("token-a")).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void refusalsAreNeverRememberedAndAChangedTokenIsAnotherKey() {
        DecodedTokenCache cache = cache(100, Duration.ofMinutes(5));
        decoder.expiries.put("token-a", NOW.plus(Duration.ofMinutes(10)));
        cache.decode("token-a");

        assertThatThrownBy(() -> cache.decode("token-a-tampered")).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> cache.decode("token-a-tampered")).isInstanceOf(JwtValidationException.class);
        assertThat(decoder.decoded).containsExactly("token-a", "token-a-tampered", "token-a-tampered");
    }

    @Test
    void theCacheHoldsAtMostItsMaximumNumberOfTokens() {
        DecodedTokenCache cache = cache(10, Duration.ofMinutes(5));
        for (int i = 0; i < 100; i++) {
            decoder.expiries.put("token-" + i, NOW.plus(Duration.ofMinutes(10)));
            cache.decode("token-" + i);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void withMaxSizeZeroNothingIsRemembered() {
        decoder.expiries.put("token-a", NOW.plus(Duration.ofMinutes(10)));
        DecodedTokenCache cache = cache(0, Duration.ofMinutes(5));
        cache.decode("token-a");
        cache.decode("token-a");

        assertThat(decoder.decoded).hasSize(2);
    }
}
