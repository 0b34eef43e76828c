package io.livepush.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metric names, as a server exports them and as shipped dashboards and alert rules use them, so tests can check that
 * every query names a series that really exists.
 */
public final class MetricNames {

    /** Where the shipped Grafana dashboard lives, relative to the build root. */
    public static final String DASHBOARD = "tomcat-conf/grafana/livepush-dashboard.json";
    /** Where the shipped alert rules live, relative to the build root. */
    public static final String RULES = "tomcat-conf/prometheus/livepush-rules.yml";

    private static final Pattern EXPR = Pattern.compile("\"expr\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern RULE_EXPR = Pattern.compile("^\\s*expr:\\s*(.+)$", Pattern.MULTILINE);
    /** Our series and those of Micrometer's binders; PromQL functions and keywords are none of these. */
    private static final Pattern NAME = Pattern.compile(
            "\\b((?:livepush|jvm|tomcat|process|system|disk|executor|logback)_[a-zA-Z0-9_]*)\\b");

    private MetricNames() {
    }

    /** The build root (the directory of the parent pom): {@code LIVEPUSH_BUILD_ROOT} in ITs, else {@code ..}. */
    public static Path buildRoot() {
        String root = System.getenv("LIVEPUSH_BUILD_ROOT");
        return Path.of(root == null || root.isBlank() ? ".." : root);
    }

    /** The names of the samples in a text-format or OpenMetrics scrape ({@code _bucket}, {@code _count} included). */
    public static Set<String> exported(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_'
                    || line.charAt(end) == ':')) {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }

    /** The metric names the dashboard's queries use. */
    public static Set<String> usedByDashboard(Path dashboard) throws IOException {
        return namesIn(EXPR.matcher(Files.readString(dashboard)));
    }

    /** The metric names the alert rules' expressions use. */
    public static Set<String> usedByRules(Path rules) throws IOException {
        return namesIn(RULE_EXPR.matcher(Files.readString(rules)));
    }

    private static Set<String> namesIn(Matcher expressions) {
        Set<String> names = new TreeSet<>();
        while (expressions.find()) {
            Matcher name = NAME.matcher(expressions.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }
}
