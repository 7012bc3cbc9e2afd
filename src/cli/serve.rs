//! `praev serve`: the index as a local web application (pages and a JSON API; see
//! `praev::serve`). This file only reads the flags, opens the index, binds, prints the URL and
//! waits for Ctrl-C.

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use anyhow::Context;
use clap::Args;

use super::args::IndexArg;
use super::UsageError;
use praev::serve::{self, AppState};

/// Serve the index in a browser: search, documents, themes heatmap, quotes and comparisons,
/// and the same results as JSON under /api/ (exactly the commands' --format json). Prints the
/// URL and serves until stopped (Ctrl-C).
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub index: IndexArg,

    /// The TCP port (0: any free port; the URL printed says which).
    #[arg(long, short = 'p', default_value_t = 8080)]
    pub port: u16,

    /// The address to listen on. The default is reachable from this machine only; any other
    /// (0.0.0.0: every network) makes the index readable by others, with a warning.
    #[arg(long, value_name = "ADDRESS", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub bind: IpAddr,
}

pub fn run(args: ServeArgs) -> anyhow::Result<()> {
    let index = args.index.open()?;
    let index_path = index.path.clone();
    let parallel = std::thread::available_parallelism().map_or(2, |n| n.get());
    let state = AppState::new(index, parallel);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the web server's runtime")?;
    runtime.block_on(async move {
        let address = SocketAddr::new(args.bind, args.port);
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .map_err(|e| UsageError(format!("cannot listen on {address}: {e}")))?;
        let bound = listener.local_addr().context("reading the bound address")?;
        if !serve::is_loopback(&bound) {
            eprintln!(
                "warning: listening on {bound}, not on loopback: anyone who can reach this machine can read the index"
            );
        }
        let mut stdout = std::io::stdout();
        writeln!(stdout, "http://{}/", url_host(bound))?;
        stdout.flush()?;
        eprintln!("serving the index at {} (Ctrl-C stops)", index_path.display());
        serve::serve(listener, state, stop_signal()).await.context("serving")?;
        eprintln!("stopped");
        Ok(())
    })
}

/// The host and port as a URL writes them (IPv6 in brackets).
fn url_host(address: SocketAddr) -> String {
    match address {
        SocketAddr::V4(v4) => v4.to_string(),
        SocketAddr::V6(v6) => format!("[{}]:{}", v6.ip(), v6.port()),
    }
}

/// Completes on Ctrl-C or, on Unix, SIGTERM.
async fn stop_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}
