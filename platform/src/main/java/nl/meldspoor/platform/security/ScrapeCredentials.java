package nl.meldspoor.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks the scrape credential of {@link MetricsScrapeProperties}, in constant time, and grants nothing but
 * {@link #AUTHORITY}: the credential opens the metrics and no other endpoint (only the metrics chain asks it).
 */
class ScrapeCredentials implements AuthenticationProvider {

    static final String AUTHORITY = "MELDSPOOR_METRICS_SCRAPE";

    private final MetricsScrapeProperties properties;

    ScrapeCredentials(MetricsScrapeProperties properties) {
        this.properties = properties;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        boolean matches = properties.configured()
                & same(properties.scrapeUsername(), authentication.getName())
                & same(properties.scrapePassword(), password);
        if (!matches) {
            throw new BadCredentialsException("Wrong or unconfigured metrics scrape credential");
        }
        return UsernamePasswordAuthenticationToken.authenticated(properties.scrapeUsername(), null,
                List.of(new SimpleGrantedAuthority(AUTHORITY)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Compares digests, so neither the length nor a common prefix of the secret shows in the timing. */
    private static boolean same(String expected, String given) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] left = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
            byte[] right = sha.digest(given.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(left, right);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
