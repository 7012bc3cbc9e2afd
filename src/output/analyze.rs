//! `praev analyze`: the token stream of a text. The renderings themselves live in
//! [`super::explain`] (shared with `search --explain`); this is their [`Report`].

use super::explain::{render_tokens, tokens_json, TokenJson};
use super::{Csv, Report, Style};
use crate::analysis::AnalyzedToken;

pub const CSV_HEADER: [&str; 6] = ["position", "term", "word", "origin", "start", "end"];

/// A text and its tokens.
pub struct AnalyzeReport<'a> {
    pub text: &'a str,
    pub tokens: &'a [AnalyzedToken],
}

impl Report for AnalyzeReport<'_> {
    type Document<'a>
        = Vec<TokenJson<'a>>
    where
        Self: 'a;
    type Line<'a>
        = TokenJson<'a>
    where
        Self: 'a;

    fn document(&self) -> Vec<TokenJson<'_>> {
        tokens_json(self.text, self.tokens)
    }

    fn lines(&self) -> Vec<TokenJson<'_>> {
        self.document()
    }

    fn csv(&self) -> Csv {
        let mut csv = Csv::new(CSV_HEADER);
        for t in tokens_json(self.text, self.tokens) {
            csv.push([
                t.position.to_string(),
                t.term.to_string(),
                t.word.to_string(),
                t.origin.to_string(),
                t.start.to_string(),
                t.end.to_string(),
            ]);
        }
        csv
    }

    /// Not a grid: `position  term  origin  word`, one token per line.
    fn table(&self, _style: Style) -> String {
        render_tokens(self.text, self.tokens)
    }
}
