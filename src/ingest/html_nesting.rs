//! Caps how deeply HTML elements nest, and how many tags a page has, before the page reaches
//! the HTML parser.
//!
//! The HTML parsing algorithm walks the stack of open elements for many start tags ("is a
//! `p` in button scope?"), so a page nested N levels deep costs N² steps: 100,000 nested
//! `<div>`s took minutes. Browsers cap the depth for the same reason (Chromium attaches
//! elements below 512 levels as siblings). praev does the same before parsing: start and end
//! tags below [`MAX_DEPTH`] levels are replaced by a line break, so their text is kept, in
//! order and separated, and only the structure deeper than any real page goes. Pages that
//! never nest that deep pass through unchanged (borrowed, no copy).
//!
//! Every element also costs about a kilobyte in the parsed tree, so a page of nothing but tiny
//! tags (`<a><a><a>…`, 3 bytes each) would need hundreds of times its size in memory. Tags
//! after the first [`MAX_TAGS`] (comments count too) are therefore replaced by line breaks as
//! well: the text of such a page stays, its markup does not. Real pages, even long reports,
//! have a few thousand tags.
//!
//! The scan is a tokenizer light: comments, doctypes and processing instructions are
//! skipped, quoted attribute values may hold `>`, the raw text of `script`, `style`,
//! `textarea` and `title` is not searched for tags. Void elements (`br`, `img` …) and
//! elements whose end tag may be left out (`p`, `li`, `td` …) are not counted, so old pages
//! with thousands of unclosed `<p>`s are not mistaken for deep ones.

use std::borrow::Cow;

/// Elements nested deeper than this lose their tags (their text stays).
pub const MAX_DEPTH: usize = 512;

/// Tags after this many lose their markup (their text stays).
pub const MAX_TAGS: usize = 100_000;

/// Elements that never have content.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr",
];

/// Elements whose end tag may be omitted: not counted, since pages often leave them open.
const OPTIONAL_END: [&str; 15] = [
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb", "rt",
    "rp",
];

/// Elements whose content is raw text, where `<` opens no tag.
const RAW_TEXT: [&str; 4] = ["script", "style", "textarea", "title"];

/// `html` with the tags of elements below [`MAX_DEPTH`], and all tags after the first
/// [`MAX_TAGS`], replaced by `\n`.
pub fn cap_nesting(html: &str) -> Cow<'_, str> {
    cap_nesting_at(html, Limits { depth: MAX_DEPTH, tags: MAX_TAGS })
}

#[derive(Debug, Clone, Copy)]
struct Limits {
    depth: usize,
    tags: usize,
}

fn cap_nesting_at(html: &str, limits: Limits) -> Cow<'_, str> {
    let shape = Tags { html, at: 0 }.shape();
    if shape.depth <= limits.depth && shape.tags <= limits.tags {
        return Cow::Borrowed(html);
    }
    Cow::Owned(flatten_beyond(html, limits))
}

/// Rewrites `html`, dropping start and end tags of counted elements deeper than the depth
/// limit, and every tag after the tag limit.
fn flatten_beyond(html: &str, limits: Limits) -> String {
    let mut out = String::with_capacity(html.len());
    let (mut depth, mut dropped) = (0usize, 0usize);
    let mut copied_up_to = 0;
    for (n, tag) in (Tags { html, at: 0 }).enumerate() {
        let keep = match tag.kind {
            _ if n >= limits.tags => false,
            TagKind::Other => true,
            TagKind::Start if depth >= limits.depth => {
                dropped += 1;
                false
            }
            TagKind::Start => {
                depth += 1;
                true
            }
            TagKind::End if dropped > 0 => {
                dropped -= 1;
                false
            }
            TagKind::End => {
                depth = depth.saturating_sub(1);
                true
            }
        };
        if !keep {
            out.push_str(&html[copied_up_to..tag.span.start]);
            out.push('\n');
            copied_up_to = tag.span.end;
        }
    }
    out.push_str(&html[copied_up_to..]);
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    /// The start tag of an element that counts for nesting.
    Start,
    /// The end tag of an element that counts for nesting.
    End,
    /// A tag that does not nest (void, self-closing, optional end tag) or a comment.
    Other,
}

/// A tag or comment, by byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Tag {
    kind: TagKind,
    span: std::ops::Range<usize>,
}

/// The tags and comments of a page, in order.
struct Tags<'a> {
    html: &'a str,
    at: usize,
}

/// How deeply a page's counted elements nest (end tags never take it below zero), and how
/// many tags and comments it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shape {
    depth: usize,
    tags: usize,
}

impl Tags<'_> {
    fn shape(self) -> Shape {
        let (mut depth, mut shape) = (0usize, Shape { depth: 0, tags: 0 });
        for tag in self {
            shape.tags += 1;
            match tag.kind {
                TagKind::Start => {
                    depth += 1;
                    shape.depth = shape.depth.max(depth);
                }
                TagKind::End => depth = depth.saturating_sub(1),
                TagKind::Other => {}
            }
        }
        shape
    }
}

