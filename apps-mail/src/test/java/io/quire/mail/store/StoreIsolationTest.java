package io.quire.mail.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The mail store and model compile against the SDK only (style guide §1: apps-mail ─► sdk, the
 * server at test time only), and the model knows nothing of the store or the protocols.
 */
class StoreIsolationTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("io.quire.mail.store", "io.quire.mail.model");

    @Test
    void theStoreUsesTheSdkNeverTheServerOrGit() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.quire.server..", "org.eclipse.jgit..")
                .check(MAIN);
    }

    @Test
    void theModelDependsOnNothingOfTheStoreOrProtocols() {
        noClasses().that().resideInAPackage("io.quire.mail.model..").should().dependOnClassesThat()
                .resideInAnyPackage("io.quire.mail.store..", "io.quire.mail.imap..", "io.quire.mail.users..", "io.vertx..")
                .check(MAIN);
    }

    @Test
    void theStoreDoesNotReachIntoProtocolsOrUsers() {
        noClasses().that().resideInAPackage("io.quire.mail.store..").should().dependOnClassesThat()
                .resideInAnyPackage("io.quire.mail.imap..", "io.quire.mail.users..", "io.quire.mail.app..", "io.quire.mail.cli..")
                .check(MAIN);
    }
}
