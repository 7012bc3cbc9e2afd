//! Plain-text renderings of the analysis for people: the token stream of `praev analyze` and
//! the query plan of `praev search --explain`.

use std::fmt::Write;

use serde::Serialize;

use crate::analysis::{AnalyzedToken, PART_MARK, ROOT_MARK};
use crate::query::parse::Occurrence;
use crate::query::plan::{Alternative, QueryPlan};

/// One token as `praev analyze --format json` prints it.
#[derive(Serialize)]
pub struct TokenJson<'a> {
    pub position: usize,
    /// The term as indexed (parts with the `~` mark).
    pub term: &'a str,
    /// The written word it comes from.
    pub word: &'a str,
    pub origin: &'static str,
    /// Byte offsets of the written word.
    pub start: usize,
    pub end: usize,
}

pub fn tokens_json<'a>(text: &'a str, tokens: &'a [AnalyzedToken]) -> Vec<TokenJson<'a>> {
    tokens
        .iter()
        .map(|t| TokenJson {
            position: t.position,
            term: &t.text,
            word: &text[t.offset_from..t.offset_to],
            origin: t.origin.as_str(),
            start: t.offset_from,
            end: t.offset_to,
        })
        .collect()
}

/// `position  term  origin  word`, one token per line.
pub fn render_tokens(text: &str, tokens: &[AnalyzedToken]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{:>4}  {:<28} {:<9} word", "pos", "term", "origin");
    for t in tokens {
        let _ = writeln!(
            out,
            "{:>4}  {:<28} {:<9} {}",
            t.position,
            t.text,
            t.origin.as_str(),
            &text[t.offset_from..t.offset_to]
        );
    }
    out
}

/// The query plan: each clause, its alternatives and their weights.
pub fn render_plan(plan: &QueryPlan) -> String {
    let mut out = String::from(
        "query plan (weights relative to a literal word = 1.00; `~` = as a compound part, `^` = word family):\n",
    );
    if plan.clauses.is_empty() {
        out.push_str("  (nothing to search)\n");
    }
    let words = plan.word_clauses().len();
    for clause in &plan.clauses {
        let occur = match clause.occur {
            Occurrence::Should => "any",
            Occurrence::Must => "must",
            Occurrence::MustNot => "must not",
        };
        let _ = writeln!(out, "  [{occur}] {}", clause.source);
        for alternative in clause.groups.iter().flatten() {
            let _ = writeln!(out, "      {}", describe(alternative));
        }
    }
    if words >= 2 {
        let _ = writeln!(
            out,
            "  [bonus] all {words} words in one passage {:.2}",
            crate::query::plan::ALL_WORDS_WEIGHT
        );
    }
    out
}

fn describe(alternative: &Alternative) -> String {
    match alternative {
        Alternative::Term { term, weight, origin } if term.starts_with(ROOT_MARK) => {
            format!("{term:<28} {weight:.2}  ({})", origin.as_str())
        }
        Alternative::Term { term, weight, origin } => format!(
            "{term:<28} {weight:.2}  ({}); {PART_MARK}{term} {:.2}",
            origin.as_str(),
            weight * crate::query::plan::PART_WEIGHT
        ),
        Alternative::AllParts { terms, weight, near } => {
            let mut line = format!("all of [{}] {weight:.2}  (compound parts)", terms.join(", "));
            if *near && terms.len() == 2 {
                line.push_str(&format!(
                    "; written apart within {} words {:.2}",
                    crate::query::plan::NEAR_PARTS_SLOP,
                    crate::query::plan::NEAR_PARTS_WEIGHT
                ));
            }
            line
        }
        Alternative::Phrase { terms, weight, origin } => {
            let words: Vec<&str> = terms.iter().map(|(_, t)| t.as_str()).collect();
            format!("\"{}\" {weight:.2}  (phrase, {})", words.join(" "), origin.as_str())
        }
    }
}
