//! `praev man`: manual pages in roff, generated from the clap definitions (the `--help` texts).

use std::path::PathBuf;

use anyhow::Context;
use std::io::Write;

use clap::{Args, CommandFactory};

/// Print the manual page praev(1) in roff to stdout (`praev man | man -l -`), or write one
/// page per command into a folder.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write praev.1 and one page per command (praev-search.1, …) into DIR instead.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub fn run(args: ManArgs) -> anyhow::Result<()> {
    let command = super::Cli::command();
    match args.dir {
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command).render(&mut page)?;
            let mut out = std::io::stdout().lock();
            out.write_all(&page)?;
            out.flush()?;
        }
        Some(dir) => {
            std::fs::create_dir_all(&dir)
                .map_err(|e| super::UsageError(format!("cannot create {}: {e}", dir.display())))?;
            clap_mangen::generate_to(command, &dir)
                .with_context(|| format!("writing manual pages into {}", dir.display()))?;
            if super::verbosity::normal() {
                eprintln!("wrote the manual pages into {}", dir.display());
            }
        }
    }
    Ok(())
}
