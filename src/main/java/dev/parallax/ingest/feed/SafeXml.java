package dev.parallax.ingest.feed;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.parser.Parser;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses feed XML without ever expanding an entity or touching a DTD: the DOCTYPE is cut out before
 * parsing (so XXE and "billion laughs" have nothing to work with), the strict parser forbids
 * DOCTYPEs and external access anyway, and a document that is not well-formed is re-read by
 * jsoup's lenient XML parser, which knows no DTDs at all.
 */
final class SafeXml {
    private static final Pattern PROLOG_ITEM = Pattern.compile("\\G\\s*(<\\?.*?\\?>|<!--.*?-->)", Pattern.DOTALL);
    private static final Pattern DOCTYPE_START = Pattern.compile("\\G\\s*<!DOCTYPE", Pattern.CASE_INSENSITIVE);

    /** The parsed document and whether it was read strictly, plus what was wrong with it. */
    record Parsed(Document document, List<String> warnings) {
    }

    private SafeXml() {
    }

    static Parsed parse(String xml) {
        java.util.ArrayList<String> warnings = new java.util.ArrayList<>();
        String text = stripDoctype(xml, warnings);
        try {
            return new Parsed(strictBuilder().parse(new InputSource(new StringReader(text))), List.copyOf(warnings));
        } catch (SAXParseException e) {
            warnings.add("not well-formed XML (line " + e.getLineNumber() + ": " + e.getMessage()
                    + "); read leniently");
        } catch (SAXException | IOException e) {
            warnings.add("unreadable XML (" + e.getMessage() + "); read leniently");
        }
        org.jsoup.nodes.Document lenient = Jsoup.parse(text, "", Parser.xmlParser());
        return new Parsed(new W3CDom().fromJsoup(lenient), List.copyOf(warnings));
    }

    /** The text with its DOCTYPE declaration (and any internal subset of entity definitions) removed. */
    static String stripDoctype(String xml, List<String> warnings) {
        int pos = 0;
        Matcher prolog = PROLOG_ITEM.matcher(xml);
        while (prolog.find(pos) && prolog.start() == pos) {
            pos = prolog.end();
        }
        Matcher doctype = DOCTYPE_START.matcher(xml);
        if (!doctype.find(pos)) {
            return xml;
        }
        int end = doctypeEnd(xml, doctype.end());
        String declaration = xml.substring(doctype.start(), end);
        if (declaration.contains("<!ENTITY") || declaration.contains("<!entity")) {
            warnings.add("the feed declares XML entities; they were ignored (no entity is ever expanded)");
        }
        return xml.substring(0, doctype.start()) + xml.substring(end);
    }

    // End of "<!DOCTYPE name ... [ internal subset ]>", skipping quoted strings and the subset.
    private static int doctypeEnd(String s, int from) {
        boolean inSubset = false;
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                inSubset = true;
            } else if (c == ']') {
                inSubset = false;
            } else if (c == '>' && !inSubset) {
                return i + 1;
            }
        }
        return s.length();
    }

    private static final DocumentBuilderFactory FACTORY = strictFactory();

    private static DocumentBuilder strictBuilder() {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a security feature", e);
        }
    }

    private static DocumentBuilderFactory strictFactory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a security feature", e);
        }
    }
}
