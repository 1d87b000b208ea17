#!/usr/bin/env bash
# How a cold build grows with the site: for each size, the generated API reference in the
# shape of issue 16 (section folders without index.md, as in many real docs), built cold without search by
# this checkout as its npm script runs it; prints wall time, CPU, peak RSS, the median
# page's HTML and dist/'s size. Anything per page that grows with the page count shows here.
#   bench/scale.sh [SIZES...]        (default: 1000 4000 16000; keeps nothing)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/docsmith-scale-XXXXXX")
trap 'rm -rf "$work"' EXIT
for n in "${@:-1000 4000 16000}"; do
  for size in $n; do
    (cd "$repo" && npx tsx bench/generate.ts --pages "$size" --out "$work/s$size" --shape reference >/dev/null)
    site="$work/s$size/docsmith"
    time=$(/usr/bin/time -f "%e s wall, %U+%S s CPU, %M KB peak" node --single-threaded-gc "$repo/bin/docsmith.mjs" build --root "$site" --no-search 2>&1 >/dev/null | tail -1)
    median=$(find "$site/dist" -name '*.html' -printf '%s\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    echo "$size pages: $time; median page $median B; dist $(du -sb "$site/dist" | cut -f1) B"
    rm -rf "$work/s$size"
  done
done
