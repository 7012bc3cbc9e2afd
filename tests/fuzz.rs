//! Bounded random-input runs ("fuzzing" without a fuzzing engine) of the code that reads what
//! users bring: the query parser, the analysis chain, decoding and HTML conversion, passage
//! splitting, quote extraction, terminal escaping, and the index reader on damaged files
//! ([`damaged_index`]). Each text target runs on generated inputs that mix German words,
//! umlauts, quotation marks, query syntax, control characters and raw bytes; a panic fails the
//! test and prints the input that caused it.
//!
//! `cargo test --test fuzz` runs a few thousand inputs per target (1,000 damaged indexes);
//! `tools/fuzz.sh` runs many more (`PRAEV_FUZZ_EXECUTIONS` per target,
//! `PRAEV_FUZZ_INDEX_EXECUTIONS` for the damaged indexes) in a release build.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use praev::config::ConfigFiles;
use praev::ingest::decode::{decode, Format};
use praev::ingest::passages::split;
use praev::ingest::quotes::extract;
use praev::output::terminal::{escape_controls_keeping_styles, one_line};

#[path = "fuzz/damaged_index.rs"]
mod damaged_index;

/// A small, seeded generator (xorshift64*): the same seed gives the same inputs.
struct Inputs(u64);

const PIECES: &[&str] = &[
    "Kinder",
    "Übergänge",
    "Präventionskette",
    "Familienzentrum",
    "Kita",
    "Schule",
    "Armut",
    "Landrätin",
    "sagte",
    "„",
    "“",
    "”",
    "»",
    "«",
    "\"",
    "'",
    "‚",
    "‘",
    "-",
    "+",
    "*",
    "~",
    "(",
    ")",
    ":",
    ",",
    ".",
    "!",
    "?",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "ß",
    "ä",
    "ö",
    "ü",
    "Ä",
    "\u{1b}",
    "\u{1b}[1m",
    "\u{0}",
    "\u{7f}",
    "\u{9b}",
    "\u{ad}",
    "\u{200b}",
    "\u{feff}",
    "\u{202e}",
    "é",
    "ﬁ",
    "İ",
    "ǅ",
    "🙂",
    "<p>",
    "</p>",
    "<h1>",
    "<br>",
    "<script>",
    "&amp;",
    "&#x1b;",
    "&#0;",
    "# ",
    "## ",
    "- ",
    "1. ",
    "AND",
    "OR",
    "NOT",
    "Kreis Steinfurt",
    "Dr. Müller",
    "z. B.",
    "0–3",
    "§ 8a",
    "https://example.org/a?b=c",
    "Bürgermeister",
    "Stadtverwaltung",
    // Pieces of attributions the quote extractor reads.
    "“, sagt Landrat Hans Meier",
    ", präzisiert",
    "Ihr Resümee",
    "der Vater Oliver Broek",
    "Koordinatorinnen Anna Schulz und Eva Roth",
    "so der grüne Sozialpolitiker",
    "Johannes 11 Jahre",
    " Jahre",
    "ich wir uns",
    "Grußwort von",
    "betonte, dass",
];

impl Inputs {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A text of up to `max` pieces: words, marks, syntax, controls, now and then a random
    /// character.
    fn text(&mut self, max: usize) -> String {
        let mut text = String::new();
        for _ in 0..self.below(max + 1) {
            if self.below(8) == 0 {
                text.push(char::from_u32(self.below(0x3_0000) as u32).unwrap_or('\u{fffd}'));
            } else {
                text.push_str(PIECES[self.below(PIECES.len())]);
            }
        }
        text
    }

    /// Bytes: a text's bytes with some replaced by random ones (broken encodings).
    fn bytes(&mut self, max: usize) -> Vec<u8> {
        let mut bytes = self.text(max).into_bytes();
        for _ in 0..self.below(4) {
            if !bytes.is_empty() {
                let i = self.below(bytes.len());
                bytes[i] = self.next() as u8;
            }
        }
        if self.below(10) == 0 {
            bytes.splice(0..0, [0xff, 0xfe]);
        }
        bytes
    }
}

