//! Search and quote hits as citations for reference managers: CSL-JSON (Zotero, Pandoc,
//! citeproc), BibTeX and RIS.
//!
//! Each hit becomes one reference to its document: the title, the municipality as author and
//! publisher (the speaker as author of a quote), the date, the url, the PDF page when known, and
//! the passage (a quote's own words) as the note. Values are written on one line each, with
//! whitespace runs made one space: RIS is a line format, and a blank line in BibTeX is a
//! paragraph break. The id of a reference is `file#passage`, unique in an index; BibTeX keys
//! are that id with characters BibTeX does not take replaced, made unique by a suffix.

use std::collections::HashSet;
use std::fmt::Write as _;

use serde::Serialize;

use crate::query::Hit;

/// The kind of reference a hit's document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReferenceType {
    /// Profiles, Leitbilder and other web pages.
    Webpage,
    /// Press releases and news articles.
    Newspaper,
    Report,
    Speech,
}

impl ReferenceType {
    fn of(hit: &Hit) -> ReferenceType {
        match hit.kind.as_str() {
            "press" | "article" => ReferenceType::Newspaper,
            "report" => ReferenceType::Report,
            "speech" => ReferenceType::Speech,
            _ => ReferenceType::Webpage,
        }
    }

    fn csl(self) -> &'static str {
        match self {
            ReferenceType::Webpage => "webpage",
            ReferenceType::Newspaper => "article-newspaper",
            ReferenceType::Report => "report",
            ReferenceType::Speech => "speech",
        }
    }

    fn bibtex(self) -> &'static str {
        match self {
            ReferenceType::Report => "techreport",
            _ => "misc",
        }
    }

    fn ris(self) -> &'static str {
        match self {
            ReferenceType::Webpage => "ELEC",
            ReferenceType::Newspaper => "NEWS",
            ReferenceType::Report => "RPRT",
            ReferenceType::Speech => "GEN",
        }
    }
}

/// What a citation says, from a hit: every text on one line.
struct Reference {
    id: String,
    kind: ReferenceType,
    title: String,
    /// The speaker of a quote, else the municipality.
    author: Option<String>,
    publisher: Option<String>,
    /// Year, month, day as far as the document's date tells.
    date: Vec<u32>,
    url: Option<String>,
    page: Option<u64>,
    note: String,
}

impl Reference {
    fn of(hit: &Hit) -> Reference {
        let municipality = hit.municipality.as_deref().map(one_line);
        let title = hit.title.as_deref().map(one_line).filter(|t| !t.is_empty());
        Reference {
            id: format!("{}#{}", hit.file, hit.passage),
            kind: ReferenceType::of(hit),
            title: title.unwrap_or_else(|| one_line(hit.file.rsplit('/').next().unwrap_or(&hit.file))),
            author: hit.speaker.as_deref().map(one_line).or_else(|| municipality.clone()),
            publisher: municipality,
            date: hit.date.as_deref().map(date_parts).unwrap_or_default(),
            url: hit.url.as_deref().map(one_line),
            page: hit.page,
            note: one_line(hit.quote.as_deref().unwrap_or(&hit.text)),
        }
    }

    /// Whether the author is a person (a quote's speaker) rather than an institution.
    fn person(hit: &Hit) -> bool {
        hit.speaker.is_some()
    }
}

/// `text` on one line: whitespace runs (line breaks too) become one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `2017-05-26` → [2017, 5, 26], `2017-05` → [2017, 5], `2017` → [2017]; parts that are no
/// number end the list.
fn date_parts(date: &str) -> Vec<u32> {
    date.split('-').map_while(|part| part.parse::<u32>().ok()).take(3).collect()
}

/// A name for CSL-JSON: `{"literal": …}` keeps it whole (`Kreis Düren`, `Dr. Klaus Effing`).
#[derive(Serialize)]
struct CslName<'a> {
    literal: &'a str,
}

#[derive(Serialize)]
struct CslDate {
    #[serde(rename = "date-parts")]
    date_parts: [Vec<u32>; 1],
}

/// One CSL-JSON item; absent values are left out.
#[derive(Serialize)]
struct CslItem<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<CslName<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issued: Option<CslDate>,
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<String>,
    note: &'a str,
}

/// CSL-JSON: an array of items, indented, ending with a newline.
pub fn csl(hits: &[Hit]) -> String {
    let references: Vec<Reference> = hits.iter().map(Reference::of).collect();
    let items: Vec<CslItem> = references
        .iter()
        .map(|r| CslItem {
            id: &r.id,
            kind: r.kind.csl(),
            title: &r.title,
            author: r.author.as_deref().map(|literal| CslName { literal }).into_iter().collect(),
            publisher: r.publisher.as_deref(),
            issued: (!r.date.is_empty()).then(|| CslDate { date_parts: [r.date.clone()] }),
            url: r.url.as_deref(),
            page: r.page.map(|p| p.to_string()),
            note: &r.note,
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&items).expect("CSL items serialise");
    out.push('\n');
    out
}

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

    fn hit() -> Hit {
        Hit {
            file: "presse/2017 05.pdf".into(),
            passage: 4,
            municipality: Some("Kreis Steinfurt".into()),
            kind: "press".into(),
            section: None,
            date: Some("2017-05-26".into()),
            text: "Kinder {stark} & 100 % sicher:\n#1 $_~^\\ Ende".into(),
            highlights: Vec::new(),
            score: 1.0,
            speaker: None,
            role: None,
            title: Some("Präventionskette\n  startet".into()),
            url: Some("https://example.org/a?b=1&c=%20{x}".into()),
            district: None,
            quote: None,
            truncated: false,
            reported: false,
            page: Some(3),
        }
    }

    fn quote() -> Hit {
        Hit {
            speaker: Some("Dr. Klaus Effing".into()),
            role: Some("Landrat".into()),
            quote: Some("Kein Kind zurücklassen.".into()),
            kind: "quote".into(),
            date: Some("2018".into()),
            page: None,
            ..hit()
        }
    }

    #[test]
    fn csl_items_carry_title_author_date_url_page_and_note() {
        let items: serde_json::Value = serde_json::from_str(&csl(&[hit(), quote()])).unwrap();
        let item = &items[0];
        assert_eq!(item["id"], "presse/2017 05.pdf#4");
        assert_eq!(item["type"], "article-newspaper", "a press release");
        assert_eq!(item["title"], "Präventionskette startet", "on one line");
        assert_eq!(item["author"], serde_json::json!([{"literal": "Kreis Steinfurt"}]));
        assert_eq!(item["publisher"], "Kreis Steinfurt");
        assert_eq!(item["issued"], serde_json::json!({"date-parts": [[2017, 5, 26]]}));
        assert_eq!(item["URL"], "https://example.org/a?b=1&c=%20{x}");
        assert_eq!(item["page"], "3");
        assert_eq!(item["note"], "Kinder {stark} & 100 % sicher: #1 $_~^\\ Ende");
        let quote = &items[1];
        assert_eq!(quote["type"], "webpage", "a quote's document kind is not known from the hit");
        assert_eq!(quote["author"], serde_json::json!([{"literal": "Dr. Klaus Effing"}]), "the speaker");
        assert_eq!(quote["note"], "Kein Kind zurücklassen.", "the quoted words");
        assert_eq!(quote["issued"], serde_json::json!({"date-parts": [[2018]]}));
        assert!(quote.get("page").is_none(), "no page is left out, not null");
    }

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
