//! Ingest: finds article files under the given paths and reads each into an [`Article`].
//!
//! `.txt` and `.md` files may open with YAML-style front matter; `.json` holds one article object
//! (or an array of them) and `.jsonl` one object per line, in quotecheck's own fields or a
//! scraper's (news-please, trafilatura, newspaper4k, CC-NEWS: see [`JsonDialect`]); `.html`
//! pages are reduced to their main text; `.warc` and `.warc.gz` archives are streamed record
//! by record (cargo feature `warc`). A file, line or record that cannot be read is reported as
//! an [`IngestError`] naming it, and the rest of the run goes on.

mod front_matter;
mod html;
mod json;
#[cfg(feature = "warc")]
mod warc;

pub use json::JsonDialect;

use crate::model::Article;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a file (or one line of a JSONL file) could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct IngestError {
    /// The path as given on the command line or found in a directory.
    pub path: String,
    /// 1-based line, when the problem is on one line.
    pub line: Option<usize>,
    /// What is wrong, in words a user can act on.
    pub problem: String,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.problem),
            None => write!(f, "{}: {}", self.path, self.problem),
        }
    }
}

impl IngestError {
    fn new(path: &str, line: Option<usize>, problem: impl Into<String>) -> Self {
        IngestError {
            path: path.to_string(),
            line,
            problem: problem.into(),
        }
    }
}

/// How ingest reads its inputs.
#[derive(Clone, Copy, Debug)]
pub struct IngestOptions {
    /// Files (and WARC records) larger than this are skipped with an error: the limit keeps one
    /// runaway input from taking the machine.
    pub max_article_bytes: u64,
    /// The format of every input, or [`InputFormat::Auto`] to tell it by file extension (and,
    /// for JSON, by the record's fields).
    pub input_format: InputFormat,
}

/// The format of the inputs, as `--input-format` names it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// By extension: `.txt`/`.md` text, `.json`/`.jsonl` JSON (dialect told by its fields),
    /// `.html`/`.htm` pages, `.warc`/`.warc.gz` archives; standard input is text.
    #[default]
    Auto,
    /// Text or Markdown with optional front matter.
    Text,
    /// JSON or JSONL, the dialect told by each record's fields.
    Json,
    /// JSON or JSONL in one dialect: a record in another is refused.
    JsonDialect(JsonDialect),
    /// HTML pages.
    Html,
    /// WARC archives, plain or gzip-compressed.
    Warc,
}

/// Default for [`IngestOptions::max_article_bytes`]: far above any real article (a long feature is
/// under 100 KB), low enough that a stray log file or database dump is refused.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            input_format: InputFormat::Auto,
        }
    }
}

/// What ingest produced: the articles sorted by id, and what it had to skip.
#[derive(Debug, Default)]
pub struct Ingested {
    /// Articles, sorted by id, ids unique.
    pub articles: Vec<Article>,
    /// Files and records that could not be read, in path order.
    pub errors: Vec<IngestError>,
    /// Files that are not articles (other extensions, annotation files) and WARC records that
    /// are not HTML pages in English or Spanish (`PATH#N (why)`), in path order.
    pub ignored: Vec<String>,
}

impl Ingested {
    /// Everything skipped: unreadable or malformed articles plus files that are not articles.
    pub fn skipped(&self) -> usize {
        self.errors.len() + self.ignored.len()
    }
}

/// How one file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    /// One JSON value; records in the dialect given, else told by their fields.
    Json(Option<JsonDialect>),
    /// One JSON object per line.
    JsonLines(Option<JsonDialect>),
    Html,
    Warc,
}

/// The format a file's name says: `.warc.gz` counts as one extension.
fn format_by_extension(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    if name.ends_with(".warc.gz") || name.ends_with(".warc") {
        return Some(Format::Warc);
    }
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "txt" | "md" | "markdown" => Some(Format::Text),
        "json" => Some(Format::Json(None)),
        "jsonl" | "ndjson" => Some(Format::JsonLines(None)),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        _ => None,
    }
}

