//! The one number formatter: fixed decimals, and never a negative zero.
//!
//! Sums and products of scores can end as `-0.0` (or a tiny negative that rounds to zero);
//! printed as is, that reads `-0.000` in CSV, `-0.0` in JSON and `strength -0.00` in tooltips.
//! Every number praev prints with fixed decimals goes through [`fixed`] or [`signed`], every
//! float of a JSON wire type through [`f32_json`] / [`f64_json`].

use serde::Serializer;

/// `value` with `decimals` decimals; a result that rounds to zero has no minus sign.
pub fn fixed(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_string(),
        _ => text,
    }
}

/// Like [`fixed`], with a `+` in front of zero and positive values (a difference).
pub fn signed(value: f64, decimals: usize) -> String {
    let text = fixed(value, decimals);
    if text.starts_with('-') || !value.is_finite() {
        text
    } else {
        format!("+{text}")
    }
}

/// `value` without the sign of a negative zero.
pub fn positive_zero(value: f64) -> f64 {
    if value == 0.0 {
        0.0
    } else {
        value
    }
}

/// Serialises an `f32` as it is, except negative zero as `0.0`.
pub fn f32_json<S: Serializer>(value: &f32, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f32(if *value == 0.0 { 0.0 } else { *value })
}

/// Serialises an `f64` as it is, except negative zero as `0.0`.
pub fn f64_json<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64(positive_zero(*value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_negative_zero() {
        assert_eq!(fixed(-0.0, 3), "0.000");
        assert_eq!(fixed(-0.0001, 3), "0.000");
        assert_eq!(fixed(-0.5, 2), "-0.50");
        assert_eq!(fixed(2.4591, 3), "2.459");
        assert_eq!(fixed(-0.0, 0), "0");
        assert_eq!(signed(-0.0, 3), "+0.000");
        assert_eq!(signed(-0.25, 3), "-0.250");
        assert_eq!(signed(0.25, 3), "+0.250");
        assert_eq!(serde_json::to_string(&Wire { x: -0.0, y: -0.0 }).unwrap(), r#"{"x":0.0,"y":0.0}"#);
    }

    #[derive(serde::Serialize)]
    struct Wire {
        #[serde(serialize_with = "f32_json")]
        x: f32,
        #[serde(serialize_with = "f64_json")]
        y: f64,
    }
}
