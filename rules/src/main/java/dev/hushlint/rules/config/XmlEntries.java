package dev.hushlint.rules.config;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * XML configuration read with StAX (no DTDs, no external entities): Maven {@code settings.xml}
 * {@code <password>}, log4j2/logback appender passwords, Tomcat {@code context.xml} resources, Spring and
 * Hibernate {@code <property name="…password" value="…"/>}, servlet {@code <init-param>} pairs.
 */
final class XmlEntries {

    private static final Set<String> PAIR_ELEMENTS = Set.of("property", "entry", "param", "parameter", "add",
            "constant", "env", "environment", "variable", "setting", "option", "init-param", "context-param");
    private static final Set<String> NAME_CHILDREN = Set.of("name", "param-name", "key");
    private static final Set<String> VALUE_CHILDREN = Set.of("value", "param-value");

    private XmlEntries() {
    }

    private static final class Element {
        final String name;
        final int line;
        final StringBuilder text = new StringBuilder();
        boolean children;
        String pairName;
        String childName;
        String childValue;
        int childValueLine;

        Element(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }

    static List<ConfigEntry> read(String text) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        XMLStreamReader r = factory.createXMLStreamReader(new StringReader(text));
        List<ConfigEntry> out = new ArrayList<>();
        Deque<Element> stack = new ArrayDeque<>();
        try {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (!stack.isEmpty()) {
                        stack.peek().children = true;
                    }
                    String name = localName(r.getLocalName());
                    int line = r.getLocation().getLineNumber();
                    Element e = new Element(name, line);
                    String pairName = null;
                    String pairValue = null;
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        String attr = localName(r.getAttributeLocalName(i));
                        String value = r.getAttributeValue(i);
                        String lower = attr.toLowerCase(Locale.ROOT);
                        if (lower.equals("name") || lower.equals("key")) {
                            pairName = value;
                        } else if (lower.equals("value")) {
                            pairValue = value;
                        } else {
                            out.add(new ConfigEntry(name + "@" + attr, attr, value, line));
                        }
                    }
                    if (pairName != null && PAIR_ELEMENTS.contains(name.toLowerCase(Locale.ROOT))) {
                        e.pairName = pairName;
                        if (pairValue != null) {
                            out.add(new ConfigEntry(name + "[" + pairName + "]", pairName, pairValue, line));
                        }
                    }
                    stack.push(e);
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (!stack.isEmpty()) {
                        stack.peek().text.append(r.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    Element e = stack.pop();
                    String value = e.text.toString().strip();
                    Element parent = stack.peek();
                    if (!e.children && !value.isEmpty()) {
                        String lower = e.name.toLowerCase(Locale.ROOT);
                        if (parent != null && NAME_CHILDREN.contains(lower)) {
                            parent.childName = value;
                        } else if (parent != null && VALUE_CHILDREN.contains(lower)) {
                            parent.childValue = value;
                            parent.childValueLine = e.line;
                        } else if (e.pairName != null) {
                            out.add(new ConfigEntry(e.name + "[" + e.pairName + "]", e.pairName, value, e.line));
                        } else {
                            out.add(new ConfigEntry(path(stack, e.name), e.name, value, e.line));
                        }
                    }
                    if (e.childName != null && e.childValue != null) {
                        out.add(new ConfigEntry(path(stack, e.name) + "[" + e.childName + "]", e.childName,
                                e.childValue, e.childValueLine));
                    }
                }
            }
        } finally {
            r.close();
        }
        return out;
    }

    private static String localName(String name) {
        int colon = name.indexOf(':');
        return colon >= 0 ? name.substring(colon + 1) : name;
    }

    private static String path(Deque<Element> stack, String last) {
        StringBuilder b = new StringBuilder();
        var it = stack.descendingIterator();
        while (it.hasNext()) {
            b.append('/').append(it.next().name);
        }
        return b.append('/').append(last).toString();
    }
}
