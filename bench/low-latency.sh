#!/usr/bin/env bash
# Low-latency live (issue 12): how far behind live real players are, DASH and HLS, with and without low latency, and
# what 500 readers of a segment in flight cost its upload. Each player run is a browser IT of ingest-servlet driven for
# SECONDS_PER_RUN seconds (the last two thirds are sampled every 500 ms):
#   DASH  LowLatencyDashIT: ffmpeg LL-DASH push (2 s segments, 0.5 s fragments), dash.js 4.7.4 in headless Chromium,
#         latency from player.getCurrentLiveLatency(), stalls = the video's "waiting" events after it started;
#         1. slot low latency on,  dash.js low-latency settings
#         2. slot low latency off, dash.js low-latency settings (the same push and player, no objects in flight)
#         3. slot low latency off, dash.js defaults
#   HLS   bench/ll-hls-latency.sh (HlsJsLowLatencyIT, hls.js 1.4.12, low latency on and off)
#   In flight: bench/inflight-readers.sh (upload MB/s with 0 vs READERS readers of the segment in flight)
#
# Environment: SECONDS_PER_RUN (default 90), MVN_OFFLINE ("-o" keeps Maven offline), LIVEPUSH_TEST_JDBC_URL (default
# jdbc:mariadb://127.0.0.1:3306/?user=root), SECTIONS (default "dash hls inflight"); READERS, SEGMENT_MIB, ROUNDS go to
# inflight-readers.sh. Needs ffmpeg, chromium, chromium-driver and npm (Debian packages). See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

export LIVEPUSH_TEST_JDBC_URL="${LIVEPUSH_TEST_JDBC_URL:-jdbc:mariadb://127.0.0.1:3306/?user=root}"
export LIVEPUSH_REQUIRE_TOOLS=1
export SECONDS_PER_RUN="${SECONDS_PER_RUN:-90}"
export MVN_OFFLINE="${MVN_OFFLINE:-}"
SECTIONS="${SECTIONS:-dash hls inflight}"

for tool in ffmpeg chromium chromedriver npm java mvn awk; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "missing $tool (apt-get install -y ffmpeg chromium chromium-driver npm)" >&2; exit 2; }
done

load() { echo "load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"; }

stalls() {
    # Column 7 of LowLatencyDashIT's samples counts the stalls since the page loaded: last minus first sampled.
    awk -F'\t' 'NR == 2 { first = $7 } NR > 1 { last = $7 } END { print (NR > 1 ? last - first : "?") }' "$1"
}

dash_run() {
    local slot="$1" player="$2" label="$3" file
    file="ingest-servlet/target/lldash-latency-$([ "$slot" = true ] && echo ll || echo plain)$(
        [ "$player" = true ] || echo -defaults).tsv"
    rm -f "$file"
    # shellcheck disable=SC2086
    mvn -B -q $MVN_OFFLINE -pl persistence,ingest-servlet verify -Dtest=none -Dit.test=LowLatencyDashIT \
        -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
        -Dlivepush.lldash.seconds="$SECONDS_PER_RUN" -Dlivepush.lldash.lowLatency="$slot" \
        -Dlivepush.lldash.player.lowLatency="$player" >/dev/null 2>&1 \
        || echo "LowLatencyDashIT failed ($label): see ingest-servlet/target/failsafe-reports" >&2
    echo "$label: getCurrentLiveLatency $(bench/latency-summary.sh "$file" 2), $(stalls "$file") stalls"
}

echo "== $(date -u +%Y-%m-%dT%H:%MZ), $SECONDS_PER_RUN s per player run; $(load)"
for section in $SECTIONS; do
    case "$section" in
        dash)
            echo "== DASH (dash.js 4.7.4, ffmpeg LL-DASH 2 s segments / 0.5 s fragments)"
            dash_run true true "low latency on,  dash.js low-latency"
            dash_run false true "low latency off, dash.js low-latency"
            dash_run false false "low latency off, dash.js defaults  "
            ;;
        hls)
            echo "== HLS (hls.js 1.4.12, ffmpeg chunked CMAF 1 s segments / 0.25 s fragments)"
            bench/ll-hls-latency.sh
            ;;
        inflight)
            echo "== Objects in flight: upload with 0 vs ${READERS:-500} readers"
            bench/inflight-readers.sh
            ;;
        *) echo "unknown section $section (dash, hls, inflight)" >&2; exit 2 ;;
    esac
    echo "   ($(load))"
done
