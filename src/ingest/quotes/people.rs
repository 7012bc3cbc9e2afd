//! Reading a person at a position: `[der|die [adjectives]] [Role] [Name] [(Party)] [, Role
//! phrase]`.
//!
//! Works on a run of capitalised words, titles and initials ("Landrat Dr. Klaus Effing"),
//! splits it into a leading role and a name, and reads what may follow: a party in
//! parentheses, a role phrase after a comma ("Tilman Fuchs, Sozialdezernent des Kreises"), or
//! the complement of a role on its own ("die Leiterin des Jugendamtes, Anna Muster").

use super::attribution::MAX_PARENTHESIS_BYTES;
use super::text::{ceil_boundary, collapse, spaces_at, word_at};
use super::words::{
    is_adjective, is_capitalized, is_role_prefix, is_role_word, looks_like_noun, ARTICLES, HONORIFICS,
    NOT_NAMES, PARTICLES, ROLE_COMPLEMENTS, TITLES,
};
use crate::ingest::german::quotation_marks::{closes_double, DOUBLE_OPENING};
use crate::ingest::german::sentences::is_sentence_end;

/// Longest role phrase taken after a name ("Leiterin des Kreisjugendamtes").
const MAX_ROLE_BYTES: usize = 140;

/// A person as an attribution or the text names them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Person {
    pub(super) name: Option<String>,
    pub(super) role: Option<String>,
    /// Byte offset just after the person's phrase.
    pub(super) end: usize,
    /// The name carries an academic title.
    pub(super) titled: bool,
    /// Words in the name, titles not counted.
    pub(super) name_words: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum TokKind {
    Title,
    Initial,
    Particle,
    Word,
}

/// Fewest letters of an occupation noun recognised by its ending alone.
const MIN_OCCUPATION_CHARS: usize = 9;

/// One token of a run of capitalised words ("Landrat", "Dr.", "Klaus", "Effing").
#[derive(Clone, Copy, Debug)]
struct Tok<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: TokKind,
}

/// Reads a person at `pos`: `[der|die [adjectives]] [Role] [Name] [(Party)] [, Role phrase]`,
/// e.g. "Landrat Dr. Klaus Effing", "Tilman Fuchs, Sozialdezernent des Kreises",
/// "der grüne Sozialpolitiker", "die Leiterin des Jugendamtes, Anna Muster". With
/// `allow_article` a leading article must introduce a role.
pub(super) fn parse_person(text: &str, pos: usize, allow_article: bool) -> Option<Person> {
    let (p, article, role_from) = match allow_article.then(|| article_and_adjectives(text, pos)).flatten() {
        Some((p, role_from)) => (p, true, role_from),
        None => (pos, false, None),
    };
    let toks = cap_sequence(text, p);
    let (role_range, name_from) = split_role_name(&toks, article)?;
    if article && role_range.is_none() {
        return None; // "die Stadt", "das Ministerium"
    }
    let mut person = Person { end: p, ..Person::default() };
    let mut role_start = p;
    if let Some((a, b)) = role_range {
        role_start = role_from.unwrap_or(toks[a].start);
        person.role = Some(without_place_genitive(&collapse(&text[role_start..toks[b].end])));
        person.end = toks[b].end;
    }
    let name_toks = &toks[name_from..];
    // `Fachbereichsleiter Jugend, Schule und Sport Hans Meier`: the word after the role opens an
    // enumeration that belongs to it, and the name follows the enumeration.
    if let (Some(_), [only]) = (role_range, name_toks) {
        if let Some((enumeration_end, named_after)) = enumeration_then_name(text, only.end) {
            person.role = Some(collapse(&text[role_start..enumeration_end]));
            person.name = named_after.name;
            person.titled = named_after.titled;
            person.name_words = named_after.name_words;
            person.end = named_after.end;
            return Some(person);
        }
    }
    if let (Some(first), Some(last)) = (name_toks.first(), name_toks.last()) {
        if is_valid_name(name_toks) {
            person.name = Some(collapse(&text[first.start..last.end]));
            person.titled =
                name_toks.iter().any(|t| t.kind == TokKind::Title && !HONORIFICS.contains(&t.text));
            person.name_words = name_toks.iter().filter(|t| t.kind == TokKind::Word).count();
            person.end = last.end;
        }
    }
    if person.name.is_none() && person.role.is_none() {
        return None;
    }
    if person.name.is_some() {
        let (end, role) = party_or_role_in_parentheses(text, person.end);
        person.end = end;
        if person.role.is_none() {
            person.role = role;
        }
    } else {
        // A role on its own may go on: "der Landrat des Kreises", "die Koordinatorin „KeKiz“".
        let (end, name) = role_complement(text, person.end);
        if end > person.end {
            person.role = Some(collapse(&text[role_start..end]));
            person.end = end;
        }
        if let Some(named) = name {
            person = Person { role: person.role, ..named };
        }
    }
    if let Some(after) = after_comma(text, person.end) {
        if person.name.is_some() && person.role.is_none() {
            if let Some((role, end)) = role_phrase(text, after) {
                person.role = Some(role);
                person.end = end;
            }
        } else if person.name.is_none() {
            if let Some(named) = name_phrase(text, after) {
                person.name = named.name;
                person.titled = named.titled;
                person.name_words = named.name_words;
                person.end = named.end;
            }
        }
    }
    Some(person)
}