/// How `path` is read under `input`: `named` files (given on the command line) are read
/// whatever their extension; files found in a directory only when their extension is of the
/// format's family.
fn format_of(path: &Path, input: InputFormat, named: bool) -> Option<Format> {
    let by_extension = format_by_extension(path);
    let forced = match input {
        InputFormat::Auto => {
            return by_extension.or(named.then_some(Format::Text));
        }
        InputFormat::Text => Format::Text,
        InputFormat::Html => Format::Html,
        InputFormat::Warc => Format::Warc,
        InputFormat::Json | InputFormat::JsonDialect(_) => {
            let dialect = match input {
                InputFormat::JsonDialect(dialect) => Some(dialect),
                _ => None,
            };
            match by_extension {
                Some(Format::JsonLines(_)) => Format::JsonLines(dialect),
                Some(Format::Json(_)) => Format::Json(dialect),
                _ if named => Format::Json(dialect),
                _ => return None,
            }
        }
    };
    let same_family = matches!(
        (by_extension, forced),
        (Some(Format::Text), Format::Text)
            | (Some(Format::Html), Format::Html)
            | (Some(Format::Warc), Format::Warc)
            | (
                Some(Format::Json(_) | Format::JsonLines(_)),
                Format::Json(_) | Format::JsonLines(_)
            )
    );
    (named || same_family).then_some(forced)
}

/// The path that stands for standard input.
pub const STDIN_PATH: &str = "-";

/// Reads every article under `paths` (files, directories read recursively, or `-` for one
/// article on standard input).
pub fn ingest(paths: &[PathBuf], options: IngestOptions) -> Ingested {
    let mut ingested = Ingested::default();
    let mut articles = Vec::new();
    for path in paths {
        if path.as_os_str() == STDIN_PATH {
            let format = format_of(path, options.input_format, true).unwrap_or(Format::Text);
            let outcome = read_stdin(format, options);
            collect(outcome, &mut articles, &mut ingested);
            continue;
        }
        // Files are read and parsed on every core; results keep the walk's order.
        let read: Vec<(Found, FileOutcome)> = discover(path, options.input_format)
            .into_par_iter()
            .map(|found| {
                let parsed = match &found {
                    Found::Article(file, format) => {
                        read_file(file, &file.display().to_string(), *format, options)
                    }
                    _ => FileOutcome::default(),
                };
                (found, parsed)
            })
            .collect();
        for (found, parsed) in read {
            match found {
                // Only an annotation file (a gold.json) parses to nothing.
                Found::Article(file, _) if parsed.is_empty() => {
                    ingested.ignored.push(file.display().to_string())
                }
                Found::Article(..) => collect(parsed, &mut articles, &mut ingested),
                Found::Ignored(file) => ingested.ignored.push(file.display().to_string()),
                Found::Error(error) => ingested.errors.push(error),
            }
        }
    }
    // Ids must be unique: the first file (in the order given) keeps an id, later ones are refused.
    let mut by_id: BTreeMap<String, Article> = BTreeMap::new();
    for (path, article) in articles {
        if let Some(first) = by_id.get(&article.id) {
            let problem = format!(
                "duplicate article id {:?} (already used by an earlier article); skipped",
                first.id
            );
            ingested.errors.push(IngestError::new(&path, None, problem));
        } else {
            by_id.insert(article.id.clone(), article);
        }
    }
    ingested.articles = by_id.into_values().collect();
    ingested
}

/// What one file (or standard input) gave.
#[derive(Debug, Default)]
struct FileOutcome {
    /// Articles and problems, in file order.
    results: Vec<Result<Article, IngestError>>,
    /// Records skipped because they are not articles (WARC records that are not HTML pages).
    skipped: Vec<String>,
}

