package dev.parallax.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
    private static final Charset LATIN = Charset.forName("windows-1252");

    @Test
    @DisplayName("the HTTP header's charset wins over the document's declaration")
    void headerFirst() {
        byte[] body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><t>café</t>".getBytes(LATIN);

        TextDecoder.Decoded d = TextDecoder.decode(body, "text/xml; charset=ISO-8859-1");

        assertThat(d.text()).contains("café");
        assertThat(d.warning()).isEmpty();
    }

    @Test
    @DisplayName("a byte-order mark decides, and is not part of the text")
    void byteOrderMark() {
        byte[] text = "<rss>naïve</rss>".getBytes(StandardCharsets.UTF_16LE);
        byte[] body = new byte[text.length + 2];
        body[0] = (byte) 0xFF;
        body[1] = (byte) 0xFE;
        System.arraycopy(text, 0, body, 2, text.length);

        assertThat(TextDecoder.decode(body, "text/xml").text()).isEqualTo("<rss>naïve</rss>");
    }

    @Test
    @DisplayName("the XML declaration or the HTML meta tag names the charset when the header does not")
    void declarations() {
        byte[] xml = "<?xml version='1.0' encoding='windows-1251'?><t>Привет</t>".getBytes(Charset.forName("windows-1251"));
        byte[] html = "<html><head><meta charset=\"iso-8859-1\"></head><body>Zürich</body></html>".getBytes(LATIN);

        assertThat(TextDecoder.decode(xml, "application/xml").text()).contains("Привет");
        assertThat(TextDecoder.decode(html, "text/html").text()).contains("Zürich");
    }

    @Test
    @DisplayName("undeclared bytes that are not UTF-8 are read as windows-1252, with a warning")
    void undeclaredLatin() {
        TextDecoder.Decoded d = TextDecoder.decode("<rss>São Paulo</rss>".getBytes(LATIN), "");

        assertThat(d.text()).isEqualTo("<rss>São Paulo</rss>");
        assertThat(d.warning()).hasValueSatisfying(w -> assertThat(w).contains("windows-1252"));
    }

    @Test
    @DisplayName("a UTF-8 body with a few broken bytes keeps its text, the bad bytes replaced, with a warning")
    void brokenUtf8() {
        byte[] good = "<t>ok ü ".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[good.length + 2];
        System.arraycopy(good, 0, body, 0, good.length);
        body[good.length] = (byte) 0xC3;
        body[good.length + 1] = (byte) 0x28;

        TextDecoder.Decoded d = TextDecoder.decode(body, "text/xml; charset=utf-8");

        assertThat(d.text()).startsWith("<t>ok ü ").contains("\uFFFD");
        assertThat(d.warning()).isPresent();
    }
}
