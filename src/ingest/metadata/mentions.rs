//! Mentions of a place in a line of text: the surface forms a place name takes, and the checks
//! that tell a mention from a look-alike.
//!
//! A name yields its genitive ("Kreises Steinfurt", "Rhein-Sieg-Kreises"), for towns "Stadt X"
//! and "Gemeinde X" (found through the bare name and the word before it), the bare name of a
//! district ("Düren" for Kreis Düren, unless another place claims it) and the all-caps
//! spelling of headings. A match is a mention only as a whole word (a
//! genitive "s" allowed): not as part of a hyphenated compound ("Potsdam-Mittelmark" is not
//! Potsdam), not before a street word ("Aachener Straße"), and for one-word names not after an
//! article or adjective ("gesundes Essen" is food, not the city).

use std::collections::HashSet;

/// Weight of a form that names the authority ("Kreis Düren", "Stadt Krefeld").
pub(super) const EXPLICIT_WEIGHT: u32 = 2;
/// Weight of a bare name or adjective ("Düren", "Krefelder").
pub(super) const BARE_WEIGHT: u32 = 1;

/// Words after which a mention is an address, not the place itself ("Aachener Straße").
const STREET_WORDS: [&str; 10] =
    ["Straße", "Strasse", "Str.", "Str ", "Weg", "Allee", "Platz", "Ring", "Chaussee", "Damm"];
/// Words before a one-word place name that end in these letters are taken as adjectives, and
/// the "place" as a noun ("gesundes Essen", "das gemeinsame Essen"); see `follows_article`.
const ADJECTIVE_ENDINGS: [&str; 4] = ["e", "es", "em", "en"];
const ARTICLES: [&str; 8] = ["das", "dem", "ein", "einem", "kein", "keinem", "beim", "zum"];
/// Words with adjective endings that do come before place names.
const NOT_ARTICLES: [&str; 12] = [
    "zwischen", "neben", "gegen", "wegen", "entgegen", "ohne", "wie", "sowie", "die", "seine", "ihre",
    "unsere",
];

/// A surface form of a candidate place.
#[derive(Debug, Clone)]
pub(super) struct Form {
    pub text: String,
    /// The all-caps spelling, for headings such as "… IN KREFELD" (when it differs).
    upper: Option<String>,
    pub candidate: usize,
    weight: u32,
    /// A one-word place name, which is not a mention after an article ("gesundes Essen").
    name_like: bool,
    /// A town's name: after "Stadt" or "Gemeinde" it is an explicit mention ("Stadt Velbert").
    town: bool,
}

/// One mention found in a line.
#[derive(Debug, Clone)]
pub(super) struct Hit {
    pub start: usize,
    pub end: usize,
    pub candidate: usize,
    pub weight: u32,
    /// The form's number in its list: where two forms match the same text, the first wins.
    form: usize,
}

/// The forms of one spelling of a place: the spelling, its genitives, "Stadt X" for towns
/// (`city`), and for districts the bare place name unless `claimed` by another place.
pub(super) fn forms_of(candidate: usize, spelling: &str, city: bool, claimed: &HashSet<String>) -> Vec<Form> {
    let explicit = is_explicit(spelling);
    let weight = if explicit { EXPLICIT_WEIGHT } else { BARE_WEIGHT };
    let mut texts = vec![(spelling.to_string(), weight)];
    texts.extend(genitives(spelling).into_iter().map(|g| (g, EXPLICIT_WEIGHT)));
    let core = core_name(spelling);
    if core != spelling && !claimed.contains(core) {
        texts.push((core.to_string(), BARE_WEIGHT));
    }
    texts
        .into_iter()
        .map(|(text, weight)| {
            // Adjectives ("Krefelder") follow articles as a matter of course; a place name
            // proper after an article is a noun that happens to be spelled the same.
            let name_like =
                !text.contains(' ') && (text == spelling || text == core) && !text.ends_with("er");
            // Headings and datelines capitalise a town's name ("VELBERT.") or a district's
            // ("KREIS STEINFURT"); "STADT VELBERT" is rare enough to spare 20,000 patterns.
            let capitalised = !city || !text.contains(' ');
            let upper = Some(text.to_uppercase()).filter(|u| capitalised && *u != text);
            let town = city && !explicit && text == spelling;
            Form { text, upper, candidate, weight, name_like, town }
        })
        .collect()
}

impl Form {
    /// The spellings to look for: the form and its all-caps spelling.
    pub fn variants(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.text.as_str()).chain(self.upper.as_deref())
    }
}

/// The mentions in one line, longest first where they overlap ("Kreis Steinfurt" hides the
/// "Steinfurt" inside it). The reference the one-pass search (`form_index`) is tested against.
#[cfg(test)]
pub(super) fn hits(forms: &[Form], line: &str) -> Vec<Hit> {
    let mut found = Vec::new();
    scan(forms, 0, line, &mut found);
    resolve(&mut found);
    found
}

