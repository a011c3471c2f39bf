package nl.meldspoor.reporting.meldcase.fold;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.ConcernsWeighed;
import nl.meldspoor.api.meldcase.HelpEvaluated;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.api.meldcase.WeighingOutcome;

/** Where a case stands in the afwegingskader: the answers of the current pass and what they led to. */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE)
public final class AfwegingskaderProgress {

    private int round;
    private EnumMap<AfwegingQuestion, WeighingAnswer> answers = new EnumMap<>(AfwegingQuestion.class);
    private WeighingOutcome lastOutcome;

    void record(ConcernsWeighed event) {
        if (event.weighing().question() == AfwegingQuestion.VERMOEDEN) {
            round = event.round();
            answers.clear();
        }
        answers.put(event.weighing().question(), event.weighing().answer());
        lastOutcome = event.outcome();
    }

    void record(HelpEvaluated event) {
        if (round > 0) {
            answers.put(AfwegingQuestion.RESULTAAT, event.evaluation().resultsAchieved() ? WeighingAnswer.YES : WeighingAnswer.NO);
        }
        lastOutcome = event.outcome();
    }

    public int round() {
        return round;
    }

    public boolean started() {
        return round > 0;
    }

    public Optional<WeighingAnswer> answer(AfwegingQuestion question) {
        return Optional.ofNullable(answers.get(question));
    }

    public boolean answeredWith(AfwegingQuestion question, WeighingAnswer answer) {
        return answers.get(question) == answer;
    }

    public Map<AfwegingQuestion, WeighingAnswer> answers() {
        return Collections.unmodifiableMap(answers);
    }

    /** The question that is to be answered next, or empty when the afwegingskader waits for something else. */
    public Optional<AfwegingQuestion> nextQuestion() {
        if (!started()) {
            return Optional.of(AfwegingQuestion.VERMOEDEN);
        }
        return Optional.ofNullable(lastOutcome == null ? null : lastOutcome.nextQuestion());
    }

    /** The current pass reported to Veilig Thuis after question 2, so the rest is weighed together with Veilig Thuis. */
    public boolean togetherWithVeiligThuis() {
        return lastOutcome != null && lastOutcome.togetherWithVeiligThuis();
    }
}
