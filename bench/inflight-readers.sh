#!/usr/bin/env bash
# Objects in flight (issue 12 §1): upload throughput of one segment with 0 vs N concurrent readers of that segment
# while it uploads. live.war runs in embedded Tomcat with one low-latency slot; the client (one chunked HTTPS PUT and
# N plain-HTTP GETs on one selector thread) runs in the same JVM. Rounds alternate 0 and N readers after a warm-up.
# Not part of the test suite. See bench/README.md; bench/low-latency.sh calls this script.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

READERS=${READERS:-500}
SEGMENT_MIB=${SEGMENT_MIB:-4}
ROUNDS=${ROUNDS:-3}
JAVA_OPTS=${JAVA_OPTS:-"-Xms512m -Xmx512m"}
MVN_OFFLINE=${MVN_OFFLINE:-}     # -o keeps Maven offline
export LIVEPUSH_TEST_JDBC_URL=${LIVEPUSH_TEST_JDBC_URL:-'jdbc:mariadb://127.0.0.1:3306/?user=root'}

for tool in java mvn; do
    command -v "$tool" >/dev/null 2>&1 || { echo "inflight-readers.sh: '$tool' is missing" >&2; exit 2; }
done
# Each reader is a socket on both sides of the loopback; leave room for them.
[ "$(ulimit -n)" -ge $((READERS * 2 + 256)) ] || ulimit -n $((READERS * 2 + 256))

WORK=$(mktemp -d /tmp/livepush-inflight.XXXXXX)
trap 'rm -rf "$WORK/storage" "$WORK/tomcat"' EXIT
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

log "Building live.war and the bench classes"
# package, not only the classpath: the reactor resolves persistence (and its test jar) from the packaged module.
# shellcheck disable=SC2086
mvn -B -q $MVN_OFFLINE -pl ingest-servlet -am package dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/deps.cp" >"$WORK/build.log" 2>&1 \
    || { tail -40 "$WORK/build.log"; exit 1; }
CLASSPATH="$REPO/ingest-servlet/target/test-classes:$REPO/ingest-servlet/target/classes:$(cat "$WORK/deps.cp")"

log "Work directory $WORK; $(nproc) CPUs; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"
# shellcheck disable=SC2086
java $JAVA_OPTS -Dlivepush.war="$REPO/ingest-servlet/target/live" -cp "$CLASSPATH" \
    io.livepush.bench.InFlightReadersBench "$WORK" "$READERS" "$SEGMENT_MIB" "$ROUNDS" 2>"$WORK/server.log" \
    | tee "$WORK/report.txt"
log "Report: $WORK/report.txt (server log: $WORK/server.log)"
