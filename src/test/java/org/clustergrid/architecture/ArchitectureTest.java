package org.clustergrid.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Domain, geometry, ingest, store, index, network, scoring, scenario, portfolio, report, render, surface, coverage,
 * filter, raster and register code stay free of Spring and HTTP.
 */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.clustergrid");

    @Test
    void coreIsFreeOfSpringAndHttp() {
        noClasses().that().resideInAnyPackage("org.clustergrid.model..", "org.clustergrid.geo..",
                        "org.clustergrid.ingest..", "org.clustergrid.store..", "org.clustergrid.index..",
                        "org.clustergrid.network..", "org.clustergrid.scoring..", "org.clustergrid.render..",
                        "org.clustergrid.surface..", "org.clustergrid.coverage..", "org.clustergrid.filter..",
                        "org.clustergrid.layers..", "org.clustergrid.regions..", "org.clustergrid.raster..",
                        "org.clustergrid.scenario..", "org.clustergrid.portfolio..", "org.clustergrid.report..",
                        "org.clustergrid.register..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void modelDependsOnJtsOnly() {
        noClasses().that().resideInAPackage("org.clustergrid.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.clustergrid.store..", "org.clustergrid.ingest..",
                        "org.clustergrid.api..", "org.clustergrid.app..", "org.geotools..", "com.fasterxml..")
                .check(CLASSES);
    }
}
