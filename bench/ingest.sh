#!/usr/bin/env bash
# Ingest benchmark (issue 5, SPEC §12): 64 encoders PUT over HTTPS keep-alive with Basic auth to live.war in embedded
# Tomcat and, side by side in the same run, to nginx (Debian) with dav_methods + auth_basic + TLS.
# Workloads: (a) 1 MiB segments, (b) 2 KiB playlists. Rounds alternate ours/nginx (A B A B) after a JVM warm-up,
# pinned (server on CPU 0, load on CPU 1) and unpinned. Not part of the test suite. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

ENCODERS=${ENCODERS:-64}
DURATION=${DURATION:-15}          # seconds per measured round
ROUNDS=${ROUNDS:-2}               # A B pairs per workload and mode
WARMUP=${WARMUP:-30}              # seconds of JVM warm-up under load before the first round of each mode
MODES=${MODES:-"pinned unpinned"}
WORKLOADS=${WORKLOADS:-"a b"}
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
JAVA_OPTS=${JAVA_OPTS:-"-Xms1g -Xmx1g -XX:+AlwaysPreTouch"}
JFR=${JFR:-0}                     # 1: record a JFR profile of the server per mode into $WORK
SKIP_BUILD=${SKIP_BUILD:-0}
export LIVEPUSH_TEST_JDBC_URL=${LIVEPUSH_TEST_JDBC_URL:-'jdbc:mariadb://127.0.0.1:3306/?user=root'}
# The publishing connector as tomcat-conf/conf/server.xml should have it (SPEC §12).
# Default: the attributes of the HTTPS connector in tomcat-conf/conf/server.xml (its executor has 400 threads).
CONNECTOR_ATTRS=${CONNECTOR_ATTRS:-"maxKeepAliveRequests=-1 keepAliveTimeout=120000 connectionTimeout=30000 maxThreads=400 minSpareThreads=16 maxConnections=10000 acceptCount=200"}

for tool in java mvn nginx wrk taskset openssl jcmd; do
    command -v "$tool" >/dev/null 2>&1 || { echo "ingest.sh: '$tool' is missing (apt-get install -y nginx wrk)" >&2; exit 2; }
done

WORK=$(mktemp -d /tmp/livepush-bench.XXXXXX)
PASSWORD=bench-publish-secret
SERVER_PID=""
NGINX_CONF=""
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

stop_servers() {
    if [ -n "$NGINX_CONF" ] && [ -f "$WORK/nginx/nginx.pid" ]; then
        nginx -p "$WORK/nginx" -c "$NGINX_CONF" -s stop 2>/dev/null || true
        sleep 1
    fi
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
trap 'stop_servers; rm -rf "$WORK/ours-root" "$WORK/nginx/root"' EXIT

# ---- build live.war and the bench main, and the test classpath ----
if [ "$SKIP_BUILD" != 1 ]; then
    log "Building live.war and the bench classes"
    mvn -B -q -pl ingest-servlet -am package dependency:build-classpath -DskipTests \
        -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/deps.cp" >"$WORK/build.log" 2>&1 \
        || { tail -40 "$WORK/build.log"; exit 1; }
else
    mvn -B -q -pl ingest-servlet -am dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile="$WORK/deps.cp" >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; exit 1; }
fi
CLASSPATH="$REPO/ingest-servlet/target/test-classes:$REPO/ingest-servlet/target/classes:$(cat "$WORK/deps.cp")"

