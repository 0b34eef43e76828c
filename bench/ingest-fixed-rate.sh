#!/usr/bin/env bash
# Fixed-rate ingest (issue 15): p50 and p99 of PUT over HTTPS + Basic at a FIXED offered rate, half of nginx's
# saturated rate, for live.war and nginx WebDAV on the same machine; (a) 1 MiB segments, (b) 2 KiB playlists.
# The servers, certificate, slots and credentials are those of bench/ingest.sh (bench/lib-ingest.sh).
#
# Why h2load and not wrk: wrk is a closed loop (a connection sends its next request only once the previous answer
# arrived), so the offered rate follows the server and its percentiles hide the requests a slow answer held back
# (coordinated omission); wrk2, the fixed-rate fork, is not packaged by Debian. h2load (Debian nghttp2-client 1.52)
# paces each connection with a timer (--rps, requests per second per client), speaks HTTP/1.1 over TLS (--h1), sends
# PUT bodies (-d FILE with -H ':method: PUT') and logs every request's latency (--log-file), from which p50 and p99
# are computed here. Its limits: one header set per h2load process, so each encoder gets its own h2load process (its
# own credential and slot, as in ingest.sh); on HTTP/1.1 a connection has one request in flight, so a request that
# falls due while the previous one is still running waits and is timed from when it is sent, not from when it was
# due. At half the saturated rate that wait should not occur; the script prints the achieved rate beside the offered
# one, and an achieved rate below the offered one means pacing slipped and the p99 is optimistic.
# h2load 1.52 reads no status from an HTTP/1.1 status line without a reason phrase ("HTTP/1.1 201 "), which is what
# Tomcat sends: it logs such answers with status 0 and counts them as failed. Here status 0 counts as answered (the
# latency is that of the whole answer), -1 and any status outside 2xx as failed; and before the rounds curl checks
# that the same PUT with the same credential gets a 2xx from both servers (the closed-loop wrk runs, which do read
# Tomcat's status, also count non-2xx).
#
# Saturation: nginx's closed-loop rate (wrk, as ingest.sh, SATURATION seconds) in each mode, unless RATE_A / RATE_B
# (requests per second, offered in total over all encoders) are given, in which case those are offered as they are.
#
# Environment: DURATION (s per round, default 15), ROUNDS (A B pairs per workload, default 2), WARMUP (s of JVM
# warm-up, closed loop, default 30), SETTLE (default 300: after the warm-up, up to this many more seconds of closed-loop
# load on ours, 10 s of each workload at a time, until its JIT compiler compiles at most 20 methods in such a step; the
# first rounds of an unsettled server cost twice the CPU of the next), SATURATION (s, default 10), RATE_A, RATE_B,
# MODES (default "pinned unpinned"),
# WORKLOADS (default "a b"), JAVA_HOME (the JDK of our server), and those of bench/lib-ingest.sh: ENCODERS (64),
# SERVER_CPU, LOAD_CPU, JAVA_OPTS, CONNECTOR_ATTRS, JFR, SKIP_BUILD, MVN_OFFLINE, LIVEPUSH_TEST_JDBC_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

DURATION=${DURATION:-15}
ROUNDS=${ROUNDS:-2}
WARMUP=${WARMUP:-30}
SETTLE=${SETTLE:-300}
SATURATION=${SATURATION:-10}
MODES=${MODES:-"pinned unpinned"}
WORKLOADS=${WORKLOADS:-"a b"}
# shellcheck source=bench/lib-ingest.sh
. "$REPO/bench/lib-ingest.sh"
ingest_defaults
bench_java
require_tools mvn nginx wrk h2load taskset openssl curl
declare -A GIVEN_RATE=([a]=${RATE_A:-} [b]=${RATE_B:-})

WORK=$(mktemp -d /tmp/livepush-bench.XXXXXX)
trap 'stop_servers; rm -rf "$WORK/ours-root" "$WORK/nginx/root" "$WORK/h2"' EXIT

