package nl.meldspoor.reporting.readmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.platform.testing.history.IncidentHistoryBuilder;
import nl.meldspoor.platform.testing.history.PupilHistoryBuilder;

/**
 * A generated board for the read-side tests and the rebuild probe: cases in every step (some long, some erased
 * after retention), incidents on every track, pupils with signals — interleaved as the topics would deliver them,
 * each aggregate's events in order. Deterministic for a seed (apart from the builders' random ids).
 */
final class GeneratedBoard {

    private static final Instant START = Instant.parse("2024-09-02T07:00:00Z");
    private static final IncidentType[] INCIDENT_TYPES = {IncidentType.PHYSICAL_VIOLENCE, IncidentType.SERIOUS_BULLYING,
            IncidentType.THREATS_OR_INTIMIDATION, IncidentType.VANDALISM, IncidentType.CYBERBULLYING_OR_ONLINE_THREATS};

    final List<List<PublishedEvent>> aggregates = new ArrayList<>();
    final List<PublishedEvent> inOrder;

    GeneratedBoard(long seed, int cases, int incidents, int pupils) {
        this(seed, 20, 1500, cases, incidents, pupils);
    }

    /** Over the given number of schools and days from 2 September 2024. */
    GeneratedBoard(long seed, int schools, int days, int cases, int incidents, int pupils) {
        Random random = new Random(seed);
        for (int i = 0; i < cases; i++) {
            aggregates.add(aCase(random, "school-" + random.nextInt(schools), START.plus(Duration.ofDays(random.nextInt(days)))).published());
        }
        for (int i = 0; i < incidents; i++) {
            aggregates.add(anIncident(random, "school-" + random.nextInt(schools), START.plus(Duration.ofDays(random.nextInt(days)))).published());
        }
        for (int i = 0; i < pupils; i++) {
            aggregates.add(aPupil(random, i, schools, days).published());
        }
        inOrder = interleave(random, aggregates);
    }

    int events() {
        return inOrder.size();
    }

    private static CaseHistoryBuilder aCase(Random random, String school, Instant at) {
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt(school, at);
        int extraSignals = random.nextInt(10) == 0 ? 20 + random.nextInt(40) : random.nextInt(3);
        for (int i = 0; i < extraSignals; i++) {
            history.signalAttached(CaseHistoryBuilder.signal("sig-" + i + "-" + history.caseId(), at.plus(Duration.ofHours(i))));
        }
        switch (random.nextInt(11)) {
            case 0 -> {
            }
            case 1 -> history.consultedColleague();
            case 2 -> history.consultedColleague().talkedToParents(random.nextBoolean());
            case 3 -> history.consultedColleague().talkedToParents(true).noSuspicion().closed(CaseOutcome.NO_SUSPICION);
            case 4 -> history.askedVeiligThuis().talkedToParents(random.nextBoolean()).suspicionAndUnsafety().reported();
            case 5 -> history.askedVeiligThuis().talkedToParents(false).suspicionAndUnsafety().reported().feedback();
            case 6 -> history.consultedColleague().talkedToParents(true).suspicionAndUnsafety().decidedAwaitingApproval();
            case 7 -> history.consultedColleague().talkedToParents(true).suspicionAndUnsafety().decidedAwaitingApproval().decisionSentBack();
            case 8 -> history.consultedColleague().talkedToParents(true).noSuspicion().closed(CaseOutcome.NO_SUSPICION).textErasedAfterRetention();
            case 9 -> history.consultedColleague().talkedToParents(true).helpStarted();
            default -> history.askedVeiligThuis().talkedToParents(true).suspicionAndUnsafety().reported().feedback()
                    .closed(CaseOutcome.HELP_COMPLETED);
        }
        return history;
    }

