#!/usr/bin/env bash
# How long one page of an account's slot list takes at 10 000 slots (SPEC §8), for every sort order.
# Usage: bench/slot-list.sh [slots]   (uses $LIVEPUSH_TEST_JDBC_URL or an embedded MariaDB)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -pl persistence test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test
java -cp "persistence/target/test-classes:persistence/target/classes:$(cat persistence/target/bench.classpath)" \
    -Djava.util.logging.config.file=/dev/null io.livepush.bench.SlotListBench "${1:-10000}"
