package io.livepush.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.segment.PublishedFile;
import io.livepush.segment.SegmentStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaylistViewsTest {

    @TempDir
    Path root;

    private static final String ONE = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\na.ts\n";
    private static final String TWO = ONE + "#EXTINF:2,\nb.ts\n";

    private void put(SegmentStore store, Path file, String text) throws Exception {
        store.write(file, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1 << 20, true);
    }

    @Test
    void aPublishedPlaylistRefreshesItsViewAndTellsTheListeners() throws Exception {
        SegmentStore store = new SegmentStore(root);
        PlaylistViews views = new PlaylistViews();
        store.addListener(views);
        List<Long> heard = new ArrayList<>();
        views.addListener(file -> heard.add(views.view(file).nextMediaSequence()));
        Path file = root.resolve("acme/cam/index.m3u8");

        put(store, file, ONE);
        assertThat(views.view(file).nextMediaSequence()).isEqualTo(1);
        put(store, file, TWO);

        assertThat(views.view(file).nextMediaSequence()).isEqualTo(2);
        assertThat(heard).containsExactly(1L, 2L);
    }

    @Test
    void aPublishThatCarriesItsBytesIsParsedFromThemWithoutReadingTheFile() throws Exception {
        PlaylistViews views = new PlaylistViews();
        Path file = Files.writeString(root.resolve("index.m3u8"), ONE);
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);

        views.written(new PublishedFile(file, attributes, TWO.getBytes(StandardCharsets.UTF_8)));

        assertThat(views.view(file).segments()).as("the bytes published, not the file").hasSize(2);
        assertThat(views.published(file).content()).asString(StandardCharsets.UTF_8).isEqualTo(TWO);
    }

    @Test
    void aPublishWithoutItsBytesIsReadFromTheFileOnFirstUse() throws Exception {
        PlaylistViews views = new PlaylistViews();
        Path file = Files.writeString(root.resolve("index.m3u8"), ONE);
        assertThat(views.view(file).segments()).hasSize(1);
        Files.writeString(file, TWO);

        views.written(new PublishedFile(file, Files.readAttributes(file, BasicFileAttributes.class), null));

        assertThat(views.view(file).segments()).hasSize(2);
        Files.delete(file);
        views.written(new PublishedFile(file, Files.readAttributes(root, BasicFileAttributes.class), null));
        assertThat(views.view(file)).as("gone before its first reader").isNull();
    }

    @Test
    void aPlaylistStoredBeforeStartIsReadOnFirstUse() throws Exception {
        Path file = Files.writeString(root.resolve("index.m3u8"), TWO);

        assertThat(new PlaylistViews().view(file).segments()).hasSize(2);
    }

    @Test
    void segmentsMasterPlaylistsBrokenAndRemovedPlaylistsHaveNoView() throws Exception {
        SegmentStore store = new SegmentStore(root);
        PlaylistViews views = new PlaylistViews();
        store.addListener(views);
        Path master = root.resolve("master.m3u8");
        Path broken = root.resolve("broken.m3u8");
        Path media = root.resolve("index.m3u8");
        put(store, master, "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nindex.m3u8\n");
        put(store, broken, "#EXTM3U\n#EXTINF:2,\n");
        put(store, media, ONE);
        put(store, root.resolve("a.ts"), "not a playlist");

        store.delete(media);

        assertThat(views.view(master)).isNull();
        assertThat(views.view(broken)).isNull();
        assertThat(views.view(media)).isNull();
        assertThat(views.view(root.resolve("a.ts"))).isNull();
    }
}