/// A role without the place it is written with in the genitive (`Wuppertals Jugendamtsleiter`
/// → `Jugendamtsleiter`, `Lippes Landrat`): the place is the municipality's, not the office's.
fn without_place_genitive(role: &str) -> String {
    match role.split_once(' ') {
        Some((first, rest))
            if first.len() > 2
                && first.ends_with('s')
                && is_capitalized(first)
                && !is_role_word(first, true)
                && rest.split_whitespace().next().is_some_and(|w| is_role_word(w, false)) =>
        {
            rest.to_string()
        }
        _ => role.to_string(),
    }
}

/// "der grüne " before a role: where the role's capitalised word starts, and where adjectives
/// that belong to the role start (if any). `None` when there is no article.
fn article_and_adjectives(text: &str, pos: usize) -> Option<(usize, Option<usize>)> {
    let (word, end) = word_at(text, pos)?;
    let gap = spaces_at(text, end);
    if !ARTICLES.contains(&word.to_lowercase().as_str()) || gap == 0 {
        return None;
    }
    let mut p = end + gap;
    let mut adjectives_from = None;
    for _ in 0..2 {
        let Some((_, end)) = word_at(text, p).filter(|(w, _)| is_adjective(w)) else { break };
        let gap = spaces_at(text, end);
        if gap == 0 {
            break;
        }
        adjectives_from.get_or_insert(p);
        p = end + gap;
    }
    Some((p, adjectives_from))
}

/// Reads a run of capitalised words, titles and initials separated by single spaces on one line.
fn cap_sequence(text: &str, pos: usize) -> Vec<Tok<'_>> {
    let mut toks: Vec<Tok> = Vec::new();
    let mut p = pos;
    while toks.len() < 10 {
        let Some((word, end)) = word_at(text, p) else { break };
        let dot = text[end..].starts_with('.');
        let words = toks.iter().filter(|t| t.kind == TokKind::Word).count();
        let tok = if dot && TITLES.contains(&word) {
            Tok { text: &text[p..end + 1], start: p, end: end + 1, kind: TokKind::Title }
        } else if HONORIFICS.contains(&word) && words == 0 {
            Tok { text: word, start: p, end, kind: TokKind::Title }
        } else if dot && words > 0 && word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
            Tok { text: &text[p..end + 1], start: p, end: end + 1, kind: TokKind::Initial }
        } else if is_capitalized(word) {
            Tok { text: word, start: p, end, kind: TokKind::Word }
        } else if let Some(particle_end) = particle_at(text, p, &toks) {
            Tok { text: &text[p..particle_end], start: p, end: particle_end, kind: TokKind::Particle }
        } else {
            break;
        };
        toks.push(tok);
        p = tok.end;
        let gap = spaces_at(text, p);
        if gap == 0 && tok.kind != TokKind::Title {
            break;
        }
        if !text[p + gap..].chars().next().is_some_and(char::is_alphabetic) {
            break;
        }
        p += gap;
    }
    while toks.last().is_some_and(|t| t.kind != TokKind::Word) {
        toks.pop();
    }
    toks
}

