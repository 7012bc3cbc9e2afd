//! `praev serve`: the index as a local web application, for people who do not live in a
//! terminal.
//!
//! The server answers two kinds of requests, both computed by the same library calls as the
//! CLI commands: the JSON API under `/api/` ([`api`]), whose bodies are exactly the CLI's
//! `--format json` output (they go through [`crate::output::emit`], so the contract cannot
//! drift), and German HTML pages ([`pages`]) rendered with maud, which escapes every piece of
//! corpus text. Styles and the small script are compiled into the binary ([`assets`]); no
//! page loads anything from another host.
//!
//! The index is opened once and shared; searches run on tokio's blocking pool, at most as
//! many at once as the machine has cores ([`AppState::run`]). Requests are bounded
//! ([`limits`]): body size, query-string length, text length and `limit`; every bad request
//! is a 4xx with a one-line JSON error ([`error`]). This module knows nothing of the command
//! line: `cli/serve.rs` opens the index, binds and prints the URL.

pub mod api;
pub mod assets;
pub mod error;
pub mod limits;
pub mod pages;
pub mod params;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use crate::index::PraevIndex;
use error::ApiError;

/// A request that takes longer than this is answered with 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// What every handler shares: the open index and the bound on concurrent searches.
#[derive(Clone)]
pub struct AppState {
    index: Arc<PraevIndex>,
    searches: Arc<Semaphore>,
}

impl AppState {
    /// Shares `index`; at most `parallel` searches run at once (the others wait their turn).
    pub fn new(index: PraevIndex, parallel: usize) -> AppState {
        AppState { index: Arc::new(index), searches: Arc::new(Semaphore::new(parallel.max(1))) }
    }

    /// The shared index.
    pub fn index(&self) -> &PraevIndex {
        &self.index
    }

    /// Runs `work` on the blocking pool once a search slot is free. A panic in `work` becomes
    /// a 500 error, never a dropped connection.
    pub async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&PraevIndex) -> Result<T, ApiError> + Send + 'static,
    {
        let _permit =
            self.searches.acquire().await.map_err(|_| ApiError::internal("the server is stopping"))?;
        let index = Arc::clone(&self.index);
        match tokio::task::spawn_blocking(move || work(&index)).await {
            Ok(result) => result,
            Err(_) => Err(ApiError::internal("internal error while answering this request")),
        }
    }
}

/// The whole application: pages, API, assets, and the limits around them.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::home))
        .route("/search", get(pages::search::page))
        .route("/document/{*file}", get(pages::document::page))
        .route("/documents", get(pages::documents::page))
        .route("/themes", get(pages::themes::page))
        .route("/theme", get(pages::themes::theme_page))
        .route("/quotes", get(pages::quotes::page))
        .route("/compare", get(pages::compare::page))
        .nest("/api", api::routes())
        .route("/assets/{name}", get(assets::serve))
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed)
        .with_state(state)
        .layer(RequestBodyLimitLayer::new(limits::MAX_BODY_BYTES))
        .layer(middleware::from_fn(limits::check_request))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .layer(middleware::map_response(error::json_for_bare_errors))
        .layer(middleware::map_response(security_headers))
}

/// Pages may load only their own styles and script; no framing, no sniffing.
async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    response
}

/// Serves `state` on `listener` until `shutdown` completes; requests under way are finished.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(state)).with_graceful_shutdown(shutdown).await
}

/// Whether an address is reachable from this machine only.
pub fn is_loopback(address: &SocketAddr) -> bool {
    address.ip().is_loopback()
}
