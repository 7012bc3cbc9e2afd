//! Python's `" ".join(s.split()).casefold()` in Rust: the text normalisation of P@5.
//!
//! A passage counts as relevant when it contains a qrels phrase "after whitespace and case
//! folding"; to give the same P@5 as `eval.py`, both sides must fold exactly as Python does.
//! Two details differ from the obvious Rust: Python's `str.split()` also splits at the
//! information separators U+001C–U+001F, and `str.casefold()` is Unicode full case folding,
//! not lower-casing (`Straße` and `STRASSE` fold alike; `ﬁ` folds to `fi`). Case folding is
//! lower-casing except for the characters of [`FOLD_NOT_LOWER`], a list taken from Python's
//! own `str.casefold` (Unicode 14) where it differs from its `str.lower`.

/// Collapses whitespace runs to one space, trims, and case-folds: what `eval.py` calls
/// `normalize`.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(is_python_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        casefold_into(word, &mut out);
    }
    out
}

/// `str.isspace()`: Unicode White_Space plus the separators U+001C–U+001F.
pub(crate) fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1C}'..='\u{1F}').contains(&c)
}

/// Appends the Unicode full case folding of `text` to `out`.
fn casefold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if let Some(folded) = fold_not_lower(c) {
            out.push_str(folded);
        } else if let Some(upper) = cherokee_fold(c) {
            out.push(upper);
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

fn fold_not_lower(c: char) -> Option<&'static str> {
    FOLD_NOT_LOWER.binary_search_by_key(&c, |&(from, _)| from).ok().map(|i| FOLD_NOT_LOWER[i].1)
}

/// Cherokee is the one script whose case folding goes to upper case (for stability: the
/// upper-case letters were encoded first).
fn cherokee_fold(c: char) -> Option<char> {
    let cp = c as u32;
    let folded = match cp {
        0x13A0..=0x13F5 => cp,
        0x13F8..=0x13FD => cp - 8,
        0xAB70..=0xABBF => cp - 0xAB70 + 0x13A0,
        _ => return None,
    };
    char::from_u32(folded)
}