fn executions() -> usize {
    count_from("PRAEV_FUZZ_EXECUTIONS").unwrap_or(2_000)
}

/// The damaged-index reader opens and searches an index per execution (about 2 ms in a
/// release build, 20 in a debug build): `PRAEV_FUZZ_INDEX_EXECUTIONS` when set, else
/// `PRAEV_FUZZ_EXECUTIONS`, else 1,000.
fn index_executions() -> usize {
    count_from("PRAEV_FUZZ_INDEX_EXECUTIONS").or_else(|| count_from("PRAEV_FUZZ_EXECUTIONS")).unwrap_or(1_000)
}

fn count_from(variable: &str) -> Option<usize> {
    std::env::var(variable).ok().and_then(|n| n.parse().ok())
}

/// Runs `target` on `executions()` inputs made by `make`; a panic fails with the input.
fn run<I: std::fmt::Debug>(name: &str, seed: u64, make: impl Fn(&mut Inputs) -> I, target: impl Fn(&I)) {
    let mut inputs = Inputs(seed);
    let count = executions();
    for _ in 0..count {
        let input = make(&mut inputs);
        if catch_unwind(AssertUnwindSafe(|| target(&input))).is_err() {
            panic!("{name} panicked on {input:?}");
        }
    }
    eprintln!("{name}: {count} executions, 0 panics");
}

#[test]
fn query_parser_and_analysis_never_panic() {
    let config = ConfigFiles::read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("index-config")).unwrap();
    let analyzer = config.load_analysis().unwrap().german_analyzer(None);
    run("query parser", 1, |i| i.text(12), |q: &String| drop(praev::query::parse::parse(q)));
    run("analysis", 2, |i| i.text(30), |t: &String| drop((analyzer.analyze(t), analyzer.terms(t))));
}

#[test]
fn decoding_and_html_conversion_never_panic() {
    run("decode text", 3, |i| i.bytes(40), |b: &Vec<u8>| drop(decode(b, Format::Text)));
    run("decode html", 4, |i| i.bytes(40), |b: &Vec<u8>| drop(decode(b, Format::Html)));
}

#[test]
fn passages_and_quotes_never_panic() {
    run("passage splitting", 5, |i| i.text(80), |t: &String| drop(split(t, &[])));
    run("quote extraction", 6, |i| i.text(80), |t: &String| drop(extract(t)));
}

#[test]
fn terminal_escaping_leaves_no_control_but_newlines_and_styles() {
    run(
        "terminal escaping",
        7,
        |i| i.text(20),
        |t: &String| {
            assert!(!one_line(t).chars().any(char::is_control), "{t:?}");
            let kept = escape_controls_keeping_styles(t);
            let without_styles = kept.replace("\u{1b}[", "");
            assert!(!without_styles.chars().any(|c| c.is_control() && c != '\n'), "{t:?}");
        },
    );
}

#[test]
fn a_damaged_index_is_read_or_named_never_a_panic() {
    let count = index_executions();
    let started = std::time::Instant::now();
    // Another seed (`PRAEV_FUZZ_INDEX_SEED`) runs other damages, e.g. to split a long run.
    let seed = count_from("PRAEV_FUZZ_INDEX_SEED").unwrap_or(8) as u64;
    let outcomes = damaged_index::run(seed, count);
    let seconds = started.elapsed().as_secs_f64();
    let outcomes: Vec<String> = outcomes.iter().map(|(outcome, n)| format!("{outcome} {n}")).collect();
    eprintln!(
        "damaged index reader: {count} executions, 0 panics ({:.0}/s; {})",
        count as f64 / seconds,
        outcomes.join(", ")
    );
}

