//! BM25 for a term whose passage length is counted in words, not in index terms.
//!
//! The German analyzer stacks several terms on one word (stem, `~parts`, `^root`, gender
//! base …), and tantivy's own [`tantivy::query::TermQuery`] normalises by the field norm,
//! which counts every one of them: a passage full of compounds looks long and loses. A
//! [`WordNormTermQuery`] reads the term's postings in the analysed field and the length from
//! the field's word-count companion (see [`crate::index::schema`]), whose norm is the number
//! of words: Lucene's `discountOverlaps`. Phrase and written-apart matches keep tantivy's
//! phrase scorer (and so its term-count norms); they are a minority of a query's score.

use std::fmt;

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{Bm25StatisticsProvider, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, TantivyError, Term};

/// BM25's term-frequency saturation, tantivy's and Lucene's default. On the dev set 0.9 and
/// 1.5 measured 0.740 and 0.738 against 0.742: no reason to leave the default.
pub const K1: Score = 1.2;
/// BM25's length normalisation: 0 ignores the length, 1 divides by it fully. The default; on
/// the dev set 0.5 measured 0.745 and 0.9 0.733 against 0.742, within one query's noise.
pub const B: Score = 0.75;

/// A term of an analysed field, scored with BM25 over the word count in `words`.
#[derive(Clone)]
pub struct WordNormTermQuery {
    term: Term,
    words: Field,
}

impl WordNormTermQuery {
    /// `term` (of an analysed field) with the length of the passage in `words`.
    pub fn new(term: Term, words: Field) -> WordNormTermQuery {
        WordNormTermQuery { term, words }
    }
}

impl fmt::Debug for WordNormTermQuery {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "WordNormTermQuery({:?}, words in {:?})", self.term, self.words)
    }
}

impl Query for WordNormTermQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let bm25 = match enable_scoring {
            EnableScoring::Enabled { statistics_provider, .. } => {
                Some(Bm25::of_term(statistics_provider, &self.term, self.words)?)
            }
            EnableScoring::Disabled { .. } => None,
        };
        Ok(Box::new(WordNormTermWeight { term: self.term.clone(), words: self.words, bm25 }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        visitor(&self.term, false);
    }
}

/// BM25 of one term: its idf and the length part of the formula for every field norm id.
#[derive(Clone)]
struct Bm25 {
    idf: Score,
    doc_freq: u64,
    docs: u64,
    average_words: Score,
    /// `K1 * (1 - B + B * words / average_words)` per field norm id.
    length_part: [Score; 256],
}

impl Bm25 {
    fn of_term(statistics: &dyn Bm25StatisticsProvider, term: &Term, words: Field) -> tantivy::Result<Bm25> {
        let docs = statistics.total_num_docs()?;
        let doc_freq = statistics.doc_freq(term)?;
        let average_words = statistics.total_num_tokens(words)? as Score / docs.max(1) as Score;
        Ok(Bm25::new(doc_freq, docs, average_words))
    }

    fn new(doc_freq: u64, docs: u64, average_words: Score) -> Bm25 {
        let rest = docs.saturating_sub(doc_freq) as Score;
        let idf = (1.0 + (rest + 0.5) / (doc_freq as Score + 0.5)).ln();
        // An index with no words at all (every passage empty): no length normalisation.
        let average = if average_words > 0.0 { average_words } else { 1.0 };
        let mut length_part = [0.0; 256];
        for (id, part) in length_part.iter_mut().enumerate() {
            let words = FieldNormReader::id_to_fieldnorm(id as u8) as Score;
            *part = K1 * (1.0 - B + B * words / average);
        }
        Bm25 { idf, doc_freq, docs, average_words, length_part }
    }

    fn score(&self, norm_id: u8, term_freq: u32, boost: Score) -> Score {
        let tf = term_freq as Score;
        boost * self.idf * (K1 + 1.0) * tf / (tf + self.length_part[norm_id as usize])
    }

