#!/usr/bin/env bash
# Ingest benchmark (issue 5, SPEC §12): 64 encoders PUT over HTTPS keep-alive with Basic auth to live.war in embedded
# Tomcat and, side by side in the same run, to nginx (Debian) with dav_methods + auth_basic + TLS.
# Workloads: (a) 1 MiB segments, (b) 2 KiB playlists. Rounds alternate ours/nginx (A B A B) after a JVM warm-up,
# pinned (server on CPU 0, load on CPU 1) and unpinned. Not part of the test suite. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

DURATION=${DURATION:-15}          # seconds per measured round
ROUNDS=${ROUNDS:-2}               # A B pairs per workload and mode
WARMUP=${WARMUP:-30}              # seconds of JVM warm-up under load before the first round of each mode
SETTLE=${SETTLE:-300}             # then up to this many more seconds of load on ours while its JIT still compiles
MODES=${MODES:-"pinned unpinned"}
WORKLOADS=${WORKLOADS:-"a b"}
# shellcheck source=bench/lib-ingest.sh
. "$REPO/bench/lib-ingest.sh"
ingest_defaults
bench_java
require_tools mvn nginx wrk taskset openssl "$JCMD"

WORK=$(mktemp -d /tmp/livepush-bench.XXXXXX)
trap 'stop_servers; rm -rf "$WORK/ours-root" "$WORK/nginx/root"' EXIT

build_classpath
make_lua $((1024 * 1024)) 4 m4s "$WORK/a.lua"
make_lua 2048 1 m3u8 "$WORK/b.lua"
declare -A BODY=([a]=$((1024 * 1024)) [b]=2048)
declare -A LABEL=([a]="(a) 1 MiB segments" [b]="(b) 2 KiB playlists")

RESULTS="$WORK/results.tsv"
: >"$RESULTS"
measure() { # $1 = mode, $2 = workload, $3 = server name, $4 = port, $5 = round
    local line req dur cpu0 cpu1
    cpu0=$(server_cpu_ticks "$3")
    line=$(run_wrk "$1" "$2" "$4" "$DURATION")
    cpu1=$(server_cpu_ticks "$3")
    req=$(field requests "$line"); dur=$(field duration_us "$line")
    local errors=$(( $(field status_errors "$line") + $(field connect_errors "$line") + $(field read_errors "$line") \
        + $(field write_errors "$line") + $(field timeouts "$line") ))
    awk -v m="$1" -v w="$2" -v s="$3" -v r="$5" -v req="$req" -v dur="$dur" -v body="${BODY[$2]}" -v err="$errors" \
        -v p50="$(field p50_us "$line")" -v p99="$(field p99_us "$line")" -v lavg="$(cut -d' ' -f1 /proc/loadavg)" \
        -v cpu=$(( cpu1 - cpu0 )) -v hz="$(getconf CLK_TCK)" -v ccpu="$(field client_cpu "$line")" \
        'BEGIN { rps = req / (dur / 1e6); printf "%s\t%s\t%s\t%s\t%.1f\t%.0f\t%.2f\t%.2f\t%d\t%s\t%.3f\t%.2f\t%.2f\n",
                 m, w, s, r, rps * body / 1048576, rps, p50 / 1000, p99 / 1000, err, lavg, cpu / hz * 1000 / req,
                 cpu / hz / (dur / 1e6), ccpu / (dur / 1e6) }' \
        | tee -a "$RESULTS" >&2
    if [ "$errors" != 0 ]; then
        log "WARNING: $errors failed requests in this round ($3, $2): see $WORK"
    fi
}

heap_used_mb() { # whole heap in use after a full GC, in MiB (sums the generations for Serial/Parallel GC)
    "$JCMD" "$SERVER_PID" GC.run >/dev/null 2>&1 || true
    "$JCMD" "$SERVER_PID" GC.heap_info 2>/dev/null | awk '/(generation|heap) +total/ && match($0, /used [0-9]+K/) {
        sum += substr($0, RSTART + 5, RLENGTH - 6) } END { print int(sum / 1024) }'
}

