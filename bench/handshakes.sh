#!/usr/bin/env bash
# New TLS connections per second (issue 15: ffmpeg opens a connection per DELETE): live.war vs nginx, every request
# on a fresh connection. The servers, certificate, slots and credentials are those of bench/ingest.sh
# (bench/lib-ingest.sh). Each request is a 2 KiB playlist PUT with its encoder's Basic credential and
# "Connection: close"; wrk reconnects after each answer. ffmpeg never resumes a TLS session (a new TLS context per
# connection), so neither does wrk here: wrk keeps its session across reconnects (SSL_clear), and
# bench/no-tls-resumption.c, built with gcc (Debian libssl-dev) and preloaded into wrk, drops it, so every connection
# pays a full handshake (ECDHE key exchange and the certificate's signature). RESUMPTION=1 leaves wrk as it is: every
# connection after a client's first resumes its session (an abbreviated handshake), as browsers and CDNs do.
# ENCODERS connections in a closed loop, rounds alternating ours and nginx (A B A B) after a warm-up,
# pinned (server on SERVER_CPU, wrk on LOAD_CPU) and unpinned.
# Prints per round and averaged: connections (= requests) per second, p50/p99 of connect + handshake + PUT, and the
# server's CPU time per connection (user + system ticks of its processes from /proc, before and after each round,
# divided by the requests completed); then the ratios ours/nginx. The keep-alive cost of the same PUT is in
# bench/ingest.sh's workload (b); the difference is what a handshake and a connection cost.
#
# Environment: DURATION (s per round, default 15), ROUNDS (A B pairs, default 2), WARMUP (s, default 20), MODES
# (default "pinned unpinned"), RESUMPTION (default 0: full handshakes; 1: resumed), SETTLE (default 300: after the
# warm-up, up to this many more seconds of load on ours, 10 s at a time, until its JIT compiler compiles at most 20
# methods in 10 s: on one saturated CPU the compiler takes minutes to catch up with the handshake path), JAVA_HOME
# (the JDK of our server; the TLS engine follows CONNECTOR_ATTRS, e.g. sslImplementationName=...), and those of
# bench/lib-ingest.sh: ENCODERS (64), SERVER_CPU, LOAD_CPU, JAVA_OPTS,
# CONNECTOR_ATTRS, JFR, SKIP_BUILD, MVN_OFFLINE, LIVEPUSH_TEST_JDBC_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

DURATION=${DURATION:-15}
ROUNDS=${ROUNDS:-2}
WARMUP=${WARMUP:-20}
MODES=${MODES:-"pinned unpinned"}
RESUMPTION=${RESUMPTION:-0}
SETTLE=${SETTLE:-300}
# shellcheck source=bench/lib-ingest.sh
. "$REPO/bench/lib-ingest.sh"
ingest_defaults
bench_java
require_tools mvn nginx wrk taskset openssl

WORK=$(mktemp -d /tmp/livepush-bench.XXXXXX)
trap 'stop_servers; rm -rf "$WORK/ours-root" "$WORK/nginx/root"' EXIT

HANDSHAKE="full (no session resumption, as ffmpeg)"
if [ "$RESUMPTION" = 1 ]; then
    HANDSHAKE="resumed after each client's first connection (wrk's own behaviour)"
else
    require_tools gcc
    gcc -shared -fPIC -o "$WORK/no-tls-resumption.so" "$REPO/bench/no-tls-resumption.c" -ldl -lssl \
        || { echo "handshakes.sh: building bench/no-tls-resumption.c needs gcc and libssl-dev" >&2; exit 2; }
    WRK_PRELOAD="$WORK/no-tls-resumption.so"
fi

build_classpath
make_lua 2048 1 m3u8 "$WORK/close.lua" close

