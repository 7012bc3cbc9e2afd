//! Errors of the web server: a status and one line of text, sent as `{"error": "…"}`.
//!
//! Every request that cannot be answered ends here: a bad parameter (400), an unknown page or
//! document (404), a request too large (413, 414) or a failure inside (500). The API and the
//! pages answer errors the same way, so a client never has to parse HTML to learn what went
//! wrong; the pages show the error in their own frame ([`crate::serve::pages`]).

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::Error;

/// A request the server does not answer with a result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    /// One line, no control characters.
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        let message: String = message.into();
        let line = message.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        ApiError { status, message: line }
    }

    /// 400: a parameter the request got wrong.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    /// 404: nothing at this address.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    /// 500: the server failed; the request may have been fine.
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }

    /// The JSON body: `{"error": "…"}` and a newline.
    pub fn json_body(&self) -> String {
        let mut body = serde_json::json!({ "error": self.message }).to_string();
        body.push('\n');
        body
    }
}

impl From<Error> for ApiError {
    /// A wrong argument is the client's (400); anything else is the server's (500).
    fn from(error: Error) -> ApiError {
        match error {
            Error::InvalidArgument(message) => ApiError::bad_request(message),
            other => ApiError::internal(other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, [(header::CONTENT_TYPE, "application/json")], self.json_body()).into_response()
    }
}

/// Any address no route serves.
pub async fn not_found() -> ApiError {
    ApiError::not_found(
        "no such page or API endpoint (the pages: /search, /themes, /quotes, /compare, /documents; the API: /api/)",
    )
}

/// A route asked with a method other than GET.
pub async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "only GET requests are answered")
}

/// An error answered by a layer rather than a handler (the timeout's 408, the body limit's
/// 413, a rejection) as the one-line JSON error every other error is.
pub async fn json_for_bare_errors(response: Response) -> Response {
    let status = response.status();
    let is_json = response.headers().get(header::CONTENT_TYPE).is_some_and(|v| {
        v.as_bytes().starts_with(b"application/json") || v.as_bytes().starts_with(b"text/html")
    });
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let reason = status.canonical_reason().unwrap_or("error").to_lowercase();
    ApiError::new(status, reason).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_is_one_line_of_json() {
        let error = ApiError::bad_request("zwei\nZeilen");
        assert_eq!(error.json_body(), "{\"error\":\"zwei Zeilen\"}\n");
        assert_eq!(ApiError::from(Error::InvalidArgument("x".into())).status, StatusCode::BAD_REQUEST);
    }
}
