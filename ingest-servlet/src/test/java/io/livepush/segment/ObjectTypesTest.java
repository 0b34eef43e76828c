package io.livepush.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.origin.OriginConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ObjectTypesTest {

    /** A container that maps what a stock Tomcat's conf/web.xml maps, and would turn these into documents. */
    private static final Function<String, String> CONTAINER = name -> name.endsWith(".html") ? "text/html"
            : name.endsWith(".png") ? "image/png" : null;

    @ParameterizedTest
    @CsvSource({"index.m3u8, application/vnd.apple.mpegurl", "stream.mpd, application/dash+xml",
            "seg_1.ts, video/mp2t", "chunk-stream0-00001.m4s, video/iso.segment", "a.mp4, video/mp4",
            "a.m4v, video/mp4", "a.cmfv, video/mp4", "a.m4a, audio/mp4", "a.cmfa, audio/mp4", "a.cmft, application/mp4",
            "a.aac, audio/aac", "a.ac3, audio/ac3", "a.ec3, audio/eac3", "a.mp3, audio/mpeg", "a.vtt, text/vtt",
            "a.webvtt, text/vtt", "a.ttml, application/ttml+xml", "a.dfxp, application/ttml+xml",
            "a.srt, application/x-subrip", "a.key, application/octet-stream", "a.json, application/json",
            "a.xml, application/xml", "a.init, video/mp4", "SEG_1.TS, video/mp2t", "Subs.TTML, application/ttml+xml"})
    void everyListedExtensionHasAnExplicitType(String name, String type) {
        assertThat(ObjectTypes.of(name, CONTAINER).contentType()).isEqualTo(type);
    }

    @Test
    void everyExtensionEncodersMayUploadByDefaultIsListed() {
        for (String extension : OriginConfig.DEFAULT_EXTENSIONS.split(" ")) {
            assertThat(ObjectTypes.byExtension()).as(extension).containsKey(extension);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"init", "INIT", "init-stream0", "init_720p", "init.html", "Init.SVG", "initial"})
    void initNamesWithoutAListedExtensionAreInitSegments(String name) {
        assertThat(ObjectTypes.of(name, CONTAINER)).isEqualTo(ObjectTypes.INIT_SEGMENT);
        assertThat(ObjectTypes.INIT_SEGMENT.contentType()).isEqualTo("video/mp4");
    }

    @Test
    void initNamesWithAListedExtensionGoByTheExtension() {
        assertThat(ObjectTypes.of("init-stream0.m4s", CONTAINER).contentType()).isEqualTo("video/iso.segment");
        assertThat(ObjectTypes.of("init.mp4", CONTAINER).contentType()).isEqualTo("video/mp4");
    }

    @ParameterizedTest
    @CsvSource({"init.html, true", "INIT.SVG, true", "init-1.xhtml, true", "init, false", "init-stream0, false",
            "init.mp4, false", "init-stream0.m4s, false", "index.html, false", "seg.ts, false", "in, false"})
    void onlyInitNamesWithAnUnlistedExtensionOverrideTheContainersType(String name, boolean overrides) {
        assertThat(ObjectTypes.overridesContainerType(name)).isEqualTo(overrides);
    }

    @Test
    void otherNamesGetTheContainersTypeOrOctetStream() {
        assertThat(ObjectTypes.of("thumb.png", CONTAINER)).isEqualTo(new ObjectType("image/png",
                ObjectType.DOCUMENT_POLICY));
        assertThat(ObjectTypes.of("page.html", CONTAINER).securityPolicy()).isEqualTo(ObjectType.DOCUMENT_POLICY);
        assertThat(ObjectTypes.of("data.bin", CONTAINER)).isEqualTo(ObjectTypes.UNKNOWN);
        assertThat(ObjectTypes.of("noextension", CONTAINER).contentType()).isEqualTo("application/octet-stream");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.m3u8", "a.ts", "a.m4s", "a.mp4", "a.m4a", "a.aac", "a.ac3", "a.ec3", "a.mp3", "a.init",
            "init"})
    void whatABrowserPlaysItselfMayLoadOnlyItsOwnMedia(String name) {
        assertThat(ObjectTypes.of(name, CONTAINER).securityPolicy()).isEqualTo(ObjectType.MEDIA_POLICY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.mpd", "a.xml", "a.ttml", "a.dfxp", "a.vtt", "a.srt", "a.json", "a.key", "a.cmft",
            "unknown.bin"})
    void whatABrowserCouldShowAsADocumentIsSandboxed(String name) {
        assertThat(ObjectTypes.of(name, CONTAINER).securityPolicy()).isEqualTo(ObjectType.DOCUMENT_POLICY);
    }

    @Test
    void neitherPolicyAllowsAnyScript() {
        for (String policy : new String[] {ObjectType.MEDIA_POLICY, ObjectType.DOCUMENT_POLICY}) {
            assertThat(policy).startsWith("default-src 'none'").doesNotContain("script-src")
                    .doesNotContain("allow-scripts").doesNotContain("unsafe");
        }
        assertThat(ObjectType.DOCUMENT_POLICY).contains("sandbox");
    }

    @Test
    void theWarsMimeMappingsAreThisTable() throws Exception {
        Document webXml = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(Path.of("src/main/webapp/WEB-INF/web.xml").toFile());
        NodeList mappings = webXml.getElementsByTagNameNS("*", "mime-mapping");
        Map<String, String> mapped = new HashMap<>();
        for (int i = 0; i < mappings.getLength(); i++) {
            Element mapping = (Element) mappings.item(i);
            mapped.put(text(mapping, "extension"), text(mapping, "mime-type"));
        }
        Map<String, String> expected = new HashMap<>();
        ObjectTypes.byExtension().forEach((extension, type) -> expected.put(extension, type.contentType()));
        assertThat(mapped).isEqualTo(expected);
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS("*", name).item(0).getTextContent().trim();
    }
}