RESULTS="$WORK/results.tsv"
: >"$RESULTS"
measure() { # $1 = mode, $2 = server name, $3 = port, $4 = round
    local line cpu0 cpu1 errors
    cpu0=$(server_cpu_ticks "$2")
    line=$(run_wrk "$1" close "$3" "$DURATION")
    cpu1=$(server_cpu_ticks "$2")
    errors=$(( $(field status_errors "$line") + $(field connect_errors "$line") + $(field read_errors "$line") \
        + $(field write_errors "$line") + $(field timeouts "$line") ))
    awk -v m="$1" -v s="$2" -v r="$4" -v req="$(field requests "$line")" -v dur="$(field duration_us "$line")" \
        -v p50="$(field p50_us "$line")" -v p99="$(field p99_us "$line")" -v err="$errors" -v cpu=$((cpu1 - cpu0)) \
        -v hz="$CLK_TCK" -v lavg="$(cut -d' ' -f1 /proc/loadavg)" -v ccpu="$(field client_cpu "$line")" \
        'BEGIN { printf "%s\t%s\t%s\t%.0f\t%.2f\t%.2f\t%d\t%.3f\t%.2f\t%.2f\t%s\n", m, s, r, req / (dur / 1e6),
                 p50 / 1000, p99 / 1000, err, cpu / hz * 1000 / req, cpu / hz / (dur / 1e6), ccpu / (dur / 1e6), lavg }' \
        | tee -a "$RESULTS" >&2
    [ "$errors" = 0 ] || log "WARNING: $errors failed requests in this round ($2): see $WORK"
}

log "Work directory $WORK; $(nproc) CPUs; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"
log "Server JVM: $(bench_java_banner); handshakes: $HANDSHAKE"
for mode in $MODES; do
    log "== $mode: starting live.war (embedded Tomcat) and nginx"
    start_ours "$mode"
    setup_nginx_tls
    start_nginx "$mode"
    log "warm-up: ${WARMUP} s on live.war, 5 s on nginx (new connection per request)"
    run_wrk "$mode" close "$OURS_PORT" "$WARMUP" >/dev/null
    settle_compiler "$mode" close
    run_wrk "$mode" close "$NGINX_PORT" 5 >/dev/null
    for r in $(seq 1 "$ROUNDS"); do
        measure "$mode" ours "$OURS_PORT" "$r"
        measure "$mode" nginx "$NGINX_PORT" "$r"
    done
    stop_servers
done

{
    echo
    echo "| mode | server | new connections/s | p50 ms | p99 ms | server CPU ms/connection | rounds |"
    echo "| --- | --- | ---: | ---: | ---: | ---: | --- |"
    awk -F'\t' '
        { k = $1 SUBSEP $2; n[k]++; cps[k] += $4; p50[k] += $5; p99[k] += $6; err[k] += $7; cpu[k] += $8
          if (n[k] == 1) order[++o] = k }
        END {
          for (i = 1; i <= o; i++) { k = order[i]; split(k, f, SUBSEP)
            printf "| %s | %s | %.0f | %.2f | %.2f | %.3f | %d%s |\n", f[1], f[2], cps[k] / n[k], p50[k] / n[k],
              p99[k] / n[k], cpu[k] / n[k], n[k], (err[k] ? ", " err[k] " errors" : "") }
          print ""
          print "| mode | connections/s ours/nginx | p99 ours/nginx | CPU per connection ours/nginx |"
          print "| --- | ---: | ---: | ---: |"
          for (i = 1; i <= o; i++) { k = order[i]; split(k, f, SUBSEP); if (f[2] != "ours") continue
            g = f[1] SUBSEP "nginx"
            printf "| %s | %.2f× | %.2f× | %.2f× |\n", f[1], cps[k] / cps[g], p99[k] / p99[g], cpu[k] / cpu[g] }
        }' "$RESULTS"
    echo
    echo "Per round (mode, server, round, connections/s, p50 ms, p99 ms, errors, server CPU ms/connection, server"
    echo "CPUs busy, wrk CPUs busy, loadavg; a pinned side near 1.0 is saturated):"
    sed 's/^/    /' "$RESULTS"
    echo
    echo "TLS, and how long ours warmed up until its compiler was quiet:"
    sed 's/^/    /' "$WORK/heap.tsv"
    echo "Server JVM: $(bench_java_banner); handshakes: $HANDSHAKE; load average now: $(cat /proc/loadavg)"
} | tee "$WORK/report.md"
log "Report: $WORK/report.md"
