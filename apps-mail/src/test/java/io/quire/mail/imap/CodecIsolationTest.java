package io.quire.mail.imap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The codec never sees a store, a session or a handler, and never does I/O (style guide §4.4: "Parsers never
 * see the store, and handlers never see bytes"); its layers depend downwards only.
 */
class CodecIsolationTest {
    private static final String PROTOCOL = "io.quire.mail.imap.protocol..";
    private static final String PARSE = "io.quire.mail.imap.parse..";
    private static final String ENCODE = "io.quire.mail.imap.encode..";
    private static final String MIME = "io.quire.mail.mime..";

    private static final JavaClasses CODEC = new ClassFileImporter()
            // Not DO_NOT_INCLUDE_TESTS: it recognises only target/test-classes, and builds may use another dir.
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("io.quire.mail.imap.protocol", "io.quire.mail.imap.parse", "io.quire.mail.imap.encode",
                    "io.quire.mail.mime");

    @Test
    void theCodecNeverSeesAStoreSessionOrHandler() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.quire.mail.store..",
                        "io.quire.mail.imap.session..", "io.quire.mail.imap.handler..", "io.quire.mail.model..",
                        "io.quire.sdk..", "io.quire.server..", "org.eclipse.jgit..")
                .check(CODEC);
    }

    @Test
    void theCodecDoesNoIo() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.file..",
                        "java.nio.channels..", "io.vertx.core.net..", "io.vertx.core.file..", "io.vertx.core.http..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.vertx.core.Vertx")
                .check(CODEC);
    }

    @Test
    void layersDependOnlyDownwards() {
        noClasses().that().resideInAPackage(PROTOCOL).should().dependOnClassesThat()
                .resideInAnyPackage(PARSE, ENCODE, MIME).check(CODEC);
        noClasses().that().resideInAPackage(MIME).should().dependOnClassesThat()
                .resideInAnyPackage("io.quire.mail.imap..").check(CODEC);
        noClasses().that().resideInAPackage(PARSE).should().dependOnClassesThat().resideInAPackage(ENCODE).check(CODEC);
        noClasses().that().resideInAPackage(ENCODE).should().dependOnClassesThat().resideInAPackage(PARSE).check(CODEC);
    }
}
