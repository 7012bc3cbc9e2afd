//! `/quotes?q=…&speaker=…&role=…&municipality=…`: quotes with their attribution and a
//! "copy citation" action (the one use of the script).

use axum::extract::State;
use maud::{html, Markup};

use super::{document_href, highlighted, municipality_choices, options, render, with_result, Page};
use crate::index::PraevIndex;
use crate::query::Hit;
use crate::serve::api;
use crate::serve::error::ApiError;
use crate::serve::params::Params;
use crate::serve::AppState;

pub async fn page(State(state): State<AppState>, params: Params) -> Page {
    render(&state, "/quotes", move |index| {
        let form = form(index, &params)?;
        let results = api::quotes(index, &params).map(|results| {
            html! {
                p.summary { (results.total_hits) " Zitate" @if results.hits.len() < results.total_hits { ", die ersten " (results.hits.len()) } }
                ol.hits { @for hit in &results.hits { (quote_item(hit)) } }
            }
        });
        Ok(with_result("Zitate", "/quotes", form, results))
    })
    .await
}

fn form(index: &PraevIndex, params: &Params) -> Result<Markup, ApiError> {
    let municipality = params.all("municipality", false)?.into_iter().next();
    Ok(html! {
        h1 { "Zitate" }
        form.filters method="get" action="/quotes" {
            label { "Thema" input type="search" name="q" value=(params.text("q")?.unwrap_or_default()) placeholder="z. B. Chancen Herkunft"; }
            label { "Person" input type="text" name="speaker" value=(params.text("speaker")?.unwrap_or_default()) placeholder="z. B. Effing"; }
            label { "Amt" input type="text" name="role" value=(params.text("role")?.unwrap_or_default()) placeholder="z. B. Landrat"; }
            label { "Kommune" select name="municipality" { (options("alle", &municipality_choices(index)?, municipality.as_deref())) } }
            button type="submit" { "Zitate zeigen" }
        }
    })
}

fn quote_item(hit: &Hit) -> Markup {
    html! {
        li {
            blockquote { (highlighted(&hit.text, &hit.highlights)) }
            div.attribution {
                "— " strong { (hit.speaker.as_deref().unwrap_or("unbekannt")) }
                @if let Some(role) = &hit.role { ", " (role) }
                @if hit.reported { " (indirekte Rede)" }
            }
            div.meta {
                span { (hit.municipality.as_deref().unwrap_or("ohne Kommune")) }
                @if let Some(date) = &hit.date { span { (date) } }
                a href=(document_href(&hit.file, Some(hit.passage))) { (hit.title.as_deref().unwrap_or(&hit.file)) }
            }
            div { button.secondary type="button" data-citation=(citation(hit)) { "Zitat kopieren" } }
        }
    }
}

/// A citation to paste: the quoted words, who said them in which office, where and when.
pub fn citation(hit: &Hit) -> String {
    let words = hit.quote.as_deref().unwrap_or(&hit.text);
    let mut line = format!("„{}“ – {}", words.trim(), hit.speaker.as_deref().unwrap_or("unbekannt"));
    if let Some(role) = &hit.role {
        line.push_str(&format!(", {role}"));
    }
    let source: Vec<&str> =
        [hit.title.as_deref(), hit.municipality.as_deref(), hit.date.as_deref(), hit.url.as_deref()]
            .into_iter()
            .flatten()
            .collect();
    if !source.is_empty() {
        line.push_str(&format!(". Quelle: {}", source.join(", ")));
    }
    line
}
