//! `praev themes`: the themes with how many passages and municipalities match each; and the
//! loading and name resolution the theme commands share.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;

use super::args::{IndexArg, OutputArgs};
use praev::index::PraevIndex;
use praev::output;
use praev::output::themes::CoverageReport;
use praev::themes::{rank, Theme, Themes};

use super::UsageError;

/// What `--format` prints.
const FORMAT_HELP: &str = "table: id, theme, passages, municipalities, description; json: a list \
of {id, label, description, passages, municipalities}; jsonl: one theme per line; csv: one row per \
theme";

/// List the themes of index-config/themes.toml with how many passages and municipalities of
/// the index match each.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.help(super::args::format_help(FORMAT_HELP))))]
pub struct ThemesArgs {
    #[command(flatten)]
    pub index: IndexArg,

    /// Read the themes from this file instead of the index's themes.toml.
    #[arg(long, value_name = "FILE")]
    pub themes_file: Option<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: ThemesArgs) -> anyhow::Result<()> {
    let destination = args.output.destination(output::LISTING)?;
    let index = args.index.open()?;
    let themes = load(&index, args.themes_file.as_deref())?;
    let coverage = rank::coverage(&index, &themes.themes).context("counting theme matches")?;
    destination.emit(&CoverageReport(&coverage))
}

/// The themes of `file`, else those the index was built with.
pub fn load(index: &PraevIndex, file: Option<&Path>) -> anyhow::Result<Themes> {
    match file {
        None => Ok(index.themes()?),
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
    themes.named(name).map_err(super::usage_or_failure)
}
