#!/usr/bin/env bash
# `praev batch` against one `praev search` process per query, measured in the same run.
#
# usage: tools/bench-batch.sh [--docs N] [--queries N]
#
# Generates the synthetic scale corpus (make_scale.py of ../shared/baselines, default 20,000
# documents) with N queries (default 1,000: the toy queries plus random 1-3 word queries),
# indexes it once, then answers every query twice with --limit 10 --format csv:
#   * batch:     one `praev batch queries.tsv` process
#   * processes: one `praev search QUERY` process per query, one after the other
# and prints both wall times and their ratio. Both must give the same hits: the script checks
# that the batch rows, without their leading qid, query, command and rank columns, are the rows
# of the separate searches, in order.
# Environment: BENCH_WORK (work folder, default target/bench), BASELINES (harness folder).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${BENCH_WORK:-$repo/target/bench}"
baselines="${BASELINES:-$repo/../shared/baselines}"
docs=20000
queries=1000
while [ $# -gt 0 ]; do
    case "$1" in
        --docs) docs="$2"; shift 2 ;;
        --queries) queries="$2"; shift 2 ;;
        *) echo "usage: tools/bench-batch.sh [--docs N] [--queries N]" >&2; exit 2 ;;
    esac
done

mkdir -p "$work"
work="$(cd "$work" && pwd)"
data="$work/batch-scale-$docs-$queries"
echo "building praev (release)" >&2
cargo build --release --locked --manifest-path "$repo/Cargo.toml" >&2
praev="$repo/target/release/praev"

if [ ! -f "$data/queries.tsv" ]; then
    python3 "$baselines/make_scale.py" --docs "$docs" --queries "$queries" --out "$data" >&2
fi
index="$data/index"
if [ ! -f "$index/CURRENT" ]; then
    echo "indexing $docs documents" >&2
    "$praev" index "$data/corpus" --index "$index" --quiet >/dev/null
fi

# The batch file: qid and query of the generated queries (their intent column is no batch column).
cut -f1,2 "$data/queries.tsv" >"$data/batch.tsv"
n=$(($(wc -l <"$data/batch.tsv") - 1))

now() { date +%s.%N; }

echo "batch: $n queries in one process" >&2
start=$(now)
"$praev" batch "$data/batch.tsv" --index "$index" --limit 10 --format csv --quiet >"$data/batch.csv"
batch_s=$(echo "$(now) - $start" | bc -l)

echo "processes: $n praev search processes" >&2
: >"$data/processes.csv"
start=$(now)
tail -n +2 "$data/batch.tsv" | while IFS=$'\t' read -r _ query; do
    "$praev" search "$query" --index "$index" --limit 10 --format csv --quiet >>"$data/processes.csv"
done
processes_s=$(echo "$(now) - $start" | bc -l)

python3 - "$data/batch.csv" "$data/processes.csv" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as fh:
    batch = [row[4:] for row in list(csv.reader(fh))[1:]]
with open(sys.argv[2], newline="", encoding="utf-8") as fh:
    rows = list(csv.reader(fh))
header = rows[0]
processes = [row for row in rows if row != header]
if batch != processes:
    sys.exit(f"batch and processes disagree: {len(batch)} rows against {len(processes)}")
print(f"same hits: {len(batch)} rows", file=sys.stderr)
PY

python3 - "$n" "$docs" "$batch_s" "$processes_s" <<'PY'
import sys
n, docs, batch, processes = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
print(f"{n} queries on {docs} documents: batch {batch:.2f} s ({1000 * batch / n:.1f} ms/query), "
      f"{n} processes {processes:.2f} s ({1000 * processes / n:.1f} ms/query), ratio {processes / batch:.1f}")
PY
