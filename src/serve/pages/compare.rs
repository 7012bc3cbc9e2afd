//! `/compare?a=…&b=…`: two municipalities side by side: theme strengths, each side's
//! distinctive terms, the most similar passage pairs and shared word sequences.

use axum::extract::State;
use maud::{html, Markup};

use super::{document_href, municipality_choices, options, render, with_result, Page};
use crate::output::number;
use crate::serve::api;
use crate::serve::params::Params;
use crate::serve::AppState;
use crate::wording::compare::{Comparison, PassageRef};
use crate::wording::terms::KeyTerm;

pub async fn page(State(state): State<AppState>, params: Params) -> Page {
    render(&state, "/compare", move |index| {
        let choices = municipality_choices(index)?;
        let (a, b) = (params.text("a")?, params.text("b")?);
        let form = html! {
            h1 { "Zwei Kommunen vergleichen" }
            form.filters method="get" action="/compare" {
                label { "Kommune A" select name="a" { (options("bitte wählen", &choices, a.as_deref())) } }
                label { "Kommune B" select name="b" { (options("bitte wählen", &choices, b.as_deref())) } }
                button type="submit" { "Vergleichen" }
            }
        };
        let result = if a.is_none() && b.is_none() {
            Ok(html! { p.hint { "Wählen Sie zwei Kommunen." } })
        } else {
            api::compare(index, &params).map(|comparison| view(&comparison))
        };
        Ok(with_result("Vergleich", "/compare", form, result))
    })
    .await
}

fn view(c: &Comparison) -> Markup {
    let strongest = c.themes.iter().flat_map(|t| [t.a, t.b]).fold(0.0_f32, f32::max);
    let bar = |value: f32| {
        let tenth =
            if strongest > 0.0 { (value / strongest * 10.0).round().clamp(0.0, 10.0) as u8 } else { 0 };
        format!("bar-{tenth}")
    };
    html! {
        h2 { "Themenstärke" }
        table.strengths {
            thead { tr { th { "Thema" } th { (c.a.name) } th { (c.b.name) } } }
            tbody { @for t in &c.themes {
                tr {
                    td { (t.label) }
                    td.num { (number::fixed(f64::from(t.a), 1)) " " span class=(format!("bar {}", bar(t.a))) {} }
                    td.num { (number::fixed(f64::from(t.b), 1)) " " span class=(format!("bar b {}", bar(t.b))) {} }
                }
            } }
        }
        p.hint { "Themenstärke wie auf der Seite „Themen“; die Balken sind relativ zum stärksten Wert dieser Tabelle." }
        h2 { "Typische Wörter" }
        div.columns {
            div { h3 { (c.a.name) } (terms(&c.distinctive_a)) }
            div { h3 { (c.b.name) } (terms(&c.distinctive_b)) }
        }
        p.hint { "Wörter, die eine Seite deutlich häufiger schreibt als die andere (Log-Likelihood G²), mit ihrer Häufigkeit auf beiden Seiten." }
        h2 { "Ähnliche Passagen" }
        @if c.similar_passages.is_empty() { p.hint { "Keine ähnlichen Passagen." } }
        @for pair in &c.similar_passages {
            p.summary { "Ähnlichkeit " (number::fixed(f64::from(pair.similarity), 2)) }
            div.columns { div { (passage(&pair.a)) } div { (passage(&pair.b)) } }
        }
        @if !c.shared_sequences.is_empty() {
            h2 { "Gemeinsame Wortfolgen" }
            ul { @for s in &c.shared_sequences { li { "„" (s.text) "“ (" (s.words) " Wörter)" } } }
        }
    }
}

fn terms(list: &[KeyTerm]) -> Markup {
    html! {
        @if list.is_empty() { p.hint { "keine" } }
        ul.terms { @for t in list { li { (t.surface) " " span.hint { "(" (t.subset_count) " : " (t.rest_count) ")" } } } }
    }
}

fn passage(p: &PassageRef) -> Markup {
    html! {
        a href=(document_href(&p.file, Some(p.passage))) { (p.file) "#" (p.passage) }
        p.text { (p.text) }
    }
}
