#!/usr/bin/env bash
# An incremental index update against a full rebuild, measured in the same run.
#
# usage: tools/bench-incremental.sh [PERCENT]
#
# Generates the 20,000-document corpus of ../shared/baselines/make_scale.py (or copies
# BENCH_CORPUS, a folder of such documents), indexes it fully, then changes PERCENT (default 1)
# of its files: half of them edited (a sentence appended), a quarter removed, a quarter added.
# It times `praev index --index IDX` (the update) and a full build of the changed corpus into a
# fresh index, prints both and their ratio, and checks how many of the first 30 queries of the
# corpus's queries.tsv both indexes answer with the same ranked file#passage lists and scores
# (rounded to 3 decimals; equal scores in file order, see `ranked`). A large corpus is written
# by several tantivy writer threads, which spread the documents over segments in no fixed
# order; search orders equal scores by file and passage and takes a file's evidence from every
# match, so two full builds of one folder should answer alike. The same count for a second full
# build of the changed corpus is printed as the reference for any noise left.
# Environment: BENCH_WORK (work folder, default target/bench-incremental), BASELINES (harness
# folder with make_scale.py), BENCH_CORPUS (use this corpus instead of generating one).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${BENCH_WORK:-$repo/target/bench-incremental}"
baselines="${BASELINES:-$repo/../shared/baselines}"
percent="${1:-1}"

mkdir -p "$work"
work="$(cd "$work" && pwd)"

echo "building praev (release)" >&2
cargo build --release --locked --manifest-path "$repo/Cargo.toml" >&2
praev="$repo/target/release/praev"

corpus="$work/corpus"
queries="$work/queries.tsv"
rm -rf "$corpus" "$work/update" "$work/full" "$work/full2"
if [ -n "${BENCH_CORPUS:-}" ]; then
    echo "copying $BENCH_CORPUS" >&2
    cp -r "$BENCH_CORPUS" "$corpus"
    [ -f "$BENCH_CORPUS/../queries.tsv" ] && cp "$BENCH_CORPUS/../queries.tsv" "$queries"
else
    echo "generating 20,000 documents (make_scale.py)" >&2
    python3 "$baselines/make_scale.py" --out "$work/generated" >&2
    cp -r "$work/generated/corpus" "$corpus"
    cp "$work/generated/queries.tsv" "$queries"
fi
chmod -R u+w "$corpus"

seconds() { # COMMAND...: runs it, prints its wall time in seconds
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>"$work/last.stderr" || { cat "$work/last.stderr" >&2; exit 1; }
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}

echo "full build of the original corpus" >&2
first=$(seconds "$praev" index "$corpus" --index "$work/update")

echo "changing $percent% of the files" >&2
python3 - "$corpus" "$percent" <<'PY'
import os, sys
corpus, percent = sys.argv[1], float(sys.argv[2])
files = sorted(f for f in os.listdir(corpus) if f.endswith(".txt"))
n = max(4, round(len(files) * percent / 100))
step = len(files) // n
picked = files[::step][:n]
edited, removed, added = picked[: n // 2], picked[n // 2 : 3 * n // 4], picked[3 * n // 4 :]
for name in edited:
    with open(os.path.join(corpus, name), "a", encoding="utf-8") as f:
        f.write("\n\nNachtrag: Die Präventionskette wurde im Jugendhilfeausschuss erneut beraten.\n")
for name in removed:
    os.remove(os.path.join(corpus, name))
for i, name in enumerate(added):
    text = open(os.path.join(corpus, name), encoding="utf-8").read()
    with open(os.path.join(corpus, f"added_{i:05d}.txt"), "w", encoding="utf-8") as f:
        f.write(text.replace("Kreis", "Landkreis", 1) + "\n\nNeu: Familienzentren im Quartier.\n")
print(f"edited {len(edited)}, removed {len(removed)}, added {len(added)}", file=sys.stderr)
PY

echo "update" >&2
update=$(seconds "$praev" index --index "$work/update")
grep -E "^added" "$work/last.stderr" >&2 || true
echo "full build of the changed corpus" >&2
full=$(seconds "$praev" index "$corpus" --index "$work/full")
echo "second full build of the changed corpus (the reference for tie noise)" >&2
seconds "$praev" index "$corpus" --index "$work/full2" >/dev/null

ranked() { # JSONL hits on stdin: file, passage and score rounded to 3 decimals, one hit a line
    # Hits of equal score are listed by file and passage (search orders them so, too). The
    # last group of equal scores is left out, since the limit may cut it at a different member.
    python3 -c 'import sys, json
hits = [(round(h["score"], 3), h["file"], h["passage"]) for h in map(json.loads, sys.stdin)]
last = min((score for score, _, _ in hits), default=None)
for score, file, passage in sorted(hits, key=lambda h: (-h[0], h[1], h[2])):
    if score != last:
        print(file, passage, "%.3f" % score)'
}

same=0
same_full=0
queried=0
while IFS=$'\t' read -r _ query _; do
    [ -z "$query" ] && continue
    a=$("$praev" search "$query" --index "$work/update" -n 20 --format jsonl | ranked)
    b=$("$praev" search "$query" --index "$work/full" -n 20 --format jsonl | ranked)
    c=$("$praev" search "$query" --index "$work/full2" -n 20 --format jsonl | ranked)
    queried=$((queried + 1))
    if [ "$a" = "$b" ]; then same=$((same + 1)); else echo "update and full build differ: $query" >&2; fi
    if [ "$b" = "$c" ]; then same_full=$((same_full + 1)); else echo "two full builds differ: $query" >&2; fi
done < <(tail -n +2 "$queries" | head -n 30)

printf 'first full build (original corpus): %.2f s\n' "$first"
printf 'update after changing %s%% of the files: %.2f s\n' "$percent" "$update"
printf 'full build of the changed corpus:    %.2f s\n' "$full"
printf 'ratio update / full build:           %.2f\n' "$(echo "$update / $full" | bc -l)"
echo "same ranked hits (file, passage, score), update and full build: $same of $queried queries"
echo "same ranked hits, two full builds (tie noise):                 $same_full of $queried queries"
