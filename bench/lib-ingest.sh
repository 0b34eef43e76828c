# Shared by bench/ingest.sh, bench/ingest-fixed-rate.sh and bench/handshakes.sh (sourced, not run): builds live.war,
# starts it over HTTPS in IngestBenchServer with one slot per encoder, and nginx (Debian) with the same certificate,
# TLS version, dav_methods and auth_basic; wrk scripts with each encoder's credential; CPU time of either server.
# The caller sets WORK (a fresh directory) and REPO (the repository root) before calling ingest_init.
# shellcheck source=bench/lib-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib-common.sh"

ingest_defaults() { # the environment knobs the three scripts share
    ENCODERS=${ENCODERS:-64}
    SERVER_CPU=${SERVER_CPU:-0}
    LOAD_CPU=${LOAD_CPU:-1}
    # G1 as tomcat-conf/bin/setenv.sh sets it: a JVM started pinned to one CPU would otherwise pick Serial GC.
    JAVA_OPTS=${JAVA_OPTS:-"-Xms1g -Xmx1g -XX:+AlwaysPreTouch -XX:+UseG1GC"}
    JFR=${JFR:-0}                     # 1: record a JFR profile of the server per mode into $WORK
    SKIP_BUILD=${SKIP_BUILD:-0}
    MVN_OFFLINE=${MVN_OFFLINE:-}      # "-o" keeps Maven offline
    export LIVEPUSH_TEST_JDBC_URL=${LIVEPUSH_TEST_JDBC_URL:-'jdbc:mariadb://127.0.0.1:3306/?user=root'}
    # The publishing connector as tomcat-conf/conf/server.xml should have it (SPEC §12).
    # Default: the attributes of the HTTPS connector in tomcat-conf/conf/server.xml (its executor has 400 threads).
    CONNECTOR_ATTRS=${CONNECTOR_ATTRS:-"maxKeepAliveRequests=-1 keepAliveTimeout=120000 connectionTimeout=30000 maxThreads=400 minSpareThreads=16 maxConnections=10000 acceptCount=200"}
    # jsse (default) or openssl: Tomcat's OpenSSL through FFM (Java 22+, libssl.so, the tomcat-coyote-ffm jar the
    # assembly module unpacks from the Tomcat archive), as the distribution picks it automatically.
    TLS_ENGINE=${TLS_ENGINE:-jsse}
    PASSWORD=bench-publish-secret
    SERVER_PID=""
    NGINX_CONF=""
}

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

require_tools() { # tool...
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 \
            || { echo "$(basename "$0"): '$tool' is missing (apt-get install -y nginx wrk nghttp2-client)" >&2; exit 2; }
    done
}

# More load on ours while its JIT compiler is still busy (settle_jit in lib-common.sh): 10 s of each workload at a
# time, for up to SETTLE seconds; logs and records (in $WORK/heap.tsv) how long that took.
settle_compiler() { # $1 = mode, $2... = wrk workloads (make_lua names: a, b, close)
    local mode=$1
    shift
    settle_jit "$SERVER_PID" $((10 * $#)) "$SETTLE" wrk_each "$mode" "$@"
    log "JIT: $SETTLE_SPENT s more warm-up; $SETTLE_LAST methods compiled in its last $((10 * $#)) s, $SETTLE_TOTAL in all"
    printf '%s\tjit\t%s s more warm-up, then %s methods compiled in %s s (%s in all)\n' "$mode" "$SETTLE_SPENT" \
        "$SETTLE_LAST" "$((10 * $#))" "$SETTLE_TOTAL" >>"$WORK/heap.tsv"
}

wrk_each() { # $1 = mode, $2... = wrk workloads: 10 s of each on ours, results discarded
    local mode=$1 w
    shift
    for w in "$@"; do
        run_wrk "$mode" "$w" "$OURS_PORT" 10 >/dev/null
    done
}

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

build_classpath() { # builds live.war and the bench main (unless SKIP_BUILD=1) and sets CLASSPATH
    if [ "$SKIP_BUILD" != 1 ]; then
        log "Building live.war and the bench classes"
        # shellcheck disable=SC2086
        mvn $MVN_OFFLINE -B -q -pl ingest-servlet -am package dependency:build-classpath -DskipTests \
            -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/deps.cp" >"$WORK/build.log" 2>&1 \
            || { tail -40 "$WORK/build.log"; exit 1; }
    else
        # shellcheck disable=SC2086
        mvn $MVN_OFFLINE -B -q -pl ingest-servlet -am dependency:build-classpath -Dmdep.includeScope=test \
            -Dmdep.outputFile="$WORK/deps.cp" >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; exit 1; }
    fi
    CLASSPATH="$REPO/ingest-servlet/target/test-classes:$REPO/ingest-servlet/target/classes:$(cat "$WORK/deps.cp")"
    case "$TLS_ENGINE" in
        jsse) ;;
        openssl)
            CLASSPATH="$CLASSPATH:$(tomcat_ffm_jar "$WORK/build.log")"
            CONNECTOR_ATTRS="$CONNECTOR_ATTRS sslImplementationName=$OPENSSL_FFM_IMPLEMENTATION"
            JAVA_OPTS="$JAVA_OPTS --enable-native-access=ALL-UNNAMED" ;;
        *) echo "TLS_ENGINE must be jsse or openssl" >&2; exit 2 ;;
    esac
}

