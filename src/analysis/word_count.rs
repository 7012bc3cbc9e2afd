//! Counts the words of a text for BM25's length normalisation, cheaply, as one token per word.
//!
//! The German analyzer emits several terms per written word at one position (stem, compound
//! parts, gender base, root …), and tantivy's field norm counts every term, so a passage rich
//! in compounds would look longer than it is. Lucene counts such stacked terms once
//! (`discountOverlaps`). praev gets the same by indexing each analysed field a second time with
//! this tokenizer: one constant token per word the analyzer would index (stop words and
//! over-long words left out), whose field norm is then the word count that
//! [`crate::query::scoring`] divides by.
//!
//! Words are read like [`super::tokenize`] reads them — runs of letters and digits, a hyphen
//! or an invisible character between them and a gender ending (`:innen`, `*in`, `(innen)`)
//! inside the word — but no term is built: only words short enough to be a stop word are
//! lower-cased (and folded) to be looked up.
//!
//! While indexing, the words are not read a second time: the German analyzer, which tantivy
//! runs on the analysed field of the same document just before, remembers on its thread how
//! many positions it filled for the texts it analysed last ([`remember_count`]), and the
//! counter takes that number when its text is one of them. Both count the same words (the
//! tests check it on every text they index), so the norms are the same either way; a text
//! the analyzer has not just seen is counted here.

use std::cell::RefCell;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::letters::{is_alphanumeric, push_lowercase};
use super::stop_words::StopWords;
use super::tokenize::{is_gender_mark, is_hyphen, is_invisible};
use super::umlaut_fold::{needs_folding, UmlautFold};

/// The name under which the word counter is registered in every praev index.
pub const WORD_COUNT_NAME: &str = "praev_words";
/// The one term the word counter emits, once per word.
const WORD_TOKEN: &str = "w";
/// How many recently analysed texts a thread remembers the counts of: one passage's analysed
/// fields (text, section, speaker, role) are all analysed before their word fields.
const RECENT_TEXTS: usize = 4;

/// The word counts of the texts the German analyzer analysed last on one thread.
#[derive(Default)]
struct RecentCounts {
    texts: [(String, usize); RECENT_TEXTS],
    /// The slot the next text goes into (the oldest).
    next: usize,
}

thread_local! {
    static RECENT: RefCell<RecentCounts> = RefCell::default();
}

/// Remembers that the German analyzer filled `words` positions analysing `text` on this thread.
pub(crate) fn remember_count(text: &str, words: usize) {
    RECENT.with_borrow_mut(|recent| {
        let slot = recent.next;
        let (remembered, count) = &mut recent.texts[slot];
        remembered.clear();
        remembered.push_str(text);
        *count = words;
        recent.next = (slot + 1) % RECENT_TEXTS;
    });
}

/// The word count the German analyzer found for `text`, if it analysed it lately on this thread.
fn recalled_count(text: &str) -> Option<usize> {
    RECENT.with_borrow(|recent| recent.texts.iter().find(|(t, _)| t.as_str() == text).map(|(_, n)| *n))
}

/// Counts the words of a text that the German analyzer indexes.
#[derive(Clone)]
pub struct WordCounter {
    stop_words: StopWords,
    max_word_chars: usize,
    /// The lower-cased word being looked up (reused).
    lower: String,
}

impl WordCounter {
    pub fn new(stop_words: StopWords, max_word_chars: usize) -> WordCounter {
        WordCounter { stop_words, max_word_chars, lower: String::new() }
    }

    /// How many words of `text` the analyzer indexes (the positions it fills).
    pub fn count(&mut self, text: &str) -> usize {
        let mut words = 0;
        let mut rest = text;
        while let Some(start) = rest.find(is_alphanumeric) {
            rest = &rest[start..];
            let end = word_end(rest);
            if self.is_indexed(&rest[..end]) {
                words += 1;
            }
            rest = &rest[end..];
        }
        words
    }

    /// Whether the analyzer keeps the written word `word`: not too long, not a stop word.
    /// Only a word short enough to be a stop word is lower-cased and looked up.
    fn is_indexed(&mut self, word: &str) -> bool {
        // A word has at least as many bytes as characters: count them only when it matters.
        let chars = |w: &str| w.chars().filter(|c| c.is_alphanumeric()).count();
        if word.len() > self.max_word_chars && chars(word) > self.max_word_chars {
            return false;
        }
        if word.len() > self.stop_words.longest() && chars(word) > self.stop_words.longest() {
            return true;
        }
        self.lower.clear();
        if word.is_ascii() {
            self.lower.push_str(word);
            self.lower.make_ascii_lowercase();
        } else {
            for c in word.chars().filter(|c| !is_invisible(*c)) {
                push_lowercase(&mut self.lower, c);
            }
        }
        if self.stop_words.contains(&self.lower) {
            return false;
        }
        !(needs_folding(&self.lower) && self.stop_words.contains(&UmlautFold::fold(&self.lower)))
    }
}

