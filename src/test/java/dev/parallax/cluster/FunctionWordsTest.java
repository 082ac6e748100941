package dev.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.text.Token;
import dev.parallax.text.WordTokenizer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FunctionWordsTest {
    @Test
    @DisplayName("German that writes 'in' and 'an' is told from English, though its share of English words passes")
    void germanWithSharedWords() {
        FunctionWords.Tally t = tally("Der Bundestag hat am Donnerstag in Berlin ein neues Gesetz beschlossen, das die"
                + " Regeln für die Mieten in den großen Städten verschärft und Vermieter stärker in die Pflicht nimmt.");

        assertThat(t.english()).isEqualTo(3); // in, in, in
        assertThat(t.mostlyForeign()).isTrue();
    }

    @Test
    @DisplayName("French, Spanish, Italian, Portuguese and Dutch reports are mostly foreign")
    void otherLanguages() {
        assertThat(tally("Le gouvernement a annoncé mardi une nouvelle loi sur les loyers dans les grandes villes,"
                + " qui sera votée par le Parlement avant la fin de l'année.").mostlyForeign()).isTrue();
        assertThat(tally("El gobierno anunció el martes una nueva ley para los alquileres en las grandes ciudades,"
                + " que será votada por el Congreso antes del final del año.").mostlyForeign()).isTrue();
        assertThat(tally("Il governo ha annunciato martedì una nuova legge per gli affitti nelle grandi città, che"
                + " sarà votata dal Parlamento entro la fine dell'anno.").mostlyForeign()).isTrue();
        assertThat(tally("O governo anunciou na terça-feira uma nova lei para os aluguéis nas grandes cidades, que"
                + " será votada pelo Congresso até o fim do ano.").mostlyForeign()).isTrue();
        assertThat(tally("De regering heeft dinsdag een nieuwe wet voor de huren in de grote steden aangekondigd,"
                + " die voor het einde van het jaar door het parlement wordt gestemd.").mostlyForeign()).isTrue();
    }

    @Test
    @DisplayName("an English report quoting a foreign phrase stays English")
    void englishWithQuote() {
        FunctionWords.Tally t = tally("The president of France said on Tuesday that the reform \"est une nécessité"
                + " pour le pays\" and that it would be put to a vote in the parliament before the end of the year.");

        assertThat(t.mostlyForeign()).isFalse();
        assertThat(t.english()).isGreaterThan(t.foreign());
    }

    private static FunctionWords.Tally tally(String text) {
        List<String> words = WordTokenizer.tokenize(text).stream().filter(Token::isWord).map(Token::lower).toList();
        return FunctionWords.tally(words);
    }
}
