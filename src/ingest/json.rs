//! JSON articles: one object (or an array of objects) per `.json` file, one object per line of a
//! `.jsonl` file. Field names follow what scrapers write: `text`/`maintext`/`body`,
//! `outlet`/`source_domain`, `date`/`date_publish`, `lang`/`language`.

use super::IngestError;
use crate::lang::Lang;
use crate::model::{Article, ArticleMeta};
use serde_json::{Map, Value};

/// Parses a `.json` file: one article object, or an array of them (ids get `#N`, N from 1).
/// A gold annotation file parses to no article at all.
pub(super) fn parse_json(path: &str, text: &str) -> Vec<Result<Article, IngestError>> {
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => {
            return vec![Err(IngestError::new(
                path,
                Some(error.line()),
                format!("malformed JSON: {error}"),
            ))]
        }
    };
    match value {
        Value::Object(object) if is_annotation_file(&object) => Vec::new(),
        Value::Object(object) => vec![article_from_object(path, None, path.to_string(), &object)],
        Value::Array(items) if items.is_empty() => vec![Err(IngestError::new(
            path,
            None,
            "empty JSON array: no article",
        ))],
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(index, item)| match item {
                Value::Object(object) => {
                    article_from_object(path, None, format!("{path}#{}", index + 1), object)
                }
                _ => Err(IngestError::new(
                    path,
                    None,
                    format!("item {} of the array is not an object", index + 1),
                )),
            })
            .collect(),
        _ => vec![Err(IngestError::new(
            path,
            None,
            "expected a JSON object (one article) or an array of objects",
        ))],
    }
}

/// Parses a `.jsonl` file: one article per non-blank line; a bad line is an error of its own
/// and the other lines are still read.
pub(super) fn parse_json_lines(path: &str, text: &str) -> Vec<Result<Article, IngestError>> {
    let mut results: Vec<_> = text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            let line_number = index + 1;
            match serde_json::from_str::<Value>(line) {
                Ok(Value::Object(object)) => article_from_object(
                    path,
                    Some(line_number),
                    format!("{path}#{line_number}"),
                    &object,
                ),
                Ok(_) => Err(IngestError::new(
                    path,
                    Some(line_number),
                    "expected a JSON object",
                )),
                Err(error) => Err(IngestError::new(
                    path,
                    Some(line_number),
                    format!("malformed JSON: {error}"),
                )),
            }
        })
        .collect();
    if results.is_empty() {
        results.push(Err(IngestError::new(
            path,
            None,
            "empty JSONL file: no article",
        )));
    }
    results
}

/// A quotecheck gold file: annotations, not an article.
fn is_annotation_file(object: &Map<String, Value>) -> bool {
    object.get("articles").is_some_and(Value::is_object)
        && first_text(object, TEXT_FIELDS).is_none()
}

const TEXT_FIELDS: &[&str] = &["text", "maintext", "body"];

/// The first of `keys` holding a usable string. Scrapers write a missing value as null or as
/// the string "None".
fn first_text(object: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|key| match object.get(*key) {
        Some(Value::String(s)) if !s.trim().is_empty() && s != "None" => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

fn article_from_object(
    path: &str,
    line: Option<usize>,
    default_id: String,
    object: &Map<String, Value>,
) -> Result<Article, IngestError> {
    let body = first_text(object, TEXT_FIELDS).ok_or_else(|| {
        IngestError::new(
            path,
            line,
            "no article text: expected a non-empty \"text\", \"maintext\" or \"body\" field",
        )
    })?;
    let declared_lang = match first_text(object, &["lang", "language"]) {
        Some(tag) => Some(Lang::from_tag(&tag).ok_or_else(|| {
            IngestError::new(
                path,
                line,
                format!("unsupported language {tag:?} (quotecheck reads en and es)"),
            )
        })?),
        None => None,
    };
    let meta = ArticleMeta {
        title: first_text(object, &["title"]),
        outlet: first_text(object, &["outlet", "source_domain"]),
        url: first_text(object, &["url"]),
        date: first_text(object, &["date", "date_publish"]),
    };
    let id = first_text(object, &["id"]).unwrap_or(default_id);
    Ok(Article {
        id,
        meta,
        declared_lang,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_please_fields_and_none_dates_are_understood() {
        let text = r#"{"maintext": "Cuerpo", "source_domain": "diario.test", "date_publish": "None", "language": "es"}"#;
        let article = parse_json("a.json", text).remove(0).unwrap();
        assert_eq!(article.body, "Cuerpo");
        assert_eq!(article.meta.outlet.as_deref(), Some("diario.test"));
        assert_eq!(article.meta.date, None);
        assert_eq!(article.declared_lang, Some(Lang::Es));
        assert_eq!(article.id, "a.json");
    }

    #[test]
    fn one_bad_jsonl_line_keeps_the_others() {
        let text = "{\"text\": \"one\", \"id\": \"first\"}\n{oops\n\n{\"text\": \"three\"}\n";
        let results = parse_json_lines("b.jsonl", text);
        assert_eq!(results.len(), 3);
        assert_eq!(results[0].as_ref().unwrap().id, "first");
        assert_eq!(results[1].as_ref().unwrap_err().line, Some(2));
        assert_eq!(results[2].as_ref().unwrap().id, "b.jsonl#4");
    }

    #[test]
    fn gold_files_are_not_articles() {
        assert!(parse_json("gold.json", r#"{"speakers": {}, "articles": {}}"#).is_empty());
    }
}
