package org.clustergrid.render;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The renderer stays free of Spring and HTTP, so it can draw outside the server (tests, batch exports). */
class RenderArchitectureTest {
    @Test
    void rendererIsFreeOfSpringAndHttp() {
        noClasses().that().resideInAPackage("org.clustergrid.render..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                        "org.clustergrid.ogc..", "org.clustergrid.api..", "org.clustergrid.app..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.clustergrid.render"));
    }
}
