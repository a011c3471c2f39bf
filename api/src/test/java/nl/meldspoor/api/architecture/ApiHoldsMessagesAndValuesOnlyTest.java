package nl.meldspoor.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import nl.meldspoor.api.calendar.DutchPublicHolidays;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.api.common.CommandAuthority;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.Retention;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.api.common.SealedText;
import nl.meldspoor.api.common.TextSizeValidator;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.api.meldcase.MeldcodeStep;
import nl.meldspoor.api.staff.StaffScope;
import org.junit.jupiter.api.Test;

/**
 * {@code api} is the published language between the services: messages and value types, nothing that folds events into
 * state. A service's state belongs to the service that owns the aggregate; a reader keeps its own view. So api holds
 * records, enums, interfaces and annotations, plus the few stateless value utilities named below, and no class in it
 * carries state that can change.
 */
class ApiHoldsMessagesAndValuesOnlyTest {

    /**
     * The classes api may hold besides records, enums, interfaces and annotations: constants, formats and pure
     * value utilities, each without changing state.
     */
    static final Set<Class<?>> VALUE_UTILITIES = Set.of(
            WorkingDays.class, DutchPublicHolidays.class,        // the Dutch working-day calendar
            Identifiers.class, Limits.class, Topics.class, EventHeaders.class, // formats, sizes, topic and header names
            Retention.class, StaffScope.class, SealedText.class, // pure functions over values
            CommandAuthority.class,                              // reads the authority a command carries in its metadata
            MeldcodeStep.class,                                  // the exhaustive event-to-step mapping all readers share
            RuleViolation.class,                                 // the refusal a rule throws, carrying a rule value
            TextSizeValidator.class);                            // the bean-validation check behind @Size on texts

    static final ArchRule ONLY_MESSAGES_AND_VALUES = classes()
            .that().areTopLevelClasses()
            .should(beMessageOrValue())
            .as("api holds only records, enums, interfaces, annotations and the named value utilities")
            .allowEmptyShould(true);

    static final ArchRule NO_CHANGING_STATE = fields()
            .that().areNotStatic()
            // bean validation hands a validator its annotation once, in initialize(): the one sanctioned exception
            .and().areDeclaredInClassesThat().doNotBelongToAnyOf(TextSizeValidator.class)
            .should().beFinal()
            .as("no class in api has a non-final instance field")
            .allowEmptyShould(true);

    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.meldspoor.api");

    @Test
    void apiHoldsOnlyMessagesValueTypesAndTheNamedValueUtilities() {
        ONLY_MESSAGES_AND_VALUES.check(API);
    }

    @Test
    void noClassInApiHasStateThatChanges() {
        NO_CHANGING_STATE.check(API);
    }

    @Test
    void aFoldInApiIsRefused() {
        refuses(ONLY_MESSAGES_AND_VALUES, CaseFold.class);
        refuses(NO_CHANGING_STATE, CaseFold.class);
        accepts(ONLY_MESSAGES_AND_VALUES, CaseStepReached.class);
        accepts(NO_CHANGING_STATE, CaseStepReached.class);
    }

    @Test
    void aValueUtilityWithChangingStateIsRefused() {
        refuses(NO_CHANGING_STATE, CountingRecordHelper.class);
    }

    private static com.tngtech.archunit.lang.ArchCondition<JavaClass> beMessageOrValue() {
        DescribedPredicate<JavaClass> messageOrValue = DescribedPredicate.describe("a message or value type", type ->
                type.isRecord() || type.isEnum() || type.isInterface() || type.isAnnotation()
                        || VALUE_UTILITIES.stream().anyMatch(allowed -> type.isEquivalentTo(allowed)));
        return com.tngtech.archunit.lang.conditions.ArchConditions.be(messageOrValue);
    }

    private static void refuses(ArchRule rule, Class<?> violation) {
        JavaClasses classes = new ClassFileImporter().importClasses(violation);
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class).hasMessageContaining(violation.getSimpleName());
    }

    private static void accepts(ArchRule rule, Class<?> keeper) {
        assertThatCode(() -> rule.check(new ClassFileImporter().importClasses(keeper))).doesNotThrowAnyException();
    }
}

/** What used to live in api: a class that folds events into state. */
final class CaseFold {
    private int currentStep;

    void apply(CaseStepReached event) {
        currentStep = Math.max(currentStep, event.step());
    }
}

/** A message: a record. */
record CaseStepReached(String caseId, int step) {
}

/** A named value utility that keeps a counter: allowed as a class, refused for its changing field. */
final class CountingRecordHelper {
    private final List<String> seen = List.of();
    private int calls;

    int next() {
        return ++calls + seen.size();
    }
}
