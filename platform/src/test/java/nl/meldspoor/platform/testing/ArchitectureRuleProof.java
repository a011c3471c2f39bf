package nl.meldspoor.platform.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/** Proves an architecture rule can fail: it refuses a class that breaks it and accepts one that keeps it. */
public final class ArchitectureRuleProof {

    private ArchitectureRuleProof() {
    }

    public static void refuses(ArchRule rule, Class<?> violation) {
        JavaClasses classes = new ClassFileImporter().importClasses(violation);
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class).hasMessageContaining(violation.getSimpleName());
    }

    public static void accepts(ArchRule rule, Class<?> keeper) {
        assertThatCode(() -> rule.check(new ClassFileImporter().importClasses(keeper))).doesNotThrowAnyException();
    }
}
