//! `/documents?municipality=…&kind=…`: the documents of the index (`praev documents`), each a
//! link to its document view.

use axum::extract::State;
use maud::html;

use super::{document_href, kind_label, municipality_choices, options, render, with_result, Page};
use crate::ingest::DocKind;
use crate::serve::api;
use crate::serve::params::Params;
use crate::serve::AppState;

pub async fn page(State(state): State<AppState>, params: Params) -> Page {
    render(&state, "/documents", move |index| {
        let municipality = params.all("municipality", false)?.into_iter().next();
        let kind = params.all("kind", false)?.into_iter().next();
        let kinds: Vec<(String, String)> =
            DocKind::ALL.iter().map(|k| (k.as_str().to_string(), kind_label(k.as_str()).to_string())).collect();
        let form = html! {
            h1 { "Dokumente" }
            form.filters method="get" action="/documents" {
                label { "Kommune" select name="municipality" { (options("alle", &municipality_choices(index)?, municipality.as_deref())) } }
                label { "Art" select name="kind" { (options("alle", &kinds, kind.as_deref())) } }
                button type="submit" { "Zeigen" }
            }
        };
        let result = api::documents(index, &params).map(|list| {
            html! {
                p.summary { (list.documents.len()) " Dokumente" }
                table.meta-table {
                    tr { th { "Titel" } th { "Kommune" } th { "Art" } th { "Datum" } th { "Passagen" } th { "Zitate" } }
                    @for d in &list.documents {
                        tr {
                            td { a href=(document_href(&d.file, None)) { (d.meta.title.as_deref().unwrap_or(&d.file)) } }
                            td { (d.meta.municipality.as_deref().unwrap_or("–")) }
                            td { (kind_label(d.meta.kind.as_str())) }
                            td { (d.meta.date.as_deref().unwrap_or("–")) }
                            td { (d.passages) }
                            td { (d.quotes) }
                        }
                    }
                }
            }
        });
        Ok(with_result("Dokumente", "/documents", form, result))
    })
    .await
}
