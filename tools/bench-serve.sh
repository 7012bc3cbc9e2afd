#!/usr/bin/env bash
# Latency of `praev serve`'s /api/search under concurrent clients against the same searches
# run in-process, measured in the same run, and an error count over many requests.
#
# usage: tools/bench-serve.sh [CLIENTS] [REQUESTS]   (defaults 8 and 10000)
#
# Indexes the development set (../shared/eval/dev, else the bundled corpus with a built-in
# list of queries) into $BENCH_WORK/serve (default target/bench/serve), starts
# `praev serve --port 0` on it, and runs examples/bench_serve.rs: each client sends every
# query of queries.tsv five times (over HTTP on its own keep-alive connection, then with the
# library in-process, JSON included), printing p50/p99 of both and their ratio; then REQUESTS
# requests from CLIENTS clients, counting every answer that is not 200 with a JSON body.
# Environment: BENCH_WORK (work folder), ROUNDS (rounds over the queries, default 5).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${BENCH_WORK:-$repo/target/bench}/serve"
clients="${1:-8}"
requests="${2:-10000}"
rounds="${ROUNDS:-5}"
dev="$repo/../shared/eval/dev"

echo "building praev and the load generator (release)" >&2
cargo build --release --locked --manifest-path "$repo/Cargo.toml" --bin praev --example bench_serve >&2
praev="$repo/target/release/praev"
bench="$repo/target/release/examples/bench_serve"

mkdir -p "$work"
if [ -d "$dev/corpus" ]; then
    corpus="$dev/corpus"
    queries="$dev/queries.tsv"
else
    corpus="$repo/corpus"
    queries="$work/queries.tsv"
    printf 'qid\tquery\n' >"$queries"
    for q in "Übergänge" "Frühe Hilfen" "Kinderschutz" "Partizipation von Kindern" \
        "Wer koordiniert die Präventionskette?" "Landrat Zitat" "Kita Schule Übergang" \
        "Armut" "Elternarbeit" "Netzwerk"; do
        printf 'q\t%s\n' "$q" >>"$queries"
    done
fi
echo "indexing $corpus" >&2
"$praev" index "$corpus" --index "$work/index" >/dev/null

"$praev" serve --index "$work/index" --port 0 >"$work/url" 2>"$work/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 600); do
    [ -s "$work/url" ] && break
    sleep 0.1
done
url="$(head -n 1 "$work/url")"
[ -n "$url" ] || { echo "praev serve printed no URL:" >&2; cat "$work/serve.log" >&2; exit 1; }
echo "server: $url ($(nproc) cores)" >&2
"$bench" "$work/index" "$url" "$queries" "$clients" "$rounds" "$requests"
