//! Splits text into lower-cased words with byte offsets and positions.
//!
//! A word is a run of letters and digits. Soft hyphens (U+00AD) and zero-width characters
//! inside a word are invisible in the source and are dropped from the term, so that
//! `Präven\u{AD}tion` is found as `Prävention`. Words longer than the configured maximum
//! are skipped (they are URLs or garbage), but still take a position.

use super::{AnalyzedToken, Origin};

/// Characters that are invisible inside a word and must not split it.
fn is_invisible_joiner(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

#[derive(Debug, Clone, Copy)]
pub struct WordTokenizer {
    pub max_word_chars: usize,
}

impl WordTokenizer {
    pub fn tokenize(&self, text: &str) -> Vec<AnalyzedToken> {
        let mut tokens = Vec::new();
        let mut position = 0;
        let mut word = String::new();
        let mut start: Option<usize> = None;
        let mut end = 0;
        for (i, c) in text.char_indices() {
            if c.is_alphanumeric() {
                start.get_or_insert(i);
                word.extend(c.to_lowercase());
                end = i + c.len_utf8();
            } else if is_invisible_joiner(c) && start.is_some() {
                continue;
            } else if let Some(s) = start.take() {
                self.push(&mut tokens, &mut word, s, end, &mut position);
            }
        }
        if let Some(s) = start {
            self.push(&mut tokens, &mut word, s, end, &mut position);
        }
        tokens
    }

    fn push(&self, tokens: &mut Vec<AnalyzedToken>, word: &mut String, from: usize, to: usize, position: &mut usize) {
        if word.chars().count() <= self.max_word_chars {
            tokens.push(AnalyzedToken {
                text: std::mem::take(word),
                offset_from: from,
                offset_to: to,
                position: *position,
                origin: Origin::Word,
            });
        }
        word.clear();
        *position += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, usize, usize)> {
        WordTokenizer { max_word_chars: 40 }
            .tokenize(text)
            .into_iter()
            .map(|t| (t.text, t.offset_from, t.offset_to))
            .collect()
    }

    #[test]
    fn splits_on_punctuation_and_lower_cases() {
        let got = words("Kinder- und Jugendhilfe, „KeKiz“!");
        let texts: Vec<&str> = got.iter().map(|(t, _, _)| t.as_str()).collect();
        assert_eq!(texts, vec!["kinder", "und", "jugendhilfe", "kekiz"]);
    }

    #[test]
    fn offsets_point_at_the_source_word() {
        let text = "Die Übergänge";
        let got = words(text);
        assert_eq!(&text[got[1].1..got[1].2], "Übergänge", "offsets must be byte offsets of the word");
    }

    #[test]
    fn soft_hyphen_does_not_split_a_word() {
        let got = words("Präven\u{AD}tion");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "prävention");
        assert_eq!(got[0].2, "Präven\u{AD}tion".len(), "the token spans the whole written word");
    }

    #[test]
    fn overlong_words_are_skipped_but_take_a_position() {
        let long = "x".repeat(60);
        let tokens = WordTokenizer { max_word_chars: 40 }.tokenize(&format!("a {long} b"));
        let got: Vec<(String, usize)> = tokens.into_iter().map(|t| (t.text, t.position)).collect();
        assert_eq!(got, vec![("a".to_string(), 0), ("b".to_string(), 2)]);
    }

    #[test]
    fn empty_and_punctuation_only_text_give_no_tokens() {
        assert!(words("").is_empty());
        assert!(words(" ?!… — „“ ").is_empty());
    }
}
