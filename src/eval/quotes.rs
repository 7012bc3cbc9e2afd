//! Quote evaluation: the quotes praev extracted from a corpus against a hand-made list of every
//! direct quote in it (`quotes.tsv`), for recall, precision and the accuracy of speakers and
//! roles.
//!
//! It owns reading the truth (`file quote_start speaker role note`, tab-separated, the rules of
//! [`super::tsv`]; an optional `quotes_borderline.tsv` with `file quote_start reason` for cases
//! that can fairly go either way) and matching extracted quotes to it. A quote is found when an
//! extracted quote of the same file starts with the words of `quote_start`: words are compared
//! without punctuation, quotation marks and case, so `‚Kein Kind zurücklassen‘ ist` matches a
//! quote that keeps or drops the nested marks, while a quote cut or started elsewhere does not
//! match. Each extracted quote answers at most one row, except that rows repeating an earlier
//! row verbatim (a caption printed twice) are answered by the quote that answered it, as the
//! truth's rules allow an extractor to merge repeats. An extracted quote that matches a
//! borderline row is neither a hit nor a false positive, and a missed borderline row is not a
//! miss. Speakers and roles are compared on the found quotes, after collapsing whitespace and
//! case; a party label such as `(SPD)` in a detected speaker is ignored, as the truth drops it.
//!
//! It does not build the index or extract anything: the caller hands over the quotes of an
//! index ([`ExtractedQuote`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::tsv::{self, line_error};
use crate::error::{Error, Result};

pub const QUOTES_FILE: &str = "quotes.tsv";
pub const BORDERLINE_FILE: &str = "quotes_borderline.tsv";

/// One quote of the truth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrueQuote {
    pub line: usize,
    /// Base name of the document.
    pub file: String,
    /// The first words after the opening mark, as written.
    pub start: String,
    pub speaker: Option<String>,
    pub role: Option<String>,
    /// `cut`, `open`, `close`, `joint`, `group` or none.
    pub note: Option<String>,
}

/// The quotes of a dataset: the counted ones and the borderline cases.
#[derive(Debug, Clone, Default)]
pub struct QuoteTruth {
    pub quotes: Vec<TrueQuote>,
    /// `(file, quote_start)` of the cases that count neither way.
    pub borderline: Vec<(String, String)>,
}

impl QuoteTruth {
    /// Reads `root/quotes.tsv` and, when it exists, `root/quotes_borderline.tsv`.
    pub fn read(root: &Path) -> Result<QuoteTruth> {
        let path = root.join(QUOTES_FILE);
        if !path.is_file() {
            return Err(Error::InvalidArgument(format!(
                "{} does not exist: --quotes scores the extracted quotes against DATASET/{QUOTES_FILE} \
                 (columns file, quote_start, speaker, role, note)",
                path.display()
            )));
        }
        let mut truth = QuoteTruth::parse(&path, &read(&path)?)?;
        let borderline = root.join(BORDERLINE_FILE);
        if borderline.is_file() {
            truth.borderline = parse_borderline(&borderline, &read(&borderline)?)?;
        }
        Ok(truth)
    }

    /// Parses the contents of a `quotes.tsv`; `path` is for error messages.
    pub fn parse(path: &Path, text: &str) -> Result<QuoteTruth> {
        let mut quotes = Vec::new();
        for row in tsv::parse(path, text, &["file", "quote_start", "speaker", "role"])? {
            let (file, start) = key_cells(path, &row)?;
            quotes.push(TrueQuote {
                line: row.line,
                file,
                start,
                speaker: some(row.get("speaker")),
                role: some(row.get("role")),
                note: some(row.get("note")),
            });
        }
        Ok(QuoteTruth { quotes, borderline: Vec::new() })
    }
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })
}

fn parse_borderline(path: &Path, text: &str) -> Result<Vec<(String, String)>> {
    tsv::parse(path, text, &["file", "quote_start"])?.iter().map(|row| key_cells(path, row)).collect()
}

/// The `file` (as a base name) and `quote_start` of a row, both required.
fn key_cells(path: &Path, row: &tsv::Row) -> Result<(String, String)> {
    let file = base_name(row.get("file"));
    let start = row.get("quote_start").to_string();
    if file.is_empty() || words(&start).is_empty() {
        return Err(line_error(path, row.line, "every row needs a `file` and a `quote_start` with a word"));
    }
    Ok((file, start))
}