    private static IncidentHistoryBuilder anIncident(Random random, String school, Instant at) {
        if (random.nextInt(8) == 0) {
            IncidentHistoryBuilder meldplicht = IncidentHistoryBuilder.meldplicht(school, at);
            if (random.nextBoolean()) {
                meldplicht.boardInformed(random.nextInt(600));
            }
            return random.nextBoolean() ? meldplicht.closed() : meldplicht;
        }
        IncidentHistoryBuilder incident = IncidentHistoryBuilder.incident(school, at, INCIDENT_TYPES[random.nextInt(INCIDENT_TYPES.length)],
                Severity.values()[random.nextInt(Severity.values().length)]);
        if (random.nextBoolean()) {
            incident.allBullyingSteps();
        }
        return random.nextBoolean() ? incident.closed() : incident;
    }

    private static PupilHistoryBuilder aPupil(Random random, int index, int schools, int days) {
        PupilHistoryBuilder pupil = PupilHistoryBuilder.pupil("family-" + (index / 2));
        int signals = 1 + random.nextInt(4);
        Instant at = START.plus(Duration.ofDays(random.nextInt(days)));
        for (int i = 0; i < signals; i++) {
            pupil.signal("school-" + random.nextInt(schools), at.plus(Duration.ofDays(i)), SignalCategory.values()[random.nextInt(SignalCategory.values().length)]);
        }
        return random.nextInt(4) == 0 ? pupil.escalatedFirstSignal(at.plus(Duration.ofDays(signals))) : pupil;
    }

    static List<PublishedEvent> interleave(Random random, List<List<PublishedEvent>> aggregates) {
        List<Deque<PublishedEvent>> queues = new ArrayList<>();
        aggregates.forEach(events -> queues.add(new ArrayDeque<>(events)));
        List<PublishedEvent> all = new ArrayList<>();
        while (!queues.isEmpty()) {
            int pick = random.nextInt(queues.size());
            all.add(queues.get(pick).poll());
            if (queues.get(pick).isEmpty()) {
                queues.set(pick, queues.get(queues.size() - 1));
                queues.remove(queues.size() - 1);
            }
        }
        return all;
    }

    /**
     * The same events as a consumer may really see them: polls of varying size, some polls delivered again (a crash
     * before the offset commit), single events duplicated, and now and then an aggregate's event overtaking the one
     * before it (that one went to the dead-letter topic and is replayed later).
     */
    List<List<PublishedEvent>> deliveredWithRedeliveriesAndGaps(long seed) {
        return deliveredWithRedeliveriesAndGaps(inOrder, seed);
    }

    static List<List<PublishedEvent>> deliveredWithRedeliveriesAndGaps(List<PublishedEvent> inOrder, long seed) {
        Random random = new Random(seed);
        List<PublishedEvent> shuffled = new ArrayList<>(inOrder);
        for (int i = 0; i < shuffled.size() / 20; i++) {
            int at = random.nextInt(shuffled.size());
            PublishedEvent event = shuffled.get(at);
            if (event.sequence() == 0) {
                continue;
            }
            // move the event before its predecessor, somewhere between the predecessor's place and a few hundred earlier
            int predecessor = shuffled.subList(0, at).lastIndexOf(shuffled.stream()
                    .filter(e -> e.aggregateId().equals(event.aggregateId()) && e.sequence() == event.sequence() - 1).findFirst().orElseThrow());
            if (predecessor < 0) {
                continue;
            }
            shuffled.remove(at);
            shuffled.add(Math.max(0, predecessor - random.nextInt(300)), event);
        }
        List<List<PublishedEvent>> polls = new ArrayList<>();
        int next = 0;
        while (next < shuffled.size()) {
            int size = 1 + random.nextInt(60);
            List<PublishedEvent> poll = new ArrayList<>(shuffled.subList(next, Math.min(shuffled.size(), next + size)));
            if (random.nextInt(10) == 0 && !poll.isEmpty()) {
                poll.add(random.nextInt(poll.size()), poll.get(random.nextInt(poll.size())));
            }
            polls.add(poll);
            if (random.nextInt(8) == 0) {
                polls.add(List.copyOf(poll));
            }
            next += size;
        }
        return polls;
    }
}
