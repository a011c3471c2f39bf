package nl.meldspoor.platform.privacy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.meldspoor.platform.privacy.EncryptedText;
import nl.meldspoor.platform.privacy.OpenedText;
import nl.meldspoor.platform.privacy.PersonalDataCipher;
import nl.meldspoor.platform.privacy.PersonalDataKey;
import nl.meldspoor.platform.privacy.PersonalDataKeys;
import nl.meldspoor.platform.privacy.ProtectedRecord;
import nl.meldspoor.platform.privacy.TextReaders;
import nl.meldspoor.platform.privacy.SealedTexts;
import nl.meldspoor.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Opens sealed texts for the person a read service is answering: the read service forwards that
 * person's token, and the holder of the keys decides, per text, whether they may read it. Keys never
 * leave this service.
 */
@RestController
@RequestMapping("/api/personal-data")
@Tag(name = "Persoonsgegevens", description = "Versleutelde vrije tekst openen voor wie die mag lezen")
public class PersonalDataEndpoints {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataEndpoints.class);

    private final PersonalDataKeys keys;
    private final TextReaders readers;
    private final String holder;

    public PersonalDataEndpoints(PersonalDataKeys keys, TextReaders readers, String holder) {
        this.keys = keys;
        this.readers = readers;
        this.holder = holder;
    }

    @PostMapping("/openings")
    @Operation(summary = "Versleutelde teksten openen (voor de reporting-service, met het token van de lezer)")
    public List<OpenedText> open(Caller caller, @Valid @RequestBody SealedTexts request) {
        Map<UUID, Optional<ProtectedRecord>> records = new HashMap<>();
        Map<ProtectedRecord, Boolean> permitted = new HashMap<>();
        List<OpenedText> opened = request.texts().stream().map(text -> open(caller, text, records, permitted)).toList();
        long refused = opened.stream().filter(text -> text.state() == OpenedText.State.NOT_PERMITTED).count();
        if (refused > 0) {
            log.warn("Refused to open {} text(s) for {} as {}: not a reader of their records", refused, caller.personId(), caller.role());
        }
        return opened;
    }

    /** Each key's record and each record's permission are looked up once per request, however many texts share them. */
    private OpenedText open(Caller caller, String text, Map<UUID, Optional<ProtectedRecord>> records, Map<ProtectedRecord, Boolean> permitted) {
        Optional<EncryptedText> sealed = EncryptedText.parse(text).filter(parsed -> parsed.holder().equals(holder));
        if (sealed.isEmpty()) {
            return new OpenedText(text, OpenedText.State.UNKNOWN, null);
        }
        Optional<ProtectedRecord> record = records.computeIfAbsent(sealed.get().keyId(), keys::recordOf);
        if (record.isEmpty()) {
            return new OpenedText(text, OpenedText.State.UNKNOWN, null);
        }
        if (!permitted.computeIfAbsent(record.get(), candidate -> readers.mayRead(caller, candidate))) {
            return new OpenedText(text, OpenedText.State.NOT_PERMITTED, null);
        }
        Optional<PersonalDataKey> key = keys.byId(sealed.get().keyId());
        if (key.isEmpty()) {
            return new OpenedText(text, OpenedText.State.ERASED, null);
        }
        try {
            return new OpenedText(text, OpenedText.State.OPEN, PersonalDataCipher.decrypt(sealed.get(), key.get().secret()));
        } catch (GeneralSecurityException altered) {
            return new OpenedText(text, OpenedText.State.UNKNOWN, null);
        }
    }
}
