package nl.meldspoor.platform.testing.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * An OIDC issuer for tests: one RSA key, its JWK set served over HTTP the way a real identity provider
 * serves it, and tokens minted for any subject — also broken ones (expired, wrong issuer or audience,
 * signed by a stranger, tampered) to prove they are refused.
 */
public final class TestIssuer {

    public static final String AUDIENCE = "meldspoor";

    private static final RSAKey KEY = generate("test-issuer");
    private static final RSAKey STRANGER = generate("stranger");
    private static final HttpServer SERVER = start();

    private TestIssuer() {
    }

    public static String issuer() {
        return "http://localhost:" + SERVER.getAddress().getPort() + "/issuer";
    }

    public static String jwkSetUri() {
        return issuer() + "/jwks";
    }

    /** A valid token for the person, for ten minutes. */
    public static String tokenFor(String personId) {
        return token(personId).mint();
    }

    public static Token token(String personId) {
        return new Token(personId, issuer(), AUDIENCE, Instant.now().plus(Duration.ofMinutes(10)), KEY, false);
    }

    /** A token to be varied; {@link #mint()} signs it. */
    public record Token(String subject, String issuer, String audience, Instant expiresAt, RSAKey key, boolean tampered) {

        public Token expiredAt(Instant moment) {
            return new Token(subject, issuer, audience, moment, key, tampered);
        }

        public Token issuedBy(String otherIssuer) {
            return new Token(subject, otherIssuer, audience, expiresAt, key, tampered);
        }

        public Token forAudience(String otherAudience) {
            return new Token(subject, issuer, otherAudience, expiresAt, key, tampered);
        }

        public Token signedByStranger() {
            return new Token(subject, issuer, audience, expiresAt, STRANGER, tampered);
        }

        /** Signed for this subject, then the payload is changed to another subject. */
        public Token tamperedTo(String otherSubject) {
            return new Token(otherSubject, issuer, audience, expiresAt, key, true);
        }

        public String mint() {
            String original = sign(tampered ? "someone-else" : subject);
            if (!tampered) {
                return original;
            }
            String[] parts = original.split("\\.");
            String forged = sign(subject).split("\\.")[1];
            return parts[0] + "." + forged + "." + parts[2];
        }

        private String sign(String sub) {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(sub)
                    .audience(audience)
                    .issueTime(Date.from(now.minusSeconds(5)))
                    .notBeforeTime(Date.from(now.minusSeconds(5)))
                    .expirationTime(Date.from(expiresAt))
                    .jwtID(UUID.randomUUID().toString())
                    .build();
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            byte[] jwks = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/issuer/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.setExecutor(null);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