/// "von", "van der", "de" between a first name and a surname: only after exactly one name word
/// and before a capitalised one. Returns where the particle ends.
fn particle_at(text: &str, p: usize, toks: &[Tok]) -> Option<usize> {
    let (word, mut end) = word_at(text, p)?;
    let only_first_name = toks.iter().filter(|t| t.kind == TokKind::Word).count() == 1
        && toks.last().is_some_and(|t| t.kind == TokKind::Word && !is_role_word(t.text, true));
    if !only_first_name || !PARTICLES.contains(&word) {
        return None;
    }
    let mut q = end + spaces_at(text, end);
    if let Some((_, article_end)) = word_at(text, q).filter(|(w, _)| matches!(*w, "der" | "den")) {
        end = article_end;
        q = end + spaces_at(text, end);
    }
    let (next, _) = word_at(text, q)?;
    (q > end && is_capitalized(next) && !is_role_word(next, true)).then_some(end)
}

/// Splits a capitalised run into a leading role ("Erster Beigeordneter", "Landrat") and the
/// name after it. `None` when the run starts with words that are neither. A noun no office
/// list knows describes the person before a full name when an article stands before it (`der
/// Vater Oliver Broek`, `die Schülerin Lea Maier`: names take no article) or when it has the
/// ending of a woman's occupation (`Quartiersmanagerin Maike Müller`, even misspelled:
/// `Netzwerkkoodinatorin`).
fn split_role_name(toks: &[Tok], after_article: bool) -> Option<(Option<(usize, usize)>, usize)> {
    if toks.is_empty() {
        return None;
    }
    let first_role = toks.iter().take(3).position(|t| t.kind == TokKind::Word && is_role_word(t.text, true));
    let Some(r) = first_role else {
        let describes = toks.len() >= 3
            && toks[0].kind == TokKind::Word
            && (after_article || is_occupation_noun(toks[0].text))
            && !NOT_NAMES.contains(toks[0].text)
            && is_valid_name(&toks[1..]);
        return Some(if describes { (Some((0, 0)), 1) } else { (None, 0) });
    };
    if !toks[..r].iter().all(|t| t.kind == TokKind::Word && is_role_prefix(t.text)) {
        return None;
    }
    let mut last = r;
    while toks.get(last + 1).is_some_and(|t| t.kind == TokKind::Word && is_role_word(t.text, true)) {
        last += 1;
    }
    Some((Some((0, last)), last + 1))
}

/// A long word with the ending of a woman's occupation (`Stadtjugendpflegerin`,
/// `Quartiersmanagerin`): no first name ends so.
fn is_occupation_noun(word: &str) -> bool {
    word.chars().count() >= MIN_OCCUPATION_CHARS
        && ["erin", "orin", "entin", "antin", "istin", "eurin"].iter().any(|e| word.ends_with(e))
}

/// A name: one to five words, none of them a role, a function word, a common noun or a
/// compound led by an abbreviation (`Hartz IV-Haushalten`, `NRW-Landesprogramm`).
fn is_valid_name(toks: &[Tok]) -> bool {
    let words: Vec<&str> = toks.iter().filter(|t| t.kind == TokKind::Word).map(|t| t.text).collect();
    !words.is_empty()
        && words.len() <= 5
        && toks.first().is_some_and(|t| t.kind != TokKind::Particle)
        && words.iter().all(|w| {
            !is_role_word(w, true) && !NOT_NAMES.contains(w) && !looks_like_noun(w) && !abbreviation_led(w)
        })
}

/// `IV-Haushalten`, `NRW-Programm`: an upper-case abbreviation, a hyphen and more.
fn abbreviation_led(word: &str) -> bool {
    word.split_once('-').is_some_and(|(lead, rest)| {
        !rest.is_empty() && lead.chars().count() >= 2 && lead.chars().all(|c| c.is_uppercase())
    })
}

