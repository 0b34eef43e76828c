#!/usr/bin/env bash
# Playback benchmark (SPEC §12, issue 6): live.war's PlaybackFilter against nginx (secure_link_md5 + allow/deny)
# serving the same 2 KiB playlist and 1 MiB segment, both with a directory token and a 20-rule viewer list, and, as
# Tomcat's own ceiling, a stock DefaultServlet in the same JVM serving the same files with no checks at all.
# wrk (h2load with PROTOCOL=h2), 64 keep-alive connections; ours, nginx, stock in turn after a warm-up; servers
# pinned to CPU 0 and the load generator to CPU 1, then unpinned. Prints req/s, p50/p99, the servers' CPU time per
# request (user + system ticks of their processes from /proc, before and after each run, divided by the requests
# completed), the load generator's CPU time per request and the ratios ours/nginx and stock/nginx. See bench/README.md.
#
# Environment: LIVEPUSH_TEST_JDBC_URL (default jdbc:mariadb://127.0.0.1:3306/?user=root; the bench server creates and
# drops a schema there), DURATION (s per run, default 10), WARMUP (s, default 30), ROUNDS (A B pairs per cell,
# default 2), MVN_OFFLINE (default empty; "-o" keeps Maven offline), ACCESS_LOGS (default 0; 1 = both servers write
# an access log as shipped: tomcat-conf's AccessLogValve, and nginx's stock "access_log <file>;"), JAVA_HOME (the JDK
# that runs our server and Maven; default: java on the PATH), SERVER_JAVA_OPTS (more options for our server's JVM),
# PROTOCOL (default h1: HTTP/1.1 from wrk; h2: HTTP/2 over cleartext with prior knowledge from h2load, Debian
# nghttp2-client, one stream at a time on each of the 64 connections, nginx on a "listen ... http2" port with
# sendfile off; https: HTTP/1.1 over TLS from wrk, to our publishing connector, which serves viewers too, and to an
# nginx "listen ... ssl" port with the same certificate and TLS version), TLS_ENGINE (with PROTOCOL=https: jsse,
# the default, or openssl: Tomcat's OpenSSL through FFM, Java 22+), SERVER_CLASSPATH_PREFIX (directories or jars put
# before our server's classpath: patched Tomcat classes for an experiment),
# SETTLE (default 300: after the warm-up, up to this many more seconds of load on ours and stock, 5 s of each path at a
# time, until our JVM's JIT compiler compiles at most 20 methods in such a 20 s step; 0 = none), FIXED_RATE (default 1:
# after the closed-loop rounds, the playlist again for ROUNDS rounds of each server with h2load offering half of
# nginx's closed-loop rate of that mode, the same for all three, so that CPU per request compares equal work; 0 = skip),
# FIXED_RATE_OFFER (requests/s offered in that pass in both modes instead, so that two runs compare at one rate).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib-common.sh
. bench/lib-common.sh
bench_java

export LIVEPUSH_TEST_JDBC_URL="${LIVEPUSH_TEST_JDBC_URL:-jdbc:mariadb://127.0.0.1:3306/?user=root}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-30}"
SETTLE="${SETTLE:-300}"
ROUNDS="${ROUNDS:-2}"
FIXED_RATE="${FIXED_RATE:-1}"
ACCESS_LOGS="${ACCESS_LOGS:-0}"
PROTOCOL="${PROTOCOL:-h1}"
TLS_ENGINE="${TLS_ENGINE:-jsse}"
MVN_OFFLINE="${MVN_OFFLINE:-}"
CONNECTIONS=64
SECRET="benchsecret2026"
EXPIRES=4000000000

case "$PROTOCOL" in
    h1) LOADGEN=wrk; SCHEME=http; CURL_OPTS=(); NGINX_LISTEN=""; NGINX_SENDFILE=on ;;
    # nginx 1.22's HTTP/2 with sendfile on holds a small answer ~40 ms (1 450 playlists/s, 30 000 with it off) and
    # halves segment throughput: it gets its faster setting.
    h2) LOADGEN=h2load; SCHEME=http; CURL_OPTS=(--http2-prior-knowledge); NGINX_LISTEN=" http2"; NGINX_SENDFILE=off ;;
    # HTTP/1.1 over TLS (wrk's OpenSSL): our publishing connector, which serves viewers too, against nginx's "ssl"
    # listener with the same certificate and TLS version (nginx 1.22 has no kernel TLS here: no sendfile over TLS).
    # NGINX_LISTEN is set once our server's certificate and TLS version are known.
    https) LOADGEN=wrk; SCHEME=https; CURL_OPTS=(--insecure --http1.1); NGINX_SENDFILE=on ;;
    *) echo "PROTOCOL is h1, h2 or https, not $PROTOCOL" >&2; exit 2 ;;