fn some(cell: &str) -> Option<String> {
    Some(cell.trim()).filter(|v| !v.is_empty() && *v != "-").map(str::to_string)
}

fn base_name(file: &str) -> String {
    file.replace('\\', "/").rsplit('/').next().unwrap_or(file).to_string()
}

/// A quote as praev extracted it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractedQuote {
    /// The document, as the index names it (a path below the corpus).
    pub file: String,
    /// The quoted words.
    pub text: String,
    pub speaker: Option<String>,
    pub role: Option<String>,
}

/// What went wrong with one quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// A quote of the truth that was not extracted.
    Missed,
    /// An extracted quote that is not in the truth.
    FalsePositive,
    /// Found, with another speaker.
    Speaker,
    /// Found, with another role.
    Role,
}

impl Problem {
    pub fn as_str(self) -> &'static str {
        match self {
            Problem::Missed => "missed",
            Problem::FalsePositive => "false_positive",
            Problem::Speaker => "speaker",
            Problem::Role => "role",
        }
    }
}

/// One problem: the quote (its true start, or the first words of an extracted quote) with what
/// was detected and what was expected (`None` is "none").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteMiss {
    pub file: String,
    pub quote: String,
    pub problem: Problem,
    pub detected: Option<String>,
    pub expected: Option<String>,
}

/// The scores of a corpus's extracted quotes.
#[derive(Debug, Clone)]
pub struct QuoteEvaluation {
    pub dataset: PathBuf,
    /// Rows of the truth.
    pub quotes: usize,
    /// Rows of the truth an extracted quote matches.
    pub found: usize,
    /// Quotes extracted from the corpus.
    pub extracted: usize,
    /// Extracted quotes that match a borderline row (counted neither way).
    pub borderline: usize,
    pub false_positives: usize,
    /// Found quotes whose speaker and whose role are right.
    pub speaker_correct: usize,
    pub role_correct: usize,
    /// Misses and wrong attributions in the truth's order, then false positives by file name.
    pub misses: Vec<QuoteMiss>,
}

impl QuoteEvaluation {
    /// Found / quotes (0 when the truth lists none).
    pub fn recall(&self) -> f64 {
        share(self.found, self.quotes)
    }

    /// Found / (found + false positives): borderline quotes count neither way.
    pub fn precision(&self) -> f64 {
        share(self.found, self.found + self.false_positives)
    }

    /// Right speakers among the found quotes.
    pub fn speaker_accuracy(&self) -> f64 {
        share(self.speaker_correct, self.found)
    }

    /// Right roles among the found quotes.
    pub fn role_accuracy(&self) -> f64 {
        share(self.role_correct, self.found)
    }
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Scores the quotes `extracted` from a corpus against `truth`, which lists every quote of the
/// corpus: a quote extracted from a file the truth does not name is a false positive.
pub fn evaluate_quotes(dataset: &Path, truth: &QuoteTruth, extracted: &[ExtractedQuote]) -> QuoteEvaluation {
    let mut by_file: HashMap<String, Vec<(&ExtractedQuote, Vec<String>)>> = HashMap::new();
    for quote in extracted {
        by_file.entry(base_name(&quote.file)).or_default().push((quote, words(&quote.text)));
    }
    let mut used: HashMap<String, Vec<bool>> =
        by_file.iter().map(|(file, quotes)| (file.clone(), vec![false; quotes.len()])).collect();
    let mut evaluation = QuoteEvaluation {
        dataset: dataset.to_path_buf(),
        quotes: truth.quotes.len(),
        found: 0,
        extracted: 0,
        borderline: 0,
        false_positives: 0,
        speaker_correct: 0,
        role_correct: 0,
        misses: Vec::new(),
    };
    // A verbatim repeat (a caption printed twice) is one row per occurrence; an extractor that
    // merges repeats answers them all with one quote.
    let mut answered: HashMap<(&str, &str), &ExtractedQuote> = HashMap::new();
    for row in &truth.quotes {
        let key = (row.file.as_str(), row.start.as_str());
        let quote = claim(&by_file, &mut used, &row.file, &row.start).or_else(|| answered.get(&key).copied());
        match quote {
            Some(quote) => {
                answered.insert(key, quote);
                score_attribution(&mut evaluation, row, quote)
            }
            None => evaluation.misses.push(QuoteMiss {
                file: row.file.clone(),
                quote: row.start.clone(),
                problem: Problem::Missed,
                detected: None,
                expected: row.speaker.clone(),
            }),
        }
    }
    for (file, start) in &truth.borderline {
        if claim(&by_file, &mut used, file, start).is_some() {
            evaluation.borderline += 1;
        }
    }
    count_the_rest(&mut evaluation, &by_file, &used);
    evaluation
}

/// The first unused extracted quote of `file` that starts with the words of `start`, marked used.
fn claim<'a>(
    by_file: &HashMap<String, Vec<(&'a ExtractedQuote, Vec<String>)>>,
    used: &mut HashMap<String, Vec<bool>>,
    file: &str,
    start: &str,
) -> Option<&'a ExtractedQuote> {
    let wanted = words(start);
    let quotes = by_file.get(file)?;
    let used = used.get_mut(file)?;
    let at = quotes.iter().enumerate().position(|(i, (_, quote_words))| {
        !used[i] && quote_words.len() >= wanted.len() && quote_words[..wanted.len()] == wanted[..]
    })?;
    used[at] = true;
    Some(quotes[at].0)
}