impl FileOutcome {
    fn is_empty(&self) -> bool {
        self.results.is_empty() && self.skipped.is_empty()
    }
}

impl From<Vec<Result<Article, IngestError>>> for FileOutcome {
    fn from(results: Vec<Result<Article, IngestError>>) -> Self {
        FileOutcome {
            results,
            skipped: Vec::new(),
        }
    }
}

fn collect(outcome: FileOutcome, articles: &mut Vec<(String, Article)>, ingested: &mut Ingested) {
    for item in outcome.results {
        match item {
            Ok(article) => articles.push((article.id.clone(), article)),
            Err(error) => ingested.errors.push(error),
        }
    }
    ingested.ignored.extend(outcome.skipped);
}

/// Reads standard input as one file of `format`.
fn read_stdin(format: Format, options: IngestOptions) -> FileOutcome {
    // Standard input is read whole, within the size limit (an archive too: stream a file).
    let stdin = std::io::stdin().lock();
    let mut bytes = Vec::new();
    match stdin
        .take(options.max_article_bytes + 1)
        .read_to_end(&mut bytes)
    {
        Ok(_) if bytes.len() as u64 > options.max_article_bytes => {
            vec![Err(over_limit(STDIN_PATH, bytes.len() as u64, options))].into()
        }
        Ok(_) => parse_file(STDIN_PATH, format, bytes, options),
        Err(error) => vec![Err(IngestError::new(STDIN_PATH, None, error.to_string()))].into(),
    }
}

fn over_limit(shown: &str, size: u64, options: IngestOptions) -> IngestError {
    IngestError::new(
        shown,
        None,
        format!(
            "{size} bytes is over the limit of {} bytes (--max-article-bytes)",
            options.max_article_bytes
        ),
    )
}

#[cfg(feature = "warc")]
fn read_warc(shown: &str, input: impl Read, options: IngestOptions) -> FileOutcome {
    let read = warc::read_warc(shown, input, options);
    FileOutcome {
        results: read.results,
        skipped: read.skipped,
    }
}

#[cfg(not(feature = "warc"))]
fn read_warc(shown: &str, _input: impl Read, _options: IngestOptions) -> FileOutcome {
    vec![Err(IngestError::new(
        shown,
        None,
        "WARC archives need quotecheck built with the cargo feature `warc` (on by default)",
    ))]
    .into()
}

enum Found {
    Article(PathBuf, Format),
    Ignored(PathBuf),
    Error(IngestError),
}

/// Files under `path` in a stable order: a file as itself, a directory walked recursively in
/// file-name order, skipping hidden entries; symlink loops are reported, not followed.
fn discover(path: &Path, input: InputFormat) -> Vec<Found> {
    let shown = path.display().to_string();
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) => {
            return vec![Found::Error(IngestError::new(
                &shown,
                None,
                io_problem(&error),
            ))]
        }
    };
    if metadata.is_file() {
        // A file named explicitly is read whatever its extension: the user asked for it.
        return match format_of(path, input, true) {
            Some(format) => vec![Found::Article(path.to_path_buf(), format)],
            None => vec![Found::Ignored(path.to_path_buf())],
        };
    }
    let walker = walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
        });
    let mut found = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let file = entry.into_path();
                found.push(match format_of(&file, input, false) {
                    Some(format) => Found::Article(file, format),
                    None => Found::Ignored(file),
                });
            }
            Ok(_) => {}
            Err(error) => {
                let at = error
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| shown.clone());
                let problem = if error.loop_ancestor().is_some() {
                    "directory symlink loop; not followed".to_string()
                } else {
                    error
                        .io_error()
                        .map(io_problem)
                        .unwrap_or_else(|| error.to_string())
                };
                found.push(Found::Error(IngestError::new(&at, None, problem)));
            }
        }
    }
    found
}

fn io_problem(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => error.to_string(),
    }
}

