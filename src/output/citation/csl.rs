//! CSL-JSON: the citation data of Zotero, Pandoc and citeproc, an array of items.

use serde::Serialize;

use super::Reference;
use crate::query::Hit;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::citation::samples::{hit, quote};

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
}