    fn explain(&self, norm_id: u8, term_freq: u32, boost: Score) -> Explanation {
        let mut explanation = Explanation::new(
            "BM25 over the word count, boost * idf * (k1 + 1) * tf-part",
            self.score(norm_id, term_freq, boost),
        );
        explanation.add_const("boost", boost);
        let mut idf = Explanation::new("idf, log(1 + (N - n + 0.5) / (n + 0.5))", self.idf);
        idf.add_const("n, passages with the term", self.doc_freq as Score);
        idf.add_const("N, passages", self.docs as Score);
        explanation.add_detail(idf);
        let tf = term_freq as Score;
        let mut tf_part = Explanation::new(
            "freq / (freq + k1 * (1 - b + b * words / average words))",
            tf / (tf + self.length_part[norm_id as usize]),
        );
        tf_part.add_const("freq, occurrences of the term", tf);
        tf_part.add_const("k1", K1);
        tf_part.add_const("b", B);
        tf_part.add_const("words, the passage's words", FieldNormReader::id_to_fieldnorm(norm_id) as Score);
        tf_part.add_const("average words", self.average_words);
        explanation.add_detail(tf_part);
        explanation
    }
}

struct WordNormTermWeight {
    term: Term,
    words: Field,
    /// None when scoring is off: every match scores 1.
    bm25: Option<Bm25>,
}

impl WordNormTermWeight {
    fn term_scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<WordNormTermScorer> {
        let option =
            if self.bm25.is_some() { IndexRecordOption::WithFreqs } else { IndexRecordOption::Basic };
        let postings = reader
            .inverted_index(self.term.field())?
            .read_postings(&self.term, option)?
            .unwrap_or_else(SegmentPostings::empty);
        let norms = match &self.bm25 {
            Some(_) => reader.fieldnorms_readers().get_field(self.words)?,
            None => None,
        }
        .unwrap_or_else(|| FieldNormReader::constant(reader.max_doc(), 1));
        Ok(WordNormTermScorer { postings, norms, bm25: self.bm25.clone(), boost })
    }
}

impl Weight for WordNormTermWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(self.term_scorer(reader, boost)?))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.term_scorer(reader, 1.0)?;
        if scorer.doc() > doc || scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!("document #({doc}) does not match")));
        }
        let mut explanation = match &scorer.bm25 {
            Some(bm25) => bm25.explain(scorer.norms.fieldnorm_id(doc), scorer.postings.term_freq(), 1.0),
            None => Explanation::new("<no score>", 1.0),
        };
        explanation.add_context(format!("Term={:?}", self.term));
        Ok(explanation)
    }
}

/// The term's postings scored with the word counts.
struct WordNormTermScorer {
    postings: SegmentPostings,
    norms: FieldNormReader,
    bm25: Option<Bm25>,
    boost: Score,
}

impl DocSet for WordNormTermScorer {
    fn advance(&mut self) -> DocId {
        self.postings.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.postings.seek(target)
    }

    fn doc(&self) -> DocId {
        self.postings.doc()
    }

    fn size_hint(&self) -> u32 {
        self.postings.size_hint()
    }
}

impl Scorer for WordNormTermScorer {
    fn score(&mut self) -> Score {
        match &self.bm25 {
            Some(bm25) => {
                bm25.score(self.norms.fieldnorm_id(self.doc()), self.postings.term_freq(), self.boost)
            }
            None => self.boost,
        }
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::TopDocs;
    use tantivy::query::TermQuery;
    use tantivy::{doc, Index, IndexWriter};

    use super::*;
    use crate::analysis::{WordCounter, ANALYZER_NAME, WORD_COUNT_NAME};
    use crate::config::ConfigFiles;
    use crate::index::schema::{build_schema, Fields};

    /// Passages of equal word count, one full of compounds: scored over its words, the
    /// compound-rich passage is as long as the other; scored over its terms, it looks longer.
    const PASSAGES: [&str; 3] = [
        "Kinderschutz ist eine gemeinsame Aufgabe von Schule und Jugendamt.",
        "Kinderschutz braucht Kinderschutzfachkräfte, Familienhebammen und Präventionsketten.",
        "Das Sommerfest im Stadtteil war ein schöner Tag für alle Kinder.",
    ];

    fn index_of(passages: &[&str]) -> (Index, Fields) {
        let config = ConfigFiles::bundled().load_analysis().expect("bundled config loads");
        let index = Index::create_in_ram(build_schema());
        index.tokenizers().register(ANALYZER_NAME, config.german_analyzer(None));
        let counter = WordCounter::new(config.stop_words.clone(), config.settings.max_word_chars);
        index.tokenizers().register(WORD_COUNT_NAME, counter);
        let fields = Fields::from_schema(&index.schema()).expect("schema has the fields");
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).expect("writer");
        for text in passages {
            writer.add_document(doc!(fields.text => *text, fields.text_words => *text)).expect("added");
        }
        writer.commit().expect("committed");
        (index, fields)
    }

