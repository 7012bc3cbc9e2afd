//! `/themes`: the theme × municipality heatmap (the matrix of `praev matrix`), each cell a
//! link to its passages; `/theme?name=…&municipality=…`: the passages of one theme.

use std::collections::HashMap;

use axum::extract::State;
use maud::{html, Markup};

use super::{hit_item, href, ok, render, with_result, Page};
use crate::output::number;
use crate::serve::api::{self, ThemeAnswer};
use crate::serve::params::Params;
use crate::serve::AppState;
use crate::themes::matrix::ThemeMatrix;
use crate::themes::rank::STRENGTH_PASSAGES;

pub async fn page(State(state): State<AppState>, params: Params) -> Page {
    render(&state, "/themes", move |index| {
        let (matrix, _) = api::matrix(index, &params)?;
        let mut documents: HashMap<String, usize> = HashMap::new();
        for record in index.documents()? {
            if let Some(m) = record.meta.municipality {
                *documents.entry(m).or_default() += 1;
            }
        }
        ok("Themen", "/themes", heatmap(&matrix, &documents))
    })
    .await
}

fn heatmap(matrix: &ThemeMatrix, documents: &HashMap<String, usize>) -> Markup {
    html! {
        h1 { "Themen nach Kommune" }
        div.heatmap-wrap {
            table.heatmap {
                caption {
                    "Jede Zahl ist die Themenstärke: der Mittelwert der " (STRENGTH_PASSAGES)
                    " besten Themenwerte unter den Passagen der Kommune (fehlende zählen 0), "
                    "dieselbe Zahl wie „praev theme THEMA --by municipality“. Darunter steht, wie viele "
                    "Passagen der Kommune zum Thema passen. Die Farbe ist relativ zur stärksten Zelle. "
                    "Unter jedem Kommunennamen steht die Zahl ihrer Dokumente: Kommunen mit wenigen "
                    "Texten können ein Thema behandeln, ohne dass es hier erscheint. "
                    "Ein Klick auf eine Zelle zeigt die Passagen."
                }
                thead { tr {
                    th { "Thema" }
                    @for m in &matrix.municipalities {
                        th { (m) span.docs { (documents.get(m).copied().unwrap_or(0)) " Dok." } }
                    }
                } }
                tbody {
                    @for (t, theme) in matrix.themes.iter().enumerate() {
                        tr {
                            th { a href=(href("/theme", &[("name", &theme.id)])) { (theme.label) } }
                            @for (m, municipality) in matrix.municipalities.iter().enumerate() {
                                @let cell = matrix.cell(t, m);
                                td class=(shade(cell.strength, cell.relative)) title=(format!("{} – {}", theme.label, municipality)) {
                                    a href=(href("/theme", &[("name", &theme.id), ("municipality", municipality)])) {
                                        (number::fixed(f64::from(cell.strength), 1))
                                        span.count { (cell.passages) " Pass." }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The CSS class of a cell: ten shades by relative strength, the lightest only for 0.
fn shade(strength: f32, relative: f32) -> String {
    if !(strength.is_finite() && strength > 0.0) {
        return "shade-0".into();
    }
    let level = (relative.clamp(0.0, 1.0) * 9.0).round().max(1.0) as u8;
    format!("shade-{level}")
}

/// `/theme?name=…`: passages (or with `by=municipality`, municipalities) by theme.
pub async fn theme_page(State(state): State<AppState>, params: Params) -> Page {
    render(&state, "/themes", move |index| {
        let form = html! { p { a href="/themes" { "← alle Themen" } } };
        let result = api::theme(index, &params, |answer| {
            Ok(match answer {
                ThemeAnswer::Passages(report) => {
                    let results = report.results;
                    let municipality = params.all("municipality", false)?;
                    html! {
                        h1 { "Thema: " (results.label) @if !municipality.is_empty() { " – " (municipality.join(", ")) } }
                        p.summary { (results.total_hits) " passende Passagen, die stärksten " (results.hits.len()) }
                        ol.hits { @for hit in &results.hits { (hit_item(&hit.hit)) } }
                    }
                }
                ThemeAnswer::Municipalities(report) => {
                    let ranking = report.ranking;
                    html! {
                        h1 { "Thema: " (ranking.label) " nach Kommune" }
                        ol.hits { @for row in &ranking.municipalities {
                            li { a href=(href("/theme", &[("name", &ranking.theme), ("municipality", &row.municipality)])) { (row.municipality) }
                                " – Stärke " (number::fixed(f64::from(row.strength), 1)) ", " (row.passages) " Passagen" }
                        } }
                    }
                }
            })
        });
        Ok(with_result("Thema", "/themes", form, result))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::shade;

    #[test]
    fn only_empty_cells_are_white() {
        assert_eq!(shade(0.0, 0.0), "shade-0");
        assert_eq!(shade(0.01, 0.001), "shade-1");
        assert_eq!(shade(5.0, 1.0), "shade-9");
        assert_eq!(shade(f32::NAN, 1.0), "shade-0");
    }
}
