package io.quire.merge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The merge engine stays pure, and only the sandbox package touches the polyglot runtime. */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.quire.merge");
    }

    @Test
    void onlyTheScriptPackageTouchesGraalVm() {
        noClasses().that().resideOutsideOfPackage("io.quire.merge.js..")
                .should().dependOnClassesThat().resideInAPackage("org.graalvm..").check(classes);
    }

    @Test
    void nothingReadsFilesOrTheNetwork() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..").check(classes);
        noClasses().should().dependOnClassesThat().belongToAnyOf(File.class, FileInputStream.class, FileOutputStream.class,
                FileReader.class, FileWriter.class, RandomAccessFile.class).check(classes);
    }

    @Test
    void nothingReadsTheClockOrRandomness() {
        noClasses().should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(Math.class, "random")
                .check(classes);
        noClasses().should().dependOnClassesThat().belongToAnyOf(Random.class, SecureRandom.class, ThreadLocalRandom.class, Clock.class)
                .check(classes);
    }
}