/// Counts a found quote's speaker and role, noting the wrong ones.
fn score_attribution(evaluation: &mut QuoteEvaluation, row: &TrueQuote, quote: &ExtractedQuote) {
    evaluation.found += 1;
    let detected_speaker = quote.speaker.as_deref().map(without_party);
    let checks = [
        (Problem::Speaker, detected_speaker.as_deref(), row.speaker.as_deref()),
        (Problem::Role, quote.role.as_deref(), row.role.as_deref()),
    ];
    for (problem, detected, expected) in checks {
        if same_name(detected, expected) {
            match problem {
                Problem::Speaker => evaluation.speaker_correct += 1,
                _ => evaluation.role_correct += 1,
            }
        } else {
            evaluation.misses.push(QuoteMiss {
                file: row.file.clone(),
                quote: row.start.clone(),
                problem,
                detected: detected.map(str::to_string),
                expected: expected.map(str::to_string),
            });
        }
    }
}

/// Counts the extracted quotes, and lists those that answered no row (by file name).
fn count_the_rest(
    evaluation: &mut QuoteEvaluation,
    by_file: &HashMap<String, Vec<(&ExtractedQuote, Vec<String>)>>,
    used: &HashMap<String, Vec<bool>>,
) {
    let mut files: Vec<&String> = by_file.keys().collect();
    files.sort_unstable();
    for file in files {
        let (quotes, used) = (&by_file[file], &used[file]);
        evaluation.extracted += quotes.len();
        for ((quote, quote_words), _) in quotes.iter().zip(used).filter(|(_, used)| !**used) {
            evaluation.false_positives += 1;
            evaluation.misses.push(QuoteMiss {
                file: file.to_string(),
                quote: quote_words.iter().take(6).cloned().collect::<Vec<_>>().join(" "),
                problem: Problem::FalsePositive,
                detected: quote.speaker.clone(),
                expected: None,
            });
        }
    }
}

/// The words of a text: letters and digits, lowercased; everything else separates.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Two names (or roles) are the same when their words are, ignoring case and punctuation.
fn same_name(a: Option<&str>, b: Option<&str>) -> bool {
    a.map(words).unwrap_or_default() == b.map(words).unwrap_or_default()
}