fn read_file(path: &Path, shown: &str, format: Format, options: IngestOptions) -> FileOutcome {
    if format == Format::Warc {
        // Archives are streamed: the size limit applies to each page, not to the file.
        return match std::fs::File::open(path) {
            Ok(file) => read_warc(shown, file, options),
            Err(error) => vec![Err(IngestError::new(shown, None, io_problem(&error)))].into(),
        };
    }
    // A JSON or JSONL file holds many articles (a scraper's dump, a gold file): the limit
    // applies to each of its articles instead (see `parse_file`).
    let many_articles = matches!(format, Format::Json(_) | Format::JsonLines(_));
    let read = || -> Result<Vec<u8>, IngestError> {
        let size = std::fs::metadata(path)
            .map_err(|e| IngestError::new(shown, None, io_problem(&e)))?
            .len();
        if size > options.max_article_bytes && !many_articles {
            return Err(over_limit(shown, size, options));
        }
        std::fs::read(path).map_err(|e| IngestError::new(shown, None, io_problem(&e)))
    };
    match read() {
        Ok(bytes) => parse_file(shown, format, bytes, options),
        Err(error) => vec![Err(error)].into(),
    }
}

/// Parses the bytes of one file into its articles (one, or one per JSONL line, array item or
/// WARC record).
fn parse_file(path: &str, format: Format, bytes: Vec<u8>, options: IngestOptions) -> FileOutcome {
    type Parse<'a> = Box<dyn Fn(&str) -> Vec<Result<Article, IngestError>> + 'a>;
    let parse: Parse = match format {
        Format::Warc => return read_warc(path, bytes.as_slice(), options),
        Format::Text => Box::new(|text| vec![front_matter::parse_article(path, text)]),
        Format::Json(dialect) => Box::new(move |text| json::parse_json(path, text, dialect)),
        Format::JsonLines(dialect) => {
            Box::new(move |text| json::parse_json_lines(path, text, dialect))
        }
        Format::Html => Box::new(|text| vec![html_article(path, text)]),
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            return vec![Err(IngestError::new(
                path,
                None,
                format!("not valid UTF-8 (first bad byte at offset {offset})"),
            ))]
            .into();
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.contains('\0') {
        return vec![Err(IngestError::new(
            path,
            None,
            "binary file (contains NUL bytes), not an article",
        ))]
        .into();
    }
    let limit = options.max_article_bytes;
    parse(text)
        .into_iter()
        .map(|result| match result {
            Ok(article) if article.body.len() as u64 > limit => Err(IngestError::new(
                path,
                None,
                format!(
                    "article {:?}: {} bytes of text is over the limit of {limit} bytes \
                     (--max-article-bytes)",
                    article.id,
                    article.body.len()
                ),
            )),
            other => other,
        })
        .collect::<Vec<_>>()
        .into()
}

/// An HTML file as one article; a page declaring another language is refused.
fn html_article(path: &str, text: &str) -> Result<Article, IngestError> {
    match html::parse_page(path, path.to_string(), text, None)? {
        html::Page::Article(article) => Ok(article),
        html::Page::OtherLanguage(tag, source) => Err(IngestError::new(
            path,
            None,
            format!("page language {tag:?} (from {source}) is not one quotecheck reads (en, es)"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_and_binary_are_refused_with_the_path() {
        let errors = parse_file(
            "a.txt",
            Format::Text,
            vec![b'o', b'k', 0xff],
            IngestOptions::default(),
        )
        .results;
        assert_eq!(
            errors[0].as_ref().unwrap_err().to_string(),
            "a.txt: not valid UTF-8 (first bad byte at offset 2)"
        );
        let errors = parse_file(
            "b.txt",
            Format::Text,
            b"x\0y".to_vec(),
            IngestOptions::default(),
        )
        .results;
        assert!(errors[0].as_ref().unwrap_err().problem.contains("binary"));
    }
}
