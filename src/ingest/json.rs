//! JSON articles: one object (or an array of objects) per `.json` file, one object per line of a
//! `.jsonl` file. A record is in quotecheck's own fields or in a scraper's dialect
//! ([`JsonDialect`]), told by its fields unless `--input-format` names one.

use super::IngestError;
use crate::lang::Lang;
use crate::model::{Article, ArticleMeta};
use serde_json::{Map, Value};

/// The JSON dialects quotecheck reads: which field holds what.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonDialect {
    /// quotecheck's own fields (`text`, `title`, `outlet`, `url`, `date`, `lang`, `id`), with
    /// common alternatives (`maintext`, `body`, `source_domain`, `date_publish`, `language`).
    Quotecheck,
    /// news-please: `maintext`, `source_domain`, `date_publish`, `language`.
    NewsPlease,
    /// trafilatura's JSON with metadata: `source` is the URL, `source-hostname` or
    /// `hostname` the outlet.
    Trafilatura,
    /// newspaper4k `-of json`: `url`/`canonical_link`, `meta_site_name`, `publish_date`,
    /// `meta_lang`.
    Newspaper4k,
    /// Common Crawl CC-NEWS records: `url`, `title`, `domain`, `date`, `text`.
    CcNews,
}

/// Which fields of a dialect hold what, in order of preference.
struct Fields {
    text: &'static [&'static str],
    title: &'static [&'static str],
    outlet: &'static [&'static str],
    url: &'static [&'static str],
    date: &'static [&'static str],
    lang: &'static [&'static str],
    id: &'static [&'static str],
    /// Fields only this dialect writes: their presence tells it.
    signature: &'static [&'static str],
}

impl JsonDialect {
    /// Every dialect, in the order their signatures are tried.
    pub const ALL: [JsonDialect; 5] = [
        JsonDialect::NewsPlease,
        JsonDialect::Trafilatura,
        JsonDialect::Newspaper4k,
        JsonDialect::CcNews,
        JsonDialect::Quotecheck,
    ];

    /// The name `--input-format` uses.
    pub fn name(self) -> &'static str {
        match self {
            JsonDialect::Quotecheck => "quotecheck",
            JsonDialect::NewsPlease => "news-please",
            JsonDialect::Trafilatura => "trafilatura",
            JsonDialect::Newspaper4k => "newspaper4k",
            JsonDialect::CcNews => "cc-news",
        }
    }

    fn fields(self) -> &'static Fields {
        match self {
            JsonDialect::Quotecheck => &Fields {
                text: TEXT_FIELDS,
                title: &["title"],
                outlet: &["outlet", "source_domain"],
                url: &["url"],
                date: &["date", "date_publish"],
                lang: &["lang", "language"],
                id: &["id"],
                signature: &[],
            },
            JsonDialect::NewsPlease => &Fields {
                text: &["maintext"],
                title: &["title"],
                outlet: &["source_domain"],
                url: &["url"],
                date: &["date_publish"],
                lang: &["language"],
                id: &[],
                signature: &["maintext", "source_domain", "date_publish", "date_download"],
            },
            JsonDialect::Trafilatura => &Fields {
                text: &["text", "raw_text"],
                title: &["title"],
                outlet: &["source-hostname", "hostname"],
                url: &["source", "url"],
                date: &["date"],
                lang: &["language"],
                id: &[],
                signature: &["source-hostname", "hostname", "raw_text", "fingerprint"],
            },
            JsonDialect::Newspaper4k => &Fields {
                text: &["text"],
                title: &["title"],
                outlet: &["meta_site_name"],
                url: &["url", "canonical_link"],
                date: &["publish_date"],
                lang: &["meta_lang"],
                id: &[],
                signature: &[
                    "meta_site_name",
                    "canonical_link",
                    "meta_lang",
                    "publish_date",
                ],
            },
            JsonDialect::CcNews => &Fields {
                text: &["text"],
                title: &["title"],
                outlet: &["domain"],
                url: &["url"],
                date: &["date"],
                lang: &[],
                id: &[],
                signature: &["domain"],
            },
        }
    }

    /// The dialect a record's fields tell (quotecheck's own when no signature field is there).
    fn of(object: &Map<String, Value>) -> JsonDialect {
        JsonDialect::ALL
            .into_iter()
            .find(|d| {
                d.fields()
                    .signature
                    .iter()
                    .any(|key| object.contains_key(*key))
            })
            .unwrap_or(JsonDialect::Quotecheck)
    }
}

