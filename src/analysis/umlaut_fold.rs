//! Folds German spelling variants so that `Übergänge`, `Uebergaenge` and `Ubergange` meet.
//!
//! ä/ö/ü → a/o/u, ß → ss, other Latin diacritics to their base letter (é → e), and the
//! transcriptions ae/oe → a/o and ue → u unless the `u` follows a vowel or `q` — the rule of
//! Lucene's German normalisation, which keeps `quelle`, `steuer`, `neue` and `dauer` intact.
//!
//! Two regular variant spellings of German meet as well: `ph` → `f` (demographisch and
//! demografisch, Graphik and Grafik, Photo and Foto; the Duden accepts both for most such
//! words) and `-ntial`/`-ntiell` → `-nzial`/`-nziell` (Potential and Potenzial, essentiell and
//! essenziell: the reform of 1996 made the `z` spelling the main one).
//!
//! Folding ä to a makes umlauts meet their plain vowel, which is right for plurals and verb
//! forms (Ärzte/Arzt, Mütter/Mutter, trägt/tragen) but conflates a few pairs of different
//! words. Those stems, [`UMLAUT_DISTINCT`], keep their umlaut as its transcription (`förder` →
//! `foerder`), written either way, so `fördern` meets `Foerderung` but not `fordern` or
//! `Herausforderung`. A list rather than a rule because most umlauts are inflection: a general
//! ä → ae would part Ärzte from Arzt. A query typed without umlauts (`Forderung` for
//! `Förderung`) then finds only the word it spells.
//! Expects lower-cased tokens; runs after stop-word removal and before stemming.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::{AnalysisStep, AnalyzedToken};

#[derive(Debug, Clone, Copy, Default)]
pub struct UmlautFold;

/// Stems whose umlaut tells them from another word (fördern/fordern, zählen/zahlen,
/// schön/schon): they fold to the transcription instead of the plain vowel. Lower case, with
/// the umlaut.
pub const UMLAUT_DISTINCT: [&str; 3] = ["förder", "zähl", "schön"];

impl UmlautFold {
    pub fn fold(word: &str) -> String {
        let folded = match distinct_stem(word) {
            Some((range, transcription)) => {
                let mut out = fold_letters(&word[..range.start]);
                out.push_str(transcription);
                out.push_str(&fold_letters(&word[range.end..]));
                out
            }
            None => fold_letters(word),
        };
        fold_variant_spellings(folded)
    }
}

