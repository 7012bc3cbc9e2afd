//! The editable linguistic resources of `index-config/`, loaded and validated into typed values.
//!
//! Every file is optional in a user's config folder: a missing file falls back to the copy
//! bundled into the binary, so a user can keep only what they change. Errors name the file and
//! line. An index keeps a copy of the raw files it was built with ([`ConfigFiles`]), so searching
//! always analyses queries exactly as the documents were analysed, and the hash of those files
//! tells when the bundled index must be rebuilt.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use std::collections::HashSet;
use std::sync::Arc;

use crate::analysis::{
    related_terms, AnalyzerSettings, GermanAnalyzer, Lexicon, StopWords, Synonyms, Thesaurus,
};
use crate::error::{Error, LineError, Result};
use crate::ingest::metadata::{merge_gazetteers, parse_municipalities, parse_places_de, Gazetteer};
use crate::ingest::{passages, Boilerplate};
use crate::query::frames::QuestionFrames;
use crate::query::hypernyms::PlaceClasses;
use crate::themes::Themes;

pub const ANALYZER_FILE: &str = "analyzer.toml";
pub const STOPWORDS_FILE: &str = "stopwords.txt";
pub const BOILERPLATE_FILE: &str = "boilerplate.toml";
pub const HEADINGS_FILE: &str = "headings.txt";
pub const MUNICIPALITIES_FILE: &str = "municipalities.tsv";
pub const GAZETTEER_FILE: &str = "gazetteer-de.tsv";
pub const COMPOUND_PARTS_FILE: &str = "compound-parts.txt";
pub const SYNONYMS_FILE: &str = "synonyms.toml";
pub const THEMES_FILE: &str = "themes.toml";
pub const THESAURUS_FILE: &str = "thesaurus-de.txt";
pub const QUESTION_FRAMES_FILE: &str = "question-frames.toml";
pub const PLACE_CLASSES_FILE: &str = "place-classes.toml";

/// The config files bundled into the binary: the fallback for any file a folder lacks.
const BUNDLED: &[(&str, &str)] = &[
    (ANALYZER_FILE, include_str!("../index-config/analyzer.toml")),
    (STOPWORDS_FILE, include_str!("../index-config/stopwords.txt")),
    (BOILERPLATE_FILE, include_str!("../index-config/boilerplate.toml")),
    (HEADINGS_FILE, include_str!("../index-config/headings.txt")),
    (MUNICIPALITIES_FILE, include_str!("../index-config/municipalities.tsv")),
    (GAZETTEER_FILE, include_str!("../index-config/gazetteer-de.tsv")),
    (COMPOUND_PARTS_FILE, include_str!("../index-config/compound-parts.txt")),
    (SYNONYMS_FILE, include_str!("../index-config/synonyms.toml")),
    (THEMES_FILE, include_str!("../index-config/themes.toml")),
    (THESAURUS_FILE, include_str!("../index-config/thesaurus-de.txt")),
    (QUESTION_FRAMES_FILE, include_str!("../index-config/question-frames.toml")),
    (PLACE_CLASSES_FILE, include_str!("../index-config/place-classes.toml")),
];

/// Files an index keeps only compiled for its corpus: a search never reads them, and reading
/// the thesaurus's 600 KB on every search cost more than the search itself gains from it.
const COMPILED_ONLY: &[&str] = &[THESAURUS_FILE];

/// The raw texts of the config files, by file name. The bundled texts are borrowed from the
/// binary rather than copied: the gazetteer alone is most of a megabyte, and every command that
/// opens an index starts from them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigFiles {
    files: BTreeMap<String, Cow<'static, str>>,
    /// Where they were read from (None: the copy bundled into the binary).
    pub source: Option<PathBuf>,
}

impl ConfigFiles {
    /// The files bundled into the binary.
    pub fn bundled() -> ConfigFiles {
        let files = BUNDLED.iter().map(|(name, text)| (name.to_string(), Cow::Borrowed(*text))).collect();
        ConfigFiles { files, source: None }
    }

