//! BibTeX entries, escaped for TeX, with unique keys.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::{Reference, ReferenceType};
use crate::query::Hit;

/// BibTeX: one entry per hit, separated by blank lines.
pub fn bibtex(hits: &[Hit]) -> String {
    let mut out = String::new();
    let mut keys = HashSet::new();
    for hit in hits {
        let r = Reference::of(hit);
        let key = unique_key(&mut keys, bibtex_key(&r.id));
        let mut fields: Vec<(&str, String)> = vec![("title", format!("{{{}}}", bibtex_text(&r.title)))];
        if let Some(author) = &r.author {
            // A municipality is an institution: double braces keep BibTeX from reading
            // `Kreis Düren` as given name and surname.
            let author = if Reference::person(hit) {
                bibtex_text(author)
            } else {
                format!("{{{}}}", bibtex_text(author))
            };
            fields.push(("author", author));
        }
        if let Some(publisher) = &r.publisher {
            let field = if r.kind == ReferenceType::Report { "institution" } else { "publisher" };
            fields.push((field, bibtex_text(publisher)));
        }
        if let Some(year) = r.date.first() {
            fields.push(("year", year.to_string()));
        }
        if let Some(month) = r.date.get(1) {
            fields.push(("month", month.to_string()));
        }
        if r.date.len() == 3 {
            fields.push(("date", format!("{:04}-{:02}-{:02}", r.date[0], r.date[1], r.date[2])));
        }
        if let Some(url) = &r.url {
            fields.push(("url", bibtex_url(url)));
        }
        if let Some(page) = r.page {
            fields.push(("pages", page.to_string()));
        }
        fields.push(("note", bibtex_text(&r.note)));
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(out, "@{}{{{key},", r.kind.bibtex());
        for (name, value) in fields {
            let _ = writeln!(out, "  {name} = {{{value}}},");
        }
        out.push_str("}\n");
    }
    out
}

/// A BibTeX key from an id: letters (also non-ASCII ones, which biber takes), digits and
/// `-_:./` are kept, anything else becomes `_`.
fn bibtex_key(id: &str) -> String {
    id.chars().map(|c| if c.is_alphanumeric() || "-_:./".contains(c) { c } else { '_' }).collect()
}

/// `key`, or `key-2`, `key-3` … when an earlier entry has it.
fn unique_key(taken: &mut HashSet<String>, key: String) -> String {
    let mut candidate = key.clone();
    let mut n = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{key}-{n}");
        n += 1;
    }
    candidate
}

/// Text for a braced BibTeX value: TeX's special characters escaped, so braces always balance
/// and `%`, `&`, `#` … print as themselves.
fn bibtex_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '#' | '$' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            _ => out.push(c),
        }
    }
    out
}

/// A url for BibTeX's verbatim `url` field: written as it is, but the characters that would
/// unbalance braces or escape (`{`, `}`, `\`) percent-encoded, as a url may write them.
fn bibtex_url(url: &str) -> String {
    url.replace('\\', "%5C").replace('{', "%7B").replace('}', "%7D")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::citation::samples::{hit, quote};

    #[test]
    fn bibtex_escapes_special_characters_and_keeps_braces_balanced() {
        let text = bibtex(&[hit(), hit(), quote()]);
        let first = text.split("\n\n").next().unwrap();
        assert!(first.starts_with("@misc{presse/2017_05.pdf_4,\n"), "{first}");
        assert!(first.contains("  author = {{Kreis Steinfurt}},\n"), "an institution in double braces");
        assert!(first.contains("  date = {2017-05-26},\n"));
        assert!(first.contains("  pages = {3},\n"));
        assert!(
            first.contains(r"  note = {Kinder \{stark\} \& 100 \% sicher: \#1 \$\_\textasciitilde{}\textasciicircum{}\textbackslash{} Ende},"),
            "{first}"
        );
        assert!(first.contains("  url = {https://example.org/a?b=1&c=%20%7Bx%7D},"), "{first}");
        assert!(text.contains("@misc{presse/2017_05.pdf_4-2,"), "a repeated key gets a suffix");
        assert!(text.contains("  author = {Dr. Klaus Effing},\n"), "a person's name is parsed as a name");
        let unescaped_depth = |s: &str| {
            let mut depth = 0_i32;
            let mut escaped = false;
            for c in s.chars() {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '{') => depth += 1,
                    (false, '}') => depth -= 1,
                    _ => {}
                }
                assert!(depth >= 0, "a closing brace without an opening one");
            }
            depth
        };
        assert_eq!(unescaped_depth(&text), 0, "braces balance: {text}");
    }
}
