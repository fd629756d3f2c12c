//! Plain-text and Markdown articles with optional YAML-style front matter.
//!
//! ```text
//! ---
//! title: Trump y Petro se reúnen
//! outlet: Diario del Caribe
//! lang: es
//! ---
//! Body...
//! ```
//! Only flat `key: value` lines are read (values may be quoted); unknown keys are ignored.

use super::IngestError;
use crate::lang::Lang;
use crate::model::{Article, ArticleMeta};

/// Parses a text or Markdown article whose id is its path.
pub(super) fn parse_article(path: &str, text: &str) -> Result<Article, IngestError> {
    let (fields, body) = split_front_matter(path, text)?;
    let mut meta = ArticleMeta::default();
    let mut declared_lang = None;
    let mut id = None;
    for (line, key, value) in fields {
        let value = unquote(value);
        if value.is_empty() {
            continue;
        }
        match key.to_ascii_lowercase().as_str() {
            "title" => meta.title = Some(value),
            "outlet" | "source" | "publisher" | "site_name" => meta.outlet = Some(value),
            "url" | "link" => meta.url = Some(value),
            "date" | "published" => meta.date = Some(value),
            "id" => id = Some(value),
            "lang" | "language" => {
                declared_lang = Some(Lang::from_tag(&value).ok_or_else(|| {
                    IngestError::new(
                        path,
                        Some(line),
                        format!("unsupported language {value:?} (quotecheck reads en and es)"),
                    )
                })?)
            }
            _ => {}
        }
    }
    Ok(Article {
        id: id.unwrap_or_else(|| path.to_string()),
        meta,
        declared_lang,
        body: body.to_string(),
    })
}

/// A front-matter line: (line number, key, value).
type Field<'a> = (usize, &'a str, &'a str);

/// Splits `text` into front-matter fields `(line, key, value)` and the body after them.
fn split_front_matter<'a>(
    path: &str,
    text: &'a str,
) -> Result<(Vec<Field<'a>>, &'a str), IngestError> {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Ok((Vec::new(), text));
    };
    let mut fields = Vec::new();
    let mut offset = text.len() - rest.len();
    for (index, raw_line) in rest.split_inclusive('\n').enumerate() {
        let line_number = index + 2;
        offset += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        if line == "---" || line == "..." {
            return Ok((fields, &text[offset..]));
        }
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        match line.split_once(':') {
            Some((key, value)) if !key.trim().is_empty() && !key.starts_with(' ') => {
                fields.push((line_number, key.trim(), value.trim()))
            }
            // Nested YAML (lists, maps) is not ours to read; its lines are ignored.
            _ if line.starts_with([' ', '\t', '-']) => {}
            _ => {
                return Err(IngestError::new(
                    path,
                    Some(line_number),
                    format!("front matter line is not `key: value`: {line:?}"),
                ))
            }
        }
    }
    Err(IngestError::new(
        path,
        Some(1),
        "front matter opened with `---` is never closed",
    ))
}

fn unquote(value: &str) -> String {
    let value = value.trim();
    for mark in ['"', '\''] {
        if value.len() >= 2 && value.starts_with(mark) && value.ends_with(mark) {
            return value[1..value.len() - 1].to_string();
        }
    }
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_front_matter_and_keeps_body_offsets_after_it() {
        let text = "---\ntitle: \"Hola: mundo\"\noutlet: Diario\nlang: es-CO\ntags:\n  - a\n---\nCuerpo «citado».\n";
        let article = parse_article("x.md", text).unwrap();
        assert_eq!(article.meta.title.as_deref(), Some("Hola: mundo"));
        assert_eq!(article.meta.outlet.as_deref(), Some("Diario"));
        assert_eq!(article.declared_lang, Some(Lang::Es));
        assert_eq!(article.body, "Cuerpo «citado».\n");
        assert_eq!(article.id, "x.md");
    }

    #[test]
    fn text_without_front_matter_is_all_body() {
        let article = parse_article("x.txt", "Just text.\n---\n").unwrap();
        assert_eq!(article.body, "Just text.\n---\n");
    }

    #[test]
    fn unclosed_front_matter_and_bad_lang_name_the_line() {
        let error = parse_article("x.md", "---\ntitle: a\nauthor: b\n").unwrap_err();
        assert_eq!(
            error.to_string(),
            "x.md:1: front matter opened with `---` is never closed"
        );
        let error = parse_article("x.md", "---\nlang: fr\n---\nTexte").unwrap_err();
        assert_eq!(error.line, Some(2));
    }
}