log "Work directory $WORK; $(nproc) CPUs; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"
log "Server JVM: $(bench_java_banner)"
for mode in $MODES; do
    log "== $mode: starting live.war (embedded Tomcat) and nginx"
    start_ours "$mode"
    setup_nginx_tls
    start_nginx "$mode"
    log "JVM warm-up: ${WARMUP} s under load (both workloads), nginx 5 s each"
    for w in $WORKLOADS; do
        run_wrk "$mode" "$w" "$OURS_PORT" $(( WARMUP / $(wc -w <<<"$WORKLOADS") )) >/dev/null
        run_wrk "$mode" "$w" "$NGINX_PORT" 5 >/dev/null
    done
    # shellcheck disable=SC2086
    settle_compiler "$mode" $WORKLOADS
    heap_before=$(heap_used_mb)
    for w in $WORKLOADS; do
        for r in $(seq 1 "$ROUNDS"); do
            measure "$mode" "$w" ours "$OURS_PORT" "$r"
            measure "$mode" "$w" nginx "$NGINX_PORT" "$r"
        done
    done
    heap_after=$(heap_used_mb)
    printf '%s\theap\t%s\t%s\n' "$mode" "$heap_before" "$heap_after" >>"$WORK/heap.tsv"
    # Atomic publishing check: no temp file may be left in our storage after the rounds.
    leftovers=$(find "$WORK/ours-root" -name '.upload-*' | wc -l)
    printf '%s\tleftover-temp-files\t%s\n' "$mode" "$leftovers" >>"$WORK/heap.tsv"
    stop_servers
done

# ---- report ----
{
    echo
    echo "| mode | workload | server | MB/s | req/s | p50 ms | p99 ms | server CPU ms/req | rounds |"
    echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |"
    awk -F'\t' -v la="${LABEL[a]}" -v lb="${LABEL[b]}" '
        { k = $1 SUBSEP $2 SUBSEP $3; n[k]++; mb[k] += $5; rps[k] += $6; p50[k] += $7; p99[k] += $8; cpu[k] += $11;
          if (n[k] == 1) { order[++o] = k } ; err[k] += $9 }
        END {
          for (i = 1; i <= o; i++) { k = order[i]; split(k, f, SUBSEP);
            printf "| %s | %s | %s | %.1f | %.0f | %.2f | %.2f | %.3f | %d%s |\n", f[1], (f[2] == "a" ? la : lb), f[3],
              mb[k] / n[k], rps[k] / n[k], p50[k] / n[k], p99[k] / n[k], cpu[k] / n[k], n[k],
              (err[k] ? ", " err[k] " errors" : "") }
          print ""
          print "| mode | workload | throughput ours/nginx | p99 ours/nginx | CPU per request ours/nginx |"
          print "| --- | --- | ---: | ---: | ---: |"
          for (i = 1; i <= o; i++) { k = order[i]; split(k, f, SUBSEP); if (f[3] != "ours") continue;
            g = f[1] SUBSEP f[2] SUBSEP "nginx";
            printf "| %s | %s | %.2f× | %.2f× | %.2f× |\n", f[1], (f[2] == "a" ? la : lb), rps[k] / rps[g], p99[k] / p99[g],
              cpu[k] / cpu[g] }
        }' "$RESULTS"
    echo
    echo "Per round (mode, workload, server, round, MB/s, req/s, p50 ms, p99 ms, errors, loadavg, server CPU ms/req,"
    echo "server CPUs busy, wrk CPUs busy; a pinned side near 1.0 is saturated):"
    sed 's/^/    /' "$RESULTS"
    echo
    echo "Server heap after full GC, MiB (mode, before rounds, after rounds), temp files left in our storage, TLS:"
    sed 's/^/    /' "$WORK/heap.tsv"
} | tee "$WORK/report.md"
log "Report: $WORK/report.md"
