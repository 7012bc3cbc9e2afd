//! Programme figures of a profile page: the year the municipality joined, its population and
//! its number of children under 18.
//!
//! Profile pages give them as labels with the value on the same or the next line
//! ("Einwohnerzahl:" / "ca 445.000 Menschen"). Some scrapes lost the labels and squeezed both
//! numbers into one line near the top ("258.760,46.180"); that form is read only when it is
//! plausible as population and children (children a sensible share of the population), because
//! an unlabeled pair of numbers can be anything.

use std::sync::LazyLock;

use regex::Regex;

use super::page::Page;
use crate::ingest::german::template::{CHILDREN_FORMS, POPULATION_FORMS, YEAR_JOINED_FORMS};

/// How many lines the squeezed, unlabeled figures may sit below the top.
const SQUEEZED_WINDOW: usize = 8;
/// Children under 18 are roughly 15–20 % of a German population; anything outside 5–40 % is
/// taken to be some other pair of numbers.
const CHILD_SHARE_PERCENT: std::ops::RangeInclusive<u64> = 5..=40;

static YEAR_JOINED: LazyLock<Regex> = LazyLock::new(|| label(YEAR_JOINED_FORMS));
static POPULATION: LazyLock<Regex> = LazyLock::new(|| label(POPULATION_FORMS));
static CHILDREN: LazyLock<Regex> = LazyLock::new(|| label(CHILDREN_FORMS));
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(19[5-9]\d|20\d\d)\b").expect("valid regex"));
static MILLIONS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d+(?:,\d+)?)\s*(?:Mio\b\.?|Millionen)").expect("valid regex"));
static COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{1,3}(?:[.\u{a0}\u{202f} ]\d{3})+\b|\d+").expect("valid regex"));
static SQUEEZED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,3}(?:\.\d{3})+)\s*[,;/|]\s*(\d{1,3}(?:\.\d{3})+)$").expect("valid regex")
});

/// A label at the start of a line: either with a colon and maybe the value after it, or alone
/// on its line (the value is then on the next line).
fn label(name: &str) -> Regex {
    Regex::new(&format!(r"(?i)^{name}\s*(?::\s*(.*)|$)")).expect("valid regex")
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Figures {
    pub year_joined: Option<u16>,
    pub population: Option<u64>,
    pub children_under_18: Option<u64>,
}

pub(super) fn extract(page: &Page) -> Figures {
    let mut figures = Figures {
        year_joined: labelled(page, &YEAR_JOINED).and_then(parse_year),
        population: labelled(page, &POPULATION).and_then(parse_count),
        children_under_18: labelled(page, &CHILDREN).and_then(parse_count),
    };
    if figures.population.is_none() && figures.children_under_18.is_none() {
        if let Some((population, children)) = squeezed(page) {
            figures.population = Some(population);
            figures.children_under_18 = Some(children);
        }
    }
    figures
}

/// The value of the first line with this label: the rest of the line, or the next line unless
/// that is itself a label.
fn labelled<'a>(page: &Page<'a>, label: &Regex) -> Option<&'a str> {
    let index = page.lines.iter().position(|line| label.is_match(line))?;
    let rest = label.captures(page.lines[index])?.get(1).map_or("", |m| m.as_str()).trim();
    if !rest.is_empty() {
        return Some(rest);
    }
    page.lines.get(index + 1).copied().filter(|next| !next.ends_with(':'))
}

fn parse_year(value: &str) -> Option<u16> {
    YEAR.captures(value)?[1].parse().ok()
}

/// The first count in a value: "ca 445.000 Menschen" → 445000, "1,2 Mio." → 1200000.
pub(super) fn parse_count(value: &str) -> Option<u64> {
    if let Some(c) = MILLIONS.captures(value) {
        let number: f64 = c[1].replace(',', ".").parse().ok()?;
        return Some((number * 1_000_000.0).round() as u64);
    }
    let digits: String = COUNT.find(value)?.as_str().chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|n| *n > 0)
}

/// "258.760,46.180" near the top → (258760, 46180), when plausible.
fn squeezed(page: &Page) -> Option<(u64, u64)> {
    page.lines.iter().take(SQUEEZED_WINDOW).find_map(|line| {
        let c = SQUEEZED.captures(line)?;
        let population = parse_count(&c[1])?;
        let children = parse_count(&c[2])?;
        let share = children.checked_mul(100)? / population;
        (children < population && CHILD_SHARE_PERCENT.contains(&share)).then_some((population, children))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> (Option<u16>, Option<u64>, Option<u64>) {
        let f = extract(&Page::new(text));
        (f.year_joined, f.population, f.children_under_18)
    }

    #[test]
    fn labelled_and_squeezed() {
        // (text, (year joined, population, children under 18))
        let cases = [
            ("Seit wann dabei:\n\n2012\n\nEinwohnerzahl:\n\nca 445.000 Menschen\n\nKinder unter 18:\n\nca. 45.172 Kind", (Some(2012), Some(445_000), Some(45_172))),
            ("Seit wann dabei: 2017\nEinwohnerzahl: 220.586\nKinder unter 18: 38.354", (Some(2017), Some(220_586), Some(38_354))),
            ("Einwohnerzahl:\n1,2 Mio. Menschen", (None, Some(1_200_000), None)),
            ("Einwohner: 445 000", (None, Some(445_000), None)),
            ("Seit wann dabei?\nseit 2020", (Some(2020), None, None)),
            // Label without value: the next line is another label, not a value.
            ("Einwohnerzahl:\nKinder unter 18:\n38.354", (None, None, Some(38_354))),
            ("Login\n258.760,46.180\n\nKreis Düren", (None, Some(258_760), Some(46_180))),
            ("596.575,94.472\nKreis X", (None, Some(596_575), Some(94_472))),
            // Squeezed pairs that are not figures: children not a plausible share, a phone
            // number, money, a pair far down the page.
            ("46.180,258.760", (None, None, None)),
            ("258.760,1.180", (None, None, None)),
            ("T +49 2551 69-2393", (None, None, None)),
            ("Kosten: 2.100,50 Euro", (None, None, None)),
            ("a\nb\nc\nd\ne\nf\ng\nh\ni\n258.760,46.180", (None, None, None)),
            // Running text mentioning the words is not a label.
            ("Die Einwohnerzahl ist gestiegen.\nKinder unter 18 Jahren leben hier.", (None, None, None)),
            ("", (None, None, None)),
        ];
        for (text, expected) in cases {
            assert_eq!(figures(text), expected, "figures of {text:?}");
        }
    }
}
