package nl.meldspoor.platform.privacy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.api.common.AccessRule;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.platform.access.AccessLog;
import nl.meldspoor.platform.access.AccessLogUnavailableException;
import nl.meldspoor.platform.privacy.EncryptedText;
import nl.meldspoor.platform.privacy.OpenedText;
import nl.meldspoor.platform.privacy.PersonalDataCipher;
import nl.meldspoor.platform.privacy.PersonalDataKey;
import nl.meldspoor.platform.privacy.PersonalDataKeys;
import nl.meldspoor.platform.privacy.ProtectedRecord;
import nl.meldspoor.platform.privacy.SealedTexts;
import nl.meldspoor.platform.privacy.ServiceCredentials;
import nl.meldspoor.platform.privacy.TextReaders;
import nl.meldspoor.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Opens sealed texts for the person a read service is answering. Only a Meldspoor service asks (its
 * {@link ServiceCredentials} beside the person's token); the holder of the keys decides, per text, with the
 * record's own read rule ({@link TextReaders}) whether that person may read it, and writes each record
 * whose text it opened to the access log, like a read, before the text leaves. Keys never leave this service.
 */
@RestController
@RequestMapping("/api/personal-data")
@Tag(name = "Persoonsgegevens", description = "Versleutelde vrije tekst openen voor wie die mag lezen")
public class PersonalDataEndpoints {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataEndpoints.class);

    private final PersonalDataKeys keys;
    private final TextReaders readers;
    private final ServiceCredentials services;
    private final AccessLog accessLog;
    private final String holder;

    /** @param accessLog {@code null} where there is none: then nothing is opened, as no opening may go unlogged */
    public PersonalDataEndpoints(PersonalDataKeys keys, TextReaders readers, ServiceCredentials services, AccessLog accessLog, String holder) {
        this.keys = keys;
        this.readers = readers;
        this.services = services;
        this.accessLog = accessLog;
        this.holder = holder;
    }

    @PostMapping("/openings")
    @Operation(summary = "Versleutelde teksten openen (alleen voor de diensten van Meldspoor, met het token van de lezer)",
            description = "Vereist naast het token van de lezer de dienstsleutel van de vragende dienst in " + ServiceCredentials.HEADER
                    + " (`<dienst>:<sleutel>`); zonder die sleutel 403 SERVICE_CREDENTIAL_REQUIRED. Elke tekst wordt alleen geopend "
                    + "voor wie het record volgens de leesregel van dat record mag inzien, en elk geopend record komt in het toegangslogboek.",
            parameters = @Parameter(name = ServiceCredentials.HEADER, in = ParameterIn.HEADER, required = true,
                    description = "De dienstsleutel van de vragende dienst: `<dienst>:<sleutel>`"))
    public List<OpenedText> open(Caller caller, HttpServletRequest request, @Valid @RequestBody SealedTexts body) {
        String service = services.verify(request.getHeader(ServiceCredentials.HEADER))
                .orElseThrow(() -> RuleViolation.of(AccessRule.SERVICE_CREDENTIAL_REQUIRED, ServiceCredentials.HEADER));
        Map<UUID, Optional<ProtectedRecord>> records = new HashMap<>();
        Map<ProtectedRecord, Boolean> permitted = new HashMap<>();
        Map<ProtectedRecord, Predicate<String>> readable = new HashMap<>();
        Set<ProtectedRecord> opened = new LinkedHashSet<>();
        List<OpenedText> answers = body.texts().stream().map(text -> open(caller, text, records, permitted, readable, opened)).toList();
        logged(caller, opened, request);
        long refused = answers.stream().filter(text -> text.state() == OpenedText.State.NOT_PERMITTED).count();
        if (refused > 0) {
            log.warn("Refused to open {} text(s) for {} as {} (asked by {}): not a reader of their records", refused, caller.personId(),
                    caller.role(), service);
        }
        return answers;
    }

    /** Every record whose text is opened is in the access log before the text leaves; without the log, nothing leaves. */
    private void logged(Caller caller, Set<ProtectedRecord> opened, HttpServletRequest request) {
        if (opened.isEmpty()) {
            return;
        }
        if (accessLog == null) {
            throw new AccessLogUnavailableException(new IllegalStateException("No access log in this service"));
        }
        opened.forEach(record -> accessLog.record(caller, record.schoolId(), kindOf(record), record.recordId(), request));
    }

    /** An opening is logged as the read of its record: the case's dossier, the pupil's signals, the incident. */
    static RecordKind kindOf(ProtectedRecord record) {
        return switch (record.type()) {
            case MELDCODE_CASE -> RecordKind.DOSSIER;
            case PUPIL_FILE -> RecordKind.PUPIL_SIGNALS;
            case INCIDENT -> RecordKind.INCIDENT;
        };
    }

    /** Each key's record and each record's permission are looked up once per request, however many texts share them. */
    private OpenedText open(Caller caller, String text, Map<UUID, Optional<ProtectedRecord>> records, Map<ProtectedRecord, Boolean> permitted,
                            Map<ProtectedRecord, Predicate<String>> readable, Set<ProtectedRecord> opened) {
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
        String plain;
        try {
            plain = PersonalDataCipher.decrypt(sealed.get(), key.get().secret());
        } catch (GeneralSecurityException altered) {
            return new OpenedText(text, OpenedText.State.UNKNOWN, null);
        }
        if (!readable.computeIfAbsent(record.get(), candidate -> readers.textsReadableBy(caller, candidate)).test(plain)) {
            return new OpenedText(text, OpenedText.State.NOT_PERMITTED, null);
        }
        opened.add(record.get());
        return new OpenedText(text, OpenedText.State.OPEN, plain);
    }
}
