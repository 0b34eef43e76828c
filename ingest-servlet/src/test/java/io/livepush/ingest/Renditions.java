package io.livepush.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The renditions of the HLS playlists and DASH manifests ffmpeg stored, read as far as {@link FfmpegPushIT} needs:
 * which numbered segments each one lists and which it keeps in storage. Only the naming ffmpeg uses with
 * {@link FfmpegCommands} is understood.
 */
final class Renditions {

    private static final Pattern NUMBERED = Pattern.compile("([^/]*?)(\\d+)(\\.[a-z0-9]+)");
    private static final String NUMBER_05 = "$Number%05d$";

    private Renditions() {
    }

    /**
     * One rendition as the final playlist or manifest lists it.
     *
     * @param playlist     the HLS media playlist or the DASH manifest that lists it
     * @param listed       the numbers of the segments listed, oldest first
     * @param firstNumber  the number of the first segment ffmpeg wrote (HLS 0, DASH 1)
     * @param keptUnlisted how many segments before the listed ones ffmpeg keeps before deleting one
     * @param init         the initialisation segment, {@code null} for MPEG-TS
     */
    record Rendition(String name, Path playlist, String contentType, Path directory, String prefix, String suffix,
            List<Integer> listed, int firstNumber, int keptUnlisted, Path init) {

        Path segment(int number) {
            return directory.resolve(prefix + String.format("%05d", number) + suffix);
        }

        /** The segments ffmpeg must have deleted: every one before those listed and those it keeps unlisted. */
        List<Integer> mustBeGone() {
            return IntStream.range(firstNumber, listed.get(0) - keptUnlisted).boxed().toList();
        }

        /** How many segments ffmpeg wrote: it numbers them without gaps, up to the newest listed or stored one. */
        int created() throws IOException {
            int newest = Stream.concat(listed.stream(), stored().stream()).mapToInt(Integer::intValue).max()
                    .orElse(firstNumber - 1);
            return newest - firstNumber + 1;
        }

        /** The numbers of this rendition's segments in storage now. */
        List<Integer> stored() throws IOException {
            try (Stream<Path> files = Files.list(directory)) {
                return files.map(file -> file.getFileName().toString())
                        .filter(file -> file.startsWith(prefix) && file.endsWith(suffix))
                        .map(file -> file.substring(prefix.length(), file.length() - suffix.length()))
                        .filter(number -> number.chars().allMatch(Character::isDigit))
                        .map(Integer::valueOf).sorted().toList();
            }
        }
    }

    /** The URI lines of an M3U8 playlist; they must be relative, or viewers would be sent to the ingest URL. */
    static List<String> uris(Path playlist) throws IOException {
        List<String> uris = Files.readAllLines(playlist).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(uris).as("URIs in " + playlist).allSatisfy(uri -> assertThat(uri).doesNotContain("://")
                .doesNotStartWith("/"));
        return uris;
    }

    /** An HLS media playlist of numbered MPEG-TS segments in its own directory. */
    static Rendition hls(Path playlist, int keptUnlisted) throws IOException {
        List<Integer> numbers = new ArrayList<>();
        String prefix = null;
        String suffix = null;
        for (String uri : uris(playlist)) {
            Matcher matcher = NUMBERED.matcher(uri);
            assertThat(matcher.matches()).as("a numbered segment in " + playlist + ": " + uri).isTrue();
            assertThat(prefix == null || prefix.equals(matcher.group(1)) && suffix.equals(matcher.group(3)))
                    .as("one naming in " + playlist).isTrue();
            prefix = matcher.group(1);
            suffix = matcher.group(3);
            numbers.add(Integer.valueOf(matcher.group(2)));
        }
        assertThat(numbers).as("segments in " + playlist).isNotEmpty().isSorted();
        return new Rendition(playlist.toString(), playlist, "video", playlist.getParent(), prefix, suffix, numbers, 0,
                keptUnlisted, null);
    }

    /** Every representation of a DASH manifest with a numbered {@code SegmentTemplate} and a timeline. */
    static List<Rendition> dash(Path manifest, int keptUnlisted) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document mpd = factory.newDocumentBuilder().parse(manifest.toFile());
        assertThat(mpd.getDocumentElement().getLocalName()).isEqualTo("MPD");
        NodeList representations = mpd.getElementsByTagNameNS("*", "Representation");
        List<Rendition> renditions = new ArrayList<>();
        for (int i = 0; i < representations.getLength(); i++) {
            renditions.add(dashRendition(manifest, (Element) representations.item(i), keptUnlisted));
        }
        return renditions;
    }

    private static Rendition dashRendition(Path manifest, Element representation, int keptUnlisted) {
        String id = representation.getAttribute("id");
        Element adaptationSet = (Element) representation.getParentNode();
        Element template = child(representation, "SegmentTemplate");
        if (template == null) {
            template = child(adaptationSet, "SegmentTemplate");
        }
        assertThat(template).as("SegmentTemplate of representation " + id + " in " + manifest).isNotNull();
        String media = template.getAttribute("media").replace("$RepresentationID$", id);
        assertThat(media).as("media template").contains(NUMBER_05).doesNotContain("/");
        int start = template.hasAttribute("startNumber") ? Integer.parseInt(template.getAttribute("startNumber")) : 1;
        Element timeline = child(template, "SegmentTimeline");
        assertThat(timeline).as("SegmentTimeline of representation " + id).isNotNull();
        int count = 0;
        NodeList entries = timeline.getElementsByTagNameNS("*", "S");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            count += 1 + (entry.hasAttribute("r") ? Integer.parseInt(entry.getAttribute("r")) : 0);
        }
        Path directory = manifest.getParent();
        String contentType = adaptationSet.getAttribute("contentType");
        return new Rendition("representation " + id + " (" + contentType + ") of " + manifest, manifest, contentType,
                directory, media.substring(0, media.indexOf(NUMBER_05)),
                media.substring(media.indexOf(NUMBER_05) + NUMBER_05.length()),
                IntStream.range(start, start + count).boxed().toList(), 1, keptUnlisted,
                directory.resolve(template.getAttribute("initialization").replace("$RepresentationID$", id)));
    }

    private static Element child(Element parent, String localName) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }
}
