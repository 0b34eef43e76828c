#!/usr/bin/env bash
# Median and p95 (nearest rank) of one column of a player IT's samples (a TSV with a header line), as
#   median 1.50 s, p95 1.52 s (120 samples)
# Usage: bench/latency-summary.sh FILE COLUMN. Empty, "undefined", "null" and "NaN" cells are left out.
set -euo pipefail
file="$1" column="$2"
[ -r "$file" ] || { echo "no samples ($file missing)"; exit 0; }
awk -F'\t' -v c="$column" 'NR > 1 && $c != "" && $c != "undefined" && $c != "null" && $c != "NaN" { print $c }' "$file" \
    | sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "no samples"; exit }
        m = int((NR + 1) / 2); p = int(0.95 * NR + 0.999999); if (p > NR) p = NR
        printf "median %.2f s, p95 %.2f s (%d samples)\n", v[m], v[p], NR }'