impl Iterator for Tags<'_> {
    type Item = Tag;

    fn next(&mut self) -> Option<Tag> {
        let bytes = self.html.as_bytes();
        while let Some(offset) = memchr::memchr(b'<', &bytes[self.at..]) {
            let start = self.at + offset;
            let rest = &bytes[start + 1..];
            if rest.starts_with(b"!--") {
                self.at = find(bytes, start + 4, b"-->").map_or(bytes.len(), |end| end + 3);
                return Some(Tag { kind: TagKind::Other, span: start..self.at });
            }
            if rest.starts_with(b"!") || rest.starts_with(b"?") {
                self.at = find(bytes, start + 1, b">").map_or(bytes.len(), |end| end + 1);
                continue;
            }
            let is_end = rest.starts_with(b"/");
            let name_start = start + 1 + usize::from(is_end);
            let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
                self.at = start + 1;
                continue;
            }
            let name = self.html[name_start..name_start + name_len].to_ascii_lowercase();
            let end = tag_end(bytes, name_start + name_len);
            self.at = end;
            let self_closing = !is_end && end >= 2 && bytes[end - 2] == b'/';
            if !is_end && RAW_TEXT.contains(&name.as_str()) {
                self.at = raw_text_end(bytes, end, &name);
            }
            let counted = !VOID.contains(&name.as_str()) && !OPTIONAL_END.contains(&name.as_str());
            let kind = match (counted && !self_closing, is_end) {
                (false, _) => TagKind::Other,
                (true, true) => TagKind::End,
                (true, false) => TagKind::Start,
            };
            // A raw-text element's start tag spans its content, which goes with it if dropped.
            return Some(Tag { kind, span: start..self.at.max(end) });
        }
        self.at = bytes.len();
        None
    }
}

/// The first occurrence of `needle` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|p| from + p)
}

/// The byte after the `>` that closes a tag whose name ends at `from`; quoted attribute
/// values may contain `>`. An unclosed tag runs to the end of the page.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// Where the raw text of a `name` element ends: at its end tag (any case), or the page's end.
fn raw_text_end(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(lt) = find(bytes, at, b"</") {
        let after = &bytes[lt + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return lt;
        }
        at = lt + 2;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize, inner: &str) -> String {
        format!("{}{inner}{}", "<div>".repeat(depth), "</div>".repeat(depth))
    }

    fn depth(depth: usize) -> Limits {
        Limits { depth, tags: usize::MAX }
    }

    fn shape(page: &str) -> Shape {
        Tags { html: page, at: 0 }.shape()
    }

    #[test]
    fn pages_within_the_limits_are_borrowed_unchanged() {
        let page = nested(40, "Frühe Hilfen");
        assert!(matches!(cap_nesting(&page), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_below_the_depth_limit_become_line_breaks_and_text_stays() {
        let page = nested(5, "Kinder<b>stark</b>");
        let capped = cap_nesting_at(&page, depth(3));
        assert_eq!(capped, "<div><div><div>\n\nKinder\nstark\n\n\n</div></div></div>");
    }

    #[test]
    fn tags_after_the_tag_limit_become_line_breaks_and_text_stays() {
        let page = "<p>Eltern<br>stärken<!-- x --><p>Kinder <b>schützen</b>";
        let capped = cap_nesting_at(page, Limits { depth: MAX_DEPTH, tags: 3 });
        assert_eq!(capped, "<p>Eltern<br>stärken<!-- x -->\nKinder \nschützen\n");
    }

    #[test]
    fn what_does_not_count_as_nesting() {
        let cases = [
            ("unclosed paragraphs", "<p>a<p>b<p>c<p>d<li>e<li>f"),
            ("void elements", "<br><img src=x><hr><br><br>"),
            ("self-closing tags", "<x/><y/><z/><w/>"),
            ("tags inside a comment", "<!-- <div><div><div><div> -->"),
            ("tags inside a script", "<script>'<div><div><div><div>'</SCRIPT>"),
            ("a quoted >", r#"<a title="<div><div><div><div>">x</a>"#),
            ("a lone <", "a < b <3 <<<< c"),
            ("a doctype", "<!DOCTYPE html><?xml x?>"),
        ];
        for (what, page) in cases {
            assert!(shape(page).depth <= 1, "{what}");
            assert_eq!(cap_nesting_at(page, depth(1)), page, "{what}");
        }
    }

    #[test]
    fn tags_and_comments_are_counted() {
        assert_eq!(shape("<p>a<br>b<!-- c --><div>d</div> e < f"), Shape { depth: 1, tags: 5 });
        assert_eq!(shape("a < b <3 <!DOCTYPE html>"), Shape { depth: 0, tags: 0 });
    }

    #[test]
    fn stray_end_tags_do_not_take_depth_below_zero() {
        assert_eq!(shape("</div></div><div><div></div>").depth, 2);
    }

    #[test]
    fn unclosed_tags_at_the_end_end_the_page() {
        let cases = [
            ("<div><div", "<div>\n"),
            ("<div><div title='>", "<div>\n"),
            ("<div><script>x", "<div>\n"),
            ("<div><!--", "<div><!--"),
            ("<div></", "<div></"),
            ("<div><", "<div><"),
        ];
        for (page, capped) in cases {
            assert_eq!(cap_nesting_at(page, depth(1)), capped, "{page:?}");
        }
    }
}