/// `Name (SPD)` or `Name (Leiter des Jugendamtes, …)`: skips a short parenthesis after a name and
/// returns where it ends and the role it holds, if any.
fn party_or_role_in_parentheses(text: &str, pos: usize) -> (usize, Option<String>) {
    let p = pos + spaces_at(text, pos);
    if !text[p..].starts_with('(') {
        return (pos, None);
    }
    let window = &text[p..ceil_boundary(text, p + MAX_PARENTHESIS_BYTES)];
    let Some(close) = window.find(')') else { return (pos, None) };
    let inner = &window[1..close];
    if inner.contains(['\n', '(']) {
        return (pos, None);
    }
    let role = role_phrase(text, p + 1).map(|(role, _)| role);
    (p + close + 1, role)
}

/// `, ` after `pos` (no line break): where the text after the comma starts.
fn after_comma(text: &str, pos: usize) -> Option<usize> {
    let rest = text.get(pos..)?;
    let after = rest.strip_prefix(',')?;
    let gap = spaces_at(after, 0);
    (gap > 0).then_some(pos + 1 + gap)
}

/// A role phrase after a name and a comma: starts with a role word and runs to the end of the
/// clause ("Projektkoordinatorin „KeKiz“ im Kreisjugendamt", "Leiterin des Kreisjugendamtes").
pub(super) fn role_phrase(text: &str, pos: usize) -> Option<(String, usize)> {
    let mut p = pos;
    if let Some((word, end)) = word_at(text, p) {
        if matches!(word, "der" | "die") && spaces_at(text, end) > 0 {
            p = end + spaces_at(text, end);
        }
    }
    let toks = cap_sequence(text, p);
    let (role, _) = split_role_name(&toks, false)?;
    role?;
    let end = clause_end(text, p);
    let phrase = collapse(&text[p..end]);
    (!phrase.is_empty()).then(|| (phrase.trim_end_matches(['.', ' ']).to_string(), end))
}

/// Where a clause starting at `pos` ends: before a comma, semicolon, colon, parenthesis, line
/// break, dash or sentence end; cut at a word boundary when very long.
fn clause_end(text: &str, pos: usize) -> usize {
    let limit = pos + MAX_ROLE_BYTES;
    let mut last_space = None;
    for (k, c) in text[pos..].char_indices() {
        let i = pos + k;
        if i >= limit {
            return last_space.unwrap_or(i);
        }
        match c {
            ',' if enumeration_goes_on(text, i + 1) => {}
            ',' | ';' | ':' | '!' | '?' | '\n' | '\r' | '(' | ')' | '|' => return trim_end_at(text, pos, i),
            '.' if is_sentence_end(text, i) => return trim_end_at(text, pos, i),
            '–' | '—' if last_space == Some(i.saturating_sub(1)) => return trim_end_at(text, pos, i),
            c if c.is_whitespace() => last_space = Some(i),
            _ => {}
        }
    }
    trim_end_at(text, pos, text.len())
}

/// Whether the comma before `pos` separates the items of an enumeration of nouns that belongs
/// to the role (`Fachbereichsleiter Jugend, Schule und Sport`): capitalised items, up to four,
/// the last joined by "und", "sowie" or "oder" to a capitalised word.
fn enumeration_goes_on(text: &str, pos: usize) -> bool {
    let mut p = pos;
    for _ in 0..4 {
        let rest = &text[p..];
        let item_len = rest.find([',', ';', ':', '.', '!', '?', '\n', '(', ')', '–']).unwrap_or(rest.len());
        let words: Vec<&str> = rest[..item_len].split_whitespace().collect();
        if words.is_empty() || words.len() > 6 || !is_capitalized(words[0]) {
            return false;
        }
        let joined = words
            .windows(2)
            .any(|pair| matches!(pair[0], "und" | "sowie" | "oder") && is_capitalized(pair[1]));
        if joined {
            return true;
        }
        if !rest[item_len..].starts_with(',') || words.len() > 2 {
            return false;
        }
        p += item_len + 1;
    }
    false
}