/// Appends every mention of `forms` in a line, overlapping ones included; the forms are
/// numbered from `first`. A plain substring search per form: for the few forms of places
/// discovered in a document (`form_index` searches the known ones in one pass).
pub(super) fn scan(forms: &[Form], first: usize, line: &str, found: &mut Vec<Hit>) {
    for (index, form) in forms.iter().enumerate() {
        for variant in form.variants() {
            for (start, _) in line.match_indices(variant) {
                found.extend(mention(line, start, start + variant.len(), form, first + index));
            }
        }
    }
}

/// The match `start..end` of `form` (number `index`) in a line, if it is a mention of the place.
pub(super) fn mention(line: &str, start: usize, end: usize, form: &Form, index: usize) -> Option<Hit> {
    if form.town {
        if let Some(authority) = authority_before(&line[..start]) {
            let end = mention_end(line, start, end, false)?;
            return Some(Hit {
                start: authority,
                end,
                candidate: form.candidate,
                weight: EXPLICIT_WEIGHT,
                form: index,
            });
        }
    }
    let end = mention_end(line, start, end, form.name_like)?;
    Some(Hit { start, end, candidate: form.candidate, weight: form.weight, form: index })
}

/// Where "Stadt " or "Gemeinde " starts when the text before a town's name ends with it as a
/// word: the town's explicit form, searched as its bare name (one pattern instead of three for
/// each of 11,000 Gemeinden).
fn authority_before(before: &str) -> Option<usize> {
    ["Stadt ", "Gemeinde ", "STADT ", "GEMEINDE "].iter().find_map(|word| {
        let rest = before.strip_suffix(word)?;
        (!rest.ends_with(|c: char| c.is_alphanumeric())).then_some(rest.len())
    })
}

/// Of overlapping mentions, keeps the one that starts first and, among those, the longest; at
/// the same span the form listed first. The mentions kept are left in order.
pub(super) fn resolve(found: &mut Vec<Hit>) {
    found.sort_unstable_by_key(|h| (h.start, usize::MAX - h.end, h.form));
    let mut end_of_last = 0;
    found.retain(|hit| {
        let kept = hit.start >= end_of_last;
        if kept {
            end_of_last = hit.end;
        }
        kept
    });
}

/// Whether a spelling names its authority ("Kreis Soest", "Rhein-Sieg-Kreis", "Stadt MG").
pub(super) fn is_explicit(spelling: &str) -> bool {
    let first = spelling.split_whitespace().next().unwrap_or("");
    let authority_word = matches!(
        first,
        "Kreis"
            | "Kreises"
            | "Landkreis"
            | "Landkreises"
            | "Städteregion"
            | "StädteRegion"
            | "Stadt"
            | "Region"
            | "Regionalverband"
            | "Gemeinde"
            | "Landeshauptstadt"
            | "Hansestadt"
            | "Universitätsstadt"
    );
    authority_word || spelling.ends_with("kreis") || spelling.ends_with("Kreis")
}

/// The place name without its authority word: "Kreis Düren" → "Düren".
pub(super) fn core_name(name: &str) -> &str {
    const PREFIXES: [&str; 11] = [
        "Kreis ",
        "Landkreis ",
        "Städteregion ",
        "StädteRegion ",
        "Stadt ",
        "Region ",
        "Regionalverband ",
        "Gemeinde ",
        "Landeshauptstadt ",
        "Hansestadt ",
        "Universitätsstadt ",
    ];
    for prefix in PREFIXES {
        if let Some(rest) = name.strip_prefix(prefix) {
            return rest;
        }
    }
    name
}

/// Genitive forms: "Kreis Steinfurt" → "Kreises Steinfurt", "Rhein-Sieg-Kreis" →
/// "Rhein-Sieg-Kreises".
fn genitives(spelling: &str) -> Vec<String> {
    let mut forms = Vec::new();
    for (nominative, genitive) in [("Kreis ", "Kreises "), ("Landkreis ", "Landkreises ")] {
        if let Some(rest) = spelling.strip_prefix(nominative) {
            forms.push(format!("{genitive}{rest}"));
        }
    }
    if spelling.ends_with("kreis") || spelling.ends_with("Kreis") {
        forms.push(format!("{spelling}es"));
    }
    forms
}

