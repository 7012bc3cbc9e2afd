//! Themes: concepts a researcher asks about across municipalities (`Übergänge`, `Frühe Hilfen`),
//! defined in `index-config/themes.toml` as weighted German terms and phrases.
//!
//! A theme is not a word: *Übergänge* covers `Nahtstelle`, `Kultur des Übergangs` and
//! `Einschulung`. The terms go through the index's German analysis like a query, so inflected
//! forms, compounds and gender forms count; [`rank`] turns a theme into a ranking of passages
//! and of municipalities, [`matrix`] into the theme × municipality picture, [`trend`] into its
//! strength year by year. A topic that names no theme becomes one through [`free_text`].

pub mod free_text;
pub mod matrix;
pub mod rank;
pub mod trend;

use serde::Deserialize;

use crate::analysis::UmlautFold;
use crate::error::{table_line, LineError};

/// Weight of a `core` term: it names the theme.
pub const CORE_WEIGHT: f32 = 3.0;
/// Weight of a `strong` term: clearly about the theme.
pub const STRONG_WEIGHT: f32 = 2.0;
/// Weight of a `related` term: often near the theme, weaker evidence.
pub const RELATED_WEIGHT: f32 = 1.0;

/// One theme of `themes.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub id: String,
    pub label: String,
    pub description: String,
    /// The terms with their weights, strongest first; several words form a phrase.
    pub terms: Vec<ThemeTerm>,
    /// Words whose matches must not count for the theme (`Datenschutz` for Kinderschutz).
    pub exclude: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ThemeTerm {
    pub text: String,
    pub weight: f32,
}

/// The themes of one `themes.toml`, in file order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Themes {
    pub themes: Vec<Theme>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    theme: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: String,
    label: String,
    description: String,
    core: Vec<String>,
    #[serde(default)]
    strong: Vec<String>,
    #[serde(default)]
    related: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
}

/// What a theme name given by the user resolved to.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolved<'a> {
    Theme(&'a Theme),
    /// Several themes start with the name.
    Ambiguous(Vec<&'a Theme>),
    /// No theme matches; the closest ones, best first.
    Unknown(Vec<&'a Theme>),
}

impl Themes {
    /// Parses and validates a `themes.toml`; errors name the line of the offending theme.
    pub fn parse(text: &str) -> Result<Themes, LineError> {
        let file: File = toml::from_str(text).map_err(|e| LineError::of_toml(text, &e))?;
        let mut themes: Vec<Theme> = Vec::with_capacity(file.theme.len());
        for (i, entry) in file.theme.into_iter().enumerate() {
            let theme =
                validate(entry, &themes).map_err(|m| LineError::new(table_line(text, "[[theme]]", i), m))?;
            themes.push(theme);
        }
        Ok(Themes { themes })
    }

    /// Finds a theme by id, label or an unambiguous prefix of either, ignoring case, umlauts
    /// (`uebergaenge`, `fruehe hilfen`), spaces and dashes.
    pub fn resolve(&self, name: &str) -> Resolved<'_> {
        let wanted = name_key(name);
        let keys = |t: &Theme| [name_key(&t.id), name_key(&t.label)];
        if let Some(theme) = self.themes.iter().find(|t| keys(t).contains(&wanted)) {
            return Resolved::Theme(theme);
        }
        let prefixed: Vec<&Theme> = if wanted.is_empty() {
            Vec::new()
        } else {
            self.themes.iter().filter(|t| keys(t).iter().any(|k| k.starts_with(&wanted))).collect()
        };
        match prefixed.len() {
            1 => Resolved::Theme(prefixed[0]),
            0 => Resolved::Unknown(self.closest(&wanted)),
            _ => Resolved::Ambiguous(prefixed),
        }
    }

    /// The theme a user named (see [`Themes::resolve`]), or an invalid-argument error that
    /// lists the ambiguous or the closest themes. The CLI and the web server say the same.
    pub fn named(&self, name: &str) -> crate::error::Result<&Theme> {
        let list = |found: &[&Theme]| {
            found.iter().map(|t| format!("{} ({})", t.id, t.label)).collect::<Vec<_>>().join(", ")
        };
        match self.resolve(name) {
            Resolved::Theme(theme) => Ok(theme),
            Resolved::Ambiguous(found) => Err(crate::error::Error::InvalidArgument(format!(
                "the theme name {name:?} is ambiguous: {}",
                list(&found)
            ))),
            Resolved::Unknown(closest) => Err(crate::error::Error::InvalidArgument(format!(
                "no theme {name:?}; closest: {} (`praev themes` lists all)",
                list(&closest)
            ))),
        }
    }

    /// The three themes whose id or label is closest to `key` (edit distance, or containing it).
    fn closest(&self, key: &str) -> Vec<&Theme> {
        let mut scored: Vec<(usize, &Theme)> = self
            .themes
            .iter()
            .map(|t| {
                let distance = [name_key(&t.id), name_key(&t.label)]
                    .iter()
                    .map(|k| if !key.is_empty() && k.contains(key) { 0 } else { edit_distance(k, key) })
                    .min()
                    .unwrap_or(usize::MAX);
                (distance, t)
            })
            .collect();
        scored.sort_by_key(|(d, _)| *d);
        scored.into_iter().take(3).map(|(_, t)| t).collect()
    }
}

fn validate(entry: Entry, earlier: &[Theme]) -> Result<Theme, String> {
    let id = entry.id.trim().to_string();
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return Err(format!("theme id {id:?} must be lower-case ASCII letters, digits and '-'"));
    }
    if earlier.iter().any(|t| t.id == id) {
        return Err(format!("theme id {id:?} is used twice"));
    }
    for (field, value) in [("label", &entry.label), ("description", &entry.description)] {
        if value.trim().is_empty() {
            return Err(format!("theme {id:?}: {field} is empty"));
        }
    }
    if entry.description.contains('\n') {
        return Err(format!("theme {id:?}: the description must be one line"));
    }
    if entry.core.is_empty() {
        return Err(format!("theme {id:?}: `core` needs at least one term"));
    }
    let mut terms = Vec::new();
    for (list, weight) in
        [(&entry.core, CORE_WEIGHT), (&entry.strong, STRONG_WEIGHT), (&entry.related, RELATED_WEIGHT)]
    {
        for text in list {
            let text = text.trim();
            if text.is_empty() {
                return Err(format!("theme {id:?}: an empty term"));
            }
            if terms.iter().any(|t: &ThemeTerm| t.text.eq_ignore_ascii_case(text)) {
                return Err(format!("theme {id:?}: term {text:?} is listed twice"));
            }
            terms.push(ThemeTerm { text: text.to_string(), weight });
        }
    }
    if let Some(empty) = entry.exclude.iter().find(|e| e.trim().is_empty()) {
        return Err(format!("theme {id:?}: an empty exclude entry {empty:?}"));
    }
    Ok(Theme {
        id,
        label: entry.label.trim().to_string(),
        description: entry.description.trim().to_string(),
        terms,
        exclude: entry.exclude.iter().map(|e| e.trim().to_string()).collect(),
    })
}

