//! The bounds on a request, checked before any handler runs: no request may make the server
//! read, search or render without limit.

use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::ApiError;

/// Requests carry their parameters in the query string; a body is never needed.
pub const MAX_BODY_BYTES: usize = 1024;
/// The query string of one request (percent-encoded), and of the path.
pub const MAX_QUERY_BYTES: usize = 8 * 1024;
pub const MAX_PATH_BYTES: usize = 2 * 1024;
/// A query, name or filter value, in characters.
pub const MAX_TEXT_CHARS: usize = 500;
/// The text of `/api/similar?text=…`, in characters.
pub const MAX_SOURCE_CHARS: usize = 5_000;
/// The most results one request may ask for.
pub const MAX_LIMIT: usize = 100;
/// The most values of one repeatable filter (`municipality`, `kind`, `themes`).
pub const MAX_VALUES: usize = 50;

/// Answers oversized requests (413, 414) before they reach a handler.
pub async fn check_request(request: Request, next: Next) -> Response {
    let uri = request.uri();
    if uri.path().len() > MAX_PATH_BYTES {
        return ApiError::new(
            StatusCode::URI_TOO_LONG,
            format!("the path is longer than {MAX_PATH_BYTES} bytes"),
        )
        .into_response();
    }
    if uri.query().is_some_and(|q| q.len() > MAX_QUERY_BYTES) {
        return ApiError::new(
            StatusCode::URI_TOO_LONG,
            format!("the query string is longer than {MAX_QUERY_BYTES} bytes"),
        )
        .into_response();
    }
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|length| length > MAX_BODY_BYTES as u64) {
        return ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the request body is larger than {MAX_BODY_BYTES} bytes (requests take no body)"),
        )
        .into_response();
    }
    next.run(request).await
}
