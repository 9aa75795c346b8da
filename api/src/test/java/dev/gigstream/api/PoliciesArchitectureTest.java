package dev.gigstream.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.queryhandling.QueryHandler;
import dev.gigstream.api.testsupport.ProductionClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * The read side builds and answers read models; what reacts to events by sending commands lives in the
 * policies module, which asks the read side through queries and answers none itself.
 */
class PoliciesArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ProductionClasses.all();
    }

    @Test
    void theQuerySideSendsNoCommandAndPublishesNoEvent() {
        noClasses().that().resideInAPackage("dev.gigstream.query..")
                .should().dependOnClassesThat(are(or(assignableTo(CommandGateway.class), assignableTo(CommandBus.class),
                        assignableTo(EventGateway.class), assignableTo(EventBus.class), assignableTo(AggregateLifecycle.class))))
                .because("query-side only builds and answers read models; policies send commands")
                .check(classes);
    }

    @Test
    void policiesAnswerNoQuery() {
        noMethods().that().areDeclaredInClassesThat().resideInAPackage("dev.gigstream.policies..")
                .should().beAnnotatedWith(QueryHandler.class)
                .because("read models are answered by query-side")
                .check(classes);
    }

    @Test
    void policiesReadOtherReadModelsThroughQueriesOnly() {
        noClasses().that().resideInAPackage("dev.gigstream.policies..")
                .should().dependOnClassesThat(are(resideInAPackage("dev.gigstream.query..")
                        .and(annotatedWith(Component.class))))
                .because("a policy asks through the QueryGateway, never another projection's bean")
                .check(classes);
    }

    @Test
    void policiesAreReachedByTheApplicationAlone() {
        noClasses().that().resideInAnyPackage("dev.gigstream.messages..", "dev.gigstream.command..", "dev.gigstream.sagas..",
                        "dev.gigstream.query..", "dev.gigstream.paystack..")
                .should().dependOnClassesThat().resideInAPackage("dev.gigstream.policies..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.gigstream.policies..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gigstream.command..", "dev.gigstream.sagas..",
                        "dev.gigstream.api..", "dev.gigstream.paystack..")
                .check(classes);
    }
}
