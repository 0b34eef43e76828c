#!/usr/bin/env bash
# LL-HLS latency benchmark (issue 12): hls.js 1.4.12 in headless Chromium plays an ffmpeg chunked CMAF push (dash
# muxer, 1 s segments, 0.25 s fragments, -hls_playlist 1) through the real live.war, once on a slot with low latency
# on (origin-made parts, blocking reloads, hls.js lowLatencyMode) and once without (plain playlist, hls.js ordinary
# mode). Runs HlsJsLowLatencyIT for SECONDS each and prints the median and p95 of hls.latency over the last two thirds
# of each run, plus how far the playhead's EXT-X-PROGRAM-DATE-TIME is behind the wall clock (encoder to screen).
#
# Environment: LIVEPUSH_TEST_JDBC_URL (default jdbc:mariadb://127.0.0.1:3306/?user=root), SECONDS_PER_RUN (default
# 90: at least 60 s are sampled), MVN_OFFLINE (default empty; "-o" keeps Maven offline). Needs ffmpeg, chromium and
# chromium-driver (Debian packages). See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

export LIVEPUSH_TEST_JDBC_URL="${LIVEPUSH_TEST_JDBC_URL:-jdbc:mariadb://127.0.0.1:3306/?user=root}"
export LIVEPUSH_REQUIRE_TOOLS=1
SECONDS_PER_RUN="${SECONDS_PER_RUN:-90}"
MVN_OFFLINE="${MVN_OFFLINE:-}"

for tool in ffmpeg chromium chromedriver java mvn awk; do
    command -v "$tool" >/dev/null 2>&1 || { echo "missing $tool (apt-get install -y ffmpeg chromium chromium-driver)" >&2; exit 2; }
done

summarise() {
    # Column 2: hls.latency; column 5: wall clock minus the playhead's program date time.
    bench/latency-summary.sh "$1" "$2"
}

for mode in true false; do
    rm -f ingest-servlet/target/llhls-latency-*.tsv
    mvn -B -q $MVN_OFFLINE -pl persistence,ingest-servlet verify -Dtest=none -Dit.test=HlsJsLowLatencyIT \
        -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
        -Dlivepush.llhls.seconds="$SECONDS_PER_RUN" -Dlivepush.llhls.lowLatency="$mode" >/dev/null 2>&1 \
        || echo "HlsJsLowLatencyIT failed (low latency $mode): see ingest-servlet/target/failsafe-reports" >&2
    name=$([ "$mode" = true ] && echo ll || echo plain)
    file="ingest-servlet/target/llhls-latency-$name.tsv"
    echo "$([ "$mode" = true ] && echo 'low latency on ' || echo 'low latency off'): hls.latency $(summarise "$file" 2);" \
        "wall clock behind program date time $(summarise "$file" 5)"
done
