//! Quotation marks: which characters they are, how they pair, and the sets the stages test.
//!
//! German texts mix German („…“), English (“…”), straight ("…") and French (»…«, «…») double
//! marks, and single ones (‚…‘, ›…‹, ’). Some characters only open (`„`, `‚`) or only close
//! (`’`) a quotation; the others can do either, and only their neighbours tell which.

/// Double (`„…“`) or single (`‚…‘`) quotation marks.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Family {
    Double,
    Single,
}

/// How a character can act as a quotation mark.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Style {
    AlwaysOpens,
    AlwaysCloses,
    Either,
}

/// The apostrophe, typed as a straight single mark: sometimes a quotation mark, more often not.
pub(crate) const APOSTROPHE: char = '\'';

/// Marks that can open a quotation at the start of a line (a quoted headline or heading).
pub(crate) const OPENING: &[char] = &['„', '“', '"', '»', '«', '‚'];

/// Marks that can close a quotation, so may follow a sentence's last word.
pub(crate) const CLOSING: &[char] = &['“', '”', '"', '»', '«', '‘', '’'];

/// The opening mark of each double style as German texts use it: `„…“`, `“…”`, `"…"`, `»…«`.
pub(crate) const DOUBLE_OPENING: &[char] = &['„', '“', '"', '»'];

/// Whether `c` is a quotation mark, and of which family and style; `None` for other characters
/// (the apostrophe included: see [`is_quotation_mark`]).
pub(crate) fn mark_style(c: char) -> Option<(Family, Style)> {
    match c {
        '„' => Some((Family::Double, Style::AlwaysOpens)),
        '“' | '”' | '"' | '»' | '«' => Some((Family::Double, Style::Either)),
        '‚' => Some((Family::Single, Style::AlwaysOpens)),
        '‘' | '›' | '‹' => Some((Family::Single, Style::Either)),
        '’' => Some((Family::Single, Style::AlwaysCloses)),
        _ => None,
    }
}

/// Any quotation mark, the apostrophe included.
pub(crate) fn is_quotation_mark(c: char) -> bool {
    mark_style(c).is_some() || c == APOSTROPHE
}

/// A double mark that can close a quotation (`“ ” " » «`).
pub(crate) fn closes_double(c: char) -> bool {
    CLOSING.contains(&c) && mark_style(c).is_some_and(|(family, _)| family == Family::Double)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_agree_with_the_styles() {
        for &c in OPENING.iter().chain(DOUBLE_OPENING) {
            assert!(mark_style(c).is_some_and(|(_, style)| style != Style::AlwaysCloses), "{c}");
        }
        for &c in CLOSING {
            assert!(mark_style(c).is_some_and(|(_, style)| style != Style::AlwaysOpens), "{c}");
        }
        let doubles: String =
            ['“', '”', '"', '»', '«', '‘', '’', '„'].into_iter().filter(|&c| closes_double(c)).collect();
        assert_eq!(doubles, "“”\"»«");
        assert!(is_quotation_mark(APOSTROPHE) && !is_quotation_mark('a'));
    }
}
