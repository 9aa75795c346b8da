package dev.gigstream.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The direction of dependencies between modules, as docs/architecture.md describes it. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gigstream");
    }

    @Test
    void messagesKnowNeitherSpringNorMongoNorAnyOtherModule() {
        noClasses().that().resideInAPackage("dev.gigstream.messages..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                        "dev.gigstream.command..", "dev.gigstream.query..", "dev.gigstream.sagas..", "dev.gigstream.api..",
                        "dev.gigstream.paystack..")
                .check(classes);
    }

    @Test
    void theCommandSideNeverReadsTheQuerySideNorTalksToTheOutsideWorld() {
        noClasses().that().resideInAPackage("dev.gigstream.command..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gigstream.query..", "dev.gigstream.api..",
                        "dev.gigstream.paystack..", "dev.gigstream.sagas..", "com.mongodb..", "org.springframework..",
                        "java.net.http..")
                .check(classes);
    }

    @Test
    void sagasDependOnMessagesOnly() {
        noClasses().that().resideInAPackage("dev.gigstream.sagas..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gigstream.query..", "dev.gigstream.command..",
                        "dev.gigstream.api..", "dev.gigstream.paystack..")
                .allowEmptyShould(true) // the first saga arrives with the escrow lifecycle
                .check(classes);
    }

    @Test
    void projectionsDependOnMessagesOnly() {
        noClasses().that().resideInAPackage("dev.gigstream.query..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gigstream.command..", "dev.gigstream.sagas..",
                        "dev.gigstream.api..", "dev.gigstream.paystack..")
                .check(classes);
    }

    @Test
    void paystackKnowsNothingOfAxon() {
        noClasses().that().resideInAPackage("dev.gigstream.paystack..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "dev.gigstream.api..")
                .allowEmptyShould(true) // the Paystack client arrives with the escrow lifecycle
                .check(classes);
    }

    /**
     * Nobody waits for something to happen by sleeping: a read that follows a write waits for the read
     * model's position (ReadModelPositions), retries and pauses are scheduled. The benchmark holds itself
     * to the same rule (its own test).
     */
    @Test
    void productionCodeNeverSleeps() {
        noClasses().should().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
                .orShould().callMethod(Thread.class, "sleep", java.time.Duration.class)
                .orShould().callMethod(java.util.concurrent.TimeUnit.class, "sleep", long.class)
                .because("waiting for a write or a retry is scheduled or waits on the condition, never slept")
                .check(classes);
    }

    /** The sandbox plays Paystack's servers: it speaks Paystack's API and webhooks, never the app's own classes. */
    @Test
    void theSandboxKnowsOnlyPaystacksShapes() {
        noClasses().that().resideInAPackage("dev.gigstream.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "dev.gigstream.api..",
                        "dev.gigstream.messages..", "dev.gigstream.command..", "dev.gigstream.sagas..", "dev.gigstream.query..")
                .check(classes);
    }
}