    /// Reads the config files of `dir`, taking the bundled copy for each file it lacks.
    pub fn read_dir(dir: &Path) -> Result<ConfigFiles> {
        if !dir.is_dir() {
            return Err(Error::InvalidArgument(format!("config folder {} does not exist", dir.display())));
        }
        let mut config = ConfigFiles::bundled();
        for (name, _) in BUNDLED {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    config.files.insert(name.to_string(), Cow::Owned(text));
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(Error::Io { path, source }),
            }
        }
        config.source = Some(dir.to_path_buf());
        Ok(config)
    }

    /// Writes the files into `dir` (the copy an index keeps), except those an index keeps
    /// compiled instead ([`COMPILED_ONLY`]).
    pub fn write_dir(&self, dir: &Path) -> Result<()> {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
        for (name, text) in self.files.iter().filter(|(name, _)| !COMPILED_ONLY.contains(&name.as_str())) {
            let path = dir.join(name);
            std::fs::write(&path, text.as_bytes()).map_err(|source| Error::Io { path, source })?;
        }
        Ok(())
    }

    pub fn text(&self, name: &str) -> &str {
        self.files.get(name).map(|text| text.as_ref()).unwrap_or("")
    }

    /// A hash of every file's name and content.
    pub fn hash(&self) -> String {
        let mut hasher = blake3::Hasher::new();
        for (name, text) in &self.files {
            hasher.update(name.as_bytes());
            hasher.update(&[0]);
            hasher.update(text.as_bytes());
            hasher.update(&[0]);
        }
        hasher.finalize().to_hex().to_string()
    }

    fn path_of(&self, name: &str) -> PathBuf {
        match &self.source {
            Some(dir) if dir.join(name).exists() => dir.join(name),
            _ => PathBuf::from(format!("<bundled index-config>/{name}")),
        }
    }

    fn line_error(&self, name: &str, source: LineError) -> Error {
        Error::Config { path: self.path_of(name), source }
    }

    /// Parses and validates only what analysing text needs: what a search loads, kept cheap
    /// because every search process pays for it.
    pub fn load_analysis(&self) -> Result<AnalysisConfig> {
        let synonyms =
            Synonyms::parse(self.text(SYNONYMS_FILE)).map_err(|e| self.line_error(SYNONYMS_FILE, e))?;
        self.load_analysis_with(synonyms)
    }

    /// [`ConfigFiles::load_analysis`] with synonyms already parsed (an index keeps them
    /// compiled, see `index::reader`).
    pub fn load_analysis_with(&self, synonyms: Synonyms) -> Result<AnalysisConfig> {
        let settings: AnalyzerSettings = toml::from_str(self.text(ANALYZER_FILE))
            .map_err(|e| self.line_error(ANALYZER_FILE, LineError::of_toml(self.text(ANALYZER_FILE), &e)))?;
        if settings.max_word_chars == 0 {
            return Err(
                self.line_error(ANALYZER_FILE, LineError::new(1, "max_word_chars must be at least 1"))
            );
        }
        let question_frames = QuestionFrames::parse(self.text(QUESTION_FRAMES_FILE))
            .map_err(|e| self.line_error(QUESTION_FRAMES_FILE, e))?;
        let place_classes = PlaceClasses::parse(self.text(PLACE_CLASSES_FILE), self.text(GAZETTEER_FILE))
            .map_err(|e| self.line_error(PLACE_CLASSES_FILE, e))?;
        Ok(AnalysisConfig {
            question_frames: Arc::new(question_frames),
            place_classes: Arc::new(place_classes),
            settings,
            stop_words: StopWords::parse(self.text(STOPWORDS_FILE)),
            compound_parts_text: Arc::from(self.text(COMPOUND_PARTS_FILE)),
            synonyms: synonyms.with_related(related_terms::core_groups(self.text(THEMES_FILE))),
        })
    }

    /// Parses and validates the themes (read at query time, so editing them needs no rebuild of
    /// an index given with `--themes-file`; an index keeps the copy it was built with).
    pub fn load_themes(&self) -> Result<Themes> {
        Themes::parse(self.text(THEMES_FILE)).map_err(|e| self.line_error(THEMES_FILE, e))
    }

    /// Parses and validates every file.
    /// The gazetteer (its place automaton is most of the loading time) is built on a thread of
    /// its own while the other files are parsed; errors are reported in file order all the same.
    pub fn load(&self) -> Result<IndexConfig> {
        let (gazetteer, rest) = std::thread::scope(|scope| {
            let gazetteer = scope.spawn(|| self.load_gazetteer());
            let rest = self.load_analysis().and_then(|analysis| {
                self.load_themes()?;
                let boilerplate = Boilerplate::parse(self.text(BOILERPLATE_FILE))
                    .map_err(|e| self.line_error(BOILERPLATE_FILE, e))?;
                Ok((analysis, boilerplate))
            });
            (gazetteer.join().expect("the gazetteer thread panicked"), rest)
        });
        let (analysis, boilerplate) = rest?;
        let municipalities = gazetteer?;
        let thesaurus =
            Thesaurus::parse(self.text(THESAURUS_FILE)).map_err(|e| self.line_error(THESAURUS_FILE, e))?;
        Ok(IndexConfig {
            analysis,
            thesaurus,
            boilerplate,
            headings: passages::parse_headings(self.text(HEADINGS_FILE)),
            municipalities,
            files: self.clone(),
        })
    }

    /// The places of `municipalities.tsv` merged with the generated gazetteer.
    fn load_gazetteer(&self) -> Result<Gazetteer> {
        let municipalities = parse_municipalities(self.text(MUNICIPALITIES_FILE))
            .map_err(|e| self.line_error(MUNICIPALITIES_FILE, e))?;
        let generated =
            parse_places_de(self.text(GAZETTEER_FILE)).map_err(|e| self.line_error(GAZETTEER_FILE, e))?;
        Ok(Gazetteer::new(&merge_gazetteers(generated, municipalities)))
    }
}

