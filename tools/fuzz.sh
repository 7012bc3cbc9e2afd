#!/usr/bin/env sh
# Bounded random-input runs of the query parser, the analysis chain, decoding and HTML
# conversion, the PDF/DOCX/ODT readers, passage splitting, quote extraction, terminal escaping and the index reader on
# damaged index files (see tests/fuzz.rs and tests/fuzz/damaged_index.rs).
# Usage: tools/fuzz.sh [EXECUTIONS_PER_TARGET [DAMAGED_INDEX_EXECUTIONS]]   (default 1000000 each)
# The damaged-index target opens and searches an index per execution (about 500 a second on
# one core, 1,000,000 in about 35 minutes); the second count sets it apart from the others.
# Prints the executions per target (and how the damaged reads ended, with progress every
# 100,000); a panic fails the run and prints the input. PRAEV_FUZZ_INDEX_SEED picks other
# damages (to split a long run over processes:
#   PRAEV_FUZZ_INDEX_EXECUTIONS=500000 PRAEV_FUZZ_INDEX_SEED=9 cargo test --release --test fuzz a_damaged).
set -eu
cd "$(dirname "$0")/.."
executions="${1:-1000000}"
PRAEV_FUZZ_EXECUTIONS="$executions" PRAEV_FUZZ_INDEX_EXECUTIONS="${2:-$executions}" \
    cargo test --release --locked --test fuzz -- --nocapture