/// Parses a `.json` file: one article object, or an array of them (ids get `#N`, N from 1).
/// A gold annotation file parses to no article at all.
/// Records are read in `dialect`, else in the dialect their fields tell. A file of several
/// JSON objects, one per line, is read as JSONL whatever its extension.
pub(super) fn parse_json(
    path: &str,
    text: &str,
    dialect: Option<JsonDialect>,
) -> Vec<Result<Article, IngestError>> {
    if is_annotation_file(text) {
        return Vec::new();
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) if error.to_string().starts_with("trailing characters") => {
            return parse_json_lines(path, text, dialect)
        }
        Err(error) => {
            return vec![Err(IngestError::new(
                path,
                Some(error.line()),
                format!("malformed JSON: {error}"),
            ))]
        }
    };
    match value {
        Value::Object(object) => vec![article_from_object(
            path,
            None,
            path.to_string(),
            &object,
            dialect,
        )],
        Value::Array(items) if items.is_empty() => vec![Err(IngestError::new(
            path,
            None,
            "empty JSON array: no article",
        ))],
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(index, item)| match item {
                Value::Object(object) => article_from_object(
                    path,
                    None,
                    format!("{path}#{}", index + 1),
                    object,
                    dialect,
                ),
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
pub(super) fn parse_json_lines(
    path: &str,
    text: &str,
    dialect: Option<JsonDialect>,
) -> Vec<Result<Article, IngestError>> {
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
                    dialect,
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

/// True when `text` is a quotecheck gold file (an `articles` object and no article text),
/// told without building its tree: a gold file of a large generated corpus holds tens of
/// megabytes of annotations, which parsed into JSON values would take ten times that.
fn is_annotation_file(text: &str) -> bool {
    use serde::de::IgnoredAny;
    /// The fields that tell a gold file from an article; everything else is skipped unread.
    #[derive(serde::Deserialize)]
    struct Probe {
        articles: Option<std::collections::BTreeMap<String, IgnoredAny>>,
        text: Option<Value>,
        maintext: Option<Value>,
        body: Option<Value>,
    }
    serde_json::from_str::<Probe>(text).is_ok_and(|probe| {
        let texts: Map<String, Value> = [
            ("text", probe.text),
            ("maintext", probe.maintext),
            ("body", probe.body),
        ]
        .into_iter()
        .filter_map(|(key, value)| Some((key.to_string(), value?)))
        .collect();
        probe.articles.is_some() && first_text(&texts, TEXT_FIELDS).is_none()
    })
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

/// The article of one record; `forced` is the dialect `--input-format` named, if any.
fn article_from_object(
    path: &str,
    line: Option<usize>,
    default_id: String,
    object: &Map<String, Value>,
    forced: Option<JsonDialect>,
) -> Result<Article, IngestError> {
    let told = JsonDialect::of(object);
    let dialect = match forced {
        Some(forced) if told != forced && told != JsonDialect::Quotecheck => {
            return Err(IngestError::new(
                path,
                line,
                format!(
                    "not a {} record: its fields are {}'s (try --input-format auto)",
                    forced.name(),
                    told.name()
                ),
            ))
        }
        Some(forced) => forced,
        None => told,
    };
    let fields = dialect.fields();
    let body = first_text(object, fields.text).ok_or_else(|| {
        let names: Vec<String> = fields.text.iter().map(|f| format!("{f:?}")).collect();
        IngestError::new(
            path,
            line,
            format!(
                "no article text: expected a non-empty {} field ({} record)",
                names.join(" or "),
                dialect.name()
            ),
        )
    })?;
    let declared_lang = match first_text(object, fields.lang) {
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
        title: first_text(object, fields.title),
        outlet: first_text(object, fields.outlet),
        url: first_text(object, fields.url),
        date: first_text(object, fields.date),
        text_source: None,
    };
    let id = first_text(object, fields.id).unwrap_or(default_id);
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
        let article = parse_json("a.json", text, None).remove(0).unwrap();
        assert_eq!(article.body, "Cuerpo");
        assert_eq!(article.meta.outlet.as_deref(), Some("diario.test"));
        assert_eq!(article.meta.date, None);
        assert_eq!(article.declared_lang, Some(Lang::Es));
        assert_eq!(article.id, "a.json");
    }

    #[test]
    fn one_bad_jsonl_line_keeps_the_others() {
        let text = "{\"text\": \"one\", \"id\": \"first\"}\n{oops\n\n{\"text\": \"three\"}\n";
        let results = parse_json_lines("b.jsonl", text, None);
        assert_eq!(results.len(), 3);
        assert_eq!(results[0].as_ref().unwrap().id, "first");
        assert_eq!(results[1].as_ref().unwrap_err().line, Some(2));
        assert_eq!(results[2].as_ref().unwrap().id, "b.jsonl#4");
    }

    #[test]
    fn gold_files_are_not_articles() {
        assert!(parse_json("gold.json", r#"{"speakers": {}, "articles": {}}"#, None).is_empty());
    }
}