build_classpath
make_lua $((1024 * 1024)) 4 m4s "$WORK/a.lua"
make_lua 2048 1 m3u8 "$WORK/b.lua"
declare -A BODY=([a]=$((1024 * 1024)) [b]=2048)
declare -A NAMES=([a]=4 [b]=1)
declare -A EXT=([a]=m4s [b]=m3u8)
declare -A LABEL=([a]="(a) 1 MiB segments" [b]="(b) 2 KiB playlists")
for w in a b; do make_body "${BODY[$w]}" "${EXT[$w]}" "$WORK/body-$w"; done

run_fixed() { # $1 = mode, $2 = workload, $3 = port, $4 = total rate; prints "ok= failed= p50_us= p99_us="
    local pin=() per e f pids=()
    [ "$1" = pinned ] && pin=(taskset -c "$LOAD_CPU")
    rm -rf "$WORK/h2"
    mkdir -p "$WORK/h2"
    per=$(awk -v r="$4" -v n="$ENCODERS" 'BEGIN { printf "%.4f", r / n }')
    for e in $(seq 0 $((ENCODERS - 1))); do
        for f in $(seq 0 $((NAMES[$2] - 1))); do
            printf 'https://127.0.0.1:%s/live/push/acme/enc%02d/bench/f%d.%s\n' "$3" "$e" "$f" "${EXT[$2]}"
        done >"$WORK/h2/$e.urls"
        "${pin[@]}" h2load --h1 -c1 -t1 --rps="$per" -D "$DURATION" -H ':method: PUT' \
            -H "Authorization: $(basic_auth "$e")" -H 'Content-Type: application/octet-stream' -d "$WORK/body-$2" \
            --log-file="$WORK/h2/$e.log" -i "$WORK/h2/$e.urls" >"$WORK/h2/$e.out" 2>&1 &
        pids+=($!)
    done
    for e in "${pids[@]}"; do wait "$e" || { echo "h2load failed: $(tail -3 "$WORK"/h2/*.out)" >&2; exit 1; }; done
    local ok failed p50 p99
    read -r ok failed p50 p99 <<<"$(h2load_latencies "$WORK"/h2/*.log)"
    if [ "$failed" != 0 ]; then
        log "requests by status (-1: no answer, 0: answered): $(cut -f2 "$WORK"/h2/*.log | sort | uniq -c | tr -s ' \n' ' ')"
    fi
    echo "ok=$ok failed=$failed p50_us=$p50 p99_us=$p99"
}

check_put() { # $1 = port, $2 = workload: the request h2load sends, once with curl, must get a 2xx
    local status
    status=$(curl -sk -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: $(basic_auth 0)" \
        -H 'Content-Type: application/octet-stream' --data-binary "@$WORK/body-$2" \
        "https://127.0.0.1:$1/live/push/acme/enc00/bench/f0.${EXT[$2]}")
    case "$status" in 2??) ;; *) echo "PUT to port $1 got $status, not 2xx" >&2; exit 1 ;; esac
}

RESULTS="$WORK/results.tsv"
: >"$RESULTS"
measure() { # $1 = mode, $2 = workload, $3 = server name, $4 = port, $5 = round, $6 = offered rate
    local line cpu0 cpu1
    cpu0=$(server_cpu_ticks "$3")
    line=" $(run_fixed "$1" "$2" "$4" "$6")"
    cpu1=$(server_cpu_ticks "$3")
    awk -v m="$1" -v w="$2" -v s="$3" -v r="$5" -v offered="$6" -v ok="$(field ok "$line")" \
        -v failed="$(field failed "$line")" -v p50="$(field p50_us "$line")" -v p99="$(field p99_us "$line")" \
        -v dur="$DURATION" -v cpu=$((cpu1 - cpu0)) -v hz="$CLK_TCK" -v lavg="$(cut -d' ' -f1 /proc/loadavg)" \
        'BEGIN { printf "%s\t%s\t%s\t%s\t%.0f\t%.0f\t%.2f\t%.2f\t%d\t%.3f\t%s\n", m, w, s, r, offered, ok / dur,
                 p50 / 1000, p99 / 1000, failed, (ok ? cpu / hz * 1000 / ok : 0), lavg }' | tee -a "$RESULTS" >&2
}

