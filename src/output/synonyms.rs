//! `praev synonyms`: the one-word members of the synonym entries, their search terms and the
//! other words of the corpus that share them (collisions).

use serde::Serialize;

use super::table::new_table;
use super::{Csv, Report, Style};
use crate::analysis::MemberTerm;

pub const CSV_HEADER: [&str; 4] = ["entry", "member", "term", "words"];

/// The members listed, and whether only collisions were asked for (`--check`).
pub struct SynonymsReport<'a> {
    pub members: &'a [MemberTerm],
    pub check: bool,
}

#[derive(Serialize)]
pub struct MemberTermJson<'a> {
    pub entry: &'a str,
    pub member: &'a str,
    pub term: &'a str,
    pub words: &'a [String],
}

impl<'a> From<&'a MemberTerm> for MemberTermJson<'a> {
    fn from(m: &'a MemberTerm) -> Self {
        MemberTermJson { entry: &m.entry, member: &m.member, term: &m.term, words: &m.words }
    }
}

impl Report for SynonymsReport<'_> {
    type Document<'a>
        = Vec<MemberTermJson<'a>>
    where
        Self: 'a;
    type Line<'a>
        = MemberTermJson<'a>
    where
        Self: 'a;

    fn document(&self) -> Vec<MemberTermJson<'_>> {
        self.lines()
    }

    fn lines(&self) -> Vec<MemberTermJson<'_>> {
        self.members.iter().map(MemberTermJson::from).collect()
    }

    fn csv(&self) -> Csv {
        let mut csv = Csv::new(CSV_HEADER);
        for m in self.members {
            csv.push([m.entry.clone(), m.member.clone(), m.term.clone(), m.words.join(" ")]);
        }
        csv
    }

    fn table(&self, style: Style) -> String {
        if self.members.is_empty() {
            return if self.check {
                "No synonym shares its search term with an unrelated word of the corpus.\n".into()
            } else {
                "No one-word synonyms.\n".into()
            };
        }
        let mut table = new_table(style, vec!["entry", "member", "term", "other words with this term"]);
        for m in self.members {
            table.add_row(vec![m.entry.clone(), m.member.clone(), m.term.clone(), m.words.join(", ")]);
        }
        format!("{table}\n")
    }
}