/// After the first item of a role's enumeration (ending at `pos`): where the enumeration ends
/// (`…, Schule und Sport`) and the full name right after it, if both are there.
fn enumeration_then_name(text: &str, pos: usize) -> Option<(usize, Person)> {
    if !text[pos..].starts_with(',') || !enumeration_goes_on(text, pos + 1) {
        return None;
    }
    let rest = &text[pos..];
    let joint =
        [" und ", " sowie ", " oder "].iter().filter_map(|j| rest.find(j).map(|i| i + j.len())).min()?;
    let (_, last_item_end) = word_at(text, pos + joint)?;
    let q = last_item_end + spaces_at(text, last_item_end);
    let toks = cap_sequence(text, q);
    let person = named(text, &toks).filter(|_| is_valid_name(&toks) && q > last_item_end)?;
    Some((last_item_end, person))
}

fn trim_end_at(text: &str, from: usize, to: usize) -> usize {
    from + text[from..to].trim_end().len()
}

/// A name after a role and a comma: "die Leiterin des Jugendamtes, Anna Muster".
fn name_phrase(text: &str, pos: usize) -> Option<Person> {
    let toks = cap_sequence(text, pos);
    let (role, _) = split_role_name(&toks, false)?;
    if role.is_some() || !is_valid_name(&toks) {
        return None;
    }
    named(text, &toks)
}

/// What may follow a role on its own: "des Kreises Steinfurt", "im Kreisjugendamt", "„KeKiz“".
/// Returns where it ends and a name that ends it ("die Leiterin des Jugendamtes Anna Muster").
fn role_complement(text: &str, pos: usize) -> (usize, Option<Person>) {
    let mut end = pos;
    for _ in 0..3 {
        let gap = spaces_at(text, end);
        if gap == 0 {
            break;
        }
        let p = end + gap;
        if text[p..].starts_with(DOUBLE_OPENING) {
            match short_quoted_term_end(text, p) {
                Some(close) => {
                    end = close;
                    continue;
                }
                None => break,
            }
        }
        let Some((word, word_end)) = word_at(text, p) else { break };
        if !ROLE_COMPLEMENTS.contains(&word) || spaces_at(text, word_end) == 0 {
            break;
        }
        let mut q = word_end + spaces_at(text, word_end);
        if let Some((_, article_end)) = word_at(text, q).filter(|(w, _)| ARTICLES.contains(w) || *w == "das")
        {
            if spaces_at(text, article_end) == 0 {
                break;
            }
            q = article_end + spaces_at(text, article_end);
        }
        let toks = cap_sequence(text, q);
        // "des Jugendamtes Anna Muster": a name after the institution is the person's; the
        // shortest full name at the end, so that an institution's name of several words stays
        // whole ("der Frühen Hilfen Gudula Kohn", not "Hilfen Gudula Kohn").
        let name_from = (1..toks.len()).rev().find(|&k| {
            let tail = &toks[k..];
            toks[k - 1].kind == TokKind::Word && is_valid_name(tail) && named(text, tail).is_some()
        });
        if let Some(k) = name_from {
            return (toks[k - 1].end, named(text, &toks[k..]));
        }
        let Some(last) = toks.iter().rev().find(|t| t.kind == TokKind::Word) else { break };
        end = last.end;
    }
    (end, None)
}

/// The person a run of name tokens names, if it is a full name (two words) or has a title.
fn named(text: &str, toks: &[Tok]) -> Option<Person> {
    let (first, last) = (toks.first()?, toks.last()?);
    let titled = toks.iter().any(|t| t.kind == TokKind::Title && !HONORIFICS.contains(&t.text));
    let name_words = toks.iter().filter(|t| t.kind == TokKind::Word).count();
    let name = Some(collapse(&text[first.start..last.end]));
    (name_words >= 2 || titled).then_some(Person { name, role: None, end: last.end, titled, name_words })
}

/// The end of a short quoted term („KeKiz“) opening at `p`, on the same line.
fn short_quoted_term_end(text: &str, p: usize) -> Option<usize> {
    let window = &text[p..ceil_boundary(text, p + 60)];
    let mut chars = window.char_indices();
    chars.next()?;
    for (k, c) in chars {
        if c == '\n' {
            return None;
        }
        if closes_double(c) {
            return Some(p + k + c.len_utf8());
        }
    }
    None
}