esac
ENGINE_JAVA_OPTS=()
case "$TLS_ENGINE" in
    jsse) ;;
    openssl) [ "$PROTOCOL" = https ] || { echo "TLS_ENGINE=openssl needs PROTOCOL=https" >&2; exit 2; }
        ENGINE_JAVA_OPTS=(--enable-native-access=ALL-UNNAMED
            "-Dlivepush.test.sslImplementation=$OPENSSL_FFM_IMPLEMENTATION") ;;
    *) echo "TLS_ENGINE is jsse or openssl, not $TLS_ENGINE" >&2; exit 2 ;;
esac
[ "$FIXED_RATE" = 0 ] || command -v h2load >/dev/null \
    || { echo "FIXED_RATE=1 needs h2load (Debian nghttp2-client); FIXED_RATE=0 skips that pass" >&2; exit 2; }
for tool in "$LOADGEN" nginx taskset mvn openssl curl; do
    command -v "$tool" >/dev/null 2>&1 \
        || { echo "missing $tool (apt-get install -y wrk nginx nghttp2-client)" >&2; exit 2; }
done
NGINX_BIN="$(command -v nginx)"
if [ "$(nproc)" -lt 2 ]; then
    echo "warning: fewer than 2 CPUs; the pinned runs share one CPU" >&2
fi

