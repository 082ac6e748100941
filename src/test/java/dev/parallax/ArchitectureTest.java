package dev.parallax;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.parallax");

    @Test
    @DisplayName("only chat.slack imports the Slack SDK and only chat.discord imports JDA")
    void chatSdksStayInTheirAdapters() {
        noClasses().that().resideOutsideOfPackage("dev.parallax.chat.slack..")
                .should().dependOnClassesThat().resideInAPackage("com.slack..").check(CLASSES);
        noClasses().that().resideOutsideOfPackage("dev.parallax.chat.discord..")
                .should().dependOnClassesThat().resideInAPackage("net.dv8tion..").check(CLASSES);
    }

    @Test
    @DisplayName("only ingest imports feed, HTML and article-extraction libraries")
    void parsersStayInIngest() {
        noClasses().that().resideOutsideOfPackage("dev.parallax.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jsoup..", "com.rometools..",
                        "net.dankito.readability4j..", "org.jdom2..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("ingest depends on the store and the core, never on the app, chat or scheduling")
    void ingestStaysBelowTheApp() {
        noClasses().that().resideInAPackage("dev.parallax.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.parallax.app..", "dev.parallax.chat..",
                        "dev.parallax.schedule..", "dev.parallax.digest..", "dev.parallax.ops..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("the core (claims, summarize, cluster, model, text) never reaches the app, chat or scheduling")
    void coreDependsOnNothingAbove() {
        noClasses().that().resideInAnyPackage("dev.parallax.claims..", "dev.parallax.summarize..",
                        "dev.parallax.cluster..", "dev.parallax.model..", "dev.parallax.text..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.parallax.app..", "dev.parallax.chat..",
                        "dev.parallax.schedule..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("dev.parallax.claims..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.parallax.store..").check(CLASSES);
    }
}
