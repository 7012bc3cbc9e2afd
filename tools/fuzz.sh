#!/usr/bin/env sh
# Bounded random-input runs of the query parser, the analysis chain, decoding and HTML
# conversion, the PDF/DOCX/ODT readers, passage splitting, quote extraction and terminal
# escaping (see tests/fuzz.rs).
# Usage: tools/fuzz.sh [EXECUTIONS_PER_TARGET]   (default 1000000)
# Prints the executions per target; a panic fails the run and prints the input.
set -eu
cd "$(dirname "$0")/.."
PRAEV_FUZZ_EXECUTIONS="${1:-1000000}" cargo test --release --locked --test fuzz -- --nocapture