WORK="$(mktemp -d /tmp/livepush-bench.XXXXXX)"
OURS_PID=""
NGINX_PID=""
cleanup() {
    if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null || true; fi
    if [ -n "$OURS_PID" ]; then
        kill "$OURS_PID" 2>/dev/null || true
        wait "$OURS_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "== building live.war and the bench server"
# One reactor run, so the classpath resolves on a clean machine where no livepush jar is installed in ~/.m2.
mvn $MVN_OFFLINE -q -B -pl ingest-servlet -am package dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/deps.txt" >"$WORK/build.log" 2>&1 \
    || { tail -40 "$WORK/build.log" >&2; exit 1; }
# The reactor's own classes, not whatever livepush jars sit in ~/.m2.
CP="ingest-servlet/target/test-classes:ingest-servlet/target/classes:persistence/target/classes"
CP="$CP:persistence/target/test-classes:$(tr ':' '\n' < "$WORK/deps.txt" | grep -v '/io/livepush/' | paste -sd:)"
[ "$TLS_ENGINE" = openssl ] && CP="$CP:$(tomcat_ffm_jar "$WORK/build.log")"
[ -n "${SERVER_CLASSPATH_PREFIX:-}" ] && CP="$SERVER_CLASSPATH_PREFIX:$CP"

echo "== starting live.war (embedded Tomcat 11, $(bench_java_banner))"
ACCESS_LOG_FLAG=""
NGINX_ACCESS_LOG="access_log off;"
if [ "$ACCESS_LOGS" = 1 ]; then
    ACCESS_LOG_FLAG="-Dlivepush.bench.accessLog=true"
    NGINX_ACCESS_LOG="access_log $WORK/nginx/logs/access.log;"
fi
"$JAVA" -Xms512m -Xmx512m $ACCESS_LOG_FLAG "${ENGINE_JAVA_OPTS[@]}" ${SERVER_JAVA_OPTS:-} \
    -Dlivepush.war=ingest-servlet/target/live -cp "$CP" io.livepush.bench.PlaybackBenchServer \
    "$WORK/ours" "$WORK/ours.properties" "$SECRET" >"$WORK/ours.log" 2>&1 &
OURS_PID=$!
for _ in $(seq 1 180); do
    [ -f "$WORK/ours.properties" ] && break
    kill -0 "$OURS_PID" 2>/dev/null || { cat "$WORK/ours.log" >&2; exit 1; }
    sleep 1
done
[ -f "$WORK/ours.properties" ] || { echo "the bench server did not start" >&2; cat "$WORK/ours.log" >&2; exit 1; }
prop() { property "$WORK/ours.properties" "$1"; }
STORAGE="$(prop storage)"
if [ "$PROTOCOL" = https ]; then
    OURS_PORT="$(prop httpsPort)"
    OURS_PLAYLIST="https://127.0.0.1:$OURS_PORT$(prop httpsPlaylist)"
    OURS_SEGMENT="https://127.0.0.1:$OURS_PORT$(prop httpsSegment)"
    nginx_pem_from_keystore "$WORK/ours.properties" "$WORK/nginx/tls"
    OURS_TLS="$(tls_of "$OURS_PORT")"
    NGINX_LISTEN=" ssl; ssl_protocols ${OURS_TLS%% *}; ssl_certificate $WORK/nginx/tls/cert.pem"
    NGINX_LISTEN="$NGINX_LISTEN; ssl_certificate_key $WORK/nginx/tls/key.pem"
else
    OURS_PORT="$(prop port)"
    OURS_PLAYLIST="http://127.0.0.1:$OURS_PORT$(prop playlist)"
    OURS_SEGMENT="http://127.0.0.1:$OURS_PORT$(prop segment)"
fi
STOCK_PLAYLIST="$SCHEME://127.0.0.1:$OURS_PORT$(prop stockPlaylist)"
STOCK_SEGMENT="$SCHEME://127.0.0.1:$OURS_PORT$(prop stockSegment)"

echo "== starting nginx ($("$NGINX_BIN" -v 2>&1))"
NGINX_PORT="$(free_port)"
mkdir -p "$WORK/nginx/logs"
chmod -R a+rX "$WORK"
USER_LINE=""
if [ "$(id -u)" = 0 ]; then USER_LINE="user root;"; fi
{
    echo "$USER_LINE"
    cat <<NGINX
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    $NGINX_ACCESS_LOG
    sendfile $NGINX_SENDFILE;
    tcp_nopush on;
    keepalive_requests 1000000;
    keepalive_timeout 75s;
    types { application/vnd.apple.mpegurl m3u8; video/mp2t ts; }
    default_type application/octet-stream;
    map \$uri \$livepush_cache {
        ~\\.m3u8\$ "max-age=1";
        default "max-age=300";
    }
    server {
        listen 127.0.0.1:$NGINX_PORT$NGINX_LISTEN;
        location /live/play/ {
            # The 20 viewer rules of PlaybackBenchServer, in the same order (first match wins in both).
            deny 10.0.0.0/16; deny 10.1.0.0/16; deny 10.2.0.0/16; deny 10.3.0.0/16; deny 10.4.0.0/16;
            deny 10.5.0.0/16; deny 10.6.0.0/16; deny 10.7.0.0/16; deny 10.8.0.0/16; deny 10.9.0.0/16;
            allow 2001:db8:0::/48; allow 2001:db8:1::/48; allow 2001:db8:2::/48; allow 2001:db8:3::/48;
            allow 2001:db8:4::/48;
            allow 192.0.2.0/26; allow 192.0.2.64/26; allow 192.0.2.128/26; allow 192.0.2.192/26;
            allow 127.0.0.0/8;
            deny all;
            secure_link \$arg_h,\$arg_e;
            secure_link_md5 "\$secure_link_expires/live/play/acme/bench/ $SECRET";
            if (\$secure_link = "") { return 403; }
            if (\$secure_link = "0") { return 403; }
            add_header Cache-Control \$livepush_cache;
            add_header Access-Control-Allow-Origin "*";
            alias $STORAGE/;
        }
    }
}
NGINX
} >"$WORK/nginx/nginx.conf"
"$NGINX_BIN" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
sleep 1
NGINX_TOKEN="$(printf '%s' "${EXPIRES}/live/play/acme/bench/ $SECRET" | openssl md5 -binary | openssl base64 \
    | tr '+/' '-_' | tr -d '=')"
NGINX_PLAYLIST="$SCHEME://127.0.0.1:$NGINX_PORT/live/play/acme/bench/playlist.m3u8?e=$EXPIRES&h=$NGINX_TOKEN"
NGINX_SEGMENT="$SCHEME://127.0.0.1:$NGINX_PORT/live/play/acme/bench/seg.ts?e=$EXPIRES&h=$NGINX_TOKEN"