/// Inputs on which a target once panicked.
#[test]
fn inputs_that_once_panicked_do_not() {
    // A name read past the end of the sentence before a quote (quotes::attribution).
    let sentence_before_quote = "Dr. Müllerä( z. B.”NOT&#0;~)„\u{1baae}\u{1b}[1mÜbergänge!\u{1b}짘\u{ad}漖⾞Dr. Müller\u{1b}[1m🙂-&#0;‘\tz. B.# 𥂘é&#x1b;\nPräventionskette«\r\n éStadtverwaltung- <br>ä\u{ad}\u{1bdc1}\"";
    assert!(extract(sentence_before_quote).iter().all(|q| !q.text.is_empty()));

    // Damaged indexes: a question frame `fand*0…` (a flipped bit) panicked the config parser
    // while opening; a segment file replaced by another whole file keeps a valid checksum, and
    // so does one whose footer names another index format.
    use damaged_index::{Damage, Execution, Harm, Reads};
    let damage = |file: &str, harm: Harm| Damage { file: file.into(), harm };
    let damaged_indexes = [
        vec![
            damage("GEN/.managed.json", Harm::FlipBits(vec![(18, 32), (200, 128), (236, 1)])),
            damage("GEN/config/gazetteer-de.tsv", Harm::Truncate(832837)),
            damage("GEN/config/question-frames.toml", Harm::FlipBits(vec![(10357, 16)])),
        ],
        vec![damage("GEN/SEGMENT.fieldnorm", Harm::Replace("GEN/SEGMENT.idx".into()))],
        // The footer's index format version (outside the checksum) flipped from 7 to 3.
        vec![damage("GEN/SEGMENT.pos", Harm::FlipBits(vec![(2999, 4)]))],
    ];
    let mut executions = Vec::new();
    for damages in damaged_indexes {
        for (search, listing) in [(0, 0), (1, 1), (2, 2), (3, 3), (0, 4)] {
            executions.push(Execution { damages: damages.clone(), reads: Reads { search, listing } });
        }
    }
    if let Err(failure) = damaged_index::read_after(&executions) {
        panic!("{failure}");
    }
}

#[path = "common/documents.rs"]
#[allow(dead_code)]
mod documents;

/// The document readers (PDF, DOCX, ODT, RTF, and the sniffing that picks them) on truncated and
/// bit-flipped files: each gives text or a reason, never a panic.
#[test]
fn document_readers_never_panic_on_damaged_files() {
    use praev::ingest::formats;
    let originals: [(&str, Vec<u8>); 4] = [
        ("pdf", documents::leitbild_pdf()),
        (
            "docx",
            documents::docx(
                &[
                    documents::word_paragraph(Some("berschrift1"), "Leitbild"),
                    documents::word_paragraph(None, "Übergänge gestalten wir gemeinsam."),
                ]
                .concat(),
            ),
        ),
        (
            "rtf",
            br"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\pard Fr\'fche Hilfen\par \u8222?Zitat\u8220?\par}".to_vec(),
        ),
        (
            "odt",
            documents::odt("<text:h>Ziele</text:h><text:p>Kinder stärken – Familien begleiten.</text:p>"),
        ),
    ];
    for (seed, (extension, original)) in (20..).zip(originals) {
        let damage = |i: &mut Inputs| {
            let mut bytes = original.clone();
            if i.below(2) == 0 {
                bytes.truncate(i.below(bytes.len() + 1));
            }
            for _ in 0..=i.below(8) {
                if !bytes.is_empty() {
                    let at = i.below(bytes.len());
                    bytes[at] ^= 1 << i.below(8);
                }
            }
            bytes
        };
        let name = format!("{extension} reader");
        run(&name, seed, damage, |b: &Vec<u8>| drop(formats::read(b, Some(extension))));
        run(&format!("{name} without a name"), seed + 10, damage, |b: &Vec<u8>| drop(formats::read(b, None)));
    }
}