log "Work directory $WORK; $(nproc) CPUs; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"
log "Server JVM: $(bench_java_banner); load generator: $(h2load --version | head -1)"
for mode in $MODES; do
    log "== $mode: starting live.war (embedded Tomcat) and nginx"
    start_ours "$mode"
    setup_nginx_tls
    start_nginx "$mode"
    declare -A RATE=()
    for w in $WORKLOADS; do
        check_put "$OURS_PORT" "$w"
        check_put "$NGINX_PORT" "$w"
        if [ -n "${GIVEN_RATE[$w]}" ]; then
            RATE[$w]=${GIVEN_RATE[$w]}
            log "$w: offered rate ${RATE[$w]} req/s (given)"
        else
            line=$(run_wrk "$mode" "$w" "$NGINX_PORT" "$SATURATION")
            saturated=$(awk -v n="$(field requests "$line")" -v d="$(field duration_us "$line")" \
                'BEGIN { printf "%.0f", n / (d / 1e6) }')
            RATE[$w]=$((saturated / 2))
            log "$w: nginx saturated at $saturated req/s (wrk closed loop, ${SATURATION} s): offering ${RATE[$w]} req/s"
        fi
        printf '%s\t%s\tnginx saturated %s, offered %s\n' "$mode" "$w" "${saturated:-given}" "${RATE[$w]}" \
            >>"$WORK/rates.tsv"
        saturated=""
    done
    log "JVM warm-up: ${WARMUP} s under load (closed loop, both workloads)"
    for w in $WORKLOADS; do
        run_wrk "$mode" "$w" "$OURS_PORT" $((WARMUP / $(wc -w <<<"$WORKLOADS"))) >/dev/null
    done
    # shellcheck disable=SC2086
    settle_compiler "$mode" $WORKLOADS
    for w in $WORKLOADS; do
        for r in $(seq 1 "$ROUNDS"); do
            measure "$mode" "$w" ours "$OURS_PORT" "$r" "${RATE[$w]}"
            measure "$mode" "$w" nginx "$NGINX_PORT" "$r" "${RATE[$w]}"
        done
    done
    stop_servers
done

{
    echo
    echo "| mode | workload | server | offered req/s | achieved req/s | p50 ms | p99 ms | server CPU ms/req | rounds |"
    echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |"
    awk -F'\t' -v la="${LABEL[a]}" -v lb="${LABEL[b]}" '
        { k = $1 SUBSEP $2 SUBSEP $3; n[k]++; off[k] += $5; got[k] += $6; p50[k] += $7; p99[k] += $8; err[k] += $9
          cpu[k] += $10; if (n[k] == 1) order[++o] = k }
        END {
          for (i = 1; i <= o; i++) { k = order[i]; split(k, f, SUBSEP)
            printf "| %s | %s | %s | %.0f | %.0f | %.2f | %.2f | %.3f | %d%s |\n", f[1], (f[2] == "a" ? la : lb), f[3],
              off[k] / n[k], got[k] / n[k], p50[k] / n[k], p99[k] / n[k], cpu[k] / n[k], n[k],
              (err[k] ? ", " err[k] " failed" : "") }
          print ""
          print "| mode | workload | p50 ours/nginx | p99 ours/nginx | CPU per request ours/nginx |"
          print "| --- | --- | ---: | ---: | ---: |"
          for (i = 1; i <= o; i++) { k = order[i]; split(k, f, SUBSEP); if (f[3] != "ours") continue
            g = f[1] SUBSEP f[2] SUBSEP "nginx"
            printf "| %s | %s | %.2f× | %.2f× | %.2f× |\n", f[1], (f[2] == "a" ? la : lb), p50[k] / p50[g],
              p99[k] / p99[g], (cpu[g] ? cpu[k] / cpu[g] : 0) }
        }' "$RESULTS"
    echo
    echo "Per round (mode, workload, server, round, offered req/s, achieved req/s, p50 ms, p99 ms, failed, server"
    echo "CPU ms/req, loadavg):"
    sed 's/^/    /' "$RESULTS"
    echo
    echo "Rates (mode, workload), TLS, and how long ours warmed up until its compiler was quiet:"
    sed 's/^/    /' "$WORK/rates.tsv" "$WORK/heap.tsv"
    echo "Server JVM: $(bench_java_banner); load average now: $(cat /proc/loadavg)"
} | tee "$WORK/report.md"
log "Report: $WORK/report.md"
