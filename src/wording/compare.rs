//! Two municipalities (or two documents) side by side: `praev compare A B`.
//!
//! What a coordinator asks when benchmarking wording: how strongly does each side write about
//! each theme, which words does each use markedly more than the other (log-likelihood keyness),
//! which passages say nearly the same thing (cosine similarity of the analysed words), and which
//! word sequences of five or more words both share (a slogan or a Leitbild line copied).

use std::collections::HashSet;

use serde::Serialize;
use tantivy::schema::Value;
use tantivy::TantivyDocument;

use super::duplicates::{shared_sequences, SharedSequence};
use super::similar::{cosine, TermCounts, TfIdf};
use super::terms::{distinctive_between, KeyTerm};
use crate::error::{Error, Result};
use crate::index::PraevIndex;
use crate::ingest::PassageKind;
use crate::query::hits::stored_str;
use crate::query::resolve_municipalities;
use crate::themes::rank::strengths_of_files;
use crate::themes::Themes;

/// Shared word sequences must be at least this long (a slogan, a Leitbild line).
pub const MIN_SHARED_WORDS: usize = 5;
/// How many similar passage pairs and distinctive terms per side are listed.
pub const PAIRS: usize = 5;

/// One side: a municipality's documents, or one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    /// The municipality's name or the file, as resolved.
    pub name: String,
    /// `municipality` or `file`.
    pub kind: &'static str,
    pub files: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeStrengths {
    pub theme: String,
    pub label: String,
    pub a: f32,
    pub b: f32,
    /// The matching passages and documents of each side, A first.
    pub passages: [usize; 2],
    pub documents: [usize; 2],
}

/// A passage in a pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PassageRef {
    pub file: String,
    pub passage: u64,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PassagePair {
    pub a: PassageRef,
    pub b: PassageRef,
    /// Cosine similarity of the analysed words (tf-idf), 0 to 1.
    pub similarity: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub a: Side,
    pub b: Side,
    pub themes: Vec<ThemeStrengths>,
    /// Words A uses markedly more than B, and the reverse.
    pub distinctive_a: Vec<KeyTerm>,
    pub distinctive_b: Vec<KeyTerm>,
    pub similar_passages: Vec<PassagePair>,
    pub shared_sequences: Vec<SharedSequence>,
}

/// Resolves a name to a side: a file of the index (path or base name), else a municipality.
pub fn side(index: &PraevIndex, name: &str) -> Result<Side> {
    let documents = index.documents()?;
    let by_file: Vec<&str> = documents
        .iter()
        .map(|d| d.file.as_str())
        .filter(|f| *f == name || f.rsplit('/').next() == Some(name))
        .collect();
    if let [file] = by_file.as_slice() {
        return Ok(Side { name: file.to_string(), kind: "file", files: vec![file.to_string()] });
    }
    let names = resolve_municipalities(index, &[name.to_string()])?;
    let [municipality] = names.as_slice() else {
        return Err(Error::InvalidArgument(format!(
            "{name:?} names several municipalities ({}): be more precise",
            names.join(", ")
        )));
    };
    let files = documents
        .iter()
        .filter(|d| d.meta.municipality.as_deref() == Some(municipality.as_str()))
        .map(|d| d.file.clone())
        .collect();
    Ok(Side { name: municipality.clone(), kind: "municipality", files })
}

pub fn compare(index: &PraevIndex, a: Side, b: Side, themes: &Themes) -> Result<Comparison> {
    if a.files.iter().any(|f| b.files.contains(f)) {
        return Err(Error::InvalidArgument(format!(
            "{} and {} share documents: compare two different sides",
            a.name, b.name
        )));
    }
    let a_files: HashSet<String> = a.files.iter().cloned().collect();
    let b_files: HashSet<String> = b.files.iter().cloned().collect();
    let mut theme_rows = Vec::with_capacity(themes.themes.len());
    for theme in &themes.themes {
        let strengths = strengths_of_files(index, theme, &[&a_files, &b_files])?;
        theme_rows.push(ThemeStrengths {
            theme: theme.id.clone(),
            label: theme.label.clone(),
            a: strengths[0].strength,
            b: strengths[1].strength,
            passages: [strengths[0].passages, strengths[1].passages],
            documents: [strengths[0].documents, strengths[1].documents],
        });
    }
    let (mut distinctive_a, mut distinctive_b) = distinctive_between(index, &a_files, &b_files)?;
    distinctive_a.truncate(PAIRS * 4);
    distinctive_b.truncate(PAIRS * 4);
    Ok(Comparison {
        similar_passages: similar_pairs(index, &a_files, &b_files)?,
        shared_sequences: shared_sequences(index, &a.files, &b.files, MIN_SHARED_WORDS)?,
        a,
        b,
        themes: theme_rows,
        distinctive_a,
        distinctive_b,
    })
}

/// The passages (not quotes) of some files, with their text.
fn passages_of(index: &PraevIndex, files: &HashSet<String>) -> Result<Vec<PassageRef>> {
    let searcher = index.reader.searcher();
    let mut passages = Vec::new();
    for (ordinal, segment) in searcher.segment_readers().iter().enumerate() {
        for doc_id in segment.doc_ids_alive() {
            let doc: TantivyDocument = searcher.doc(tantivy::DocAddress::new(ordinal as u32, doc_id))?;
            let file = stored_str(&doc, index.fields.file).unwrap_or_default();
            if !files.contains(&file)
                || stored_str(&doc, index.fields.kind).as_deref() == Some(PassageKind::Quote.as_str())
            {
                continue;
            }
            let passage = doc.get_first(index.fields.passage).and_then(|v| v.as_u64()).unwrap_or(0);
            let text = stored_str(&doc, index.fields.text).unwrap_or_default();
            passages.push(PassageRef { file, passage, text });
        }
    }
    passages.sort_by(|x, y| (&x.file, x.passage).cmp(&(&y.file, y.passage)));
    Ok(passages)
}

/// The [`PAIRS`] most similar passage pairs across the sides, each passage in one pair at most.
fn similar_pairs(index: &PraevIndex, a: &HashSet<String>, b: &HashSet<String>) -> Result<Vec<PassagePair>> {
    let mut tfidf = TfIdf::new(index);
    let mut vectors = |files| -> Result<Vec<(PassageRef, TermCounts)>> {
        Ok(passages_of(index, files)?
            .into_iter()
            .map(|p| {
                let v = tfidf.vector(&p.text);
                (p, v)
            })
            .collect())
    };
    let left = vectors(a)?;
    let right = vectors(b)?;
    let mut scored: Vec<(f32, usize, usize)> = Vec::new();
    for (i, (_, x)) in left.iter().enumerate() {
        for (j, (_, y)) in right.iter().enumerate() {
            let similarity = cosine(x, y);
            if similarity > 0.0 {
                scored.push((similarity, i, j));
            }
        }
    }
    scored.sort_by(|x, y| y.0.total_cmp(&x.0));
    let (mut used_left, mut used_right) = (HashSet::new(), HashSet::new());
    let mut pairs = Vec::new();
    for (similarity, i, j) in scored {
        if pairs.len() == PAIRS {
            break;
        }
        if !used_left.contains(&i) && !used_right.contains(&j) {
            used_left.insert(i);
            used_right.insert(j);
            pairs.push(PassagePair { a: left[i].0.clone(), b: right[j].0.clone(), similarity });
        }
    }
    Ok(pairs)
}