echo "== checking that both enforce their token and serve the same bytes"
check() { # url expected-status
    local status
    status="$(curl -s "${CURL_OPTS[@]}" -o /dev/null -w '%{http_code}' "$1")"
    [ "$status" = "$2" ] || { echo "expected $2 from ${1%%\?*} but got $status" >&2; exit 1; }
}
for url in "$OURS_PLAYLIST" "$OURS_SEGMENT" "$NGINX_PLAYLIST" "$NGINX_SEGMENT"; do
    check "$url" 200
    check "${url%%\?*}" 403
done
check "$STOCK_PLAYLIST" 200
check "$STOCK_SEGMENT" 200
body() { curl -s "${CURL_OPTS[@]}" "$1" | md5sum; }
for triple in "$OURS_PLAYLIST $NGINX_PLAYLIST $STOCK_PLAYLIST" "$OURS_SEGMENT $NGINX_SEGMENT $STOCK_SEGMENT"; do
    set -- $triple
    [ "$(body "$1")" = "$(body "$2")" ] || { echo "bodies differ" >&2; exit 1; }
    [ "$(body "$1")" = "$(body "$3")" ] || { echo "bodies differ" >&2; exit 1; }
done
echo "playlist $(curl -s "${CURL_OPTS[@]}" "$OURS_PLAYLIST" | wc -c) bytes," \
    "segment $(curl -s "${CURL_OPTS[@]}" "$OURS_SEGMENT" | wc -c) bytes, over $PROTOCOL"

NGINX_PIDS="$NGINX_PID $(pgrep -P "$NGINX_PID" | tr '\n' ' ')"
pin() { # cpu-list
    taskset -a -p -c "$1" "$OURS_PID" >/dev/null
    for pid in $NGINX_PIDS; do taskset -a -p -c "$1" "$pid" >/dev/null; done
}

to_ms() { # wrk latency such as 812.00us, 1.23ms, 2.01s
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000;
        printf "%.2f", n }'
}

# Load on one URL from $CONNECTIONS connections, one request at a time on each. Prints one line:
# "req/s p50-ms p99-ms requests non-2xx". Without a rate a closed loop: wrk for HTTP/1.1, h2load for HTTP/2, whose
# per-request log gives the percentiles. With one, h2load paces each connection with its timer so that all together
# offer that many requests/s whatever the server's pace (HTTP/1.1 with --h1 unless PROTOCOL=h2).
load() { # mode seconds url [rate]
    local pin=() threads=2 h1=(--h1) out
    if [ "$1" = pinned ]; then pin=(taskset -c 1); threads=1; fi
    [ "$PROTOCOL" = h2 ] && h1=()
    if [ -n "${4:-}" ]; then
        h2load_run "$2" "${pin[@]}" h2load "${h1[@]}" -t"$threads" -c"$CONNECTIONS" -m1 \
            --rps="$(awk -v r="$4" -v c="$CONNECTIONS" 'BEGIN { printf "%.4f", r / c }')" "$3"
    elif [ "$LOADGEN" = wrk ]; then
        out="$("${pin[@]}" wrk -t"$threads" -c"$CONNECTIONS" -d"${2}s" --latency "$3")"
        printf '%s %s %s %s %s\n' "$(echo "$out" | awk '/^Requests\/sec/ { print $2 }')" \
            "$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")" \
            "$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")" \
            "$(echo "$out" | awk '/ requests in / { print $1 }')" \
            "$(echo "$out" | awk '/Non-2xx/ { print $NF }')"
    else
        h2load_run "$2" "${pin[@]}" h2load -t"$threads" -c"$CONNECTIONS" -m1 "$3"
    fi
}

# Runs an h2load command line for $1 seconds and prints what load prints, from its per-request log.
h2load_run() { # seconds h2load-command...
    local seconds="$1" ok failed p50 p99
    shift
    rm -f "$WORK/h2load.log"   # h2load appends to its log
    "$@" -D "$seconds" --log-file="$WORK/h2load.log" >"$WORK/h2load.out" 2>&1 \
        || { cat "$WORK/h2load.out" >&2; exit 1; }
    read -r ok failed p50 p99 <<<"$(h2load_latencies "$WORK/h2load.log")"
    awk -v d="$seconds" -v ok="$ok" -v bad="$failed" -v p50="$p50" -v p99="$p99" 'BEGIN {
        printf "%.2f %.2f %.2f %d %s\n", ok / d, p50 / 1000, p99 / 1000, ok + bad, bad ? bad : "" }'
}

