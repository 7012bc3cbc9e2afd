//! `praev speakers`: one row per person quoted. JSON: a list of `{"name", "forms", "roles",
//! "municipalities", "quotes", "first_date", "last_date"}`; JSON lines one speaker per line; CSV
//! the same columns, lists joined by `; `.

use serde::Serialize;

use super::table::{align_right, new_table};
use super::{Csv, Report, Style};
use crate::query::speakers::Speaker;

pub const CSV_HEADER: [&str; 7] =
    ["name", "forms", "roles", "municipalities", "quotes", "first_date", "last_date"];

/// A speaker as printed.
#[derive(Serialize)]
pub struct SpeakerJson<'a> {
    name: &'a str,
    forms: &'a [String],
    roles: &'a [String],
    municipalities: &'a [String],
    quotes: usize,
    first_date: Option<&'a str>,
    last_date: Option<&'a str>,
}

impl<'a> From<&'a Speaker> for SpeakerJson<'a> {
    fn from(s: &'a Speaker) -> Self {
        SpeakerJson {
            name: &s.name,
            forms: &s.forms,
            roles: &s.roles,
            municipalities: &s.municipalities,
            quotes: s.quotes,
            first_date: s.first_date.as_deref(),
            last_date: s.last_date.as_deref(),
        }
    }
}

/// The speakers of an index, most quoted first.
pub struct SpeakersReport<'a>(pub &'a [Speaker]);

impl Report for SpeakersReport<'_> {
    type Document<'a>
        = Vec<SpeakerJson<'a>>
    where
        Self: 'a;
    type Line<'a>
        = SpeakerJson<'a>
    where
        Self: 'a;

    fn document(&self) -> Vec<SpeakerJson<'_>> {
        self.lines()
    }

    fn lines(&self) -> Vec<SpeakerJson<'_>> {
        self.0.iter().map(SpeakerJson::from).collect()
    }

    fn csv(&self) -> Csv {
        let mut csv = Csv::new(CSV_HEADER);
        for s in self.0 {
            csv.push([
                s.name.clone(),
                s.forms.join("; "),
                s.roles.join("; "),
                s.municipalities.join("; "),
                s.quotes.to_string(),
                s.first_date.clone().unwrap_or_default(),
                s.last_date.clone().unwrap_or_default(),
            ]);
        }
        csv
    }

    fn table(&self, style: Style) -> String {
        if self.0.is_empty() {
            return "No quoted speakers.\n".into();
        }
        let mut table =
            new_table(style, vec!["speaker", "roles", "municipalities", "quotes", "first", "last"]);
        for s in self.0 {
            table.add_row(vec![
                s.name.clone(),
                s.roles.join("; "),
                s.municipalities.join("; "),
                s.quotes.to_string(),
                s.first_date.clone().unwrap_or_default(),
                s.last_date.clone().unwrap_or_default(),
            ]);
        }
        align_right(&mut table, 3..4);
        format!("{table}\n{} speakers\n", self.0.len())
    }
}
