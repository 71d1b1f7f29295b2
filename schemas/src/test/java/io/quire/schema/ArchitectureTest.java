package io.quire.schema;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The schemas module sits at the bottom of the module graph (STYLE.md §1): it uses nothing else from
 * Quire, and its parser and validator are independent of each other over the shared model.
 */
@AnalyzeClasses(packages = "io.quire.schema", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule schemaDependsOnNothingElseFromQuire = noClasses()
            .that().resideInAPackage("io.quire.schema..")
            .should().dependOnClassesThat(resideInAPackage("io.quire..").and(resideOutsideOfPackage("io.quire.schema..")));

    @ArchTest
    static final ArchRule parseDoesNotDependOnValidate = noClasses()
            .that().resideInAPackage("io.quire.schema.parse..")
            .should().dependOnClassesThat().resideInAPackage("io.quire.schema.validate..");

    @ArchTest
    static final ArchRule validateDoesNotDependOnParse = noClasses()
            .that().resideInAPackage("io.quire.schema.validate..")
            .should().dependOnClassesThat().resideInAPackage("io.quire.schema.parse..");

    @ArchTest
    static final ArchRule modelDependsOnNeitherParseNorValidate = noClasses()
            .that().resideInAPackage("io.quire.schema")
            .should().dependOnClassesThat().resideInAnyPackage("io.quire.schema.parse..", "io.quire.schema.validate..");
}