RESULTS="$WORK/results.tsv"
: >"$RESULTS"
server_pids() { # ours|nginx|stock: stock runs in our JVM
    if [ "$1" = nginx ]; then echo "$NGINX_PIDS"; else echo "$OURS_PID"; fi
}
run() { # mode server object url [rate]: closed loop, or paced at rate requests/s in all
    local mode="$1" server="$2" object="$3" url="$4" out cpu0 cpu1 TIMEFORMAT='%U %S'
    # shellcheck disable=SC2046
    cpu0="$(cpu_ticks $(server_pids "$server"))"
    # The load generator's own CPU time too (bash's time: user and system of wrk or h2load), so that a run bound by
    # the client (one CPU busy on the pinned side) shows as such.
    out="$({ time load "$mode" "$DURATION" "$url" "${5:-}" 2>&3; } 3>&2 2>"$WORK/client.time")"
    # shellcheck disable=SC2046
    cpu1="$(cpu_ticks $(server_pids "$server"))"
    local rps p50 p99 errors requests cpu_us client_us client_busy
    read -r rps p50 p99 requests errors <<<"$out"
    cpu_us="$(awk -v t="$((cpu1 - cpu0))" -v hz="$CLK_TCK" -v n="$requests" 'BEGIN { printf "%.1f", t / hz * 1e6 / n }')"
    read -r client_us client_busy <<<"$(awk -v n="$requests" -v d="$DURATION" '{ c = $1 + $2 }
        END { printf "%.1f %.2f", c * 1e6 / n, c / d }' "$WORK/client.time")"
    printf '%-8s %-6s %-8s %10s req/s  p50 %7s ms  p99 %7s ms  CPU %7s us/req  client %7s us/req (%s CPUs)  load %s%s\n' \
        "$mode" "$server" "$object" "$rps" "$p50" "$p99" "$cpu_us" "$client_us" "$client_busy" \
        "$(cut -d' ' -f1 /proc/loadavg)" "${errors:+ NON-2xx: $errors}"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$mode" "$server" "$object" "$rps" "$p50" "$p99" "$cpu_us" "$client_us" \
        >>"$RESULTS"
}

echo "== warm-up: ${WARMUP}s on live.war, 10 s on nginx, 10 s on stock Tomcat (unpinned, not recorded)"
load unpinned "$((WARMUP / 2))" "$OURS_PLAYLIST" >/dev/null
load unpinned "$((WARMUP - WARMUP / 2))" "$OURS_SEGMENT" >/dev/null
load unpinned 10 "$NGINX_PLAYLIST" >/dev/null
load unpinned 10 "$STOCK_PLAYLIST" >/dev/null
jvm_paths() { # 5 s of each path our JVM serves, results discarded
    local url
    for url in "$OURS_PLAYLIST" "$OURS_SEGMENT" "$STOCK_PLAYLIST" "$STOCK_SEGMENT"; do
        load unpinned 5 "$url" >/dev/null
    done
}
settle_jit "$OURS_PID" 20 "$SETTLE" jvm_paths
JIT_LINE="JIT: $SETTLE_SPENT s more warm-up, then $SETTLE_LAST methods compiled in 20 s ($SETTLE_TOTAL in all)"
[ "$SETTLE" -gt 0 ] || JIT_LINE="JIT: not settled (SETTLE=0), $SETTLE_TOTAL methods compiled"
echo "$JIT_LINE"

echo "== measuring: ${DURATION}s per run, $ROUNDS A/B rounds per cell"
for mode in pinned unpinned; do
    if [ "$mode" = pinned ]; then pin 0; else pin "0-$(($(nproc) - 1))"; fi
    for object in playlist segment; do
        for _ in $(seq 1 "$ROUNDS"); do
            if [ "$object" = playlist ]; then
                run "$mode" ours "$object" "$OURS_PLAYLIST"
                run "$mode" nginx "$object" "$NGINX_PLAYLIST"
                run "$mode" stock "$object" "$STOCK_PLAYLIST"
            else
                run "$mode" ours "$object" "$OURS_SEGMENT"
                run "$mode" nginx "$object" "$NGINX_SEGMENT"
                run "$mode" stock "$object" "$STOCK_SEGMENT"
            fi
        done
    done
done

