package io.quire.mail.imap.handler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The server's layers (style guide §4.4–4.5): handlers and the session never see bytes, sockets or Vert.x, and never
 * reach into the receiver; only {@code imap.server} does I/O; nothing below the server knows it.
 */
class ServerLayersTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("io.quire.mail.imap.session", "io.quire.mail.imap.handler", "io.quire.mail.imap.server");

    @Test
    void handlersAndSessionsNeverSeeBytesOrIo() {
        noClasses().that().resideInAnyPackage("io.quire.mail.imap.session..", "io.quire.mail.imap.handler..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "java.net..", "java.nio.channels..",
                        "io.quire.mail.imap.server..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.quire.mail.imap.encode.ResponseWriter")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.quire.mail.imap.protocol.ImapReceiver")
                .check(CLASSES);
    }

    @Test
    void theSessionKnowsNoHandler() {
        noClasses().that().resideInAPackage("io.quire.mail.imap.session..").should().dependOnClassesThat()
                .resideInAPackage("io.quire.mail.imap.handler..").check(CLASSES);
    }

    @Test
    void theServerUsesTheStoreOnlyThroughTheInterface() {
        noClasses().that().resideInAnyPackage("io.quire.mail.imap..").should().dependOnClassesThat()
                .resideInAnyPackage("io.quire.server..", "io.quire.mail.users..", "org.eclipse.jgit..")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("DatabaseUserMail")
                .check(CLASSES);
    }

    @Test
    void onlyTheServiceFactoryKnowsTheMailApp() {
        noClasses().that().doNotHaveSimpleName("ImapServiceFactory").should().dependOnClassesThat()
                .resideInAPackage("io.quire.mail.app..").check(CLASSES);
    }
}
