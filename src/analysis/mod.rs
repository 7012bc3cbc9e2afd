//! German analysis: from text to index terms, one step per file.
//!
//! The same [`GermanAnalyzer`] turns documents and queries into terms, so the two always meet.
//! It is registered in tantivy under [`ANALYZER_NAME`] on every index open (writer and reader
//! alike), and it lists its tokens with their origin for `praev analyze`, highlights and
//! query expansion.
//!
//! The chain: [`tokenize`] (surface words, lower case, gender and hyphen marks) →
//! [`umlaut_fold`] (ä→a, ß→ss, ae→a …) → [`elliptic`] (`Kinder- und Jugendhilfe` →
//! `kinderhilfe`) → [`stop_words`] → then, word by word, [`hyphen`] (`Kita-Grundschule` →
//! `kitagrundschule`, `kita`, `grundschule`) → [`gender`] (`Koordinator:innen` →
//! `koordinator`) → [`decompound`] (`Präventionskette` → `~pravention`, `~kette`) →
//! [`stem`] (Snowball German). Documents also get [`separable`] verbs joined before stop
//! words go (`spart … ein` → `einsparen`). Added tokens share the position of the word they come from,
//! so phrases keep working. Parts found by the decompounder carry a mark (`~`) in the index,
//! so a whole-word match always outranks a match of a part alone; queries search both.
//! The settings come from `index-config/analyzer.toml` (see [`AnalyzerSettings`]).

pub mod decompound;
pub mod derivation;
pub mod elliptic;
mod expansion_cache;
pub mod gender;
pub mod hyphen;
pub(crate) mod letters;
pub mod lexicon;
mod part_cache;
pub mod related_terms;
pub mod separable;
pub mod stem;
pub mod stop_words;
pub mod synonyms;
pub mod thesaurus;
pub mod tokenize;
pub mod umlaut_fold;
pub mod verb_forms;
pub mod word_count;

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use expansion_cache::{CachedToken, Expansion, ExpansionCache};

pub use decompound::{Decompounder, WrittenPart, PART_MARK};
pub use derivation::{WordFamilies, ROOT_MARK};
pub use elliptic::EllipticCompounds;
pub use gender::GenderForms;
pub use hyphen::HyphenatedCompounds;
pub use lexicon::Lexicon;
pub use separable::SeparableVerbs;
pub use stem::GermanStemmer;
pub use stop_words::StopWords;
pub use synonyms::{MemberTerm, SynonymSource, Synonyms};
pub use thesaurus::{CorpusThesaurus, Thesaurus};
pub use tokenize::WordTokenizer;
pub use umlaut_fold::UmlautFold;
pub use verb_forms::VerbForms;
pub use word_count::{WordCounter, WORD_COUNT_NAME};

/// The name under which the German analyzer is registered in every praev index.
pub const ANALYZER_NAME: &str = "praev_de";

/// Where a token came from; shown by `praev analyze` and `--explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The word as written (lower-cased and folded).
    Word,
    /// The word reduced to its stem.
    Stem,
    /// A part of a compound found by the decompounder (indexed with the `~` mark).
    Part,
    /// A part of a hyphenated compound, or the compound joined (`Kita-Grundschule`).
    Hyphen,
    /// A truncated word completed with the head of the next compound (`Kinder- und Jugendhilfe`).
    Elliptic,
    /// The base of a gender form (`Koordinator:innen` → `koordinator`).
    Gender,
    /// The root of a word family (`koordinieren`, `Koordination` → `^koordin`).
    Root,
    /// A query-time synonym (only in query explanations).
    Synonym,
    /// A query-time synonym from the general thesaurus (only in query explanations).
    Thesaurus,
    /// A query-time related term of the field, from the themes (only in query explanations).
    Related,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Word => "word",
            Origin::Stem => "stem",
            Origin::Part => "part",
            Origin::Hyphen => "hyphen",
            Origin::Elliptic => "elliptic",
            Origin::Gender => "gender",
            Origin::Root => "root",
            Origin::Synonym => "synonym",
            Origin::Thesaurus => "thesaurus",
            Origin::Related => "related term",
        }
    }
}

