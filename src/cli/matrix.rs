//! `praev matrix`: the theme × municipality strength matrix, as a shaded table, CSV, JSON or a
//! self-contained HTML or SVG heatmap.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use praev::index::PraevIndex;
use praev::output::matrix::{write_matrix, MatrixFormat};
use praev::query;
use praev::themes::{rank, Theme};

use super::UsageError;

/// The theme × municipality matrix: how strongly each municipality writes about each theme
/// (the strength of `praev theme NAME --by municipality`).
#[derive(Debug, Args)]
pub struct MatrixArgs {
    /// Index folder (default: the bundled corpus's index).
    #[arg(long, env = "PRAEV_INDEX", value_name = "IDX")]
    pub index: Option<PathBuf>,

    /// Only these themes (ids, labels or prefixes; comma-separated or repeated). Default: all.
    #[arg(long, value_name = "T,…", value_delimiter = ',')]
    pub themes: Vec<String>,

    /// Only these municipalities (comma-separated or repeated; a part of the name is enough).
    /// Default: every municipality of the index.
    #[arg(long, value_name = "M,…", value_delimiter = ',')]
    pub municipalities: Vec<String>,

    /// Read the themes from this file instead of the index's themes.toml.
    #[arg(long, value_name = "FILE")]
    pub themes_file: Option<PathBuf>,

    /// Output format: a shaded table, csv, json, or a heatmap as html or svg.
    #[arg(long, short = 'f', value_enum, default_value_t = MatrixFormat::Table)]
    pub format: MatrixFormat,

    /// Write to this file instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: MatrixArgs) -> anyhow::Result<()> {
    let path = super::resolve_index(args.index)?;
    let index = PraevIndex::open(&path).map_err(super::usage_or_failure)?;
    let all = super::themes::load(&index, args.themes_file.as_deref())?;
    let themes: Vec<&Theme> = if args.themes.is_empty() {
        all.themes.iter().collect()
    } else {
        let names = args.themes.iter().map(|n| n.trim()).filter(|n| !n.is_empty());
        names.map(|name| super::themes::resolve(&all, name)).collect::<anyhow::Result<_>>()?
    };
    let municipalities =
        query::resolve_municipalities(&index, &args.municipalities).map_err(super::usage_or_failure)?;
    let matrix = rank::matrix(&index, &themes, &municipalities).context("computing the theme matrix")?;
    match &args.output {
        Some(file) => {
            let mut out = std::fs::File::create(file)
                .map_err(|e| UsageError(format!("cannot write {}: {e}", file.display())))?;
            let style = praev::output::Style { color: false, width: None };
            write_matrix(&mut out, &matrix, args.format, style)
                .and_then(|_| out.flush())
                .with_context(|| format!("writing {}", file.display()))?;
            eprintln!("wrote {}", file.display());
        }
        None => {
            let stdout = std::io::stdout();
            write_matrix(&mut stdout.lock(), &matrix, args.format, super::stdout_style())?;
        }
    }
    Ok(())
}