# ---- wrk scripts: one slot (and user) per encoder; each request names its encoder's slot ----
make_lua() { # $1 = body bytes, $2 = file names per encoder, $3 = extension, $4 = output
    {
        echo "local encoders, names, size = $ENCODERS, $2, $1"
        echo "local auth = {"
        for i in $(seq 0 $((ENCODERS - 1))); do
            printf '  "Basic %s",\n' "$(printf 'enc%02d:%s' "$i" "$PASSWORD" | base64 -w0)"
        done
        echo "}"
        cat <<LUA
local requests, n = {}, 0
function init(args)
  local body = string.rep("#", size)
  for e = 0, encoders - 1 do
    for f = 0, names - 1 do
      local path = string.format("/live/push/acme/enc%02d/bench/f%d.$3", e, f)
      requests[e * names + f] = wrk.format("PUT", path, { ["Authorization"] = auth[e + 1],
        ["Content-Type"] = "application/octet-stream" }, body)
    end
  end
end
function request()
  -- Round-robin over encoders, then over each encoder's file names (segments rotate, playlists are rewritten).
  local e = n % encoders
  local f = math.floor(n / encoders) % names
  n = n + 1
  return requests[e * names + f]
end
function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_us=%d status_errors=%d connect_errors=%d read_errors=%d "
    .. "write_errors=%d timeouts=%d p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d mean_us=%.0f\n",
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency:percentile(99.9), latency.max, latency.mean))
end
LUA
    } >"$4"
}
make_lua $((1024 * 1024)) 4 m4s "$WORK/a.lua"
make_lua 2048 1 m3u8 "$WORK/b.lua"
declare -A BODY=([a]=$((1024 * 1024)) [b]=2048)
declare -A LABEL=([a]="(a) 1 MiB segments" [b]="(b) 2 KiB playlists")

# ---- servers ----
start_ours() { # $1 = mode
    rm -rf "$WORK/ours-root" "$WORK/tomcat" "$WORK/ready.properties"
    local pin=() jfr=()
    [ "$1" = pinned ] && pin=(taskset -c "$SERVER_CPU")
    [ "$JFR" = 1 ] && jfr=("-XX:StartFlightRecording=filename=$WORK/ours-$1.jfr,settings=profile")
    # shellcheck disable=SC2086
    "${pin[@]}" java $JAVA_OPTS "${jfr[@]}" -Dlivepush.war="$REPO/ingest-servlet/target/live" -cp "$CLASSPATH" \
        io.livepush.bench.IngestBenchServer "$WORK" "$ENCODERS" $CONNECTOR_ATTRS >"$WORK/ours-$1.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 600); do
        [ -f "$WORK/ready.properties" ] && break
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "$WORK/ours-$1.log"; exit 1; }
        sleep 0.5
    done
    [ -f "$WORK/ready.properties" ] || { echo "bench server did not come up" >&2; tail -40 "$WORK/ours-$1.log"; exit 1; }
    OURS_PORT=$(sed -n 's/^httpsPort=//p' "$WORK/ready.properties")
}

tls_of() { # $1 = port: the protocol and cipher a default OpenSSL client negotiates
    echo | openssl s_client -connect "127.0.0.1:$1" 2>/dev/null \
        | awk '/^ *Protocol *:/ { p = $3 } /^ *Cipher *:/ { c = $3 } END { print p, c }'
}

setup_nginx_tls() { # the same self-signed certificate as Tomcat's, converted to PEM; the same TLS version as ours
    local keystore storepass
    keystore=$(sed -n 's/^keystore=//p' "$WORK/ready.properties")
    storepass=$(sed -n 's/^keystorePassword=//p' "$WORK/ready.properties")
    mkdir -p "$WORK/nginx/tls"
    openssl pkcs12 -in "$keystore" -passin "pass:$storepass" -nokeys -out "$WORK/nginx/tls/cert.pem" 2>/dev/null
    openssl pkcs12 -in "$keystore" -passin "pass:$storepass" -nocerts -nodes -out "$WORK/nginx/tls/key.pem" 2>/dev/null
    OURS_TLS=$(tls_of "$OURS_PORT")
    TLS_PROTOCOL=${OURS_TLS%% *}
    [ -n "$TLS_PROTOCOL" ] || { echo "cannot tell the TLS version of live.war" >&2; exit 1; }
}

