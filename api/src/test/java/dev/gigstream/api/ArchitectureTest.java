package dev.gigstream.api;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.gigstream.api.testsupport.ProductionClasses;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The direction of dependencies between modules, as docs/architecture.md describes it. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ProductionClasses.all();
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

    @Test
    void theApiPackagesHaveNoCycle() {
        slices().matching("dev.gigstream.api.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * A controller translates HTTP into messages: it sends commands and queries through Axon's gateways,
     * uses the shared web plumbing and the ports of the api's own features (an account, a job's parties),
     * and never reaches past them into the read models, the command side, Paystack or the processing
     * layer: the operator console reads the processing layer through its ports ({@code console}), Paystack's
     * webhook controller reaches the Paystack adapter through its port ({@code webhook}), and an address is
     * answered in the api's own record, not the geocoding module's. No controller is an exception.
     */
    @Test
    void controllersUseGatewaysMessagesAndWebOnly() {
        classes().that().areAnnotatedWith(RestController.class).and().resideInAPackage("dev.gigstream.api..")
                .should(dependOnlyOnGatewaysMessagesAndWeb())
                .check(classes);
    }

    /** A controller's own package is open to it, so no controller lives among the adapters it must not reach. */
    @Test
    void noControllerLivesPastThePorts() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().resideInAnyPackage(PAST_THE_PORTS.stream().map(p -> p + "..").toArray(String[]::new))
                .check(classes);
    }

    /**
     * Callers ask for a record, never for {@code multipleInstancesOf}, whose element type a wire loses
     * (QueryAnswersCrossInstancesIT sends every declared answer through the message serializer).
     */
    @Test
    void noCallerAsksForMultipleInstances() {
        noClasses().should().callMethod(ResponseTypes.class, "multipleInstancesOf", Class.class)
                .check(classes);
    }

    private static final List<String> ALLOWED = List.of("java.", "jakarta.", "org.springframework.", "io.swagger.",
            "org.axonframework.commandhandling.gateway.", "org.axonframework.queryhandling.",
            "org.axonframework.eventhandling.gateway.", "org.axonframework.messaging.responsetypes.", "dev.gigstream.messages.",
            "dev.gigstream.api.web.", "com.fasterxml.jackson.annotation.", "tools.jackson.", "org.slf4j.");

    /** The api's adapters and infrastructure: a controller reaches them through a port. */
    private static final List<String> PAST_THE_PORTS = List.of("dev.gigstream.api.messaging", "dev.gigstream.api.storage",
            "dev.gigstream.api.redis", "dev.gigstream.api.paystack");

    private static ArchCondition<JavaClass> dependOnlyOnGatewaysMessagesAndWeb() {
        return new ArchCondition<>("depend only on Spring, Jakarta, the JDK, Axon's gateways, messages, web and the api's ports") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                controller.getDirectDependenciesFromSelf().forEach(dependency -> {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (!allowed(controller, target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }

    private static boolean allowed(JavaClass controller, JavaClass target) {
        String name = target.getName();
        String pkg = target.getPackageName();
        if (target.isPrimitive() || pkg.equals(controller.getPackageName()) || pkg.startsWith(controller.getPackageName() + ".")
                || ALLOWED.stream().anyMatch(name::startsWith)) {
            return true;
        }
        if (!pkg.startsWith("dev.gigstream.api.")) {
            return false;
        }
        boolean pastThePorts = PAST_THE_PORTS.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."));
        return !pastThePorts;
    }
}
