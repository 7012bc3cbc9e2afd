//! Related terms of the field, read from the theme ontology (`index-config/themes.toml`): the
//! `core` terms of one theme name the same concept of prevention work in different words
//! (`Monitoring`, `Sozialberichterstattung`, `Kennzahl`; `Armut`, `Kinderarmut`,
//! `Armutsprävention`). A query word that is a core term of a theme is also searched as that
//! theme's other core terms, with [`RELATED_WEIGHT`]: below the domain synonyms and the general
//! thesaurus, since the terms are related, not equal.
//!
//! Only the `core` lists are read (the strong and related lists hold broader words that would
//! pull a query off its topic). The themes file is validated where themes are loaded
//! (`themes::Themes::parse`); this reader only takes what it needs and skips a theme it cannot
//! read. A related term is searched as itself (a word or a phrase): not through its parts or
//! word family, and not as a part of other compounds (so a theme's `exclude` list, which names
//! compounds holding a theme word, is never reached).

use serde::Deserialize;

/// Weight of a related term, relative to the literal query word.
pub const RELATED_WEIGHT: f32 = 0.15;

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    theme: Vec<toml::Value>,
}

#[derive(Deserialize)]
struct ThemeCore {
    #[serde(default)]
    core: Vec<String>,
}

/// The groups of related terms: each theme's core terms (empty for a file that does not parse).
pub fn core_groups(themes_toml: &str) -> Vec<Vec<String>> {
    let Ok(file) = toml::from_str::<File>(themes_toml) else { return Vec::new() };
    file.theme
        .into_iter()
        .filter_map(|theme| theme.try_into::<ThemeCore>().ok())
        .map(|theme| dedup(theme.core))
        .filter(|core| core.len() > 1)
        .collect()
}

fn dedup(terms: Vec<String>) -> Vec<String> {
    let mut unique: Vec<String> = Vec::with_capacity(terms.len());
    for term in terms {
        if !unique.contains(&term) {
            unique.push(term);
        }
    }
    unique
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_theme_gives_its_core_terms_as_one_group() {
        let text = r#"
[[theme]]
id = "steuerung"
label = "Steuerung"
core = ["Monitoring", "Sozialberichterstattung", "Kennzahl", "Monitoring"]
strong = ["Evaluation"]
exclude = ["Datenschutz"]

[[theme]]
id = "sport"
label = "Sport"
core = ["Sport"]
"#;
        assert_eq!(
            core_groups(text),
            vec![vec!["Monitoring".to_string(), "Sozialberichterstattung".into(), "Kennzahl".into()]],
            "a theme with one core term relates nothing; repeats count once; strong terms stay out"
        );
        assert!(core_groups("[[theme]\n").is_empty(), "a broken file gives no groups");
    }

    #[test]
    fn the_shipped_themes_give_groups() {
        let groups = core_groups(include_str!("../../index-config/themes.toml"));
        assert!(groups.len() >= 10, "{}", groups.len());
        let monitoring = groups.iter().find(|g| g.iter().any(|t| t == "Monitoring")).unwrap();
        assert!(monitoring.iter().any(|t| t == "Sozialberichterstattung"));
    }
}