    /// (passage, score) of every passage `query` finds.
    fn scores(index: &Index, query: &dyn Query) -> Vec<(u32, Score)> {
        let searcher = index.reader().expect("reader").searcher();
        let mut top: Vec<(u32, Score)> = searcher
            .search(query, &TopDocs::with_limit(10))
            .expect("searched")
            .into_iter()
            .map(|(score, address)| (address.doc_id, score))
            .collect();
        top.sort_by_key(|(doc, _)| *doc);
        top
    }

    #[test]
    fn stacked_terms_do_not_lengthen_a_passage() {
        let (index, fields) = index_of(&PASSAGES);
        let term = Term::from_field_text(fields.text, "kinderschutz");
        let by_words = scores(&index, &WordNormTermQuery::new(term.clone(), fields.text_words));
        let by_terms = scores(&index, &TermQuery::new(term, IndexRecordOption::WithFreqs));
        let cases: [(&str, &[(u32, Score)], bool); 2] =
            [("word counts", &by_words, true), ("term counts", &by_terms, false)];
        for (norms, found, equal) in cases {
            assert_eq!(found.iter().map(|(doc, _)| *doc).collect::<Vec<_>>(), vec![0, 1], "{norms}");
            let (plain, compounds) = (found[0].1, found[1].1);
            assert_eq!((plain - compounds).abs() < 1e-4, equal, "{norms}: {plain} vs {compounds}");
        }
        assert!(by_terms[1].1 < by_terms[0].1, "tantivy's norm makes the compound passage lose");
    }

    #[test]
    fn shorter_passages_and_rarer_terms_score_higher() {
        let (index, fields) = index_of(&[
            "Kinderschutz geht alle an.",
            "Kinderschutz ist eine gemeinsame Aufgabe von Schule, Jugendamt, Vereinen und Eltern.",
            "Schule und Jugendamt arbeiten zusammen.",
        ]);
        let query =
            |term: &str| WordNormTermQuery::new(Term::from_field_text(fields.text, term), fields.text_words);
        let kinderschutz = scores(&index, &query("kinderschutz"));
        assert!(kinderschutz[0].1 > kinderschutz[1].1, "the shorter passage first: {kinderschutz:?}");
        // In passage 1, `Vereinen` (in no other passage) weighs more than `Schule` (in two).
        let (verein, schule) = (scores(&index, &query("verein")), scores(&index, &query("schul")));
        assert_eq!((verein[0].0, schule[0].0), (1, 1));
        assert!(verein[0].1 > schule[0].1, "a rarer term weighs more: {verein:?} {schule:?}");
    }

    #[test]
    fn explains_the_word_count() {
        let (index, fields) = index_of(&PASSAGES);
        let searcher = index.reader().expect("reader").searcher();
        let query =
            WordNormTermQuery::new(Term::from_field_text(fields.text, "kinderschutz"), fields.text_words);
        let explanation = query.explain(&searcher, tantivy::DocAddress::new(0, 1)).expect("explained");
        let json = explanation.to_pretty_json();
        assert!(json.contains("words, the passage's words"), "{json}");
        assert!(
            query.explain(&searcher, tantivy::DocAddress::new(0, 2)).is_err(),
            "passage 2 does not match"
        );
    }
}
