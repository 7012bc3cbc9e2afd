//! The sequential colour scale the HTML and SVG heatmaps share, so they look alike, and the
//! escaping of text for both.

use super::unit;

/// Stops of the sequential scale, white through green-blue to dark blue. Every channel falls
/// from stop to stop, so the scale gets darker all the way.
pub(super) const SCALE_STOPS: [(f64, [u8; 3]); 5] = [
    (0.0, [0xff, 0xff, 0xff]),
    (0.25, [0xcc, 0xeb, 0xc5]),
    (0.5, [0x7b, 0xcc, 0xc4]),
    (0.75, [0x2b, 0x8c, 0xbe]),
    (1.0, [0x08, 0x40, 0x81]),
];

/// The colour of `relative` (0 to 1, clamped) as "#rrggbb".
pub fn scale_color(relative: f32) -> String {
    hex(scale_rgb(unit(relative)))
}

pub(super) fn scale_rgb(x: f64) -> [u8; 3] {
    let upper = SCALE_STOPS.iter().position(|(at, _)| x <= *at).unwrap_or(SCALE_STOPS.len() - 1).max(1);
    let (x0, c0) = SCALE_STOPS[upper - 1];
    let (x1, c1) = SCALE_STOPS[upper];
    let f = ((x - x0) / (x1 - x0)).clamp(0.0, 1.0);
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * f).round() as u8;
    [mix(c0[0], c1[0]), mix(c0[1], c1[1]), mix(c0[2], c1[2])]
}

pub(super) fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white).
pub(super) fn luminance(rgb: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])
}

pub(super) const DARK_TEXT: &str = "#1a1a1a";
pub(super) const LIGHT_TEXT: &str = "#ffffff";

/// White text where it reaches the WCAG AA contrast (4.5:1) on the scale colour, near-black
/// text on the lighter colours.
pub(super) fn text_color_on(relative: f32) -> &'static str {
    let contrast_with_white = 1.05 / (luminance(scale_rgb(unit(relative))) + 0.05);
    if contrast_with_white >= 4.5 {
        LIGHT_TEXT
    } else {
        DARK_TEXT
    }
}

/// Escapes text for HTML and XML, attributes included.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
