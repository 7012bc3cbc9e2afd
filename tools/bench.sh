#!/usr/bin/env bash
# Speed and memory of praev against the reference engines, measured in the same run.
#
# usage: tools/bench.sh [--no-scale]
#
# Uses the harness of ../shared/baselines (copied into $BENCH_WORK, default target/bench, since
# the shared folder is read-only; its setup.sh installs the reference engines once) and prints:
#   * query latency: median wall time of one `praev search` process (start to exit, index built)
#     against tantivy_de_cli (tantivy's German analysis behind a minimal CLI), on the dev set
#     and on the generated scale corpus; target ratio <= 2
#   * index time of the 20,000 generated documents (make_scale.py, ~41 MB) against tantivy_de's
#     index time in the same run; target ratio <= 3
#   * peak memory (max RSS) of `praev index` on that corpus; target < 500 MB
# Environment: BENCH_WORK (work folder), BASELINES (harness folder), EVAL_DEV (dataset).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${BENCH_WORK:-$repo/target/bench}"
baselines_src="${BASELINES:-$repo/../shared/baselines}"
dev="${EVAL_DEV:-$repo/../shared/eval/dev}"
scale=1
[ "${1:-}" = "--no-scale" ] && scale=0

mkdir -p "$work"
work="$(cd "$work" && pwd)"
harness="$work/baselines"
if [ ! -x "$harness/run_all.sh" ]; then
    echo "copying the harness to $harness" >&2
    mkdir -p "$harness"
    cp -r "$baselines_src"/. "$harness"/
    chmod -R u+w "$harness"
fi
echo "setting up the reference engines (once; see $work/setup.log)" >&2
"$harness/setup.sh" >"$work/setup.log" 2>&1

echo "building praev (release)" >&2
cargo build --release --locked --manifest-path "$repo/Cargo.toml" >&2
praev="$repo/target/release/praev"

systems="tantivy_de tantivy_de_cli praev"

run_set() { # NAME DATASET
    local name="$1" data="$2"
    echo "== $name: $data" >&2
    SYSTEMS="$systems" PRAEV="$praev" RUNS_DIR="$work/runs/$name" "$harness/run_all.sh" "$data" \
        >"$work/runs-$name.txt" 2>&1 || { cat "$work/runs-$name.txt" >&2; exit 1; }
}

report() { # NAME
    python3 - "$work/runs/$1" "$1" <<'PY'
import json, sys, os
runs, name = sys.argv[1], sys.argv[2]
t = {s: json.load(open(os.path.join(runs, f"{s}.jsonl.timing.json"))) for s in ("tantivy_de", "tantivy_de_cli", "praev")}
q_praev, q_ref = t["praev"]["query_ms_p50"], t["tantivy_de_cli"]["query_ms_p50"]
print(f"{name}: search process p50  praev {q_praev:.1f} ms, tantivy_de_cli {q_ref:.1f} ms, ratio {q_praev / q_ref:.2f} (target <= 2)")
i_praev, i_ref = t["praev"]["index_s"], t["tantivy_de"]["index_s"]
print(f"{name}: index time          praev {i_praev:.2f} s, tantivy_de {i_ref:.2f} s, ratio {i_praev / i_ref:.2f}" + (" (target <= 3)" if name == "scale" else ""))
PY
}

run_set dev "$dev"
report dev
if [ -f "$dev/qrels.tsv" ]; then
    echo "dev: nDCG@10 (eval.py)"
    sed -n '/## Quality/,/## Speed/p' "$work/runs-dev.txt" | grep -E 'system|tantivy_de |praev' || true
fi

if [ "$scale" = 1 ]; then
    if [ ! -d "$work/scale/corpus" ]; then
        (cd "$harness" && python3 make_scale.py --out "$work/scale" >&2)
    fi
    run_set scale "$work/scale"
    report scale
    rm -rf "$work/mem-index"
    /usr/bin/time -v "$praev" index "$work/scale/corpus" --index "$work/mem-index" >/dev/null 2>"$work/mem.txt"
    kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$work/mem.txt")
    echo "scale: praev index peak memory $((kb / 1024)) MB (target < 500 MB)"
fi