/// The byte range of a [`UMLAUT_DISTINCT`] stem in `word`, written with the umlaut or its
/// transcription, and the transcription it folds to.
fn distinct_stem(word: &str) -> Option<(std::ops::Range<usize>, &'static str)> {
    static TRANSCRIBED: std::sync::OnceLock<Vec<(&'static str, String)>> = std::sync::OnceLock::new();
    // Any of the stems in either spelling: most words hold none, and one search over the word
    // tells so; only then is each stem looked for in turn (the first listed wins).
    static ANY_FORM: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let stems = TRANSCRIBED.get_or_init(|| {
        UMLAUT_DISTINCT
            .iter()
            .map(|s| (*s, s.replace('ä', "ae").replace('ö', "oe").replace('ü', "ue")))
            .collect()
    });
    let any_form = ANY_FORM.get_or_init(|| {
        let forms = stems.iter().flat_map(|(umlaut, transcription)| [*umlaut, transcription.as_str()]);
        aho_corasick::AhoCorasick::new(forms).expect("plain words")
    });
    if !any_form.is_match(word) {
        return None;
    }
    stems.iter().find_map(|(umlaut, transcription)| {
        [*umlaut, transcription.as_str()]
            .into_iter()
            .find_map(|form| word.find(form).map(|start| (start..start + form.len(), transcription.as_str())))
    })
}

/// `ph` → `f`, `-ntial`/`-ntiell` → `-nzial`/`-nziell`.
fn fold_variant_spellings(word: String) -> String {
    let mut word = if has_bytes(&word, b"ph") { word.replace("ph", "f") } else { word };
    if has_ntial(&word) {
        word = word.replace("ntial", "nzial").replace("ntiell", "nziell");
    }
    word
}

/// Umlauts, ß, diacritics and the ae/oe/ue transcriptions to plain letters.
fn fold_letters(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut previous: Option<char> = None;
    for c in word.chars() {
        match c {
            'e' if matches!(previous, Some('a') | Some('o')) && !ends_with_double_vowel(&out) => {
                // `ae`/`oe` as a transcription of ä/ö: drop the e.
            }
            'e' if previous == Some('u') && !after_vowel_or_q(&out) => {}
            _ => push_folded(&mut out, c),
        }
        previous = Some(c);
    }
    out
}

/// True when the `u`/`a`/`o` just written follows a vowel or `q` (`steuer`, `quelle`, `neue`).
fn after_vowel_or_q(out: &str) -> bool {
    let mut rev = out.chars().rev();
    rev.next();
    matches!(rev.next(), Some('a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'q'))
}

/// `aae`, `ooe` and the like are not transcriptions; keep their `e`.
fn ends_with_double_vowel(out: &str) -> bool {
    after_vowel_or_q(out)
}

/// Whether folding could change `word`: non-ASCII letters, an `ae`/`oe`/`ue` pair, a `ph`
/// or a `-ntial`/`-ntiell`.
/// One pass over the bytes after the (vectorised) ASCII test: this runs for every token.
pub fn needs_folding(word: &str) -> bool {
    if !word.is_ascii() {
        return true;
    }
    let bytes = word.as_bytes();
    bytes.windows(2).enumerate().any(|(i, pair)| match (pair[0], pair[1]) {
        (b'a' | b'o' | b'u', b'e') | (b'p', b'h') => true,
        (b'n', b't') => bytes[i..].starts_with(b"ntial") || bytes[i..].starts_with(b"ntiell"),
        _ => false,
    })
}

/// Whether `word` holds `-ntial` or `-ntiell`. A plain scan of the bytes: the words are short.
fn has_ntial(word: &str) -> bool {
    has_bytes(word, b"ntial") || has_bytes(word, b"ntiell")
}

fn has_bytes(word: &str, needle: &[u8]) -> bool {
    word.as_bytes().windows(needle.len()).any(|window| window == needle)
}

fn push_folded(out: &mut String, c: char) {
    match c {
        'ä' | 'à' | 'á' | 'â' | 'ã' | 'å' => out.push('a'),
        'ö' | 'ò' | 'ó' | 'ô' | 'õ' | 'ø' => out.push('o'),
        'ü' | 'ù' | 'ú' | 'û' => out.push('u'),
        'ß' => out.push_str("ss"),
        'é' | 'è' | 'ê' | 'ë' => out.push('e'),
        'í' | 'ì' | 'î' | 'ï' => out.push('i'),
        'ç' => out.push('c'),
        'ñ' => out.push('n'),
        _ => out.push(c),
    }
}

impl AnalysisStep for UmlautFold {
    fn apply(&self, mut tokens: Vec<AnalyzedToken>) -> Vec<AnalyzedToken> {
        for token in &mut tokens {
            if needs_folding(&token.text) {
                token.text = fold_cached(&token.text);
            }
        }
        tokens
    }
}

/// Beyond this many distinct words a thread's cache of folded words is cleared.
const FOLD_CACHE_LIMIT: usize = 100_000;

thread_local! {
    /// The folded spelling of each word this thread has folded. This step runs on every
    /// token of a build, before the analyzer's per-word cache (it changes what the context
    /// steps see), and texts repeat their words.
    static FOLDED: RefCell<FxHashMap<String, String>> = RefCell::default();
}

/// [`UmlautFold::fold`], remembered per thread.
fn fold_cached(word: &str) -> String {
    FOLDED.with(|folded| {
        let mut folded = folded.borrow_mut();
        if let Some(known) = folded.get(word) {
            return known.clone();
        }
        let fresh = UmlautFold::fold(word);
        if folded.len() >= FOLD_CACHE_LIMIT {
            folded.clear();
        }
        folded.insert(word.to_string(), fresh.clone());
        fresh
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, folded): if one of these fails, spellings of the same word no longer meet,
    /// or a word with a genuine `ue` was broken.
    const CASES: &[(&str, &str)] = &[
        ("übergänge", "ubergange"),
        ("uebergaenge", "ubergange"),
        ("ubergange", "ubergange"),
        ("straße", "strasse"),
        ("strasse", "strasse"),
        ("größe", "grosse"),
        ("groesse", "grosse"),
        ("düren", "duren"),
        ("dueren", "duren"),
        ("quelle", "quelle"),
        ("steuer", "steuer"),
        ("neue", "neue"),
        ("dauer", "dauer"),
        ("café", "cafe"),
        ("kinder", "kinder"),
        ("", ""),
        // Variant spellings.
        ("demographisch", "demografisch"),
        ("graphik", "grafik"),
        ("photo", "foto"),
        ("potential", "potenzial"),
        ("potentiell", "potenziell"),
        ("essentiell", "essenziell"),
        ("partiell", "partiell"),
        // Umlauts that tell words apart keep their transcription, written either way.
        ("förderung", "foerderung"),
        ("foerderung", "foerderung"),
        ("frühförderung", "fruhfoerderung"),
        ("gefördert", "gefoerdert"),
        ("forderung", "forderung"),
        ("herausforderung", "herausforderung"),
        ("zählen", "zaehlen"),
        ("zahlen", "zahlen"),
        ("schön", "schoen"),
        ("schon", "schon"),
        ("ärzte", "arzte"),
    ];

    #[test]
    fn folds_umlauts_and_transcriptions() {
        for (input, expected) in CASES {
            assert_eq!(UmlautFold::fold(input), *expected, "folding {input:?}");
            // Folded afresh and then from the thread's cache.
            for _ in 0..2 {
                assert_eq!(fold_cached(input), *expected, "folding {input:?} through the cache");
            }
        }
    }
}

#[cfg(test)]
mod needs_folding_tests {
    use super::*;

    /// (word, whether folding may change it): the one-pass test must flag every word the
    /// folding rules touch and pass plain ASCII words untouched.
    #[test]
    fn flags_exactly_the_words_folding_may_change() {
        let cases = [
            ("kinder", false),
            ("jugendhilfe", false),
            ("ubergange", false),
            ("übergänge", true),
            ("strasse", false),
            ("straße", true),
            ("uebergaenge", true),
            ("schoen", true),
            ("blue", true),
            ("telephon", true),
            ("potential", true),
            ("potentiell", true),
            ("potenzial", false),
            ("ntia", false),
            ("n", false),
            ("", false),
        ];
        for (word, expected) in cases {
            assert_eq!(needs_folding(word), expected, "{word}");
        }
    }
}
