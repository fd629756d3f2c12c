//! Ingest: finds article files under the given paths and reads each into an [`Article`].
//!
//! `.txt` and `.md` files may open with YAML-style front matter; `.json` holds one article object
//! (or an array of them) and `.jsonl` one object per line. A file or line that cannot be read is
//! reported as an [`IngestError`] naming it, and the rest of the run goes on.

mod front_matter;
mod json;

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

/// Limits that keep one runaway input from taking the machine.
#[derive(Clone, Copy, Debug)]
pub struct IngestOptions {
    /// Files larger than this are skipped with an error.
    pub max_article_bytes: u64,
}

/// Default for [`IngestOptions::max_article_bytes`]: far above any real article (a long feature is
/// under 100 KB), low enough that a stray log file or database dump is refused.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
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
    /// Files that are not articles (other extensions, annotation files), in path order.
    pub ignored: Vec<String>,
}

impl Ingested {
    /// Everything skipped: unreadable or malformed articles plus files that are not articles.
    pub fn skipped(&self) -> usize {
        self.errors.len() + self.ignored.len()
    }
}

/// The article formats quotecheck reads, by file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    JsonLines,
}

fn format_of(path: &Path) -> Option<Format> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "txt" | "md" | "markdown" => Some(Format::Text),
        "json" => Some(Format::Json),
        "jsonl" | "ndjson" => Some(Format::JsonLines),
        _ => None,
    }
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
            let mut bytes = Vec::new();
            match std::io::stdin().lock().read_to_end(&mut bytes) {
                Ok(_) => collect(
                    parse_file(STDIN_PATH, Format::Text, bytes),
                    &mut articles,
                    &mut ingested.errors,
                ),
                Err(error) => {
                    ingested
                        .errors
                        .push(IngestError::new(STDIN_PATH, None, error.to_string()))
                }
            }
            continue;
        }
        // Files are read and parsed on every core; results keep the walk's order.
        let read: Vec<(Found, Vec<Result<Article, IngestError>>)> = discover(path)
            .into_par_iter()
            .map(|found| {
                let parsed = match &found {
                    Found::Article(file, format) => {
                        read_file(file, &file.display().to_string(), *format, options)
                    }
                    _ => Vec::new(),
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
                Found::Article(..) => collect(parsed, &mut articles, &mut ingested.errors),
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

fn collect(
    result: Vec<Result<Article, IngestError>>,
    articles: &mut Vec<(String, Article)>,
    errors: &mut Vec<IngestError>,
) {
    for item in result {
        match item {
            Ok(article) => articles.push((article.id.clone(), article)),
            Err(error) => errors.push(error),
        }
    }
}

enum Found {
    Article(PathBuf, Format),
    Ignored(PathBuf),
    Error(IngestError),
}

/// Files under `path` in a stable order: a file as itself, a directory walked recursively in
/// file-name order, skipping hidden entries; symlink loops are reported, not followed.
fn discover(path: &Path) -> Vec<Found> {
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
        return vec![Found::Article(
            path.to_path_buf(),
            format_of(path).unwrap_or(Format::Text),
        )];
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
                found.push(match format_of(&file) {
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

fn read_file(
    path: &Path,
    shown: &str,
    format: Format,
    options: IngestOptions,
) -> Vec<Result<Article, IngestError>> {
    let read = || -> Result<Vec<u8>, IngestError> {
        let size = std::fs::metadata(path)
            .map_err(|e| IngestError::new(shown, None, io_problem(&e)))?
            .len();
        if size > options.max_article_bytes {
            return Err(IngestError::new(
                shown,
                None,
                format!(
                    "{size} bytes is over the limit of {} bytes (--max-article-bytes)",
                    options.max_article_bytes
                ),
            ));
        }
        std::fs::read(path).map_err(|e| IngestError::new(shown, None, io_problem(&e)))
    };
    match read() {
        Ok(bytes) => parse_file(shown, format, bytes),
        Err(error) => vec![Err(error)],
    }
}

/// Parses the bytes of one file into its articles (one, or one per JSONL line).
fn parse_file(path: &str, format: Format, bytes: Vec<u8>) -> Vec<Result<Article, IngestError>> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            return vec![Err(IngestError::new(
                path,
                None,
                format!("not valid UTF-8 (first bad byte at offset {offset})"),
            ))];
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.contains('\0') {
        return vec![Err(IngestError::new(
            path,
            None,
            "binary file (contains NUL bytes), not an article",
        ))];
    }
    match format {
        Format::Text => vec![front_matter::parse_article(path, text)],
        Format::Json => json::parse_json(path, text),
        Format::JsonLines => json::parse_json_lines(path, text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_and_binary_are_refused_with_the_path() {
        let errors = parse_file("a.txt", Format::Text, vec![b'o', b'k', 0xff]);
        assert_eq!(
            errors[0].as_ref().unwrap_err().to_string(),
            "a.txt: not valid UTF-8 (first bad byte at offset 2)"
        );
        let errors = parse_file("b.txt", Format::Text, b"x\0y".to_vec());
        assert!(errors[0].as_ref().unwrap_err().problem.contains("binary"));
    }
}
