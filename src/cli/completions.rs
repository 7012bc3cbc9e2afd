//! `praev completions SHELL`: the shell's completion script, generated from the clap
//! definitions, so it always knows every command and flag of this build.

use std::io::Write;

use clap::{Args, CommandFactory};
use clap_complete::Shell;

/// Print a completion script for bash, zsh, fish, PowerShell or elvish to stdout.
///
/// bash: `praev completions bash > ~/.local/share/bash-completion/completions/praev`;
/// zsh: `praev completions zsh > ~/.zfunc/_praev` (with `~/.zfunc` in `fpath`);
/// fish: `praev completions fish > ~/.config/fish/completions/praev.fish`;
/// PowerShell: `praev completions powershell | Out-String | Invoke-Expression`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(args: CompletionsArgs) -> anyhow::Result<()> {
    let mut command = super::Cli::command();
    // Generated into memory first: clap_complete panics on a write error (a closed pipe).
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "praev", &mut script);
    let mut out = std::io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(())
}
