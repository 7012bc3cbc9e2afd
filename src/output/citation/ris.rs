//! RIS: the line format of reference managers, one `XX  - value` line per tag.

use std::fmt::Write as _;

use super::Reference;
use crate::query::Hit;

/// RIS: one record per hit, each line `XX  - value`, each record closed by `ER  - `.
pub fn ris(hits: &[Hit]) -> String {
    let mut out = String::new();
    for hit in hits {
        let r = Reference::of(hit);
        let mut line = |tag: &str, value: &str| {
            let _ = writeln!(out, "{tag}  - {value}");
        };
        line("TY", r.kind.ris());
        line("ID", &r.id);
        line("TI", &r.title);
        if let Some(author) = &r.author {
            line("AU", author);
        }
        if let Some(publisher) = &r.publisher {
            line("PB", publisher);
        }
        if let Some(year) = r.date.first() {
            line("PY", &year.to_string());
            let part = |i: usize| r.date.get(i).map(|n| format!("{n:02}")).unwrap_or_default();
            line("DA", &format!("{year:04}/{}/{}/", part(1), part(2)));
        }
        if let Some(url) = &r.url {
            line("UR", url);
        }
        if let Some(page) = r.page {
            line("SP", &page.to_string());
        }
        line("N1", &r.note);
        line("ER", "");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::citation::samples::{hit, quote};

    #[test]
    fn ris_records_are_lines_of_tags_closed_by_er() {
        let text = ris(&[hit(), quote()]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "TY  - NEWS");
        assert!(lines.contains(&"DA  - 2017/05/26/"));
        assert!(lines.contains(&"DA  - 2018///"));
        assert!(lines.contains(&"AU  - Dr. Klaus Effing"));
        assert!(lines.contains(&"SP  - 3"));
        assert!(
            lines.contains(&"N1  - Kinder {stark} & 100 % sicher: #1 $_~^\\ Ende"),
            "the note on one line"
        );
        assert_eq!(lines.iter().filter(|l| **l == "ER  - ").count(), 2);
        for line in &lines {
            assert!(line.len() >= 6 && &line[2..6] == "  - ", "{line:?}");
        }
    }
}
