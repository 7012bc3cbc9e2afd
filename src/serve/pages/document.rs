//! `/document/{file}`: one document whole, each passage with an anchor (`#p-N`) that hits
//! link to, with its metadata and its source link.
//!
//! The file is looked up among the index's documents by its id; nothing is read from the
//! corpus folder, so no address reaches a file outside the index. Addresses that try (`..`,
//! encoded slashes or backslashes, NUL) are refused with 400 before the lookup.

use axum::extract::State;
use axum::http::Uri;
use maud::{html, Markup};

use super::{document_href, error_page, kind_label, ok, render, web_url, Page};
use crate::index::meta::DocumentRecord;
use crate::query::document::document_passages;
use crate::query::Hit;
use crate::serve::error::ApiError;
use crate::serve::AppState;

const PREFIX: &str = "/document/";

pub async fn page(State(state): State<AppState>, uri: Uri) -> Page {
    let file = match file_of(uri.path()) {
        Ok(file) => file,
        Err(error) => return error_page("/documents", &error),
    };
    render(&state, "/documents", move |index| {
        let documents = index.documents()?;
        let record = documents
            .iter()
            .find(|d| d.file == file)
            .ok_or_else(|| ApiError::not_found(format!("no document {file:?} in the index")))?;
        let passages = document_passages(index, &file)?;
        let title = record.meta.title.clone().unwrap_or_else(|| file.clone());
        ok(&title, "/documents", view(record, &title, &passages))
    })
    .await
}

/// The document id of a `/document/…` path, or a 400 for an address that tries to leave the
/// index. The check reads the raw (still encoded) path, so `%2F` cannot pose as a separator.
pub fn file_of(raw_path: &str) -> Result<String, ApiError> {
    let encoded = raw_path.strip_prefix(PREFIX).unwrap_or("");
    let lower = encoded.to_ascii_lowercase();
    if ["%2f", "%5c", "%00", "\\"].iter().any(|bad| lower.contains(bad)) {
        return Err(ApiError::bad_request(
            "a document address may not hold encoded slashes, backslashes or NUL",
        ));
    }
    let decoded = percent_encoding::percent_decode_str(encoded)
        .decode_utf8()
        .map_err(|_| ApiError::bad_request("a document address must be UTF-8"))?
        .into_owned();
    if decoded.is_empty() {
        return Err(ApiError::bad_request("name a document: /document/FILE (see /api/documents)"));
    }
    if decoded.starts_with('/')
        || decoded.split('/').any(|segment| segment == ".." || segment == "." || segment.is_empty())
    {
        return Err(ApiError::bad_request("a document address may not hold \"..\", \".\" or empty segments"));
    }
    Ok(decoded)
}

fn view(record: &DocumentRecord, title: &str, passages: &[Hit]) -> Markup {
    let (quotes, text): (Vec<&Hit>, Vec<&Hit>) = passages.iter().partition(|p| p.kind == "quote");
    html! {
        h1 { (title) }
        (metadata(record))
        h2 { "Text" }
        @for (i, passage) in text.iter().enumerate() {
            @let new_section = passage.section.is_some()
                && (i == 0 || text[i - 1].section != passage.section);
            @if new_section { h3 { (passage.section.as_deref().unwrap_or_default()) } }
            (passage_block(passage))
        }
        @if !quotes.is_empty() {
            h2 { "Zitate in diesem Dokument" }
            @for quote in &quotes { (passage_block(quote)) }
        }
    }
}

fn passage_block(passage: &Hit) -> Markup {
    let id = format!("p-{}", passage.passage);
    html! {
        div.passage id=(id) {
            a.anchor href=(format!("#{id}")) { "#" (passage.passage)
                @if let Some(page) = passage.page { " · S. " (page) } }
            @if passage.kind == "quote" {
                div.section {
                    (passage.speaker.as_deref().unwrap_or("unbekannt"))
                    @if let Some(role) = &passage.role { ", " (role) }
                    @if passage.reported { " (indirekte Rede)" }
                }
            }
            p.text { (passage.text) }
        }
    }
}

fn metadata(record: &DocumentRecord) -> Markup {
    let meta = &record.meta;
    html! {
        table.meta-table {
            tr { th { "Datei" } td { a href=(document_href(&record.file, None)) { (record.file) } } }
            tr { th { "Kommune" } td { (meta.municipality.as_deref().unwrap_or("–")) } }
            @if let Some(district) = &meta.district { tr { th { "Kreis" } td { (district) } } }
            tr { th { "Art" } td { (kind_label(meta.kind.as_str())) } }
            tr { th { "Datum" } td { (meta.date.as_deref().unwrap_or("–")) } }
            tr { th { "Quelle" } td {
                @match meta.url.as_deref() {
                    Some(url) => @match web_url(url) {
                        Some(link) => a href=(link) rel="noopener noreferrer" { (url) },
                        None => (url),
                    },
                    None => "–",
                }
            } }
            tr { th { "Passagen" } td { (record.passages) } }
            tr { th { "Zitate" } td { (record.quotes) } }
            @if let Some(pages) = record.pages { tr { th { "Seiten" } td { (pages) } } }
            @if let Some(number) = &meta.press_number { tr { th { "Pressenummer" } td { (number) } } }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_that_leave_the_index_are_refused() {
        assert_eq!(file_of("/document/a/b%20c.txt").unwrap(), "a/b c.txt");
        for bad in [
            "/document/../etc/passwd",
            "/document/a/../../x",
            "/document/%2e%2e/x",
            "/document/a%2Fb",
            "/document/a%5cb",
            "/document/a\\b",
            "/document/%00",
            "/document/",
            "/document//etc/passwd",
            "/document/%ff",
        ] {
            assert!(file_of(bad).is_err(), "{bad} accepted");
        }
    }
}
