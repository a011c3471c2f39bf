package nl.meldspoor.local.issuer;

/**
 * The web application as a client of the local issuer: authorization code with PKCE and refresh tokens, OpenID Connect.
 *
 * @param baseUrl      where the web application runs, for its redirect and post-logout URIs
 * @param clientSecret fresh for each run of the local system, handed to the web application in its environment
 */
public record WebClientRegistration(String clientId, String clientSecret, String baseUrl) {

    public static final String CLIENT_ID = "meldspoor-web";

    String redirectUri() {
        return baseUrl + "/login/oauth2/code/meldspoor";
    }

    String postLogoutRedirectUri() {
        return baseUrl + "/afgemeld";
    }
}
