//! Pages: which page of a paged document (PDF) a passage or a quote is on.
//!
//! The reader knows where each page starts in the text it returns. The ingest stages after it
//! change that text: boilerplate removal drops or shortens whole lines, the passage splitter
//! joins lines and removes labels. So page starts are carried over line by line to the
//! cleaned text ([`PageStarts::carried_to`]), and a passage is placed by finding its first
//! words in the cleaned text, in order ([`PageStarts::of_passages`]). A passage that cannot
//! be found gets the page of the passage before it.

/// Where each page starts in a text: byte offsets, page 1 first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageStarts(pub Vec<usize>);

/// How many words of a passage are looked for to place it.
const PLACING_WORDS: usize = 6;

impl PageStarts {
    /// True for a text without pages.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The page (from 1) the byte at `offset` is on; None for a text without pages.
    pub fn page_at(&self, offset: usize) -> Option<u32> {
        if self.0.is_empty() {
            return None;
        }
        let index = self.0.partition_point(|&start| start <= offset).max(1);
        Some(index as u32)
    }

    /// The page starts in `cleaned`, a copy of `original` with some lines removed or cut
    /// short (boilerplate removal). Each cleaned line is matched to the next original line
    /// it is a prefix of; a page starts at its first surviving line.
    pub fn carried_to(&self, original: &str, cleaned: &str) -> PageStarts {
        if self.0.is_empty() {
            return PageStarts::default();
        }
        let originals: Vec<(usize, &str)> = line_offsets(original).collect();
        let mut starts = vec![None; self.0.len()];
        let mut next_original = 0;
        for (offset, line) in line_offsets(cleaned) {
            let Some(found) = (next_original..originals.len()).find(|&i| originals[i].1.starts_with(line))
            else {
                continue;
            };
            next_original = found + 1;
            let page = self.page_at(originals[found].0).unwrap_or(1) as usize;
            for start in starts.iter_mut().take(page) {
                start.get_or_insert(offset);
            }
        }
        // Pages with no surviving line start where the next one does (or at the end).
        let mut carried = vec![cleaned.len(); starts.len()];
        let mut following = cleaned.len();
        for i in (0..starts.len()).rev() {
            following = starts[i].map_or(following, |s| s.min(following));
            carried[i] = following;
        }
        PageStarts(carried)
    }

    /// The page of each passage text, placed in order in `text` (the cleaned document text).
    pub fn of_passages<'p>(&self, text: &str, passages: impl Iterator<Item = &'p str>) -> Vec<Option<u32>> {
        if self.0.is_empty() {
            return passages.map(|_| None).collect();
        }
        let words: Vec<(usize, &str)> = words_of(text).collect();
        let mut cursor = 0;
        let mut last = Some(1);
        passages
            .map(|passage| {
                let wanted: Vec<&str> = words_of(passage).map(|(_, w)| w).take(PLACING_WORDS).collect();
                let found = find_run(&words, &wanted, cursor).or_else(|| find_run(&words, &wanted, 0));
                if let Some(at) = found {
                    cursor = at;
                    last = self.page_at(words[at].0);
                }
                last
            })
            .collect()
    }
}

/// Each line with the byte offset it starts at.
fn line_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split('\n').scan(0, |offset, line| {
        let start = *offset;
        *offset += line.len() + 1;
        Some((start, line.trim_end()))
    })
}

/// The alphanumeric words of a text with their byte offsets.
fn words_of(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphanumeric())
        .scan(0, move |_, word| {
            let start = word.as_ptr() as usize - text.as_ptr() as usize;
            Some((start, word))
        })
        .filter(|(_, word)| !word.is_empty())
}

/// The index of the first word of `wanted` as a run in `words`, at or after `from`.
fn find_run(words: &[(usize, &str)], wanted: &[&str], from: usize) -> Option<usize> {
    if wanted.is_empty() || words.len() < wanted.len() {
        return None;
    }
    (from..=words.len() - wanted.len())
        .find(|&i| wanted.iter().enumerate().all(|(k, w)| words[i + k].1 == *w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_pages() {
        let pages = PageStarts(vec![0, 10, 10, 25]);
        let cases = [(0, 1), (9, 1), (10, 3), (24, 3), (25, 4), (999, 4)];
        for (offset, page) in cases {
            assert_eq!(pages.page_at(offset), Some(page), "offset {offset}");
        }
        assert_eq!(PageStarts::default().page_at(3), None);
    }

    #[test]
    fn page_starts_follow_removed_and_shortened_lines() {
        let original = "Startseite\nLeitbild\nWir stärken Kinder.\nKontakt weiterlesen...\nZiele\n";
        // Page 2 starts at "Wir", page 3 at "Ziele".
        let pages = PageStarts(vec![0, original.find("Wir").unwrap(), original.find("Ziele").unwrap()]);
        let cleaned = "Leitbild\nWir stärken Kinder.\nKontakt\nZiele\n";
        let expected = vec![0, cleaned.find("Wir").unwrap(), cleaned.find("Ziele").unwrap()];
        assert_eq!(pages.carried_to(original, cleaned), PageStarts(expected));
    }

    #[test]
    fn passages_are_placed_by_their_first_words() {
        let text = "Leitbild\n\nWir stärken Kinder und Familien.\n\nÜbergänge gestalten wir gemeinsam.";
        let pages = PageStarts(vec![0, 10, 45]);
        let passages = [
            "Wir stärken Kinder und Familien.",
            "Übergänge gestalten wir gemeinsam.",
            "Ein Text, der nirgends steht",
        ];
        assert_eq!(pages.of_passages(text, passages.into_iter()), vec![Some(2), Some(3), Some(3)]);
    }
}
