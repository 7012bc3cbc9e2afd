//! The German pages, rendered on the server with maud (which escapes every value it is given,
//! so corpus text containing `<script>` shows as text).
//!
//! One file per page; this module holds the frame they share ([`layout`]), the rendering of a
//! hit, links, and the error box. A page computes what it shows with the same functions as the
//! JSON API ([`super::api`]), so a page and its endpoint cannot disagree.

pub mod compare;
pub mod document;
pub mod documents;
pub mod quotes;
pub mod search;
pub mod themes;

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup, DOCTYPE};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use super::assets::{SCRIPT_PATH, STYLE_PATH};
use super::error::ApiError;
use super::AppState;
use crate::index::PraevIndex;
use crate::query::Hit;

/// A rendered page and its status.
pub struct Page {
    pub status: StatusCode,
    pub markup: Markup,
}

impl IntoResponse for Page {
    fn into_response(self) -> Response {
        (self.status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], self.markup.into_string())
            .into_response()
    }
}

/// The pages of the navigation: address and German name.
const NAVIGATION: [(&str, &str); 5] = [
    ("/search", "Suche"),
    ("/themes", "Themen"),
    ("/quotes", "Zitate"),
    ("/compare", "Vergleich"),
    ("/documents", "Dokumente"),
];

/// Renders a page on the blocking pool (it searches); an error becomes the error page.
pub async fn render<F>(state: &AppState, current: &'static str, work: F) -> Page
where
    F: FnOnce(&PraevIndex) -> Result<Page, ApiError> + Send + 'static,
{
    match state.run(work).await {
        Ok(page) => page,
        Err(error) => error_page(current, &error),
    }
}

/// The frame of every page: head, navigation (`current` marked), `body`.
pub fn layout(title: &str, current: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="de" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – praev" }
                link rel="stylesheet" href=(STYLE_PATH);
                script src=(SCRIPT_PATH) defer {}
            }
            body {
                header.top {
                    a.brand href="/search" { "praev" }
                    nav {
                        @for (path, name) in NAVIGATION {
                            a href=(path) class=[(path == current).then_some("current")] { (name) }
                        }
                    }
                    span.hint { "Präventionsketten in Kreisen und Städten durchsuchen" }
                }
                main { (body) }
                footer { "praev · dieselben Ergebnisse als JSON unter " a href="/api/" { "/api/" } }
            }
        }
    }
}

/// A page saying what went wrong, with the error's status.
pub fn error_page(current: &str, error: &ApiError) -> Page {
    let markup = layout("Fehler", current, html! { h1 { "Das ging nicht" } (error_box(error)) });
    Page { status: error.status, markup }
}

/// The message of an error, in a box.
pub fn error_box(error: &ApiError) -> Markup {
    html! { p.error role="alert" { (error.message) } }
}

/// A page with status 200.
pub fn ok(title: &str, current: &str, body: Markup) -> Result<Page, ApiError> {
    Ok(Page { status: StatusCode::OK, markup: layout(title, current, body) })
}

/// A page that shows `result`'s error inside its own frame (with the error's status), so the
/// form stays usable after a bad filter.
pub fn with_result(title: &str, current: &str, form: Markup, result: Result<Markup, ApiError>) -> Page {
    let (status, results) = match result {
        Ok(markup) => (StatusCode::OK, markup),
        Err(error) => (error.status, error_box(&error)),
    };
    Page { status, markup: layout(title, current, html! { (form) (results) }) }
}

/// `GET /`: the search page.
pub async fn home() -> Redirect {
    Redirect::to("/search")
}

/// `text` with its highlighted character ranges in `<mark>`.
pub fn highlighted(text: &str, highlights: &[[usize; 2]]) -> Markup {
    let chars: Vec<char> = text.chars().collect();
    let mut pieces: Vec<(String, bool)> = Vec::new();
    let mut at = 0;
    for &[start, end] in highlights {
        let (start, end) = (start.min(chars.len()).max(at), end.min(chars.len()));
        if start >= end {
            continue;
        }
        pieces.push((chars[at..start].iter().collect(), false));
        pieces.push((chars[start..end].iter().collect(), true));
        at = end;
    }
    pieces.push((chars[at..].iter().collect(), false));
    html! {
        @for (piece, marked) in &pieces {
            @if *marked { mark { (piece) } } @else { (piece) }
        }
    }
}

