package dev.gigstream.push;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The packages of the push client depend on each other without a cycle (docs/architecture.md). */
class PackageCyclesTest {

    @Test
    void thePackagesHaveNoCycle() {
        slices().matching("dev.gigstream.(**)").should().beFreeOfCycles()
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.gigstream.push"));
    }
}
