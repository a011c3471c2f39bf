package nl.meldspoor.web.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where the identity provider sends the person back after signing out there too. */
@Controller
class SignedOutPage {

    @GetMapping("/afgemeld")
    String signedOut() {
        return "signed-out";
    }
}