/// One token of the analysed text: its term, where it stands and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnalyzedToken {
    /// The term as indexed (parts carry the [`PART_MARK`]).
    pub text: String,
    /// Byte offsets of the source word in the analysed text.
    pub offset_from: usize,
    pub offset_to: usize,
    /// Word position (tokens of one word share it).
    pub position: usize,
    pub origin: Origin,
    /// What the tokenizer saw around the written word.
    #[serde(skip)]
    pub marks: Marks,
}

impl AnalyzedToken {
    /// A token derived from this one by a step: same word, position and marks, another term.
    pub fn derived(&self, text: String, origin: Origin) -> AnalyzedToken {
        AnalyzedToken { text, origin, ..self.clone() }
    }

    /// The term without the part mark.
    pub fn bare(&self) -> &str {
        self.text.strip_prefix(PART_MARK).unwrap_or(&self.text)
    }
}

/// What the tokenizer and steps know about a token, for later steps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Marks {
    /// Written with a gender marker (`:innen`, `*innen`, Binnen-I …).
    pub gender: bool,
    /// Followed by a hyphen and a space or comma: `Kinder-` in `Kinder- und Jugendhilfe`.
    pub open_hyphen: bool,
    /// A decompounder part that is not split further.
    pub leaf: bool,
    /// A decompounder part of the first split (`Jugendamt` and `Mitarbeiter` of
    /// `Jugendamtsmitarbeiter`, not `Jugend` or `Arbeit`).
    pub top_level: bool,
    /// Characters of a decompounder part as written in the compound, before stemming
    /// (`eltern` → 6, though its stem is `elt`); 0 for other tokens.
    pub written_chars: u8,
    /// The last word of a clause: followed by `.`, `,`, `;`, `:`, `!`, `?`, a line break or
    /// the end of the text. Read by [`separable`] and cleared there.
    pub clause_end: bool,
}

/// A step of the chain: takes the tokens so far and returns the tokens after this step.
pub trait AnalysisStep: Send + Sync {
    fn apply(&self, tokens: Vec<AnalyzedToken>) -> Vec<AnalyzedToken>;
}

/// The analyzer settings of `index-config/analyzer.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnalyzerSettings {
    /// Fold ä/ö/ü/ß and the transcriptions ae/oe/ue so that all spellings meet.
    #[serde(default = "yes")]
    pub fold_umlauts: bool,
    /// `snowball` (Snowball German via rust-stemmers) or `none`.
    #[serde(default = "default_stemmer")]
    pub stemmer: StemmerChoice,
    /// Split compounds into parts (curated list + corpus vocabulary).
    #[serde(default = "yes")]
    pub decompound: bool,
    /// Complete elliptic compounds (`Kinder- und Jugendhilfe` → `kinderhilfe`).
    #[serde(default = "yes")]
    pub elliptic_compounds: bool,
    /// Let gender forms meet their base word (`Koordinator:innen` → `koordinator`).
    #[serde(default = "yes")]
    pub gender_forms: bool,
    /// Let members of Latin-derived word families meet (`koordinieren`, `Koordination`).
    #[serde(default = "yes")]
    pub word_families: bool,
    /// Let finite verbs and participles meet their infinitive (`erreicht` → `erreichen`).
    #[serde(default = "yes")]
    pub verb_forms: bool,
    /// Words longer than this (in characters) are not indexed: they are noise (URLs, hashes).
    #[serde(default = "default_max_word_chars")]
    pub max_word_chars: usize,
}

fn yes() -> bool {
    true
}
fn default_stemmer() -> StemmerChoice {
    StemmerChoice::Snowball
}
fn default_max_word_chars() -> usize {
    40
}

