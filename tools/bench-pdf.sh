#!/usr/bin/env bash
# PDF ingest benchmark: praev against pdftotext (poppler, Debian package poppler-utils) on the
# same generated German PDFs (tests/common/documents.rs: umlauts, ß, hyphenated line ends,
# running headers and page numbers, every third page in two columns).
#
#   tools/bench-pdf.sh            # 11 documents (303 pages) for speed and agreement, 300 pages for memory
#
# Prints pages per second for `praev index` (reading, layout and indexing) and for pdftotext
# (text only), the word-level agreement of praev's text with pdftotext's per file, and the peak
# memory of `praev index` on a single 300-page PDF. Needs pdftotext and /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pdftotext >/dev/null || { echo "needs pdftotext: apt-get install -y poppler-utils" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
PRAEV_BENCH_DIR="$work" cargo test --release --quiet --test formats write_benchmark_pdfs -- --ignored >/dev/null 2>&1
praev=target/release/praev
pages=$(( 10 * 30 + 3 ))
now() { date +%s.%N; }
rate() { python3 -c "import sys; print(f'{$1 / ($3 - $2):.0f}')"; }

best_praev=999999
for run in 1 2 3; do
  start=$(now)
  "$praev" index "$work/pdfs" --index "$work/idx" >/dev/null 2>&1
  end=$(now)
  best_praev=$(python3 -c "print(min($best_praev, $end - $start))")
done
best_poppler=999999
for run in 1 2 3; do
  start=$(now)
  for pdf in "$work"/pdfs/*.pdf; do pdftotext -enc UTF-8 "$pdf" "$work/$(basename "$pdf" .pdf).poppler.txt"; done
  end=$(now)
  best_poppler=$(python3 -c "print(min($best_poppler, $end - $start))")
done
echo "pages:                  $pages in 11 PDFs"
echo "praev index pages/s:    $(rate $pages 0 "$best_praev")   (best of 3; reading, layout and indexing)"
echo "pdftotext pages/s:      $(rate $pages 0 "$best_poppler")   (best of 3; text only)"

pdftotext -enc UTF-8 "$work/big/big.pdf" "$work/big.poppler.txt"
echo "word agreement with pdftotext (shared words / words of the longer text; pdftotext keeps"
echo "hyphenated line ends split, praev rejoins them):"
python3 - "$work" <<'PY'
import collections, pathlib, re, sys
work = pathlib.Path(sys.argv[1])
def words(path):
    return collections.Counter(w.lower() for w in re.findall(r"\w+", path.read_text(encoding="utf-8")))
for praev in sorted((work / "praev").glob("*.txt")):
    poppler = work / f"{praev.stem}.poppler.txt"
    if not poppler.exists():
        continue
    a, b = words(praev), words(poppler)
    shared = sum((a & b).values())
    print(f"  {praev.stem:<10} {shared / max(sum(a.values()), sum(b.values())):.3f}")
PY

/usr/bin/time -v "$praev" index "$work/big" --index "$work/idx-big" 2>"$work/time.txt" >/dev/null
peak=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$work/time.txt")
echo "peak memory, praev index of one 300-page PDF: $(( peak / 1024 )) MB"