summary() { # results-file
    echo "== summary (means over rounds; MB/s = req/s x object size; stock = DefaultServlet without any check;"
    echo "   CPU = server user + system time per request, from /proc, in microseconds; client = the load generator's)"
    printf '%-8s %-8s %12s %12s %7s %9s %9s %9s %9s %12s %7s %9s %9s %7s %9s %9s %9s\n' mode object "ours req/s" \
        "nginx req/s" ratio "ours p50" "ours p99" "nginx p50" "nginx p99" "stock req/s" "stock/nginx" "ours CPU" \
        "nginx CPU" "CPU o/n" "stock CPU" "client o" "client n"
    awk -F'\t' '
        { key = $1 SUBSEP $3; n[key, $2]++; rps[key, $2] += $4; p50[key, $2] += $5; p99[key, $2] += $6; cpu[key, $2] += $7
          client[key, $2] += $8; keys[key] = 1 }
        END {
            split("pinned unpinned", modes, " "); split("playlist segment", objects, " ")
            for (m = 1; m <= 2; m++) for (o = 1; o <= 2; o++) {
                k = modes[m] SUBSEP objects[o]
                if (!(k in keys)) continue
                ro = rps[k, "ours"] / n[k, "ours"]; rn = rps[k, "nginx"] / n[k, "nginx"]
                rs = rps[k, "stock"] / n[k, "stock"]
                co = cpu[k, "ours"] / n[k, "ours"]; cn = cpu[k, "nginx"] / n[k, "nginx"]; cs = cpu[k, "stock"] / n[k, "stock"]
                printf "%-8s %-8s %12.0f %12.0f %6.2fx %7.2fms %7.2fms %7.2fms %7.2fms %12.0f %10.2fx %7.1fus %7.1fus %6.2fx %7.1fus %7.1fus %7.1fus\n",
                    modes[m], objects[o], ro, rn, ro / rn, p50[k, "ours"] / n[k, "ours"], p99[k, "ours"] / n[k, "ours"],
                    p50[k, "nginx"] / n[k, "nginx"], p99[k, "nginx"] / n[k, "nginx"], rs, rs / rn, co, cn, co / cn, cs,
                    client[k, "ours"] / n[k, "ours"], client[k, "nginx"] / n[k, "nginx"]
                if (objects[o] == "segment") printf "%-8s %-8s %9.0f MB/s %9.0f MB/s\n", "", "", ro * 1.048576,
                    rn * 1.048576
            }
        }' "$1"
}
summary "$RESULTS"

if [ "$FIXED_RATE" != 0 ]; then
    offer="half of nginx's closed-loop rate above"
    [ -z "${FIXED_RATE_OFFER:-}" ] || offer="$FIXED_RATE_OFFER req/s"
    echo "== fixed rate: the playlist paced by h2load at $offer, ${DURATION}s per run"
    CLOSED_RESULTS="$RESULTS"
    RESULTS="$WORK/fixed.tsv"
    : >"$RESULTS"
    for mode in pinned unpinned; do
        if [ "$mode" = pinned ]; then pin 0; else pin "0-$(($(nproc) - 1))"; fi
        rate="${FIXED_RATE_OFFER:-$(awk -F'\t' -v m="$mode" '$1 == m && $2 == "nginx" && $3 == "playlist" { s += $4; n++ }
            END { printf "%.0f", s / n / 2 }' "$CLOSED_RESULTS")}"
        echo "$mode: offered $rate req/s"
        for _ in $(seq 1 "$ROUNDS"); do
            run "$mode" ours playlist "$OURS_PLAYLIST" "$rate"
            run "$mode" nginx playlist "$NGINX_PLAYLIST" "$rate"
            run "$mode" stock playlist "$STOCK_PLAYLIST" "$rate"
        done
    done
    echo "== fixed-rate summary (req/s is the rate achieved; below the offered one, pacing slipped)"
    summary "$RESULTS" | tail -n +3
fi
[ "$PROTOCOL" != https ] \
    || echo "TLS: ours $OURS_TLS (engine $TLS_ENGINE), nginx $(tls_of "$NGINX_PORT") (wrk's OpenSSL negotiated)"
echo "protocol: $PROTOCOL ($LOADGEN); access logs: $([ "$ACCESS_LOGS" = 1 ] && echo "on (both)" || echo off)"
echo "server JVM: $(bench_java_banner); $JIT_LINE"
echo "load average: $(cat /proc/loadavg)"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -r); $(date -u)"
