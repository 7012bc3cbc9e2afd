//! `praev themes`: the themes with how many passages and municipalities match each; and the
//! loading and name resolution the theme commands share.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;

use praev::index::PraevIndex;
use praev::output::{self, Format};
use praev::themes::{rank, Resolved, Theme, Themes};

use super::UsageError;

/// List the themes of index-config/themes.toml with how many passages and municipalities of
/// the index match each.
#[derive(Debug, Args)]
pub struct ThemesArgs {
    /// Index folder (default: the bundled corpus's index).
    #[arg(long, env = "PRAEV_INDEX", value_name = "IDX")]
    pub index: Option<PathBuf>,

    /// Read the themes from this file instead of the index's themes.toml.
    #[arg(long, value_name = "FILE")]
    pub themes_file: Option<PathBuf>,

    /// Output format: table for people; json, jsonl and csv as documented in the README.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

pub fn run(args: ThemesArgs) -> anyhow::Result<()> {
    let path = super::resolve_index(args.index)?;
    let index = PraevIndex::open(&path).map_err(super::usage_or_failure)?;
    let themes = load(&index, args.themes_file.as_deref())?;
    let coverage = rank::coverage(&index, &themes.themes).context("counting theme matches")?;
    let stdout = std::io::stdout();
    output::themes::write_coverage(&mut stdout.lock(), &coverage, args.format, super::stdout_style())?;
    Ok(())
}

/// The themes of `file`, else those the index was built with.
pub fn load(index: &PraevIndex, file: Option<&Path>) -> anyhow::Result<Themes> {
    match file {
        None => Ok(index.config_files.load_themes()?),
        Some(file) => {
            let text = std::fs::read_to_string(file)
                .map_err(|e| UsageError(format!("cannot read the themes file {}: {e}", file.display())))?;
            Themes::parse(&text)
                .map_err(|source| praev::Error::Config { path: file.to_path_buf(), source }.into())
        }
    }
}

/// The theme the user named, or a usage error listing the closest or the ambiguous ones.
pub fn resolve<'a>(themes: &'a Themes, name: &str) -> anyhow::Result<&'a Theme> {
    let list = |found: &[&Theme]| {
        found.iter().map(|t| format!("{} ({})", t.id, t.label)).collect::<Vec<_>>().join(", ")
    };
    match themes.resolve(name) {
        Resolved::Theme(theme) => Ok(theme),
        Resolved::Ambiguous(found) => {
            Err(UsageError(format!("the theme name {name:?} is ambiguous: {}", list(&found))).into())
        }
        Resolved::Unknown(closest) => Err(UsageError(format!(
            "no theme {name:?}; closest: {} (`praev themes` lists all)",
            list(&closest)
        ))
        .into()),
    }
}