/// The byte length of the word `text` starts with.
fn word_end(text: &str) -> usize {
    for (i, c) in text.char_indices() {
        if is_alphanumeric(c) || is_invisible(c) {
            continue;
        }
        let after = &text[i + c.len_utf8()..];
        if is_hyphen(c) && after.starts_with(is_alphanumeric) {
            continue;
        }
        return match gender_ending_len(c, after) {
            Some(len) => i + c.len_utf8() + len,
            None => i,
        };
    }
    text.len()
}

/// After the gender marker `mark`, the byte length of the `in`/`innen` that ends the word in
/// `after` (`Koordinator:innen`, `Sprecher/-in`, `Koordinator(innen)`).
fn gender_ending_len(mark: char, after: &str) -> Option<usize> {
    if !is_gender_mark(mark) {
        return None;
    }
    let (skipped, after) = match after.strip_prefix('-') {
        Some(rest) if mark == '/' => (1, rest),
        _ => (0, after),
    };
    ["innen", "in"].iter().find_map(|ending| {
        let rest = after.strip_prefix(ending)?;
        let closed = usize::from(mark == '(' && rest.starts_with(')'));
        let ends_word = rest[closed..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        ends_word.then_some(skipped + ending.len() + closed)
    })
}

impl Tokenizer for WordCounter {
    type TokenStream<'a> = WordTokens;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokens {
        let mut token = Token::default();
        token.text.push_str(WORD_TOKEN);
        let words = match recalled_count(text) {
            Some(words) => {
                debug_assert_eq!(words, self.count(text), "the analyzer and the counter disagree: {text}");
                words
            }
            None => self.count(text),
        };
        WordTokens { remaining: words, token }
    }
}

/// The constant token, once per counted word.
pub struct WordTokens {
    remaining: usize,
    token: Token,
}

impl TokenStream for WordTokens {
    fn advance(&mut self) -> bool {
        if self.remaining == 0 {
            return false;
        }
        self.remaining -= 1;
        self.token.position = self.token.position.wrapping_add(1);
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ConfigFiles;

    /// The counter agrees with the analyzer: one word per position the analyzer fills, however
    /// many terms it stacks there.
    #[test]
    fn counts_the_positions_the_analyzer_fills() {
        let config = ConfigFiles::bundled().load_analysis().expect("bundled config loads");
        let analyzer = config.german_analyzer(None);
        let mut counter = WordCounter::new(config.stop_words.clone(), config.settings.max_word_chars);
        let cases: &[(&str, usize)] = &[
            ("Kinderschutzfachkräfte der Präventionsketten", 2),
            ("Die Koordinator:innen der Kinder- und Jugendhilfe treffen sich.", 4),
            ("Kita-Grundschule, Übergänge und Uebergaenge für alle Kinder", 4),
            ("KoordinatorInnen und Sprecher/in, Koordinator(innen) sowie Ärzt*innen", 5),
            ("Seit 2017 gibt es in über 40 Kommunen Präventionsketten.", 6),
            ("Präven\u{AD}tion fängt früh an", 3),
            ("und oder aber", 0),
            ("", 0),
        ];
        for (text, words) in cases {
            let positions: std::collections::HashSet<usize> =
                analyzer.analyze(text).into_iter().map(|t| t.position).collect();
            assert_eq!(counter.count(text), *words, "{text}");
            assert_eq!(positions.len(), *words, "the analyzer fills as many positions: {text}");
        }
    }

    /// What the analyzer remembers while tantivy indexes a text is the counter's own count,
    /// over-long words included: the counter measures them without their hyphens.
    #[test]
    fn the_analyzer_remembers_the_counters_count() {
        let config = ConfigFiles::bundled().load_analysis().expect("bundled config loads");
        let mut analyzer = config.german_analyzer(None);
        let mut counter = WordCounter::new(config.stop_words.clone(), config.settings.max_word_chars);
        let cases = [
            "Die Koordinator:innen der Kinder- und Jugendhilfe treffen sich.",
            "so Annita Cladder-Micus, Projektkoordinatorin-projektkoordinatorin im Kreisjugendamt",
            "Unterstützungsangebote-leistungsbereichen und Angebote",
            "https://www.kreis-beispiel.de/praeventionskette/kinderarmut/uebergaenge.html und mehr",
            "und oder aber",
        ];
        for text in cases {
            let mut stream = analyzer.token_stream(text);
            while stream.advance() {}
            assert_eq!(recalled_count(text), Some(counter.count(text)), "{text}");
        }
        assert_eq!(recalled_count("ein Text, den der Analyzer nicht las"), None);
    }

    #[test]
    fn emits_one_token_per_word() {
        let config = ConfigFiles::bundled().load_analysis().expect("bundled config loads");
        let mut counter = WordCounter::new(config.stop_words.clone(), config.settings.max_word_chars);
        let mut stream = counter.token_stream("Frühe Hilfen für Familien");
        let mut tokens = Vec::new();
        while stream.advance() {
            tokens.push(stream.token().text.clone());
        }
        assert_eq!(tokens, vec!["w", "w", "w"]);
    }
}
