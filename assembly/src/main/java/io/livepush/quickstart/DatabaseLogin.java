package io.livepush.quickstart;

/**
 * How the web applications reach the quick start's embedded MariaDB. The password stays out of the URL and out of
 * {@link #toString()}.
 */
record DatabaseLogin(String url, String user, String password) {

    @Override
    public String toString() {
        return "DatabaseLogin[url=" + url + ", user=" + user + ", password=(hidden)]";
    }
}
