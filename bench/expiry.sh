#!/usr/bin/env bash
# Segment expiry benchmark (SPEC §6): 1 000 slots x 1 000 files, 100 files expiring per second.
# Usage: bench/expiry.sh [slots] [files-per-slot] [rate] [steady-seconds]
# Needs about 1 M inodes and a few minutes; storage goes to ${BENCH_DIR:-/tmp/livepush-bench-expiry}.
set -euo pipefail
cd "$(dirname "$0")/.."

slots=${1:-1000}
files=${2:-1000}
rate=${3:-100}
seconds=${4:-60}
work=${BENCH_DIR:-/tmp/livepush-bench-expiry}
mkdir -p "$work"

# One reactor run, so the classpath resolves on a clean machine where no livepush jar is installed in ~/.m2.
mvn -q -B -pl ingest-servlet -am test-compile dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" \
    -Dmdep.includeScope=test
cp="ingest-servlet/target/test-classes:ingest-servlet/target/classes:$(cat "$work/classpath.txt")"

rm -rf "$work/storage"
java -Xms2g -Xmx2g -cp "$cp" io.livepush.bench.ExpiryBench "$work/report.txt" "$work/storage" \
    "$slots" "$files" "$rate" "$seconds"
echo "== expiry benchmark $(date -u +%Y-%m-%dT%H:%MZ) on $(uname -n): $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p')"
cat "$work/report.txt"
rm -rf "$work/storage"
