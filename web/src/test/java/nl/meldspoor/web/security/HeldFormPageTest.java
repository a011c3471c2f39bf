package nl.meldspoor.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Where a held form is shown after sign-in: only a page of this site, and which posts are held at all. */
class HeldFormPageTest {

    private static MockHttpServletRequest postFrom(String referer) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/dossiers/case-1/collegiale-consultatie");
        request.setServerName("meldspoor.bestuur.nl");
        request.setScheme("https");
        request.setServerPort(443);
        if (referer != null) {
            request.addHeader("Referer", referer);
        }
        return request;
    }

    @Test
    void thePageThatShowedTheFormIsThisSitesOwnPathWithItsQuery() {
        assertThat(HeldForms.page(postFrom("https://meldspoor.bestuur.nl/dossiers/case-1?stap=2"))).isEqualTo("/dossiers/case-1?stap=2");
    }

    @Test
    void anotherSitesOrAMissingOrOddRefererSendsThePersonToTheFormsOwnPathNotElsewhere() {
        for (String referer : List.of("https://elders.example/dossiers/case-1", "http://meldspoor.bestuur.nl/dossiers/case-1",
                "https://meldspoor.bestuur.nl//elders.example/pad", "geen adres", "/dossiers/case-1")) {
            assertThat(HeldForms.page(postFrom(referer))).as(referer).isNull();
        }
        assertThat(HeldForms.page(postFrom(null))).isNull();
    }

    @Test
    void everyPostFormIsHeldButRoleSwitchSignOutStayingSignedInAndMarkingReadNever() {
        HeldFormProperties properties = new HeldFormProperties(null, null, null, null, Duration.ofMinutes(30), 0);

        assertThat(List.of("/signalen/nieuw", "/dossiers/case-1/collegiale-consultatie", "/leerlingen/p-1/signalen/s-1/corrigeren",
                "/leerlingen/p-1/opschalen", "/leerlingen/p-1/signalen/s-1/verzoeken/r-1/beantwoorden")).allMatch(properties::holds);
        assertThat(List.of("/rol", "/afmelden", "/sessie/verlengen", "/inbox/n-1/gelezen")).noneMatch(properties::holds);
        assertThat(properties.showsItselfAgain("/signalen/nieuw")).isTrue();
        assertThat(properties.showsItselfAgain("/leerlingen/p-1/opschalen")).isFalse();
    }

    @Test
    void aCaseCommandsPathShowsNoFormSoItsDossierPageIsWhereItIsShownAgain() {
        HeldFormProperties properties = new HeldFormProperties(null, null, null, null, Duration.ofMinutes(30), 0);

        assertThat(properties.pageFor("/dossiers/case-1/collegiale-consultatie")).isEqualTo("/dossiers/case-1");
        assertThat(properties.pageFor("/leerlingen/p-1/opschalen")).as("its own path shows it").isNull();
    }
}
