package io.livepush.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.testing.ExternalTools;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ffmpeg command lines {@code docs/encoders.md} documents for pushing to Live Push, with a live test source (test
 * pattern and a sine tone, in real time, for 20 s), and ffprobe to decode what was stored. Keep both in step with that
 * page: it promises that exactly these lines are tested.
 */
public final class FfmpegCommands {

    private static final Duration PROBE_LIMIT = Duration.ofSeconds(20);

    private FfmpegCommands() {
    }

    /**
     * HLS: two renditions (360p and 180p, each with audio) under {@code stream_0/} and {@code stream_1/}, a master
     * playlist, 2 s MPEG-TS segments, five in each playlist, older ones deleted with {@code DELETE}.
     *
     * @param base          the slot's ingest URL, ending in {@code /}
     * @param authorization the value of the {@code Authorization} header
     */
    static List<String> hls(String base, String authorization) {
        List<String> command = new ArrayList<>(source());
        command.addAll(List.of("-filter_complex", "[0:v]split=2[hi][lo0];[lo0]scale=320:180[lo]",
                "-map", "[hi]", "-map", "[lo]", "-map", "1:a", "-map", "1:a"));
        command.addAll(encoders());
        command.addAll(List.of("-b:v:0", "800k", "-b:v:1", "300k",
                "-f", "hls", "-hls_time", "2", "-hls_list_size", "5", "-hls_flags", "delete_segments",
                "-master_pl_name", "master.m3u8", "-var_stream_map", "v:0,a:0 v:1,a:1",
                "-method", "PUT", "-http_persistent", "1", "-headers", "Authorization: " + authorization + "\r\n",
                "-hls_segment_filename", base + "stream_%v/seg_%05d.ts", base + "stream_%v/index.m3u8"));
        return command;
    }

    /**
     * Low-latency DASH: one video and one audio representation, 2 s fMP4 segments each uploaded frame by frame in
     * one chunked PUT, five in the manifest's timeline, one more kept, older ones deleted with {@code DELETE}. The
     * header goes through {@code -http_opts}: ffmpeg 5.1's DASH muxer has no {@code -headers} and ignores it silently.
     *
     * @param base          the slot's ingest URL, ending in {@code /}
     * @param authorization the value of the {@code Authorization} header
     */
    public static List<String> dash(String base, String authorization) {
        List<String> command = new ArrayList<>(source());
        command.addAll(List.of("-map", "0:v", "-map", "1:a"));
        command.addAll(encoders());
        command.addAll(List.of("-b:v", "800k",
                "-f", "dash", "-streaming", "1", "-ldash", "1", "-seg_duration", "2",
                "-window_size", "5", "-extra_window_size", "1", "-remove_at_exit", "0",
                "-use_template", "1", "-use_timeline", "1",
                "-method", "PUT", "-http_persistent", "1",
                "-http_opts", "headers='Authorization: " + authorization + "\r\n'", base + "manifest.mpd"));
        return command;
    }

    /**
     * Low-latency DASH as docs/low-latency.md gives it: {@link #dash}'s push with 0.5 s fragments (each sent as soon
     * as it is encoded, so a player can fetch the segment in flight), a {@code SegmentTemplate} without a timeline
     * (players compute the live edge from the clock). No {@code -target_latency}: ffmpeg 5.1 leaves the manifest's
     * {@code ServiceDescription} empty with it, so the latency target is the player's setting.
     *
     * @param base          the slot's ingest URL, ending in {@code /}
     * @param authorization the value of the {@code Authorization} header
     * @param seconds       how long the test source runs
     */
    public static List<String> lowLatencyDash(String base, String authorization, int seconds) {
        List<String> command = new ArrayList<>(source(seconds));
        command.addAll(List.of("-map", "0:v", "-map", "1:a"));
        command.addAll(encoders());
        command.addAll(List.of("-b:v", "800k",
                "-f", "dash", "-streaming", "1", "-ldash", "1", "-seg_duration", "2",
                "-frag_type", "duration", "-frag_duration", "0.5",
                "-window_size", "5", "-extra_window_size", "1", "-remove_at_exit", "0",
                "-use_template", "1", "-use_timeline", "0",
                "-method", "PUT", "-http_persistent", "1",
                "-http_opts", "headers='Authorization: " + authorization + "\r\n'", base + "manifest.mpd"));
        return command;
    }

    /**
     * Decodes every frame of {@code media} (a segment, a playlist or a manifest) with ffprobe and returns the frames
     * read per stream of {@code codecType} ({@code video}, {@code audio}), in stream order. Fails on any ffprobe
     * error.
     */
    static List<Long> decodedFrames(Path media, String codecType) throws IOException, InterruptedException {
        return probe(media, true).stream().filter(fields -> fields[1].equals(codecType))
                .map(fields -> Long.parseLong(fields[2])).toList();
    }

    /**
     * The codec types ({@code video}, {@code audio}) of the streams ffprobe finds in {@code media}, in stream order,
     * without decoding everything: a live (dynamic) DASH manifest would make ffprobe wait for new segments.
     */
    static List<String> streamTypes(Path media) throws IOException, InterruptedException {
        return probe(media, false).stream().map(fields -> fields[1]).toList();
    }

    /** ffprobe's {@code index,codec_type[,nb_read_frames]} per stream of {@code media}; fails on any error. */
    private static List<String[]> probe(Path media, boolean countFrames) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error"));
        if (media.getFileName().toString().endsWith(".m3u8")) {
            // ffmpeg may cut its very last upload when it exits (SPEC §4), leaving the previous playlist, without
            // #EXT-X-ENDLIST, in place: read it from its first segment and stop after one reload instead of waiting.
            command.addAll(List.of("-live_start_index", "0", "-m3u8_hold_counters", "1"));
        }
        if (countFrames) {
            command.add("-count_frames");
        }
        // An absolute path: ffmpeg 5.1's DASH demuxer resolves segments of a relative manifest path twice.
        command.addAll(List.of("-show_entries", "stream=index,codec_type" + (countFrames ? ",nb_read_frames" : ""),
                "-of", "csv=p=0", media.toAbsolutePath().toString()));
        ExternalTools.Outcome outcome = ExternalTools.run(PROBE_LIMIT, command.toArray(String[]::new));
        assertThat(outcome.exitCode()).as("ffprobe " + media + ": " + outcome.stderr()).isZero();
        assertThat(outcome.stderr()).as("ffprobe errors for " + media).isEmpty();
        // MPEG-TS lists each stream twice (under its program and alone): keep one line per stream index.
        Map<String, String[]> streams = new LinkedHashMap<>();
        for (String line : outcome.stdout().split("\n")) {
            String[] fields = line.strip().split(",");
            if (fields.length == (countFrames ? 3 : 2)) {
                streams.put(fields[0], fields);
            }
        }
        assertThat(streams).as("streams ffprobe found in " + media).isNotEmpty();
        return List.copyOf(streams.values());
    }

    private static List<String> source() {
        return source(20);
    }

    private static List<String> source(int seconds) {
        return List.of("ffmpeg", "-hide_banner", "-nostdin", "-nostats", "-loglevel", "info",
                "-re", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", String.valueOf(seconds));
    }

    /** H.264 with a key frame every 2 s exactly (so every segment is 2 s) and AAC audio. */
    private static List<String> encoders() {
        return List.of("-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency",
                "-g", "50", "-keyint_min", "50", "-sc_threshold", "0", "-c:a", "aac", "-b:a", "64k");
    }
}
