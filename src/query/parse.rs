//! The user's query syntax: words, `"quoted phrases"`, `-excluded` words or phrases and
//! `+required` ones. Any string parses: an unbalanced quote runs to the end of the query,
//! a lone operator is ignored, punctuation is left to the analyzer (which drops it).

/// One part of a parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The words as the user wrote them (one word, or the inside of a phrase).
    pub text: String,
    pub is_phrase: bool,
    pub occur: Occurrence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occurrence {
    /// Ranks hits: the more of these match, the higher (BM25).
    Should,
    /// A hit must match it (`+word`, and every `"phrase"`).
    Must,
    /// A hit must not match it (`-word`, `-"phrase"`).
    MustNot,
}

/// Splits a query string into clauses.
pub fn parse(query: &str) -> Vec<Clause> {
    let chars: Vec<char> = query.chars().collect();
    let mut clauses = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let mut occur = Occurrence::Should;
        if matches!(chars[i], '-' | '+') && chars.get(i + 1).is_some_and(|c| !c.is_whitespace()) {
            occur = if chars[i] == '-' { Occurrence::MustNot } else { Occurrence::Must };
            i += 1;
        }
        if is_quote(chars[i]) {
            let end = (i + 1..chars.len()).find(|&j| is_quote(chars[j])).unwrap_or(chars.len());
            let text: String = chars[i + 1..end].iter().collect();
            if occur == Occurrence::Should {
                occur = Occurrence::Must;
            }
            clauses.push(Clause { text: text.trim().to_string(), is_phrase: true, occur });
            i = end + 1;
        } else {
            let end = (i..chars.len())
                .find(|&j| chars[j].is_whitespace() || is_quote(chars[j]))
                .unwrap_or(chars.len());
            let text: String = chars[i..end].iter().collect();
            clauses.push(Clause { text, is_phrase: false, occur });
            i = end;
        }
    }
    clauses.retain(|c| !c.text.is_empty());
    clauses
}

/// Straight and typographic double quotes all delimit phrases.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '„' | '“' | '”' | '«' | '»')
}

#[cfg(test)]
mod tests {
    use super::Occurrence::*;
    use super::*;

    fn clause(text: &str, is_phrase: bool, occur: Occurrence) -> Clause {
        Clause { text: text.into(), is_phrase, occur }
    }

    #[test]
    fn parses_words_phrases_and_operators() {
        let cases: &[(&str, Vec<Clause>)] = &[
            ("Übergänge", vec![clause("Übergänge", false, Should)]),
            ("Frühe Hilfen", vec![clause("Frühe", false, Should), clause("Hilfen", false, Should)]),
            (
                "\"Frühe Hilfen\" Düren",
                vec![clause("Frühe Hilfen", true, Must), clause("Düren", false, Should)],
            ),
            ("„Kultur des Übergangs“", vec![clause("Kultur des Übergangs", true, Must)]),
            ("Kinder -Jugend", vec![clause("Kinder", false, Should), clause("Jugend", false, MustNot)]),
            ("+Kita Schule", vec![clause("Kita", false, Must), clause("Schule", false, Should)]),
            (
                "-\"Kein Kind\" Prävention",
                vec![clause("Kein Kind", true, MustNot), clause("Prävention", false, Should)],
            ),
            (
                "Kinder- und Jugendhilfe",
                vec![
                    clause("Kinder-", false, Should),
                    clause("und", false, Should),
                    clause("Jugendhilfe", false, Should),
                ],
            ),
        ];
        for (query, expected) in cases {
            assert_eq!(&parse(query), expected, "parsing {query:?}");
        }
    }

    #[test]
    fn broken_queries_still_parse() {
        assert_eq!(
            parse("\"Frühe Hilfen"),
            vec![clause("Frühe Hilfen", true, Must)],
            "unbalanced quote runs to the end"
        );
        assert_eq!(
            parse(" - + "),
            vec![clause("-", false, Should), clause("+", false, Should)],
            "lone operators are plain text"
        );
        assert!(parse("").is_empty());
        assert!(parse("\"\"").is_empty(), "an empty phrase is dropped");
        assert_eq!(parse("?!").len(), 1, "punctuation is left to the analyzer");
    }
}
