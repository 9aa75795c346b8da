package dev.gigstream.api.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Every production class of {@code dev.gigstream} (no test classes), imported by ArchUnit once per JVM:
 * the import reads every module and what it depends on, and the architecture tests of one JVM all check
 * the same classes.
 */
public final class ProductionClasses {

    private static JavaClasses classes;

    private ProductionClasses() {
    }

    public static synchronized JavaClasses all() {
        if (classes == null) {
            classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("dev.gigstream");
        }
        return classes;
    }
}
