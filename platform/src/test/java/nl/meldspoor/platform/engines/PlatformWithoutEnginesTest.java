package nl.meldspoor.platform.engines;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import nl.meldspoor.engines.kafka.EmbeddedKafkaBroker;
import nl.meldspoor.platform.testing.ArchitectureRuleProof;
import org.junit.jupiter.api.Test;

/**
 * The platform goes into every service's production jar; the in-process engines (PostgreSQL binaries, a Kafka
 * broker, mongo-java-server) must not, so the platform does not use them: they are the embedded-engines module's.
 */
class PlatformWithoutEnginesTest {

    static final ArchRule PLATFORM_WITHOUT_ENGINES = noClasses().that().resideInAPackage("nl.meldspoor.platform..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "nl.meldspoor.engines..", "io.zonky..", "de.bwaldvogel..", "kafka.server..", "kafka.raft..", "org.apache.kafka.metadata..")
            .because("the embedded engines are for the local system and tests only, never in a production jar");

    @Test
    void thePlatformUsesNoEmbeddedEngine() {
        PLATFORM_WITHOUT_ENGINES.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.meldspoor.platform"));
    }

    /** A platform class that starts a broker itself, as the platform did before the engines moved out. */
    static class StartsItsOwnBroker {
        EmbeddedKafkaBroker broker() {
            return null;
        }
    }

    static class NamesTheEnginesOnlyByName {
        String engine() {
            return EngineAddressesAutoConfiguration.EMBEDDED_KAFKA;
        }
    }

    @Test
    void theRuleRefusesAPlatformClassThatUsesAnEngine() {
        ArchitectureRuleProof.refuses(PLATFORM_WITHOUT_ENGINES, StartsItsOwnBroker.class);
        ArchitectureRuleProof.accepts(PLATFORM_WITHOUT_ENGINES, NamesTheEnginesOnlyByName.class);
    }
}
