#!/usr/bin/env bash
# Held LL-HLS playlist requests (issue 15 target): HELD blocking playlist reloads (_HLS_msn of the next segment) held at
# once on one node, the server's live heap before and while they are held (jcmd GC.class_histogram, which collects
# first, and GC.heap_info), and how soon after the PUT of the playlist that satisfies them each held answer begins.
# live.war runs in embedded Tomcat (io.livepush.bench.HeldReloadsBenchServer) in one JVM, the client
# (io.livepush.bench.HeldReloadsBench: HTTP/1.1, one keep-alive connection per held request, one selector thread) in
# another. Not part of the test suite. See bench/README.md.
#
# Environment: HELD (default 10000), ROUNDS (3), TARGET_DURATION (30 s: requests are held at most 3 of them; opening 10 000 connections took 47-60 s on the loaded test machine),
# PROTOCOL (h1: HTTP/1.1, one connection per request; h2: HTTP/2 h2c from h2load, Debian nghttp2-client, 100 streams
# per connection), SERVER_JAVA_OPTS (-Xms2g -Xmx2g), MVN_OFFLINE ("-o" keeps Maven offline), LIVEPUSH_TEST_JDBC_URL (default
# jdbc:mariadb://127.0.0.1:3306/?user=root), JAVA_HOME (either JDK; jcmd of the same JDK is used), ASYNC_PROFILER (the
# path of async-profiler's libasyncProfiler.so: each round's release is profiled, CPU samples every 200 us, into
# <round>-release.collapsed beside the histograms), SERVER_CLASSPATH_PREFIX (directories or jars put before the server's
# classpath, not the client's: patched Tomcat classes for an experiment).
set -euo pipefail
cd "$(dirname "$0")/.."

HELD=${HELD:-10000}
ROUNDS=${ROUNDS:-3}
TARGET_DURATION=${TARGET_DURATION:-30}
PROTOCOL=${PROTOCOL:-h1}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-"-Xms2g -Xmx2g"}
MVN_OFFLINE=${MVN_OFFLINE:-}
export LIVEPUSH_TEST_JDBC_URL=${LIVEPUSH_TEST_JDBC_URL:-'jdbc:mariadb://127.0.0.1:3306/?user=root'}
JAVA=java
[ -n "${JAVA_HOME:-}" ] && JAVA="$JAVA_HOME/bin/java"

[ "$PROTOCOL" = h1 ] || [ "$PROTOCOL" = h2 ] || { echo "held-reloads.sh: PROTOCOL is h1 or h2" >&2; exit 2; }
tools=("$JAVA" mvn)
[ "$PROTOCOL" = h2 ] && tools+=(h2load)
for tool in "${tools[@]}"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "held-reloads.sh: '$tool' is missing" >&2; exit 2; }
done
# Each held request is one socket in the server and one in the client, each its own process.
[ "$(ulimit -n)" -ge $((HELD + 512)) ] || ulimit -n $((HELD + 512)) || {
    echo "held-reloads.sh: raise the open-file limit to $((HELD + 512)) (ulimit -Hn is $(ulimit -Hn))" >&2; exit 2; }

WORK=$(mktemp -d /tmp/livepush-held.XXXXXX)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK/server"
}
trap cleanup EXIT
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

log "Building live.war and the bench classes"
# shellcheck disable=SC2086
mvn -B -q $MVN_OFFLINE -pl ingest-servlet -am package dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/deps.cp" >"$WORK/build.log" 2>&1 \
    || { tail -40 "$WORK/build.log" >&2; exit 1; }
# The reactor's own classes, not whatever livepush jars sit in ~/.m2.
CP="ingest-servlet/target/test-classes:ingest-servlet/target/classes:persistence/target/classes"
CP="$CP:persistence/target/test-classes:$(tr ':' '\n' < "$WORK/deps.cp" | grep -v '/io/livepush/' | paste -sd:)"

log "Starting live.war ($("$JAVA" -version 2>&1 | head -1), $SERVER_JAVA_OPTS); work directory $WORK"
# shellcheck disable=SC2086
"$JAVA" $SERVER_JAVA_OPTS -Dlivepush.war=ingest-servlet/target/live \
    -cp "${SERVER_CLASSPATH_PREFIX:+$SERVER_CLASSPATH_PREFIX:}$CP" io.livepush.bench.HeldReloadsBenchServer \
    "$WORK/server" "$WORK/server.properties" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 180); do
    [ -f "$WORK/server.properties" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "$WORK/server.log" >&2; exit 1; }
    sleep 1
done
[ -f "$WORK/server.properties" ] || { echo "the bench server did not start" >&2; tail -40 "$WORK/server.log" >&2; exit 1; }

log "$(nproc) CPUs;$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"
"$JAVA" -Xmx256m -cp "$CP" io.livepush.bench.HeldReloadsBench "$WORK/server.properties" "$WORK/histograms" \
    "$HELD" "$ROUNDS" "$TARGET_DURATION" "$PROTOCOL" | tee "$WORK/report.txt"
log "Report: $WORK/report.txt; histograms: $WORK/histograms; server log: $WORK/server.log"