impl Default for AnalyzerSettings {
    fn default() -> Self {
        AnalyzerSettings {
            fold_umlauts: true,
            stemmer: default_stemmer(),
            decompound: true,
            elliptic_compounds: true,
            gender_forms: true,
            word_families: true,
            verb_forms: true,
            max_word_chars: default_max_word_chars(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StemmerChoice {
    /// Snowball German (rust-stemmers).
    Snowball,
    /// Inflection endings only (Savoy's light stemmer).
    Light,
    None,
}

/// The German analyzer: context steps over the whole token list, then word-by-word steps
/// whose results are cached per word and shared by the analyzer's clones (see
/// [`expansion_cache`]).
#[derive(Clone)]
pub struct GermanAnalyzer {
    tokenizer: WordTokenizer,
    context_steps: Arc<Vec<Box<dyn AnalysisStep>>>,
    /// The context steps for indexed documents: the same, and separated particles joined to
    /// their verbs ([`separable`]). Queries do not join them: a question's verb frames map to
    /// their concept already (`arbeiten … zusammen` → Zusammenarbeit, see `query::frames`),
    /// and a keyword query writes its verb whole.
    document_steps: Arc<Vec<Box<dyn AnalysisStep>>>,
    word_steps: Arc<Vec<Box<dyn AnalysisStep>>>,
    stop_words: StopWords,
    stemmer: Option<Arc<GermanStemmer>>,
    /// The decompounder of the word steps (None when decompounding is off), for the query
    /// planner's look at a compound's written parts.
    decompounder: Option<Decompounder>,
    /// Word-by-word results, shared with every clone (tantivy clones one per field and
    /// indexing thread).
    cache: ExpansionCache,
}

impl GermanAnalyzer {
    pub fn new(settings: &AnalyzerSettings, stop_words: StopWords, lexicon: Lexicon) -> GermanAnalyzer {
        let verb_forms = VerbForms::new(lexicon.clone());
        let decompounder = Decompounder::new(lexicon.clone());
        let context_steps = |for_documents: bool| {
            let mut steps: Vec<Box<dyn AnalysisStep>> = Vec::new();
            if settings.fold_umlauts {
                steps.push(Box::new(UmlautFold));
            }
            if settings.elliptic_compounds && settings.decompound {
                steps.push(Box::new(EllipticCompounds::new(decompounder.clone())));
            }
            if settings.verb_forms && for_documents {
                steps.push(Box::new(SeparableVerbs::new(lexicon.clone(), stop_words.clone())));
            }
            steps.push(Box::new(stop_words.clone()));
            steps
        };
        let mut word_steps: Vec<Box<dyn AnalysisStep>> = vec![Box::new(HyphenatedCompounds)];
        if settings.gender_forms {
            word_steps.push(Box::new(GenderForms));
        }
        if settings.decompound {
            word_steps.push(Box::new(decompounder.clone()));
        }
        if settings.verb_forms {
            word_steps.push(Box::new(verb_forms));
        }
        if settings.word_families {
            word_steps.push(Box::new(WordFamilies));
        }
        match settings.stemmer {
            StemmerChoice::Snowball => word_steps.push(Box::new(GermanStemmer::new())),
            StemmerChoice::Light => word_steps.push(Box::new(GermanStemmer::light())),
            StemmerChoice::None => {}
        }
        word_steps.push(Box::new(Deduplicate));
        GermanAnalyzer {
            tokenizer: WordTokenizer { max_word_chars: settings.max_word_chars },
            context_steps: Arc::new(context_steps(false)),
            document_steps: Arc::new(context_steps(true)),
            word_steps: Arc::new(word_steps),
            stop_words,
            stemmer: match settings.stemmer {
                StemmerChoice::Snowball => Some(Arc::new(GermanStemmer::new())),
                StemmerChoice::Light => Some(Arc::new(GermanStemmer::light())),
                StemmerChoice::None => None,
            },
            decompounder: settings.decompound.then_some(decompounder),
            cache: ExpansionCache::default(),
        }
    }

    /// The single word `word` folded like the analysis folds it, with the parts of its first
    /// split (none when it is no compound of known words, or decompounding is off).
    pub fn written_parts(&self, word: &str) -> Option<(String, Vec<WrittenPart>)> {
        let tokens = self.context_tokens(word);
        let [token] = tokens.as_slice() else { return None };
        let parts = self.decompounder.as_ref()?.top_level_parts(&token.text);
        Some((token.text.clone(), parts))
    }

    /// Whether `word` (lower-cased, folded) is a stop word of this analyzer.
    pub fn is_stop_word(&self, word: &str) -> bool {
        self.stop_words.contains(word)
    }

    /// The primary term of each word of `text` (joined if hyphenated, stemmed), without
    /// decompounding or other added tokens: a cheap key for matching synonym entries.
    pub fn primary_terms(&self, text: &str) -> Vec<String> {
        self.context_tokens(text)
            .into_iter()
            .filter(|t| t.origin == Origin::Word)
            .map(|t| self.primary_of(&t.text))
            .collect()
    }

    /// The byte ranges of the words of `text` that yield any of the matcher's terms: what a
    /// hit highlights. Only words that contain a term as a substring are analysed in full, so
    /// highlighting a passage stays cheap.
    pub fn words_matching(&mut self, text: &str, matcher: &TermMatcher) -> Vec<std::ops::Range<usize>> {
        let mut ranges = Vec::new();
        for token in self.context_tokens(text) {
            if !matcher.may_match(&token.text) {
                continue;
            }
            let range = token.offset_from..token.offset_to;
            if matcher.terms.contains(&self.primary_of(&token.text))
                || self.expand_cached(token).iter().any(|t| matcher.terms.contains(&t.text))
            {
                ranges.push(range);
            }
        }
        ranges
    }

    fn primary_of(&self, word: &str) -> String {
        let joined = word.replace('-', "");
        match &self.stemmer {
            Some(stemmer) => stemmer.stem(&joined),
            None => joined,
        }
    }

    /// Analyses `text` into the terms that are indexed or searched.
    pub fn analyze(&self, text: &str) -> Vec<AnalyzedToken> {
        let tokens = self.context_tokens(text);
        tokens.into_iter().flat_map(|token| self.expand_word(token)).collect()
    }

    /// The distinct terms of `text`, in order of first appearance.
    pub fn terms(&self, text: &str) -> Vec<String> {
        let mut seen = std::collections::HashSet::new();
        self.analyze(text).into_iter().map(|t| t.text).filter(|t| seen.insert(t.clone())).collect()
    }

    fn context_tokens(&self, text: &str) -> Vec<AnalyzedToken> {
        let tokens = self.tokenizer.tokenize(text);
        self.context_steps.iter().fold(tokens, |tokens, step| step.apply(tokens))
    }

    fn expand_word(&self, token: AnalyzedToken) -> Vec<AnalyzedToken> {
        expand_with(&self.word_steps, token)
    }

    /// [`GermanAnalyzer::analyze`] with the word-by-word results cached (shared with this
    /// analyzer's clones, see [`expansion_cache`]).
    pub fn analyze_cached(&mut self, text: &str) -> Vec<AnalyzedToken> {
        let tokens = self.context_tokens(text);
        let mut out = Vec::with_capacity(tokens.len() * 2);
        for token in tokens {
            out.extend(self.expand_cached(token));
        }
        out
    }

    /// The word-by-word steps for one token, from the cache when it has them.
    fn expand_cached(&mut self, token: AnalyzedToken) -> Vec<AnalyzedToken> {
        let expansion = self.expansion_cached(&token);
        tokens_of(&expansion, &token)
    }

    /// The cached terms of one word, computed on the first miss.
    fn expansion_cached(&mut self, token: &AnalyzedToken) -> Expansion {
        let word_steps = &self.word_steps;
        // Where a word stands in its clause does not change its expansion.
        let marks = Marks { clause_end: false, ..token.marks };
        self.cache.get_or_expand(&token.text, token.origin, marks, || {
            expand_with(word_steps, token.clone()).into_iter().map(|t| (t.text, t.origin, t.marks)).collect()
        })
    }
}

/// The terms the word-by-word steps make of one word.
fn expand_with(word_steps: &[Box<dyn AnalysisStep>], token: AnalyzedToken) -> Vec<AnalyzedToken> {
    word_steps.iter().fold(vec![token], |tokens, step| step.apply(tokens))
}

/// The tokens of a cached expansion at the place of `token`.
fn tokens_of(expansion: &[CachedToken], token: &AnalyzedToken) -> Vec<AnalyzedToken> {
    expansion
        .iter()
        .map(|(text, origin, marks)| AnalyzedToken {
            text: text.clone(),
            offset_from: token.offset_from,
            offset_to: token.offset_to,
            position: token.position,
            // A completed elliptic compound stays elliptic whatever the word's own expansion.
            origin: if token.origin == Origin::Elliptic && *origin == Origin::Word {
                Origin::Elliptic
            } else {
                *origin
            },
            marks: *marks,
        })
        .collect()
}

/// Terms to find in analysed text, with a fast test for words that cannot yield any of them:
/// every term is a stem, part or root of the written (folded) word, so a word that contains
/// none of them as a substring cannot match.
pub struct TermMatcher {
    terms: std::collections::HashSet<String>,
    finder: Option<aho_corasick::AhoCorasick>,
}

impl TermMatcher {
    pub fn new(terms: std::collections::HashSet<String>) -> TermMatcher {
        let needles: Vec<&str> = terms.iter().map(|t| t.trim_start_matches([PART_MARK, ROOT_MARK])).collect();
        let finder = aho_corasick::AhoCorasick::new(&needles).ok();
        TermMatcher { terms, finder }
    }

    fn may_match(&self, word: &str) -> bool {
        self.finder.as_ref().is_none_or(|f| f.is_match(word))
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Drops repeated terms at one position (a part equal to a gender base, say).
struct Deduplicate;

impl AnalysisStep for Deduplicate {
    fn apply(&self, tokens: Vec<AnalyzedToken>) -> Vec<AnalyzedToken> {
        // The steps run word by word: a handful of tokens, compared with those kept so far
        // rather than hashed and copied into a set.
        let mut kept: Vec<AnalyzedToken> = Vec::with_capacity(tokens.len());
        for token in tokens {
            if !kept.iter().any(|k| k.position == token.position && k.text == token.text) {
                kept.push(token);
            }
        }
        kept
    }
}

impl Tokenizer for GermanAnalyzer {
    type TokenStream<'a> = AnalyzedTokenStream;

    /// The terms of `text` for tantivy, each word's from the cache: the stream copies one term
    /// at a time into a single reused token, so indexing allocates no string per term.
    /// The number of positions filled is remembered for the word counter (see [`word_count`]).
    fn token_stream<'a>(&'a mut self, text: &'a str) -> AnalyzedTokenStream {
        let (tokens, counted_overlong) = self.tokenizer.tokenize_counting(text);
        let words: Vec<_> = self
            .document_steps
            .iter()
            .fold(tokens, |tokens, step| step.apply(tokens))
            .into_iter()
            .map(|word| {
                let expansion = self.expansion_cached(&word);
                (expansion, word.offset_from, word.offset_to, word.position)
            })
            .collect();
        word_count::remember_count(text, positions_filled(&words) + counted_overlong);
        AnalyzedTokenStream { words, word: 0, term: 0, token: Token::default() }
    }
}

/// How many distinct positions the words with at least one term fill.
fn positions_filled(words: &[(Expansion, usize, usize, usize)]) -> usize {
    let filled = || words.iter().filter(|(terms, ..)| !terms.is_empty()).map(|(.., position)| *position);
    // Words come in text order, so the words of one position are neighbours.
    if filled().is_sorted() {
        let mut count = 0;
        let mut last = None;
        for position in filled() {
            count += usize::from(last != Some(position));
            last = Some(position);
        }
        return count;
    }
    filled().collect::<std::collections::HashSet<_>>().len()
}

/// The analysed terms of one text, handed to tantivy one by one.
pub struct AnalyzedTokenStream {
    /// Each word's terms, byte offsets and position.
    words: Vec<(Expansion, usize, usize, usize)>,
    /// The word and the term within it that `advance` yields next.
    word: usize,
    term: usize,
    token: Token,
}

impl TokenStream for AnalyzedTokenStream {
    fn advance(&mut self) -> bool {
        while let Some((terms, from, to, position)) = self.words.get(self.word) {
            if let Some((text, _, _)) = terms.get(self.term) {
                self.token.text.clear();
                self.token.text.push_str(text);
                self.token.offset_from = *from;
                self.token.offset_to = *to;
                self.token.position = *position;
                self.token.position_length = 1;
                self.term += 1;
                return true;
            }
            self.word += 1;
            self.term = 0;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests;
