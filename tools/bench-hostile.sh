#!/usr/bin/env bash
# Time and memory of `praev index` on files shaped to make a step super-linear, against
# ordinary files of the same size and format, measured in the same run.
#
# usage: tools/bench-hostile.sh [MEGABYTES]   (default 20; the cases of issue 17 used 50)
#
# Generates one file per case in $BENCH_WORK/hostile (default target/bench/hostile):
#   text        ordinary German text, a paragraph every few lines       (reference for .txt)
#   line        the same words on one single line
#   word        one single "word" of letters, no space
#   marks       one line of `", ` repeated (quotation marks without a closing partner)
#   short-lines one-word lines ending in an age, like signed testimonials
#   quotes      short quotes back to back, each said by one of five people
#   html        ordinary HTML paragraphs                                 (reference for .html)
#   html-deep   <div>s nested 100,000 levels deep, repeated
#   html-tags   nothing but tiny tags (<b>x</b>)
# and prints per case: seconds, MB/s, the slowdown against its reference (target <= 3), and
# peak memory as a multiple of the file size (small multiples; ordinary text is ~8x).
# Environment: BENCH_WORK (work folder), PRAEV (binary; default: build the release).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${BENCH_WORK:-$repo/target/bench}/hostile"
mb="${1:-20}"
if [ -z "${PRAEV:-}" ]; then
    echo "building praev (release)" >&2
    cargo build --release --locked --manifest-path "$repo/Cargo.toml" >&2
    PRAEV="$repo/target/release/praev"
fi

rm -rf "$work"
mkdir -p "$work"
python3 - "$work" "$mb" <<'PY'
import os, random, sys
work, size = sys.argv[1], int(sys.argv[2]) * 1_000_000
random.seed(17)
words = ("Kinder Jugendliche Familien Präventionskette Übergänge Kita Schule Beruf Eltern "
         "Beteiligung Frühe Hilfen Kommune Netzwerk Angebote stärken begleiten gemeinsam "
         "Jugendhilfe Gesundheit Bildung Teilhabe Armut Quartier Koordination Fachkräfte "
         "Landrat sagte erklärte betonte die der das und für mit im von zu auf").split()

def fill(make):
    parts, total = [], 0
    while total < size:
        part = make(len(parts))
        parts.append(part)
        total += len(part.encode())
    return parts

def sentence(n):
    return " ".join(random.choice(words) for _ in range(12)) + f" {n}."

def write(case, name, text):
    os.makedirs(os.path.join(work, case))
    with open(os.path.join(work, case, name), "w", encoding="utf-8") as f:
        f.write(text)

sentences = fill(sentence)
write("text", "a.txt", "".join(s + ("\n\n" if i % 6 == 5 else "\n") for i, s in enumerate(sentences)))
write("line", "a.txt", " ".join(sentences))
write("word", "a.txt", "".join(random.choice("abcdefghijklmnopqrstuvwxyzäöüß") for _ in range(size // 2)))
write("marks", "a.txt", '", ' * (size // 3))
write("short-lines", "a.txt", "".join(f"{random.choice(words)}, {20 + n % 60}\n" for n in range(size // 16)))
people = ["Landrat Thomas Hendele", "Anna Müller", "Dr. Hans Meier", "Bürgermeisterin Eva Klein", "Peter Schmidt"]
write("quotes", "a.txt", " ".join(
    f"„Kinder brauchen Chancen {n}“, sagte {random.choice(people)}." for n in range(size // 50)))
write("html", "a.html", "<html><body>" + "".join(f"<p>{s}</p>\n" for s in sentences) + "</body></html>")
deep = "<div>" * 100_000 + "Kinder stärken" + "</div>" * 100_000
write("html-deep", "a.html", "<html><body>" + deep * max(1, size // len(deep)) + "</body></html>")
write("html-tags", "a.html", "<html><body>" + "<b>x</b>" * (size // 8) + "</body></html>")
PY

measure() { # CASE -> "seconds peak_kb bytes"
    local dir="$work/$1"
    rm -rf "$work/index"
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$PRAEV" index "$dir" --index "$work/index" >/dev/null 2>"$work/stderr.txt" ||
        { echo "praev index failed on $1:" >&2; cat "$work/stderr.txt" >&2; exit 1; }
    echo "$(cat "$work/time.txt") $(du -b "$dir" | awk '{s+=$1} END {print s}')"
}

printf '%-12s %8s %8s %8s %10s %9s\n' case MB seconds MB/s slowdown memory
for case in text line word marks short-lines quotes html html-deep html-tags; do
    read -r seconds kb bytes <<<"$(measure "$case")"
    case "$case" in
        html*) reference=html ;;
        *) reference=text ;;
    esac
    python3 - "$case" "$seconds" "$kb" "$bytes" "$reference" "$work" <<'PY'
import json, os, sys
case, seconds, kb, size, reference, work = sys.argv[1:]
seconds, kb, size = float(seconds), int(kb), int(size)
rate = size / 1e6 / max(seconds, 1e-3)
store = os.path.join(work, "rates.json")
rates = json.load(open(store)) if os.path.exists(store) else {}
rates[case] = rate
json.dump(rates, open(store, "w"))
slowdown = rates[reference] / rate
print(f"{case:<12} {size / 1e6:8.1f} {seconds:8.2f} {rate:8.2f} {slowdown:9.2f}x {kb * 1024 / size:8.1f}x")
PY
done