/// Where a match ends if it is a mention of the place (see the module doc), else `None`.
fn mention_end(line: &str, start: usize, end: usize, name_like: bool) -> Option<usize> {
    let mut before = line[..start].chars().rev();
    match before.next() {
        Some(c) if c.is_alphanumeric() => return None,
        Some('-') if before.next().is_some_and(char::is_alphanumeric) => return None,
        _ => {}
    }
    let mut after = line[end..].chars();
    let end = match after.next() {
        Some('s') if !after.clone().next().is_some_and(char::is_alphanumeric) => end + 1,
        Some(c) if c.is_alphanumeric() => return None,
        Some('-') if after.next().is_some_and(char::is_alphanumeric) => return None,
        _ => end,
    };
    let following = line[end..].trim_start();
    if STREET_WORDS.iter().any(|w| following.starts_with(w)) {
        return None;
    }
    if name_like && follows_article(&line[..start]) {
        return None;
    }
    Some(end)
}

/// Whether the word before a mention is an article or an adjective ("das", "gesundes"). A
/// capitalised word counts only at the start of a sentence, where adjectives are capitalised
/// too ("Gesundes Essen"); elsewhere it is a noun ("den Städten Essen und Bochum").
fn follows_article(before: &str) -> bool {
    let trimmed = before.trim_end();
    let Some(word) = trimmed.split_whitespace().next_back() else {
        return false;
    };
    if word.chars().next().is_some_and(char::is_uppercase) {
        let earlier = trimmed[..trimmed.len() - word.len()].trim_end();
        let sentence_start = earlier.is_empty() || earlier.ends_with(['.', '!', '?', ':']);
        if !sentence_start {
            return false;
        }
    }
    // Lower-cased on the stack when it is ASCII, as most words are: this runs for most
    // mentions of a build.
    let mut buffer = [0u8; 16];
    let lowered;
    let word = match buffer.get_mut(..word.len()) {
        Some(bytes) if word.is_ascii() => {
            bytes.copy_from_slice(word.as_bytes());
            bytes.make_ascii_lowercase();
            std::str::from_utf8(bytes).expect("ASCII stays UTF-8")
        }
        _ => {
            lowered = word.to_lowercase();
            lowered.as_str()
        }
    };
    ARTICLES.contains(&word)
        || (ADJECTIVE_ENDINGS.iter().any(|e| word.ends_with(e)) && !NOT_ARTICLES.contains(&word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let claimed: HashSet<String> = ["Aachen".to_string()].into();
        let texts = |spelling: &str, city: bool| -> Vec<String> {
            forms_of(0, spelling, city, &claimed).into_iter().map(|f| f.text).collect()
        };
        assert_eq!(texts("Kreis Steinfurt", false), ["Kreis Steinfurt", "Kreises Steinfurt", "Steinfurt"]);
        assert_eq!(texts("Rhein-Sieg-Kreis", false), ["Rhein-Sieg-Kreis", "Rhein-Sieg-Kreises"]);
        // "Stadt Krefeld" and "Gemeinde Krefeld" are found through "Krefeld" (see `mention`).
        assert_eq!(texts("Krefeld", true), ["Krefeld"]);
        // The bare "Aachen" belongs to the city, not to the Städteregion.
        assert_eq!(texts("Städteregion Aachen", false), ["Städteregion Aachen"]);
    }

    #[test]
    fn mentions() {
        let claimed = HashSet::new();
        let mut forms = forms_of(0, "Krefeld", true, &claimed);
        forms.extend(forms_of(0, "Krefelder", true, &claimed));
        forms.extend(forms_of(1, "Essen", true, &claimed));
        forms.extend(forms_of(2, "Potsdam", true, &claimed));
        forms.extend(forms_of(3, "Kreis Steinfurt", false, &claimed));
        // (line, expected (candidate, weight) of each mention)
        let cases: &[(&str, &[(usize, u32)])] = &[
            ("in Krefeld und Krefelds Schulen", &[(0, 1), (0, 1)]),
            ("DIE PRÄVENTIONSKETTE IN KREFELD", &[(0, 1)]),
            ("die Stadt Krefeld", &[(0, 2)]),
            ("die Gemeinde Krefeld, STADT KREFELD, Hauptstadt Krefeld", &[(0, 2), (0, 2), (0, 1)]),
            ("die Krefelder Präventionskette", &[(0, 1)]),
            ("Krefeld-Uerdingen, Nordkrefeld, Krefelderin", &[]),
            ("Aachener Str. 2, Krefeld Straße 5", &[]),
            ("gesundes Essen, das Essen", &[]),
            ("Gesundes Essen für alle", &[]),
            ("in Essen. Essen ist groß. Den Städten Essen und Bochum", &[(1, 1), (1, 1), (1, 1)]),
            ("Potsdam-Mittelmark und Potsdam", &[(2, 1)]),
            ("im Kreis Steinfurt, in Steinfurt", &[(3, 2), (3, 1)]),
            ("", &[]),
        ];
        for (line, expected) in cases {
            let got: Vec<(usize, u32)> = hits(&forms, line).iter().map(|h| (h.candidate, h.weight)).collect();
            assert_eq!(&got, expected, "mentions in {line:?}");
        }
    }
}