/// Characters whose case folding is not their lower-case form (outside Cherokee), sorted.
#[rustfmt::skip]
const FOLD_NOT_LOWER: &[(char, &str)] = &[
    ('\u{00B5}', "\u{03BC}"), ('\u{00DF}', "ss"), ('\u{0149}', "\u{02BC}n"), ('\u{017F}', "s"),
    ('\u{01F0}', "j\u{030C}"), ('\u{0345}', "\u{03B9}"), ('\u{0390}', "\u{03B9}\u{0308}\u{0301}"), ('\u{03B0}', "\u{03C5}\u{0308}\u{0301}"),
    ('\u{03C2}', "\u{03C3}"), ('\u{03D0}', "\u{03B2}"), ('\u{03D1}', "\u{03B8}"), ('\u{03D5}', "\u{03C6}"),
    ('\u{03D6}', "\u{03C0}"), ('\u{03F0}', "\u{03BA}"), ('\u{03F1}', "\u{03C1}"), ('\u{03F5}', "\u{03B5}"),
    ('\u{0587}', "\u{0565}\u{0582}"), ('\u{1C80}', "\u{0432}"), ('\u{1C81}', "\u{0434}"), ('\u{1C82}', "\u{043E}"),
    ('\u{1C83}', "\u{0441}"), ('\u{1C84}', "\u{0442}"), ('\u{1C85}', "\u{0442}"), ('\u{1C86}', "\u{044A}"),
    ('\u{1C87}', "\u{0463}"), ('\u{1C88}', "\u{A64B}"), ('\u{1E96}', "h\u{0331}"), ('\u{1E97}', "t\u{0308}"),
    ('\u{1E98}', "w\u{030A}"), ('\u{1E99}', "y\u{030A}"), ('\u{1E9A}', "a\u{02BE}"), ('\u{1E9B}', "\u{1E61}"),
    ('\u{1E9E}', "ss"), ('\u{1F50}', "\u{03C5}\u{0313}"), ('\u{1F52}', "\u{03C5}\u{0313}\u{0300}"), ('\u{1F54}', "\u{03C5}\u{0313}\u{0301}"),
    ('\u{1F56}', "\u{03C5}\u{0313}\u{0342}"), ('\u{1F80}', "\u{1F00}\u{03B9}"), ('\u{1F81}', "\u{1F01}\u{03B9}"), ('\u{1F82}', "\u{1F02}\u{03B9}"),
    ('\u{1F83}', "\u{1F03}\u{03B9}"), ('\u{1F84}', "\u{1F04}\u{03B9}"), ('\u{1F85}', "\u{1F05}\u{03B9}"), ('\u{1F86}', "\u{1F06}\u{03B9}"),
    ('\u{1F87}', "\u{1F07}\u{03B9}"), ('\u{1F88}', "\u{1F00}\u{03B9}"), ('\u{1F89}', "\u{1F01}\u{03B9}"), ('\u{1F8A}', "\u{1F02}\u{03B9}"),
    ('\u{1F8B}', "\u{1F03}\u{03B9}"), ('\u{1F8C}', "\u{1F04}\u{03B9}"), ('\u{1F8D}', "\u{1F05}\u{03B9}"), ('\u{1F8E}', "\u{1F06}\u{03B9}"),
    ('\u{1F8F}', "\u{1F07}\u{03B9}"), ('\u{1F90}', "\u{1F20}\u{03B9}"), ('\u{1F91}', "\u{1F21}\u{03B9}"), ('\u{1F92}', "\u{1F22}\u{03B9}"),
    ('\u{1F93}', "\u{1F23}\u{03B9}"), ('\u{1F94}', "\u{1F24}\u{03B9}"), ('\u{1F95}', "\u{1F25}\u{03B9}"), ('\u{1F96}', "\u{1F26}\u{03B9}"),
    ('\u{1F97}', "\u{1F27}\u{03B9}"), ('\u{1F98}', "\u{1F20}\u{03B9}"), ('\u{1F99}', "\u{1F21}\u{03B9}"), ('\u{1F9A}', "\u{1F22}\u{03B9}"),
    ('\u{1F9B}', "\u{1F23}\u{03B9}"), ('\u{1F9C}', "\u{1F24}\u{03B9}"), ('\u{1F9D}', "\u{1F25}\u{03B9}"), ('\u{1F9E}', "\u{1F26}\u{03B9}"),
    ('\u{1F9F}', "\u{1F27}\u{03B9}"), ('\u{1FA0}', "\u{1F60}\u{03B9}"), ('\u{1FA1}', "\u{1F61}\u{03B9}"), ('\u{1FA2}', "\u{1F62}\u{03B9}"),
    ('\u{1FA3}', "\u{1F63}\u{03B9}"), ('\u{1FA4}', "\u{1F64}\u{03B9}"), ('\u{1FA5}', "\u{1F65}\u{03B9}"), ('\u{1FA6}', "\u{1F66}\u{03B9}"),
    ('\u{1FA7}', "\u{1F67}\u{03B9}"), ('\u{1FA8}', "\u{1F60}\u{03B9}"), ('\u{1FA9}', "\u{1F61}\u{03B9}"), ('\u{1FAA}', "\u{1F62}\u{03B9}"),
    ('\u{1FAB}', "\u{1F63}\u{03B9}"), ('\u{1FAC}', "\u{1F64}\u{03B9}"), ('\u{1FAD}', "\u{1F65}\u{03B9}"), ('\u{1FAE}', "\u{1F66}\u{03B9}"),
    ('\u{1FAF}', "\u{1F67}\u{03B9}"), ('\u{1FB2}', "\u{1F70}\u{03B9}"), ('\u{1FB3}', "\u{03B1}\u{03B9}"), ('\u{1FB4}', "\u{03AC}\u{03B9}"),
    ('\u{1FB6}', "\u{03B1}\u{0342}"), ('\u{1FB7}', "\u{03B1}\u{0342}\u{03B9}"), ('\u{1FBC}', "\u{03B1}\u{03B9}"), ('\u{1FBE}', "\u{03B9}"),
    ('\u{1FC2}', "\u{1F74}\u{03B9}"), ('\u{1FC3}', "\u{03B7}\u{03B9}"), ('\u{1FC4}', "\u{03AE}\u{03B9}"), ('\u{1FC6}', "\u{03B7}\u{0342}"),
    ('\u{1FC7}', "\u{03B7}\u{0342}\u{03B9}"), ('\u{1FCC}', "\u{03B7}\u{03B9}"), ('\u{1FD2}', "\u{03B9}\u{0308}\u{0300}"), ('\u{1FD3}', "\u{03B9}\u{0308}\u{0301}"),
    ('\u{1FD6}', "\u{03B9}\u{0342}"), ('\u{1FD7}', "\u{03B9}\u{0308}\u{0342}"), ('\u{1FE2}', "\u{03C5}\u{0308}\u{0300}"), ('\u{1FE3}', "\u{03C5}\u{0308}\u{0301}"),
    ('\u{1FE4}', "\u{03C1}\u{0313}"), ('\u{1FE6}', "\u{03C5}\u{0342}"), ('\u{1FE7}', "\u{03C5}\u{0308}\u{0342}"), ('\u{1FF2}', "\u{1F7C}\u{03B9}"),
    ('\u{1FF3}', "\u{03C9}\u{03B9}"), ('\u{1FF4}', "\u{03CE}\u{03B9}"), ('\u{1FF6}', "\u{03C9}\u{0342}"), ('\u{1FF7}', "\u{03C9}\u{0342}\u{03B9}"),
    ('\u{1FFC}', "\u{03C9}\u{03B9}"), ('\u{FB00}', "ff"), ('\u{FB01}', "fi"), ('\u{FB02}', "fl"),
    ('\u{FB03}', "ffi"), ('\u{FB04}', "ffl"), ('\u{FB05}', "st"), ('\u{FB06}', "st"),
    ('\u{FB13}', "\u{0574}\u{0576}"), ('\u{FB14}', "\u{0574}\u{0565}"), ('\u{FB15}', "\u{0574}\u{056B}"), ('\u{FB16}', "\u{057E}\u{0576}"),
    ('\u{FB17}', "\u{0574}\u{056D}"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_for_binary_search() {
        assert!(FOLD_NOT_LOWER.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn normalises_like_python() {
        let cases = [
            ("  Frühe\tHilfen \n im  Kreis ", "frühe hilfen im kreis"),
            ("STRASSE", "strasse"),
            ("Straße", "strasse"),
            ("GROẞE", "grosse"),
            ("Ergebnis\u{1F}\u{A0}da", "ergebnis da"),
            ("ﬁnanziell", "finanziell"),
            ("ΌΣΟΣ", "όσοσ"),
            ("Ꮳ ꮳ", "Ꮳ Ꮳ"),
            ("", ""),
            (" \n\t ", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(
                normalize(input),
                expected,
                "normalize({input:?}): whitespace or case folding differs from Python's"
            );
        }
    }
}
