# Shared by the bench scripts (sourced, not run): which java runs the server, and the CPU time of server processes.

# The java that runs our server: "$JAVA_HOME/bin/java" when JAVA_HOME is set, else the java on the PATH. JCMD is its
# jcmd (a jcmd of another JDK may fail to attach). Prints nothing; bench_java_banner says which one runs.
bench_java() {
    if [ -n "${JAVA_HOME:-}" ]; then
        JAVA="$JAVA_HOME/bin/java"
        JCMD="$JAVA_HOME/bin/jcmd"
    else
        JAVA="$(command -v java)"
        JCMD="$(command -v jcmd || true)"
    fi
    [ -x "$JAVA" ] || { echo "no java at $JAVA (check JAVA_HOME)" >&2; exit 2; }
}

bench_java_banner() { # one line: the java binary and its version
    echo "$JAVA ($("$JAVA" -version 2>&1 | head -1))"
}

# User + system CPU time of processes (all their threads), in clock ticks (getconf CLK_TCK per second).
cpu_ticks() { # pid...
    local pid
    for pid in "$@"; do
        # Fields 14 and 15 of /proc/PID/stat; the command name (field 2) may hold spaces, so count from its ")".
        sed 's/^.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }'
    done | awk '{ s += $1 } END { print s + 0 }'
}

CLK_TCK="$(getconf CLK_TCK)"

free_port() { # a free TCP port on 127.0.0.1
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

compiled_methods() { # pid: how many methods that JVM's JIT compiler has compiled so far (the jstat beside $JCMD)
    "$(dirname "${JCMD:-.}")/jstat" -compiler "$1" | awk 'NR == 2 { print $1 }'
}

# More load on a server while its JIT compiler is still busy: on one saturated CPU the compiler takes minutes to catch
# up with a long request path, and figures taken before then are partly its. Runs the workload command (it loads the
# server for STEP seconds) until the compiler compiles at most 20 methods during one call, or MAX seconds have passed.
# Sets SETTLE_SPENT (seconds of load), SETTLE_LAST (methods compiled during the last call) and SETTLE_TOTAL.
settle_jit() { # pid step max command...
    local pid=$1 step=$2 max=$3 before after
    shift 3
    [ -x "$(dirname "${JCMD:-.}")/jstat" ] \
        || { echo "no jstat beside jcmd ('${JCMD:-}'): set JAVA_HOME to a JDK" >&2; exit 2; }
    SETTLE_SPENT=0
    after=$(compiled_methods "$pid")
    before=$after
    while [ "$SETTLE_SPENT" -lt "$max" ]; do
        before=$after
        "$@"
        SETTLE_SPENT=$((SETTLE_SPENT + step))
        after=$(compiled_methods "$pid")
        [ $((after - before)) -le 20 ] && break
    done
    SETTLE_LAST=$((after - before))
    SETTLE_TOTAL=$after
}

property() { # file name: the value of a java.util.Properties line (which escapes ':' and '=' with a backslash)
    sed -n "s/^$2=//p" "$1" | sed 's/\\:/:/g; s/\\=/=/g'
}

# The requests in h2load's per-request logs (--log-file: start, status, duration in µs, tab-separated) as
# "answered failed p50-us p99-us". Status 0 counts as answered: h2load 1.52 reads no status from an HTTP/1.1 status
# line without a reason phrase, which is what Tomcat sends; -1 (no answer) and any status outside 2xx count as failed.
h2load_latencies() { # log-file...
    local failed
    failed=$(cat "$@" | awk -F'\t' '!($2 == 0 || ($2 >= 200 && $2 < 300)) { n++ } END { print n + 0 }')
    cat "$@" | awk -F'\t' '$2 == 0 || ($2 >= 200 && $2 < 300) { print $3 }' | sort -n \
        | awk -v failed="$failed" '{ v[NR] = $1 }
            function rank(p,  i) { i = int(NR * p); if (i < NR * p) i++; return i < 1 ? 0 : v[i] }
            END { printf "%d %d %d %d\n", NR, failed, rank(0.50), rank(0.99) }'
}

tls_of() { # port: the protocol and cipher a default OpenSSL client negotiates with 127.0.0.1:port
    echo | openssl s_client -connect "127.0.0.1:$1" 2>/dev/null \
        | awk '/^ *Protocol *:/ { p = $3 } /^ *Cipher *:/ { c = $3 } END { print p, c }'
}

# Our bench server's self-signed certificate for nginx: the PKCS#12 key store named by the "keystore" and
# "keystorePassword" lines of a properties file, written as cert.pem and key.pem into a directory.
nginx_pem_from_keystore() { # properties-file directory
    local keystore storepass
    keystore=$(property "$1" keystore)
    storepass=$(property "$1" keystorePassword)
    mkdir -p "$2"
    openssl pkcs12 -in "$keystore" -passin "pass:$storepass" -nokeys -out "$2/cert.pem" 2>/dev/null
    openssl pkcs12 -in "$keystore" -passin "pass:$storepass" -nocerts -nodes -out "$2/key.pem" 2>/dev/null
}

# Tomcat's OpenSSL through FFM (TLS_ENGINE=openssl; Java 22+, Debian's libssl.so): its implementation class and the
# tomcat-coyote-ffm jar that holds it (not in tomcat-embed-core), which the assembly module unpacks from the Tomcat
# archive. tomcat_ffm_jar runs that unpacking when the jar is missing and prints the jar's path; run from the
# repository's root.
OPENSSL_FFM_IMPLEMENTATION=org.apache.tomcat.util.net.openssl.panama.OpenSSLImplementation
tomcat_ffm_jar() { # build-log
    local jar
    jar=$(ls assembly/target/tomcat-ffm/apache-tomcat-*/lib/tomcat-coyote-ffm.jar 2>/dev/null | head -1)
    if [ -z "$jar" ]; then
        # shellcheck disable=SC2086
        mvn ${MVN_OFFLINE:-} -B -q -pl assembly generate-resources >>"$1" 2>&1 || { tail -40 "$1" >&2; exit 1; }
        jar=$(ls assembly/target/tomcat-ffm/apache-tomcat-*/lib/tomcat-coyote-ffm.jar | head -1)
    fi
    echo "$(pwd)/$jar"
}
