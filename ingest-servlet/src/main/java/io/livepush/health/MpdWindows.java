package io.livepush.health;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads the Representations of a DASH MPD as {@link RenditionWindow}s. Each Representation of the last Period whose
 * segments can be listed counts: a {@code SegmentTemplate} (on the Representation or its AdaptationSet) with a
 * {@code SegmentTimeline}, as ffmpeg writes by default. A template with only {@code @duration} names no segment list,
 * so such a Representation is left out. {@code type="static"} means the encoder ended the stream. The XML parser
 * refuses DOCTYPEs and external entities: the MPD comes from an encoder, not from us.
 */
final class MpdWindows {

    private MpdWindows() {
    }

    /**
     * The windows of the MPD {@code content} stored at {@code file}, by Representation id, in document order; empty
     * when it is not a readable MPD.
     */
    static Map<String, RenditionWindow> of(byte[] content, Path slotDirectory, Path file, int maxSegments) {
        Element mpd;
        try {
            mpd = parse(content).getDocumentElement();
        } catch (IOException | SAXException e) {
            return Map.of();
        }
        if (!"MPD".equals(mpd.getLocalName())) {
            return Map.of();
        }
        boolean ended = "static".equals(mpd.getAttribute("type"));
        List<Element> periods = children(mpd, "Period");
        Map<String, RenditionWindow> windows = new LinkedHashMap<>();
        if (periods.isEmpty()) {
            return windows;
        }
        for (Element set : children(periods.get(periods.size() - 1), "AdaptationSet")) {
            for (Element representation : children(set, "Representation")) {
                Element template = first(representation, "SegmentTemplate");
                if (template == null) {
                    template = first(set, "SegmentTemplate");
                }
                String id = representation.getAttribute("id");
                RenditionWindow window = template == null || id.isEmpty() ? null
                        : window(representation, template, ended, slotDirectory, file, maxSegments);
                if (window != null) {
                    windows.put(id, window);
                }
            }
        }
        return windows;
    }

    private static RenditionWindow window(Element representation, Element template, boolean ended,
            Path slotDirectory, Path file, int maxSegments) {
        Element timeline = first(template, "SegmentTimeline");
        String media = template.getAttribute("media");
        if (timeline == null || media.isEmpty()) {
            return null;
        }
        long timescale = Math.max(1, number(template.getAttribute("timescale"), 1));
        long number = number(template.getAttribute("startNumber"), 1);
        long bandwidth = number(representation.getAttribute("bandwidth"), 0);
        String id = representation.getAttribute("id");
        List<WindowSegment> segments = new ArrayList<>();
        long time = 0;
        long longest = 0;
        for (Element s : children(timeline, "S")) {
            time = s.hasAttribute("t") ? number(s.getAttribute("t"), time) : time;
            long duration = number(s.getAttribute("d"), 0);
            long repeats = Math.max(0, number(s.getAttribute("r"), 0));
            for (long i = 0; i <= repeats; i++) {
                String name = DashTemplates.expand(media, id, number, time, bandwidth);
                segments.add(new WindowSegment(number, ManifestLinks.resolve(slotDirectory, file, name),
                        duration / (double) timescale, false));
                number++;
                time += duration;
            }
            longest = Math.max(longest, duration);
        }
        if (segments.size() > maxSegments) {
            segments = segments.subList(segments.size() - maxSegments, segments.size());
        }
        return new RenditionWindow("dash", HlsWindows.seconds(longest / (double) timescale), segments, ended,
                bandwidth > 0 ? (int) Math.min(Integer.MAX_VALUE, bandwidth / 1000) : null);
    }

    private static Document parse(byte[] content) throws IOException, SAXException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(content));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser lacks a required feature", e);
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element first(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    private static long number(String text, long fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
