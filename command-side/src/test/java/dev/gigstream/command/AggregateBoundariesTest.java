package dev.gigstream.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Each aggregate is its own boundary (docs/architecture.md): no aggregate loads or changes another in
 * its unit of work, what a decision needs from elsewhere comes from a lookup table, and the packages of
 * the command side depend on each other without a cycle.
 */
class AggregateBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gigstream.command");
    }

    @Test
    void thePackagesOfTheCommandSideHaveNoCycle() {
        slices().matching("dev.gigstream.command.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noCommandSideClassLoadsAnAggregate() {
        noClasses().should().dependOnClassesThat().areAssignableTo(Repository.class)
                .because("a command changes the one aggregate that decides it; others are read from lookup tables")
                .check(classes);
    }

    @Test
    void anAggregateIsReachedThroughItsCommandHandlersOnly() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Aggregate.class)
                .and().arePublic().and().areNotStatic()
                .should().beAnnotatedWith(CommandHandler.class)
                .because("another aggregate calling into it would change two aggregates in one unit of work")
                .check(classes);
    }
}