/// A speaker without a trailing party label: `Jan Schmidt (SPD)` → `Jan Schmidt`.
fn without_party(speaker: &str) -> String {
    match speaker.trim_end().strip_suffix(')').and_then(|s| s.rsplit_once('(')) {
        Some((name, _)) if !name.trim().is_empty() => name.trim_end().to_string(),
        _ => speaker.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUOTES: &str = "file\tquote_start\tspeaker\trole\tnote\n\
        a.txt\t‚Kein Kind zurücklassen‘ ist ein Erfolg.\tHannelore Kraft\tMinisterpräsidentin\t\n\
        a.txt\tWir machen mit, weil es\tDr. Jan Schmidt\tLandrat\t\n\
        b.txt\tDas ist eine Daueraufgabe\tUte Maas\t\tcut\n\
        c.txt\tNiemand hat das gefunden\tEva Roth\tBürgermeisterin\t\n";

    fn truth() -> QuoteTruth {
        let mut truth = QuoteTruth::parse(Path::new("quotes.tsv"), QUOTES).unwrap();
        truth.borderline = vec![("b.txt".into(), "gelingt hier".into())];
        truth
    }

    fn quote(file: &str, text: &str, speaker: Option<&str>, role: Option<&str>) -> ExtractedQuote {
        ExtractedQuote {
            file: file.into(),
            text: text.into(),
            speaker: speaker.map(String::from),
            role: role.map(String::from),
        }
    }

    #[test]
    fn matches_by_the_first_words_and_scores_attribution() {
        let extracted = [
            // Nested marks dropped, longer than the start: found, right speaker and role.
            quote(
                "corpus/a.txt",
                "Kein Kind zurücklassen ist ein Erfolg. Das sagen alle",
                Some("Hannelore Kraft"),
                Some("Ministerpräsidentin"),
            ),
            // Found; the party label is ignored; the role is wrong.
            quote(
                "a.txt",
                "Wir machen mit, weil es darum geht",
                Some("Dr. Jan Schmidt (SPD)"),
                Some("Kreisdirektor"),
            ),
            // Found (cut), no role on either side; the speaker is missing.
            quote("b.txt", "Das ist eine Daueraufgabe", None, None),
            // The borderline case: neither way.
            quote("b.txt", "gelingt hier vorbildhaft", None, None),
            // A false positive in a judged file.
            quote("b.txt", "Ein Titel in Anführungszeichen mit Worten", None, None),
            // A file the truth lists no quote of: a false positive too.
            quote("z.txt", "Irgendwas anderes gesagt von jemandem", None, None),
        ];
        let eval = evaluate_quotes(Path::new("ds"), &truth(), &extracted);
        assert_eq!(
            (eval.quotes, eval.found, eval.extracted, eval.borderline, eval.false_positives),
            (4, 3, 6, 1, 2)
        );
        assert_eq!((eval.speaker_correct, eval.role_correct), (2, 2));
        assert!((eval.recall() - 0.75).abs() < 1e-9);
        assert!((eval.precision() - 0.6).abs() < 1e-9);
        let problems: Vec<(&str, Problem, Option<&str>, Option<&str>)> = eval
            .misses
            .iter()
            .map(|m| (m.file.as_str(), m.problem, m.detected.as_deref(), m.expected.as_deref()))
            .collect();
        assert_eq!(
            problems,
            [
                ("a.txt", Problem::Role, Some("Kreisdirektor"), Some("Landrat")),
                ("b.txt", Problem::Speaker, None, Some("Ute Maas")),
                ("c.txt", Problem::Missed, None, Some("Eva Roth")),
                ("b.txt", Problem::FalsePositive, None, None),
                ("z.txt", Problem::FalsePositive, None, None),
            ]
        );
    }

    #[test]
    fn a_quote_started_elsewhere_or_used_twice_does_not_match() {
        let text = "file\tquote_start\tspeaker\trole\tnote\n\
            a.txt\tWir machen mit\tX\t\t\n\
            a.txt\tWir machen\tX\t\t\n";
        let truth = QuoteTruth::parse(Path::new("q.tsv"), text).unwrap();
        // Starts mid-sentence: no match; the one quote that matches answers the first row only.
        let extracted = [
            quote("a.txt", "Und wir machen mit", None, None),
            quote("a.txt", "Wir machen mit", Some("X"), None),
        ];
        let eval = evaluate_quotes(Path::new("ds"), &truth, &extracted);
        assert_eq!((eval.found, eval.false_positives), (1, 1));
        assert_eq!(eval.misses[0].quote, "Wir machen");
    }

    #[test]
    fn a_merged_repeat_answers_every_occurrence() {
        let text = "file\tquote_start\tspeaker\trole\tnote\n\
            a.txt\tSie bilden die Grundlage\tX\t\t\n\
            a.txt\tSie bilden die Grundlage\tX\t\t\n";
        let truth = QuoteTruth::parse(Path::new("q.tsv"), text).unwrap();
        let merged = [quote("a.txt", "Sie bilden die Grundlage dafür", Some("X"), None)];
        let eval = evaluate_quotes(Path::new("ds"), &truth, &merged);
        assert_eq!((eval.found, eval.speaker_correct, eval.false_positives), (2, 2, 0));
    }

    #[test]
    fn bad_rows_name_their_line() {
        let cases = [
            ("file\tspeaker\trole\n", "quote_start"),
            ("file\tquote_start\tspeaker\trole\na.txt\t„“\tX\t\n", "line 2: every row needs"),
        ];
        for (text, fragment) in cases {
            let err = QuoteTruth::parse(Path::new("quotes.tsv"), text).expect_err(text).to_string();
            assert!(err.contains(fragment), "{text:?}: {err} lacks {fragment:?}");
        }
    }
}
