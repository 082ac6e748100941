package dev.parallax.summarize.llm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LlmIsolationTest {
    @Test
    @DisplayName("only summarize.llm imports langchain4j")
    void langchainStaysInItsPackage() {
        noClasses().that().resideOutsideOfPackage("dev.parallax.summarize.llm..")
                .should().dependOnClassesThat().resideInAPackage("dev.langchain4j..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.parallax"));
    }
}
