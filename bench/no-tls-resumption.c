/*
 * LD_PRELOAD shim for bench/handshakes.sh: makes an OpenSSL client (wrk) forget its TLS session whenever it reuses
 * an SSL object for a new connection, so every connection pays a full handshake, as ffmpeg's do (it builds a new TLS
 * context per connection and never offers a session). wrk closes a connection with SSL_shutdown() + SSL_clear(),
 * and SSL_clear() keeps the session for resumption; this SSL_clear() drops it first.
 * Built by handshakes.sh: gcc -shared -fPIC -o no-tls-resumption.so no-tls-resumption.c -ldl -lssl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <openssl/ssl.h>

int SSL_clear(SSL *ssl) {
    static int (*next)(SSL *);
    if (next == NULL) {
        next = (int (*)(SSL *)) dlsym(RTLD_NEXT, "SSL_clear");
    }
    SSL_set_session(ssl, NULL);
    return next(ssl);
}