/// The part of the configuration that analysing text needs (documents and queries alike).
#[derive(Debug, Clone)]
pub struct AnalysisConfig {
    pub settings: AnalyzerSettings,
    pub stop_words: StopWords,
    /// The curated compound parts list as written; an index stores them folded in its
    /// vocabulary, so searches need not parse it.
    pub compound_parts_text: Arc<str>,
    /// Query-time synonyms and abbreviations.
    pub synonyms: Synonyms,
    /// Question words and framing verbs of queries (query-side only: handed to the query
    /// planner, see [`QueryPlan::framed`](crate::query::plan::QueryPlan::framed)).
    pub question_frames: Arc<QuestionFrames>,
    /// Kinds of places a query word may name, with their members (query-side only).
    pub place_classes: Arc<PlaceClasses>,
}

impl AnalysisConfig {
    /// The curated compound parts, folded.
    pub fn compound_parts(&self) -> HashSet<String> {
        Lexicon::parse_curated(&self.compound_parts_text)
    }

    /// The analyzer with the curated parts and, when given, an index's corpus vocabulary.
    pub fn german_analyzer(&self, corpus_vocabulary: Option<fst::Set<Vec<u8>>>) -> GermanAnalyzer {
        let lexicon = match corpus_vocabulary {
            Some(vocabulary) => Lexicon::new(HashSet::new(), Some(vocabulary)),
            None => Lexicon::new(self.compound_parts(), None),
        }
        .with_unsplittable(Lexicon::parse_unsplittable(&self.compound_parts_text));
        GermanAnalyzer::new(&self.settings, self.stop_words.clone(), lexicon)
    }
}

/// The validated configuration an index is built with.
#[derive(Debug, Clone)]
pub struct IndexConfig {
    pub analysis: AnalysisConfig,
    /// The general thesaurus, compiled against the corpus when an index is built.
    pub thesaurus: Thesaurus,
    pub boilerplate: Boilerplate,
    pub headings: Vec<String>,
    pub municipalities: Gazetteer,
    pub files: ConfigFiles,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_config_loads() {
        let config = ConfigFiles::bundled().load().expect("the bundled index-config must be valid");
        assert!(config.analysis.stop_words.contains("und"));
        assert!(config.headings.iter().any(|h| h == "Leitbild"));
    }

    #[test]
    fn a_bad_analyzer_setting_names_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(ANALYZER_FILE), "fold_umlauts = true\nstemmer = \"porter\"\n")
            .unwrap();
        let err = ConfigFiles::read_dir(dir.path()).unwrap().load().unwrap_err().to_string();
        assert!(err.contains("analyzer.toml") && err.contains("line 2"), "got: {err}");
    }

    #[test]
    fn a_folder_without_a_file_falls_back_to_the_bundled_copy() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(STOPWORDS_FILE), "nur\n").unwrap();
        let config = ConfigFiles::read_dir(dir.path()).unwrap().load().unwrap();
        assert!(config.analysis.stop_words.contains("nur") && !config.analysis.stop_words.contains("und"));
        assert_eq!(config.analysis.settings, AnalyzerSettings::default());
    }

    #[test]
    fn hash_changes_with_content() {
        let a = ConfigFiles::bundled();
        let mut b = a.clone();
        b.files.insert(STOPWORDS_FILE.into(), Cow::Borrowed("anders\n"));
        assert_ne!(a.hash(), b.hash());
    }
}