/// A name as compared: lower case, umlauts folded (`ü`, `ue` → `u`), only letters and digits.
fn name_key(name: &str) -> String {
    UmlautFold::fold(&name.to_lowercase()).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Levenshtein distance on characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: &str = r#"
[[theme]]
id = "uebergaenge"
label = "Übergänge"
description = "Alle Übergänge."
core = ["Übergang", "Nahtstelle"]
strong = ["Kultur des Übergangs"]

[[theme]]
id = "fruehe-hilfen"
label = "Frühe Hilfen"
description = "Rund um die Geburt."
core = ["Frühe Hilfen"]
related = ["Hebamme"]
exclude = ["Hebammenverband"]
"#;

    #[test]
    fn parses_tiers_into_weights() {
        let themes = Themes::parse(TWO).unwrap();
        assert_eq!(themes.themes.len(), 2);
        let t = &themes.themes[0];
        assert_eq!(t.terms[0], ThemeTerm { text: "Übergang".into(), weight: CORE_WEIGHT });
        assert_eq!(t.terms[2], ThemeTerm { text: "Kultur des Übergangs".into(), weight: STRONG_WEIGHT });
        assert_eq!(themes.themes[1].exclude, vec!["Hebammenverband".to_string()]);
    }

    #[test]
    fn resolves_ids_labels_prefixes_case_and_umlaut_insensitively() {
        let themes = Themes::parse(TWO).unwrap();
        for name in ["uebergaenge", "Übergänge", "UEBERGAENGE", "uberg", "Übergänge "] {
            assert!(matches!(themes.resolve(name), Resolved::Theme(t) if t.id == "uebergaenge"), "{name}");
        }
        for name in ["fruehe hilfen", "Frühe Hilfen", "fruehe-hilfen", "früh"] {
            assert!(matches!(themes.resolve(name), Resolved::Theme(t) if t.id == "fruehe-hilfen"), "{name}");
        }
        match themes.resolve("Ubergnge") {
            Resolved::Unknown(closest) => assert_eq!(closest[0].id, "uebergaenge"),
            other => panic!("expected unknown, got {other:?}"),
        }
    }

    #[test]
    fn a_prefix_of_two_themes_is_ambiguous() {
        let text = TWO.replace("fruehe-hilfen", "uebergang-schule");
        let themes = Themes::parse(&text).unwrap();
        assert!(matches!(themes.resolve("ueb"), Resolved::Ambiguous(list) if list.len() == 2));
    }

    #[test]
    fn errors_name_the_line_of_the_theme() {
        let bad = TWO.replace("core = [\"Frühe Hilfen\"]", "core = []");
        let err = Themes::parse(&bad).unwrap_err();
        assert_eq!(err.line, 9, "the line of the second theme's [[theme]] header: {err:?}");
        assert!(err.message.contains("core"), "{}", err.message);
        let duplicate = TWO.replace("fruehe-hilfen", "uebergaenge");
        assert!(Themes::parse(&duplicate).unwrap_err().message.contains("twice"));
        let unknown_key = TWO.replace("related =", "relatd =");
        let err = Themes::parse(&unknown_key).unwrap_err();
        assert!(err.message.contains("relatd"), "{}", err.message);
        assert!(Themes::parse(
            "[[theme]]\nid = \"Groß\"\nlabel = \"x\"\ndescription = \"y\"\ncore = [\"z\"]\n"
        )
        .unwrap_err()
        .message
        .contains("lower-case"));
    }

    #[test]
    fn the_bundled_themes_are_valid_and_cover_the_field() {
        let text = crate::config::ConfigFiles::bundled().text(crate::config::THEMES_FILE).to_string();
        let themes = Themes::parse(&text).expect("bundled themes.toml parses");
        assert!(themes.themes.len() >= 16, "{} themes", themes.themes.len());
        for name in ["Frühe Hilfen", "Übergänge", "Partizipation", "Kinderschutz", "Inklusion", "Sport"] {
            assert!(matches!(themes.resolve(name), Resolved::Theme(_)), "{name} missing");
        }
    }
}
