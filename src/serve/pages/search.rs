//! `/search?q=…&municipality=…&kind=…&theme=…`: the search page, with the CLI's query syntax.

use axum::extract::State;
use maud::{html, Markup};

use super::{hit_item, municipality_choices, options, render, with_result, Page};
use crate::ingest::PassageKind;
use crate::serve::api;
use crate::serve::error::ApiError;
use crate::serve::params::Params;
use crate::serve::AppState;

pub async fn page(State(state): State<AppState>, params: Params) -> Page {
    render(&state, "/search", move |index| {
        let form = form(index, &params)?;
        let results = match params.text("q")? {
            None => Ok(help()),
            Some(_) => api::search(index, &params).map(|results| {
                html! {
                    p.summary { (results.total_hits) " Treffer für „" (results.query) "“"
                        @if results.hits.len() < results.total_hits { ", die besten " (results.hits.len()) } }
                    @if let Some(note) = &results.note { p.hint { (note) } }
                    ol.hits { @for hit in &results.hits { (hit_item(hit)) } }
                }
            }),
        };
        Ok(with_result("Suche", "/search", form, results))
    })
    .await
}

/// The search form, filled in with the request's values.
fn form(index: &crate::index::PraevIndex, params: &Params) -> Result<Markup, ApiError> {
    let query = params.text("q")?.unwrap_or_default();
    let municipality = params.all("municipality", false)?.into_iter().next();
    let kind = params.all("kind", false)?.into_iter().next();
    let theme = params.text("theme")?;
    let kinds: Vec<(String, String)> = PassageKind::ALL
        .iter()
        .map(|k| (k.as_str().to_string(), super::kind_label(k.as_str()).to_string()))
        .collect();
    let themes: Vec<(String, String)> = index.themes()?.themes.into_iter().map(|t| (t.id, t.label)).collect();
    Ok(html! {
        h1 { "Suche" }
        form.filters method="get" action="/search" {
            label { "Suchbegriffe"
                input.wide type="search" name="q" value=(query) autofocus
                    placeholder="z. B. Übergänge, \"Frühe Hilfen\" Kita, Kinderschutz -Jugendamt"; }
            label { "Kommune" select name="municipality" { (options("alle", &municipality_choices(index)?, municipality.as_deref())) } }
            label { "Art" select name="kind" { (options("alle", &kinds, kind.as_deref())) } }
            label { "Thema" select name="theme" { (options("alle", &themes, theme.as_deref())) } }
            button type="submit" { "Suchen" }
        }
    })
}

fn help() -> Markup {
    html! {
        p.hint {
            "Wörter werden in allen Formen gefunden (Übergänge findet auch Übergang). "
            "\"Frühe Hilfen\" sucht die Wortgruppe, -Wort schließt aus, +Wort verlangt das Wort. "
            "Zitate findet die Seite " a href="/quotes" { "Zitate" } "."
        }
    }
}
