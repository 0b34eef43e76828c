#!/bin/sh
# Live Push for Tomcat: settings read by catalina.sh. Every value can be set in the environment or in
# $CATALINA_BASE/conf/livepush.env (owner-only, mode 600); secrets belong there, never in git or in a WAR.
# The XML files read these as ${NAME} from the environment, so no secret appears on the java command line.

if [ -r "$CATALINA_BASE/conf/livepush.env" ]; then
  set -a
  . "$CATALINA_BASE/conf/livepush.env"
  set +a
fi

: "${LIVEPUSH_HTTP_PORT:=8080}"
: "${LIVEPUSH_HTTPS_PORT:=8443}"
: "${LIVEPUSH_SHUTDOWN_PORT:=8005}"
: "${LIVEPUSH_MAX_THREADS:=400}"
: "${LIVEPUSH_KEYSTORE:=$CATALINA_BASE/conf/livepush-keystore.p12}"
: "${LIVEPUSH_DB_URL:=jdbc:mariadb://127.0.0.1:3306/livepush}"
: "${LIVEPUSH_DB_USER:=livepush}"
: "${LIVEPUSH_STORAGE:=$CATALINA_BASE/livepush-storage}"
: "${LIVEPUSH_NODE_ID:=$(hostname)}"
: "${LIVEPUSH_POP:=default}"
: "${LIVEPUSH_ADMIN_ALLOW:=127.0.0.0/8, ::1/128}"
: "${LIVEPUSH_TLS_PROTOCOLS:=TLSv1.2}"
# jsse (measured faster, docs/benchmarks.md); auto: OpenSSL (through FFM) on Java 22+ when libssl.so loads, else
# JSSE; openssl forces it (docs/install.md).
: "${LIVEPUSH_TLS_ENGINE:=jsse}"
: "${LIVEPUSH_METRICS_ALLOW:=127.0.0.0/8, ::1/128}"
# Empty: no token (then only LIVEPUSH_METRICS_ALLOW may scrape). A secret: keep it in conf/livepush.env.
: "${LIVEPUSH_METRICS_TOKEN:=}"
# Peer fill between the primary and backup PoP (docs/scale-out.md): the same secret, 16 characters or more, on every
# live.war node of both PoPs. Empty: this node neither fills from nor answers peers. A secret: conf/livepush.env.
: "${LIVEPUSH_PEER_SECRET:=}"
export LIVEPUSH_HTTP_PORT LIVEPUSH_HTTPS_PORT LIVEPUSH_SHUTDOWN_PORT LIVEPUSH_MAX_THREADS LIVEPUSH_KEYSTORE \
  LIVEPUSH_DB_URL LIVEPUSH_DB_USER LIVEPUSH_STORAGE LIVEPUSH_NODE_ID LIVEPUSH_POP LIVEPUSH_ADMIN_ALLOW \
  LIVEPUSH_TLS_PROTOCOLS LIVEPUSH_TLS_ENGINE LIVEPUSH_METRICS_ALLOW LIVEPUSH_METRICS_TOKEN LIVEPUSH_PEER_SECRET

livepush_refuse() {
  echo "Live Push: refusing to start: $1" >&2
  echo "Live Push: see docs/install.md (or run bin/livepush-init)" >&2
  exit 1
}

# A bad security configuration stops the start, with the reason.
[ -r "$LIVEPUSH_KEYSTORE" ] || livepush_refuse "no TLS keystore at $LIVEPUSH_KEYSTORE (LIVEPUSH_KEYSTORE)"
case "$LIVEPUSH_TLS_PROTOCOLS" in
  *SSL*|*TLSv1.1*|*"TLSv1+"*|TLSv1) livepush_refuse "LIVEPUSH_TLS_PROTOCOLS may list only TLSv1.2 and TLSv1.3" ;;
esac
case "$LIVEPUSH_TLS_ENGINE" in
  auto|jsse|openssl) ;;
  *) livepush_refuse "LIVEPUSH_TLS_ENGINE must be auto, jsse or openssl" ;;
esac
case "${LIVEPUSH_KEYSTORE_PASSWORD:-}" in
  ""|changeit|password|secret) livepush_refuse "LIVEPUSH_KEYSTORE_PASSWORD is empty or a well-known default" ;;
esac
case "${LIVEPUSH_DB_PASSWORD-unset}" in
  unset) livepush_refuse "LIVEPUSH_DB_PASSWORD is not set" ;;
  changeit|password|secret|root|livepush) livepush_refuse "LIVEPUSH_DB_PASSWORD is a well-known default" ;;
esac
if [ -n "$LIVEPUSH_PEER_SECRET" ] && [ ${#LIVEPUSH_PEER_SECRET} -lt 16 ]; then
  livepush_refuse "LIVEPUSH_PEER_SECRET has fewer than 16 characters (leave it empty to turn peer fill off)"
fi
if [ -z "${LIVEPUSH_SHUTDOWN_WORD:-}" ] || [ "$LIVEPUSH_SHUTDOWN_WORD" = "SHUTDOWN" ]; then
  # Without a private shutdown word (bin/livepush-init writes one) the shutdown port stays closed:
  # stop Tomcat with a signal (kill, systemctl stop) instead of catalina.sh stop.
  LIVEPUSH_SHUTDOWN_PORT=-1
  LIVEPUSH_SHUTDOWN_WORD=disabled
fi
export LIVEPUSH_KEYSTORE_PASSWORD LIVEPUSH_DB_PASSWORD LIVEPUSH_SHUTDOWN_WORD LIVEPUSH_SHUTDOWN_PORT

# live.xml mounts the storage root for playback; Tomcat refuses to deploy it while the folder is missing.
mkdir -p "$LIVEPUSH_STORAGE" || livepush_refuse "cannot create the storage root $LIVEPUSH_STORAGE (LIVEPUSH_STORAGE)"

CATALINA_OPTS="$CATALINA_OPTS -Dorg.apache.tomcat.util.digester.PROPERTY_SOURCE=org.apache.tomcat.util.digester.EnvironmentPropertySource"
CATALINA_OPTS="$CATALINA_OPTS ${LIVEPUSH_JVM_OPTS:--Xms512m -Xmx2g -XX:+UseG1GC}"
export CATALINA_OPTS