start_nginx() { # $1 = mode
    local workers=auto pin=()
    [ "$1" = pinned ] && { workers=1; pin=(taskset -c "$SERVER_CPU"); }
    mkdir -p "$WORK/nginx/root" "$WORK/nginx/tmp" "$WORK/nginx/logs"
    : >"$WORK/nginx/htpasswd"
    for i in $(seq 0 $((ENCODERS - 1))); do
        printf 'enc%02d:%s\n' "$i" "$(openssl passwd -apr1 "$PASSWORD")" >>"$WORK/nginx/htpasswd"
    done
    NGINX_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    NGINX_CONF="$WORK/nginx/nginx.conf"
    cat >"$NGINX_CONF" <<NGINX
user root;
worker_processes $workers;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    keepalive_requests 1000000;   # as maxKeepAliveRequests=-1 on our side
    keepalive_timeout 60s;
    client_max_body_size 100m;
    client_body_temp_path $WORK/nginx/tmp;   # same file system as the root: PUT is temp file + rename
    server {
        listen 127.0.0.1:$NGINX_PORT ssl;
        ssl_certificate $WORK/nginx/tls/cert.pem;
        ssl_certificate_key $WORK/nginx/tls/key.pem;
        ssl_protocols $TLS_PROTOCOL;
        root $WORK/nginx/root;
        location /live/push/ {
            dav_methods PUT DELETE MKCOL;
            create_full_put_path on;
            dav_access user:rw group:r all:r;
            auth_basic "Live Push";
            auth_basic_user_file $WORK/nginx/htpasswd;
        }
    }
}
NGINX
    "${pin[@]}" nginx -p "$WORK/nginx" -c "$NGINX_CONF"
    log "TLS negotiated by wrk's OpenSSL: live.war $OURS_TLS, nginx $(tls_of "$NGINX_PORT")"
    printf '%s\ttls\tours %s, nginx %s\n' "$1" "$OURS_TLS" "$(tls_of "$NGINX_PORT")" >>"$WORK/heap.tsv"
}

# ---- one wrk round ----
run_wrk() { # $1 = mode, $2 = workload, $3 = port, $4 = seconds; prints the RESULT line and wrk's CPU seconds
    local pin=() threads=2 TIMEFORMAT='CLIENTCPU %U %S'
    [ "$1" = pinned ] && { pin=(taskset -c "$LOAD_CPU"); threads=1; }
    { time "${pin[@]}" wrk -t"$threads" -c"$ENCODERS" -d"${4}s" --timeout 10s -s "$WORK/$2.lua" \
        "https://127.0.0.1:$3/" >"$WORK/wrk.out"; } 2>"$WORK/wrk.time"
    grep '^RESULT' "$WORK/wrk.out" | tr '\n' ' '
    awk '/^CLIENTCPU/ { printf " client_cpu=%.3f\n", $2 + $3 }' "$WORK/wrk.time"
}

field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$2"; }

RESULTS="$WORK/results.tsv"
: >"$RESULTS"
server_cpu_ticks() { # $1 = ours|nginx: user + system CPU of the server's processes, in clock ticks
    local pids
    if [ "$1" = ours ]; then pids=$SERVER_PID; else
        pids="$(cat "$WORK/nginx/nginx.pid") $(pgrep -P "$(cat "$WORK/nginx/nginx.pid")" | tr '\n' ' ')"; fi
    # shellcheck disable=SC2086
    for p in $pids; do awk '{ print $14 + $15 }' "/proc/$p/stat"; done | awk '{ s += $1 } END { print s }'
}

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
    jcmd "$SERVER_PID" GC.run >/dev/null 2>&1 || true
    jcmd "$SERVER_PID" GC.heap_info 2>/dev/null | awk '/(generation|heap) +total/ && match($0, /used [0-9]+K/) {
        sum += substr($0, RSTART + 5, RLENGTH - 6) } END { print int(sum / 1024) }'
}

log "Work directory $WORK; $(nproc) CPUs; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"
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
