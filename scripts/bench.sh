#!/usr/bin/env bash
# Scale benchmark: generates synthetic bilingual corpora with examples/gen_corpus and times
# `quotecheck check` on them, printing articles/s, quotes/s, scored pairs, wall time and peak
# RSS. Usage: scripts/bench.sh [ARTICLES...]   (default: 1000 10000)
# Needs GNU time (/usr/bin/time, Debian package `time`) for the peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ $# -eq 0 ] && sizes=(1000 10000)
cargo build --release --quiet --example gen_corpus
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-9s %9s %10s %12s %10s %10s %12s %9s\n' articles quotes wall_s articles/s quotes/s pairs peak_MB findings
for n in "${sizes[@]}"; do
    dir="$work/c$n"
    ./target/release/examples/gen_corpus --articles "$n" --seed 7 --out "$dir" --misattribution-rate 0.0005 >/dev/null
    rm -f "$dir/gold.json" # annotations are not articles; keep the timing about articles
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%e %M' -o "$work/time" ./target/release/quotecheck check --format json -o "$work/out.json" "$dir" || true
        read -r wall rss < <(tail -n 1 "$work/time")
    else
        start=$(date +%s.%N)
        ./target/release/quotecheck check --format json -o "$work/out.json" "$dir" || true
        wall=$(echo "$(date +%s.%N) - $start" | bc); rss=0
    fi
    python3 - "$work/out.json" "$n" "$wall" "$rss" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))["summary"]
n, wall, rss = int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
print(f"{n:<9} {summary['quotes']:>9} {wall:>10.2f} {n / wall:>12.0f} {summary['quotes'] / wall:>10.0f} "
      f"{summary['scored_pairs']:>10} {rss / 1024:>12.0f} {summary['findings']:>9}")
PY
done
# HTML extraction speed (saved pages and a WARC archive of the same pages).
cargo run --release --quiet --example html_speed
