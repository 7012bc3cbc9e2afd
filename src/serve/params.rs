//! The query string of a request, read into typed values with the CLI's names and defaults.
//!
//! Parameters are named like the CLI's flags (`q` is the query argument; `municipality` and
//! `kind` repeat as the flags do). Each endpoint says which parameters it takes, so a typo
//! (`limt=5`) is a 400 naming the parameter instead of a silently ignored filter. Values are
//! bounded by [`super::limits`].

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use super::error::ApiError;
use super::limits::{MAX_LIMIT, MAX_TEXT_CHARS, MAX_VALUES};
use crate::ingest::{DocKind, PassageKind};

/// The decoded `name=value` pairs of a request's query string, in order.
#[derive(Debug, Clone, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Params, ApiError> {
        Ok(Params::parse(parts.uri.query().unwrap_or("")))
    }
}

impl Params {
    /// Decodes a query string (`+` is a space; invalid UTF-8 becomes U+FFFD).
    pub fn parse(query: &str) -> Params {
        let pairs = form_pairs(query);
        Params { pairs }
    }

    /// A 400 for any parameter not in `known`.
    pub fn only(&self, known: &[&str]) -> Result<&Params, ApiError> {
        match self.pairs.iter().find(|(name, _)| !known.contains(&name.as_str())) {
            None => Ok(self),
            Some((name, _)) => Err(ApiError::bad_request(format!(
                "unknown parameter {name:?} (this endpoint takes: {})",
                known.join(", ")
            ))),
        }
    }

    /// The one value of `name`, trimmed, empty counting as absent; a 400 when it is given
    /// twice or is longer than `max_chars`.
    pub fn text_up_to(&self, name: &str, max_chars: usize) -> Result<Option<String>, ApiError> {
        let mut values = self.pairs.iter().filter(|(n, _)| n == name).map(|(_, v)| v.trim());
        let value = values.next();
        if values.next().is_some() {
            return Err(ApiError::bad_request(format!("parameter {name:?} is given more than once")));
        }
        match value {
            None | Some("") => Ok(None),
            Some(v) if v.chars().count() > max_chars => Err(ApiError::bad_request(format!(
                "parameter {name:?} is longer than {max_chars} characters"
            ))),
            Some(v) => Ok(Some(v.to_string())),
        }
    }

    /// [`Params::text_up_to`] with the usual bound for queries and names.
    pub fn text(&self, name: &str) -> Result<Option<String>, ApiError> {
        self.text_up_to(name, MAX_TEXT_CHARS)
    }

    /// A value that must be there.
    pub fn required(&self, name: &str) -> Result<String, ApiError> {
        self.text(name)?.ok_or_else(|| ApiError::bad_request(format!("parameter {name:?} is required")))
    }

    /// Every value of a repeatable parameter; `comma` also splits each value at commas (as
    /// the CLI's `--themes a,b`). Empty values are dropped.
    pub fn all(&self, name: &str, comma: bool) -> Result<Vec<String>, ApiError> {
        let mut values = Vec::new();
        for (_, value) in self.pairs.iter().filter(|(n, _)| n == name) {
            let parts: Vec<&str> = if comma { value.split(',').collect() } else { vec![value.as_str()] };
            for part in parts.into_iter().map(str::trim).filter(|p| !p.is_empty()) {
                if part.chars().count() > MAX_TEXT_CHARS {
                    return Err(ApiError::bad_request(format!(
                        "a value of {name:?} is longer than {MAX_TEXT_CHARS} characters"
                    )));
                }
                values.push(part.to_string());
            }
        }
        if values.len() > MAX_VALUES {
            return Err(ApiError::bad_request(format!(
                "parameter {name:?} has more than {MAX_VALUES} values"
            )));
        }
        Ok(values)
    }

    /// `limit`: a whole number from 1 to [`MAX_LIMIT`]; `default` when absent.
    pub fn limit(&self, default: usize) -> Result<usize, ApiError> {
        self.number("limit", default, 1, MAX_LIMIT)
    }

    /// A whole number from `min` to `max`, `default` when absent.
    pub fn number(&self, name: &str, default: usize, min: usize, max: usize) -> Result<usize, ApiError> {
        match self.text(name)? {
            None => Ok(default),
            Some(value) => match value.parse::<usize>() {
                Ok(n) if (min..=max).contains(&n) => Ok(n),
                _ => Err(ApiError::bad_request(format!(
                    "parameter {name:?} must be a whole number from {min} to {max}, not {value:?}"
                ))),
            },
        }
    }

    /// A flag: absent, `true`/`1`/`yes`/`on` or `false`/`0`/`no`/`off`.
    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.text(name)?.as_deref() {
            None => Ok(false),
            Some("true" | "1" | "yes" | "on") => Ok(true),
            Some("false" | "0" | "no" | "off") => Ok(false),
            Some(other) => {
                Err(ApiError::bad_request(format!("parameter {name:?} must be true or false, not {other:?}")))
            }
        }
    }

    /// Every `kind`, as `search --kind` takes them (a document kind or `quote`).
    pub fn passage_kinds(&self) -> Result<Vec<PassageKind>, ApiError> {
        self.all("kind", false)?
            .iter()
            .map(|value| {
                PassageKind::parse(value).ok_or_else(|| {
                    ApiError::bad_request(format!("unknown kind {value:?} ({})", PassageKind::names()))
                })
            })
            .collect()
    }

    /// Every `kind`, as `documents --kind` takes them (document kinds only).
    pub fn document_kinds(&self) -> Result<Vec<DocKind>, ApiError> {
        let names = || DocKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ");
        self.all("kind", false)?
            .iter()
            .map(|value| {
                DocKind::parse(value)
                    .ok_or_else(|| ApiError::bad_request(format!("unknown kind {value:?} ({})", names())))
            })
            .collect()
    }
}

/// `application/x-www-form-urlencoded` pairs through serde_urlencoded (which never fails on
/// a list of string pairs: bad escapes stay as written, bad UTF-8 is replaced).
fn form_pairs(query: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(query).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_decoded_bounded_and_checked() {
        let params = Params::parse("q=Fr%C3%BChe+Hilfen&municipality=a&municipality=b,c&limit=5&exact=1");
        assert_eq!(params.text("q").unwrap().as_deref(), Some("Frühe Hilfen"));
        assert_eq!(params.all("municipality", false).unwrap(), ["a", "b,c"]);
        assert_eq!(params.all("municipality", true).unwrap(), ["a", "b", "c"]);
        assert_eq!(params.limit(10).unwrap(), 5);
        assert!(params.flag("exact").unwrap());
        assert!(params.only(&["q", "municipality", "limit"]).is_err());
        assert!(Params::parse("limit=0").limit(10).is_err());
        assert!(Params::parse("limit=101").limit(10).is_err());
        assert!(Params::parse("limit=x").limit(10).is_err());
        assert!(Params::parse("q=a&q=b").text("q").is_err());
        assert!(Params::parse(&format!("q={}", "a".repeat(MAX_TEXT_CHARS + 1))).text("q").is_err());
        assert!(Params::parse("kind=blog").passage_kinds().is_err());
        assert_eq!(Params::parse("limit=").limit(7).unwrap(), 7);
    }
}
