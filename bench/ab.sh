#!/usr/bin/env bash
# Alternating cold builds of the same site by two docsmith checkouts (A/B), for "is this
# change faster or slower": a shared machine's noise hits both alike when runs alternate.
#   bench/ab.sh SITE PAIRS CHECKOUT_A CHECKOUT_B [docsmith build options...]
# Prints one line per build (wall, user+system CPU, peak RSS); compare medians. "Cold":
# the site's dist/ and node_modules/ (render cache, output manifest) are deleted first.
# Generate a site with: npx tsx bench/generate.ts --pages 4000 --out DIR (use DIR/docsmith).
set -euo pipefail
site=$1 pairs=$2 a=$3 b=$4
shift 4
# One untimed build each, so both compiled runtimes exist before timing.
for checkout in "$a" "$b"; do node "$checkout/bin/docsmith.mjs" build --root "$site" "$@" >/dev/null 2>&1 || true; done
for i in $(seq "$pairs"); do
  if [ $((i % 2)) = 1 ]; then order=("$a" "$b"); else order=("$b" "$a"); fi
  for checkout in "${order[@]}"; do
    rm -rf "$site/dist" "$site/node_modules"
    /usr/bin/time -f "$checkout %e s wall %U+%S s cpu %M KB" node "$checkout/bin/docsmith.mjs" build --root "$site" "$@" 2>&1 >/dev/null | tail -1
  done
done