# ---- wrk scripts: one slot (and user) per encoder; each request names its encoder's slot ----
make_body() { # $1 = bytes, $2 = extension, $3 = output: a live media playlist for m3u8 (what an encoder rewrites, so
    # ingest parses it as it would ffmpeg's; its segments are the f0-f3.m4s of the 1 MiB workload, so encoder health
    # finds them), '#' bytes otherwise; exactly $1 bytes either way
    if [ "$2" = m3u8 ]; then
        awk -v size="$1" 'BEGIN {
            text = "#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:1000\n"
            entry = "#EXTINF:2.000000,\nf%d.m4s\n"
            for (s = 1000; length(text) + length(sprintf(entry, s % 4)) + 2 <= size; s++) text = text sprintf(entry, s % 4)
            pad = size - length(text) - 1
            line = "#"; for (i = 1; i < pad; i++) line = line "#"
            printf "%s%s\n", text, line
        }' >"$3"
    else
        head -c "$1" /dev/zero | tr '\0' '#' >"$3"
    fi
    [ "$(stat -c %s "$3")" = "$1" ] || { echo "make_body: $3 is not $1 bytes" >&2; exit 1; }
}

make_lua() { # $1 = body bytes, $2 = file names per encoder, $3 = extension, $4 = output, $5 = "close": new connection per request
    local close=""
    [ "${5:-}" = close ] && close=', ["Connection"] = "close"'
    make_body "$1" "$3" "$4.body"
    {
        echo "local encoders, names = $ENCODERS, $2"
        echo "local auth = {"
        for i in $(seq 0 $((ENCODERS - 1))); do
            printf '  "%s",\n' "$(basic_auth "$i")"
        done
        echo "}"
        cat <<LUA
local requests, n = {}, 0
function init(args)
  local file = io.open("$4.body", "rb")
  local body = file:read("*a")
  file:close()
  for e = 0, encoders - 1 do
    for f = 0, names - 1 do
      local path = string.format("/live/push/acme/enc%02d/bench/f%d.$3", e, f)
      requests[e * names + f] = wrk.format("PUT", path, { ["Authorization"] = auth[e + 1],
        ["Content-Type"] = "application/octet-stream"$close }, body)
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

basic_auth() { # $1 = encoder number: the Authorization header value of its slot's user
    echo "Basic $(printf 'enc%02d:%s' "$1" "$PASSWORD" | base64 -w0)"
}

# ---- servers ----
start_ours() { # $1 = mode
    rm -rf "$WORK/ours-root" "$WORK/tomcat" "$WORK/ready.properties"
    local pin=() jfr=()
    [ "$1" = pinned ] && pin=(taskset -c "$SERVER_CPU")
    [ "$JFR" = 1 ] && jfr=("-XX:StartFlightRecording=filename=$WORK/ours-$1.jfr,settings=profile")
    # shellcheck disable=SC2086
    "${pin[@]}" "$JAVA" $JAVA_OPTS "${jfr[@]}" -Dlivepush.war="$REPO/ingest-servlet/target/live" -cp "$CLASSPATH" \
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

setup_nginx_tls() { # the same self-signed certificate as Tomcat's, converted to PEM; the same TLS version as ours
    nginx_pem_from_keystore "$WORK/ready.properties" "$WORK/nginx/tls"
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
    NGINX_PORT=$(free_port)
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
    log "TLS negotiated by wrk's OpenSSL: live.war $OURS_TLS (engine $TLS_ENGINE), nginx $(tls_of "$NGINX_PORT")"
    printf '%s\ttls\tours %s (engine %s), nginx %s\n' "$1" "$OURS_TLS" "$TLS_ENGINE" "$(tls_of "$NGINX_PORT")" >>"$WORK/heap.tsv"
}

# ---- one wrk round ----
run_wrk() { # $1 = mode, $2 = wrk script name in $WORK, $3 = port, $4 = seconds; prints the RESULT line and wrk's CPU seconds
    local pin=() threads=2 TIMEFORMAT='CLIENTCPU %U %S'
    [ "$1" = pinned ] && { pin=(taskset -c "$LOAD_CPU"); threads=1; }
    # WRK_PRELOAD: a library for wrk's LD_PRELOAD (handshakes.sh: no TLS session resumption).
    { time "${pin[@]}" env ${WRK_PRELOAD:+LD_PRELOAD="$WRK_PRELOAD"} wrk -t"$threads" -c"$ENCODERS" -d"${4}s" \
        --timeout 10s -s "$WORK/$2.lua" "https://127.0.0.1:$3/" >"$WORK/wrk.out"; } 2>"$WORK/wrk.time"
    grep '^RESULT' "$WORK/wrk.out" | tr '\n' ' '
    awk '/^CLIENTCPU/ { printf " client_cpu=%.3f\n", $2 + $3 }' "$WORK/wrk.time"
}

field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$2"; }

server_pids() { # $1 = ours|nginx: the server's process ids (nginx: master and workers)
    if [ "$1" = ours ]; then echo "$SERVER_PID"; else
        echo "$(cat "$WORK/nginx/nginx.pid") $(pgrep -P "$(cat "$WORK/nginx/nginx.pid")" | tr '\n' ' ')"; fi
}

server_cpu_ticks() { # $1 = ours|nginx: user + system CPU of the server's processes, in clock ticks
    # shellcheck disable=SC2046
    cpu_ticks $(server_pids "$1")
}