/// The German name of a kind of document or passage.
pub fn kind_label(kind: &str) -> &str {
    match kind {
        "profile" => "Profil",
        "leitbild" => "Leitbild",
        "press" => "Pressemitteilung",
        "article" => "Artikel",
        "report" => "Bericht",
        "speech" => "Rede",
        "quote" => "Zitat",
        "other" => "Sonstiges",
        other => other,
    }
}

/// Path characters escaped in a document address: all but letters, digits, `/` and `-._~`.
const PATH_SEGMENT: &AsciiSet =
    &NON_ALPHANUMERIC.remove(b'/').remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// The document view of `file`, at passage `passage` when given.
pub fn document_href(file: &str, passage: Option<u64>) -> String {
    let path = utf8_percent_encode(file, PATH_SEGMENT);
    match passage {
        Some(n) => format!("/document/{path}#p-{n}"),
        None => format!("/document/{path}"),
    }
}

/// `path?name=value&…`, form-encoded.
pub fn href(path: &str, pairs: &[(&str, &str)]) -> String {
    let pairs: Vec<&(&str, &str)> = pairs.iter().filter(|(_, value)| !value.is_empty()).collect();
    if pairs.is_empty() {
        return path.to_string();
    }
    format!("{path}?{}", serde_urlencoded::to_string(pairs).unwrap_or_default())
}

/// A link target only for web addresses: a document's `url` comes from the corpus and could
/// be `javascript:…`.
pub fn web_url(url: &str) -> Option<&str> {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then_some(url)
}

/// One search hit: title linked to its passage, metadata, highlighted text.
pub fn hit_item(hit: &Hit) -> Markup {
    let title = hit.title.as_deref().unwrap_or(&hit.file);
    html! {
        li {
            a.hit-title href=(document_href(&hit.file, Some(hit.passage))) { (title) }
            div.meta {
                span { (hit.municipality.as_deref().unwrap_or("ohne Kommune")) }
                span.kind { (kind_label(&hit.kind)) }
                @if let Some(date) = &hit.date { span { (date) } }
                @if let Some(section) = &hit.section { span { "Abschnitt: " (section) } }
                @if let Some(page) = hit.page { span { "S. " (page) } }
                span { (hit.file) "#" (hit.passage) }
            }
            p.text { (highlighted(&hit.text, &hit.highlights)) }
        }
    }
}

/// `<option>`s of `values` with `selected` marked, after an empty choice named `any`.
pub fn options(any: &str, values: &[(String, String)], selected: Option<&str>) -> Markup {
    html! {
        option value="" { (any) }
        @for (value, label) in values {
            option value=(value) selected[selected == Some(value.as_str())] { (label) }
        }
    }
}

/// The municipalities of the index as `<option>` values.
pub fn municipality_choices(index: &PraevIndex) -> Result<Vec<(String, String)>, ApiError> {
    Ok(index.municipalities()?.into_iter().map(|m| (m.clone(), m)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_text_is_escaped_and_highlights_are_marked() {
        let markup = highlighted("<script>alert(1)</script> Übergänge", &[[26, 35]]).into_string();
        assert_eq!(markup, "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Übergänge</mark>");
    }

    #[test]
    fn links_cannot_leave_their_place() {
        assert_eq!(document_href("a b/ü?#.txt", Some(3)), "/document/a%20b/%C3%BC%3F%23.txt#p-3");
        assert_eq!(web_url("javascript:alert(1)"), None);
        assert_eq!(web_url("https://kreis.de"), Some("https://kreis.de"));
        assert_eq!(href("/theme", &[("name", "a&b"), ("municipality", "")]), "/theme?name=a%26b");
    }
}
