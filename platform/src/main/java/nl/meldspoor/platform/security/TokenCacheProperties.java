package nl.meldspoor.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The cache of accepted bearer tokens ({@link DecodedTokenCache}).
 *
 * @param maxSize how many tokens are held at most (about 1 kB each); 0 switches the cache off
 * @param maxAge  how long an accepted token is taken without checking it again, at most until its own expiry; not
 *                longer than the decoder keeps the issuer's key set (Spring's default: 5 minutes)
 */
@ConfigurationProperties("meldspoor.security.token-cache")
public record TokenCacheProperties(Integer maxSize, Duration maxAge) {

    public TokenCacheProperties {
        maxSize = maxSize == null ? 10_000 : maxSize;
        maxAge = maxAge == null ? Duration.ofMinutes(5) : maxAge;
        if (maxSize < 0 || maxAge.isNegative()) {
            throw new IllegalArgumentException("meldspoor.security.token-cache: max-size and max-age must not be negative");
        }
    }
}
