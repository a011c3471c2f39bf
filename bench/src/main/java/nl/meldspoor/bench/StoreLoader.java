package nl.meldspoor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.CommandAuthority;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.ApproveReportDecision;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseOpening;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.meldcase.CloseCase;
import nl.meldspoor.api.meldcase.Closure;
import nl.meldspoor.api.meldcase.ColleagueConsultation;
import nl.meldspoor.api.meldcase.ConsultColleague;
import nl.meldspoor.api.meldcase.ConsultVeiligThuis;
import nl.meldspoor.api.meldcase.DecideReport;
import nl.meldspoor.api.meldcase.EvaluateHelp;
import nl.meldspoor.api.meldcase.HelpEvaluation;
import nl.meldspoor.api.meldcase.HelpPlan;
import nl.meldspoor.api.meldcase.HelpTask;
import nl.meldspoor.api.meldcase.InformParentsOfReport;
import nl.meldspoor.api.meldcase.Kindcheck;
import nl.meldspoor.api.meldcase.OpenCase;
import nl.meldspoor.api.meldcase.ParentContactSkip;
import nl.meldspoor.api.meldcase.ParentContactSkipReason;
import nl.meldspoor.api.meldcase.ParentConversation;
import nl.meldspoor.api.meldcase.RecordReport;
import nl.meldspoor.api.meldcase.RecordVeiligThuisFeedback;
import nl.meldspoor.api.meldcase.ReportConversation;
import nl.meldspoor.api.meldcase.ReportDecision;
import nl.meldspoor.api.meldcase.ReportDecisionApproval;
import nl.meldspoor.api.meldcase.SameSignals;
import nl.meldspoor.api.meldcase.SkipInformingParentsOfReport;
import nl.meldspoor.api.meldcase.SkipTalkWithParents;
import nl.meldspoor.api.meldcase.StartHelp;
import nl.meldspoor.api.meldcase.TalkToParents;
import nl.meldspoor.api.meldcase.VeiligThuisConsultation;
import nl.meldspoor.api.meldcase.VeiligThuisDecision;
import nl.meldspoor.api.meldcase.VeiligThuisFeedback;
import nl.meldspoor.api.meldcase.VeiligThuisReport;
import nl.meldspoor.api.meldcase.WeighConcerns;
import nl.meldspoor.api.meldcase.Weighing;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;
import nl.meldspoor.casework.intake.CaseIndex;
import nl.meldspoor.casework.meldcase.MeldcodeCase;
import nl.meldspoor.casework.meldcase.RecordingMoment;
import nl.meldspoor.casework.meldcase.SignalOrigin;
import nl.meldspoor.platform.privacy.KeyWrapping;
import nl.meldspoor.platform.privacy.PersonalDataKey;
import nl.meldspoor.platform.privacy.PersonalDataKeys;
import nl.meldspoor.platform.privacy.PersonalDataLifecycle;
import nl.meldspoor.platform.privacy.PersonalDataSerializer;
import nl.meldspoor.platform.privacy.ProtectedRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Loads generated meldcode cases straight into the case-service's event store, for measuring the read side at a
 * board's size (issue 14: ~1M events; over HTTP the board loads at the commands' own rate, ~70/s).
 *
 * <p>Each case's commands run through the real {@link MeldcodeCase} aggregate on Axon's own command handling (a
 * command bus and an event-sourcing repository on an in-memory store, no Spring application, no HTTP), with the
 * metadata the endpoints give a command (the recording moment, the actor's scopes), so every domain rule holds and a
 * refused command fails the load. Axon's event clock is set to the case's simulated moments, spread over the past
 * school years, so the events carry the timestamps they would have had. The events are then serialized by the
 * service's own sealing serializer ({@link PersonalDataSerializer} over Jackson with Spring Boot's defaults, holder
 * {@code case-service}): every {@code @PersonalData} text is sealed under the case's key, created in
 * {@code personal_data_key} and wrapped with the service's key-encryption key by the platform's {@link PersonalDataKeys}.
 * The service's subscribing handlers that run in the events' transaction ({@link PersonalDataLifecycle}: retention of a
 * closed case's key; {@link CaseIndex}: which cases a pupil has) run on the same events in the same transaction.
 * Rows go into {@code domainevententry} in JDBC batches of {@link #CASES_PER_TRANSACTION} cases; the database's own
 * trigger chains them (event_chain_hash) as for any writer.
 *
 * <p>It loads into the running store: the case-service's publishing processor tracks {@code globalindex} and publishes
 * the new rows to Kafka like any others, so the read models see a normal (if sudden) history. Only this loader writes
 * while it runs, so no gap in the global index is left open behind a slower transaction.
 */
final class StoreLoader implements AutoCloseable {

    static final String HOLDER = "case-service";
    static final int CASES_PER_TRANSACTION = 200;
    static final String CLEAR_TEXT = "Blauwe plekken op de armen.";

    private final Connection connection;
    private final CaseKeys keys;
    private final BatchingJdbcTemplate batched;
    private final Serializer serializer;
    private final AnnotationEventHandlerAdapter lifecycle;
    private final AnnotationEventHandlerAdapter caseIndex;
    private final PreparedStatement insert;
    private final Clock originalClock = GenericEventMessage.clock;
    private final CaseByCaseStorage storage = new CaseByCaseStorage();
    private Configuration axon;
    private final List<String> pending = new ArrayList<>();
    private long events;
    private long cases;
    /** Where the loader's time goes, in nanoseconds: the aggregate's commands, serializing and sealing, the handlers, the batches. */
    private long commandNanos;
    private long serializeNanos;
    private long handlerNanos;
    private long flushNanos;
    private final List<LoadedCase> loaded = new ArrayList<>();

    /** A case as loaded: its id, pattern and the number of events. */
    record LoadedCase(String caseId, String schoolId, int pattern, int events) {
    }

    StoreLoader(String jdbcUrl, String keyEncryptionKey) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true", "postgres", "");
        connection.setAutoCommit(false);
        batched = new BatchingJdbcTemplate(new SingleConnectionDataSource(connection, true));
        keys = new CaseKeys(batched, KeyWrapping.of(keyEncryptionKey));
        serializer = new PersonalDataSerializer(JacksonSerializer.builder().objectMapper(springBootObjectMapper()).build(), () -> keys, HOLDER);
        // loaded into the store, not through a running service: no aggregate cache to forget an erased case in
        lifecycle = new AnnotationEventHandlerAdapter(new PersonalDataLifecycle(keys, erasedCase -> { }));
        caseIndex = new AnnotationEventHandlerAdapter(new CaseIndex(batched));
        insert = connection.prepareStatement("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                + "metadata, payload, payloadrevision, payloadtype, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** The ObjectMapper Spring Boot builds for the services (Axon's JacksonSerializer is given the context's mapper). */
    static ObjectMapper springBootObjectMapper() {
        return Jackson2ObjectMapperBuilder.json()
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS).build();
    }

    long events() {
        return events;
    }

    long cases() {
        return cases;
    }

    /** Where the time went, for the report. */
    String timings() {
        return "aggregate commands %.1f s, serializing and sealing %.1f s, the service's handlers %.1f s, batch inserts and commits %.1f s"
                .formatted(commandNanos / 1e9, serializeNanos / 1e9, handlerNanos / 1e9, flushNanos / 1e9);
    }

    List<LoadedCase> loaded() {
        return loaded;
    }

    /**
     * Every school's cases of every school year, in the board's mix of patterns; the same seed gives the same cases
     * (ids apart). Returns the events stored.
     */
    long load(BenchSettings settings, int casesPerSchoolYear) throws SQLException {
        Instant now = Instant.now();
        List<String> schools = Board.schools(settings.schools());
        SignalCategory[] categories = SignalCategory.values();
        for (int s = 0; s < schools.size(); s++) {
            for (int year = 0; year < settings.years(); year++) {
                Random random = new Random(settings.seed() * 7_000_003L + s * 131L + year);
                Instant yearStart = now.minus(Duration.ofDays(365L * (settings.years() - year)));
                for (int i = 0; i < casesPerSchoolYear; i++) {
                    // opened within the year's first 300 days; its steps follow over the next weeks, all before now
                    Instant opened = yearStart.plus(Duration.ofDays(random.nextInt(300))).plus(Duration.ofMinutes(random.nextInt(600)));
                    // the patterns in turn: every step and outcome equally often at every school
                    load(schools.get(s), schools.get((s + 1) % schools.size()), (i + year + s) % Board.CASE_PATTERNS,
                            categories[random.nextInt(categories.length)], opened);
                }
            }
        }
        flush();
        return events;
    }

    /** One case by the pattern (Board's ten patterns: every step reached, every outcome among the closed ones). */
    LoadedCase load(String school, String partner, int pattern, SignalCategory category, Instant opened) throws SQLException {
        startAxonOnce();
        storage.nextCase();
        String caseId = UUID.randomUUID().toString();
        Script c = new Script(caseId, school, opened);
        Set<SignalFlag> flags = pattern == 6 ? Set.of(SignalFlag.DISCLOSURE) : Set.of();
        c.open(partner, category, flags);
        switch (pattern) {
            case 0 -> c.stepsTwoAndThree(true).askVeiligThuis().suspicion().unsafe().reportWithParentsInformed().feedback()
                    .close(new Closure(CaseOutcome.REPORTED_AND_HANDED_OVER, "Gemeld en overgedragen aan het wijkteam.", false, null));
            case 1 -> c.stepsTwoAndThree(true).askVeiligThuis().suspicion().weigh(AfwegingQuestion.VEILIGHEID, WeighingAnswer.DOUBT);
            case 2 -> c.stepsTwoAndThree(true).weigh(AfwegingQuestion.VERMOEDEN, WeighingAnswer.NO)
                    .close(new Closure(CaseOutcome.NO_SUSPICION, "Het vermoeden is ongegrond gebleken.", true, null));
            case 3 -> c.stepsTwoAndThree(true).ownHelpAgreed().startHelp(90);
            case 4 -> c.consultColleague();
            case 5 -> c.stepsTwoAndThree(true).askVeiligThuis().suspicion().unsafe().reportWithParentsInformed();
            case 6 -> c.disclosure();
            case 7 -> c.stepsTwoAndThree(true).ownHelpAgreed().startHelp(30).evaluate()
                    .close(new Closure(CaseOutcome.HELP_COMPLETED, "Hulp afgerond met afspraken over nazorg.", false, "Maandelijks contact."));
            case 8 -> c.stepsTwoAndThree(false);
            default -> { } // opened only: step 1
        }
        List<? extends DomainEventMessage<?>> stored = axon.eventStore().readEvents(caseId).asStream().toList();
        for (DomainEventMessage<?> event : stored) {
            add(event);
        }
        LoadedCase result = new LoadedCase(caseId, school, pattern, stored.size());
        if (loaded.size() < 1_000) {
            loaded.add(result);
        }
        cases++;
        pending.add(caseId);
        if (pending.size() >= CASES_PER_TRANSACTION) {
            flush();
        }
        return result;
    }

    private void add(DomainEventMessage<?> event) throws SQLException {
        long t0 = System.nanoTime();
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
        long t1 = System.nanoTime();
        serializeNanos += t1 - t0;
        insert.setString(1, event.getAggregateIdentifier());
        insert.setLong(2, event.getSequenceNumber());
        insert.setString(3, event.getType());
        insert.setString(4, event.getIdentifier());
        insert.setBytes(5, metaData.getData());
        insert.setBytes(6, payload.getData());
        insert.setString(7, payload.getType().getRevision());
        insert.setString(8, payload.getType().getName());
        insert.setString(9, DateTimeUtils.formatInstant(event.getTimestamp()));
        insert.addBatch();
        // the service's handlers that run in the events' own transaction
        try {
            lifecycle.handle(event);
            caseIndex.handle(event);
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("A handler of the case-service failed on " + event.getPayloadType().getSimpleName(), e);
        }
        handlerNanos += System.nanoTime() - t1;
        events++;
    }

    /** Writes the pending batch and commits it with the keys and the case index rows. */
    void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        long t = System.nanoTime();
        insert.executeBatch();
        batched.flush();
        keys.forget();
        connection.commit();
        flushNanos += System.nanoTime() - t;
        pending.clear();
    }

    /** The aggregate's command handling, on the storage that holds one case at a time. */
    private void startAxonOnce() {
        if (axon != null) {
            return;
        }
        axon = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonSerializer.builder().objectMapper(springBootObjectMapper()).build())
                .configureEmbeddedEventStore(c -> storage)
                .configureAggregate(MeldcodeCase.class)
                .buildConfiguration();
        axon.start();
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            GenericEventMessage.clock = originalClock;
            if (axon != null) {
                axon.shutdown();
            }
            connection.close();
        }
    }

    /**
     * The platform's keys, each case's key created once, when its first text is sealed, and held for the rest of the
     * case's events. Every case the loader writes is new (a fresh random id) and only the loader writes while it runs,
     * so there is nothing to look up: the key's insert ({@link PersonalDataKeys#newKeyOf}) goes into the transaction's
     * batch, before the handlers' retention updates of the same keys (the batches run in the order their statements
     * were first used, and a case's first event seals), instead of a look-up and an insert round trip per case.
     */
    private static final class CaseKeys extends PersonalDataKeys {

        private final Map<ProtectedRecord, PersonalDataKey> current = new HashMap<>();

        CaseKeys(JdbcTemplate jdbc, KeyWrapping wrapping) {
            super(jdbc, wrapping, Clock.systemUTC());
        }

        @Override
        public PersonalDataKey keyOf(ProtectedRecord record) {
            return current.computeIfAbsent(record, super::newKeyOf);
        }

        void forget() {
            current.clear();
        }
    }

    /**
     * The service's handlers' writes (the case index, the keys' retention) collected and sent as one JDBC batch per
     * statement at the end of the loader's transaction, in the order each statement was first used, instead of one
     * round trip each. Their queries still run at once.
     */
    private static final class BatchingJdbcTemplate extends JdbcTemplate {

        private final Map<String, List<Object[]>> pending = new LinkedHashMap<>();

        BatchingJdbcTemplate(javax.sql.DataSource dataSource) {
            super(dataSource);
        }

        @Override
        public int update(String sql, Object... args) {
            pending.computeIfAbsent(sql, s -> new ArrayList<>()).add(args);
            return 1;
        }

        void flush() {
            pending.forEach((sql, rows) -> super.batchUpdate(sql, rows));
            pending.clear();
        }
    }

    /** One case's commands, each at its own simulated moment, sent as the endpoints send them. */
    private final class Script {

        private final String caseId;
        private final String school;
        private Instant at;

        Script(String caseId, String school, Instant opened) {
            this.caseId = caseId;
            this.school = school;
            this.at = opened;
        }

        private Script send(Actor actor, Function<Instant, Object> command) {
            GenericEventMessage.clock = Clock.fixed(at, ZoneOffset.UTC);
            MetaData metaData = RecordingMoment.of(at).mergedWith(CommandAuthority.of(List.of(school)));
            long t = System.nanoTime();
            axon.commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(command.apply(at)).andMetaData(metaData));
            commandNanos += System.nanoTime() - t;
            // the next step a few days later, at a working hour
            at = at.plus(Duration.ofDays(1 + Math.floorMod(caseId.hashCode() + at.getNano(), 4))).plus(Duration.ofMinutes(37));
            return this;
        }

        Script open(String partner, SignalCategory category, Set<SignalFlag> flags) {
            SignalContent content = new SignalContent(at.minusSeconds(3600), "gymzaal", "omkleden",
                    List.of(new Statement(CLEAR_TEXT, StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                    List.of(), category, flags, List.of(), Board.TEACHER);
            CaseOpening opening = new CaseOpening(school, "lln-" + school + "-" + caseId, null,
                    new CaseTeam(Board.IB.personId(), Board.ADVISOR, partner, Board.PRINCIPAL.personId()), "Zorgen.",
                    SignalOrigin.ownedByTheCase(List.of(new AttachedSignal("sig-" + caseId, content))));
            return send(Board.IB, now -> new OpenCase(caseId, Board.IB, now, opening));
        }

        Script consultColleague() {
            return send(Board.IB, now -> new ConsultColleague(caseId, null, Board.IB, now, new ColleagueConsultation(now, "lk-vorig",
                    "leerkracht van vorig jaar", "Het gedrag sinds de zomer.", SameSignals.YES, "Hoe het thuis gaat.")));
        }

        Script askVeiligThuis() {
            return send(Board.IB, now -> new ConsultVeiligThuis(caseId, null, Board.IB, now, new VeiligThuisConsultation(now, true,
                    "Hoe wegen wij deze signalen?", "Weeg ze met het afwegingskader en meld bij twijfel over de veiligheid.", null)));
        }

        Script stepsTwoAndThree(boolean kindcheck) {
            return consultColleague().send(Board.IB, now -> new TalkToParents(caseId, null, Board.IB, now, new ParentConversation(now,
                    List.of(Board.IB.personId(), "lk-groep"), List.of("moeder"), "Het teruggetrokken gedrag.", "Moeder maakt zich ook zorgen.",
                    "Over twee weken opnieuw.", new Kindcheck(kindcheck, kindcheck ? "Een zusje van 3 jaar, thuis." : null))));
        }

        Script weigh(AfwegingQuestion question, WeighingAnswer answer) {
            return send(Board.IB, now -> new WeighConcerns(caseId, null, Board.IB, now, new Weighing(question, answer,
                    "Besproken in het ondersteuningsteam.", answer == WeighingAnswer.YES && question == AfwegingQuestion.VEILIGHEID, false, false,
                    question == AfwegingQuestion.VERMOEDEN, false)));
        }

        Script suspicion() {
            return weigh(AfwegingQuestion.VERMOEDEN, WeighingAnswer.YES);
        }

        Script unsafe() {
            return weigh(AfwegingQuestion.VEILIGHEID, WeighingAnswer.YES);
        }

        Script ownHelpAgreed() {
            suspicion().weigh(AfwegingQuestion.VEILIGHEID, WeighingAnswer.NO).weigh(AfwegingQuestion.HULP, WeighingAnswer.YES)
                    .weigh(AfwegingQuestion.HULP_AANVAARDEN, WeighingAnswer.YES);
            return send(Board.PRINCIPAL, now -> new DecideReport(caseId, null, Board.PRINCIPAL, now,
                    new ReportDecision(false, true, "Geen meldnorm; hulp via het wijkteam is aanvaard.")));
        }

        Script startHelp(int termDays) {
            return send(Board.IB, now -> {
                LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
                return new StartHelp(caseId, null, Board.IB, now, new HelpPlan(today, "Opvoedondersteuning door het wijkteam", "Rust thuis",
                        List.of(new HelpTask("wijkteam", "Wekelijks huisbezoek"), new HelpTask(Board.IB.personId(), "Maandelijks gesprek met moeder")),
                        Board.IB.personId(), today.plusDays(termDays)));
            });
        }

        Script evaluate() {
            at = at.plus(Duration.ofDays(30));
            return send(Board.IB, now -> new EvaluateHelp(caseId, null, Board.IB, now, new HelpEvaluation(LocalDate.ofInstant(now, ZoneOffset.UTC),
                    true, "Geen nieuwe signalen.", "Maandelijks contact.")));
        }

        Script reportWithParentsInformed() {
            send(Board.IB, now -> new DecideReport(caseId, null, Board.IB, now, new ReportDecision(true, false, "Meldnorm 1: structurele onveiligheid.")));
            send(Board.PRINCIPAL, now -> new ApproveReportDecision(caseId, null, Board.PRINCIPAL, now,
                    new ReportDecisionApproval("Akkoord, melden namens de directie.")));
            send(Board.IB, now -> new InformParentsOfReport(caseId, null, Board.IB, now, new ReportConversation(now,
                    List.of(Board.IB.personId(), Board.PRINCIPAL.personId()), List.of("moeder", "vader"), "Ouders begrijpen de zorg.",
                    "Vader maakt bezwaar tegen de melding.")));
            return report(false, "VT-" + Math.abs(caseId.hashCode() % 10000), "Structurele onveiligheid thuis.");
        }

        private Script report(boolean disclosure, String reference, String summary) {
            return send(Board.IB, now -> new RecordReport(caseId, null, Board.IB, now, new VeiligThuisReport(now, Board.IB.personId(), reference,
                    disclosure, summary)));
        }

        Script feedback() {
            return send(Board.IB, now -> new RecordVeiligThuisFeedback(caseId, null, Board.IB, now, new VeiligThuisFeedback(now,
                    VeiligThuisDecision.HANDOVER_TO_NEW_HELP, "School blijft signaleren.", true, null)));
        }

        Script close(Closure closure) {
            return send(Board.IB, now -> new CloseCase(caseId, null, Board.IB, now, closure));
        }

        Script disclosure() {
            send(Board.IB, now -> new ConsultVeiligThuis(caseId, null, Board.IB, now, new VeiligThuisConsultation(now, false,
                    "Kind vertelt over slaan thuis; wat nu?", "Niet eerst met ouders spreken; direct melden.", "VT-ADV-7731")));
            send(Board.IB, now -> new SkipTalkWithParents(caseId, null, Board.IB, now, new ParentContactSkip(ParentContactSkipReason.DISCLOSURE,
                    "Het kind vertelde over geweld thuis; op advies van Veilig Thuis niet eerst met de ouders gesproken.")));
            suspicion().unsafe();
            send(Board.PRINCIPAL, now -> new DecideReport(caseId, null, Board.PRINCIPAL, now,
                    new ReportDecision(true, false, "Onthulling: acute onveiligheid, direct melden.")));
            send(Board.IB, now -> new SkipInformingParentsOfReport(caseId, null, Board.IB, now, new ParentContactSkip(
                    ParentContactSkipReason.SAFETY_OF_CHILD, "Veilig Thuis adviseert de ouders niet vooraf in te lichten.")));
            return report(true, "VT-2026-1187", "Onthulling door het kind.");
        }
    }
}
