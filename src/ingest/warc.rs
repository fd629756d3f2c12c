//! WARC web archives (`.warc`, `.warc.gz`), read as a stream: one record in memory at a time
//! (HTML bodies in batches parsed on every core).
//!
//! HTTP `response` records whose body is HTML go through the HTML path with their
//! `WARC-Target-URI` as url; every other record (`warcinfo`, `request`, `metadata`, `revisit`,
//! non-HTML responses, error statuses, pages in other languages) is skipped and counted.
//! Compressed archives may hold one gzip member per record, as Common Crawl writes them, or
//! one member for the whole file. A damaged or truncated archive keeps the records read
//! before the damage and reports the record number and byte offset where it stopped (for a
//! compressed file, the offset of the gzip member, which is where tools seek to).

use super::html::{parse_page, Page};
use super::{IngestError, IngestOptions};
use crate::model::Article;
use flate2::bufread::GzDecoder;
use rayon::prelude::*;
use std::io::{self, BufRead, BufReader, Read};

/// HTML bodies parsed together on every core; bounds the memory a large archive takes.
const BATCH_RECORDS: usize = 64;
/// A WARC header line longer than this is not a WARC header: the file is damaged.
const MAX_HEADER_LINE_BYTES: usize = 64 * 1024;

/// What reading one archive gave: articles and errors in record order, and the records skipped.
#[derive(Debug, Default)]
pub(super) struct WarcRead {
    /// One entry per HTML response record (or per problem).
    pub results: Vec<Result<Article, IngestError>>,
    /// Skipped records, as `PATH#N (why)`.
    pub skipped: Vec<String>,
}

/// Reads the archive in `input` (named `shown` in messages and ids).
pub(super) fn read_warc<'a>(
    shown: &str,
    input: impl Read + 'a,
    options: IngestOptions,
) -> WarcRead {
    let mut input = BufReader::new(input);
    let gzip = match input.fill_buf() {
        Ok(start) => start.starts_with(&[0x1f, 0x8b]),
        Err(error) => {
            return WarcRead {
                results: vec![Err(IngestError::new(shown, None, error.to_string()))],
                skipped: Vec::new(),
            }
        }
    };
    let mut records = if gzip {
        Records::new(
            Box::new(BufReader::new(GzMembers::new(Counting::new(input)))),
            true,
        )
    } else {
        Records::new(Box::new(Counting::new(input)), false)
    };
    let mut read = WarcRead::default();
    let mut batch: Vec<HtmlRecord> = Vec::new();
    loop {
        let next = records.next_record(options);
        let done = !matches!(next, Ok(Some(_)));
        match next {
            Ok(Some(Record::Html(record))) => batch.push(record),
            Ok(Some(Record::Skipped(number, why))) => {
                read.skipped.push(format!("{shown}#{number} ({why})"))
            }
            Ok(Some(Record::Problem(number, offset, problem))) => {
                flush(shown, &mut batch, &mut read);
                read.results
                    .push(Err(record_error(shown, number, offset, &problem)));
            }
            Ok(None) => {}
            Err((number, offset, problem)) => {
                flush(shown, &mut batch, &mut read);
                read.results
                    .push(Err(record_error(shown, number, offset, &problem)));
            }
        }
        if done || batch.len() >= BATCH_RECORDS {
            flush(shown, &mut batch, &mut read);
        }
        if done {
            break;
        }
    }
    read
}

fn record_error(shown: &str, number: usize, offset: u64, problem: &str) -> IngestError {
    IngestError::new(
        shown,
        None,
        format!("WARC record {number} at byte offset {offset}: {problem}"),
    )
}

/// Parses the batch's HTML bodies (on every core), in record order.
fn flush(shown: &str, batch: &mut Vec<HtmlRecord>, read: &mut WarcRead) {
    let parsed: Vec<(usize, Result<Page, IngestError>)> = std::mem::take(batch)
        .into_par_iter()
        .map(|record| {
            let id = format!("{shown}#{}", record.number);
            let page = match String::from_utf8(record.body) {
                Ok(html) => parse_page(&id, id.clone(), &html, Some(&record.uri)),
                Err(error) => Err(IngestError::new(
                    &id,
                    None,
                    format!(
                        "HTML body is not valid UTF-8 (first bad byte at offset {})",
                        error.utf8_error().valid_up_to()
                    ),
                )),
            };
            (record.number, page)
        })
        .collect();
    for (number, page) in parsed {
        match page {
            Ok(Page::Article(article)) => read.results.push(Ok(article)),
            Ok(Page::OtherLanguage(tag, _)) => read
                .skipped
                .push(format!("{shown}#{number} (language {tag})")),
            Err(error) => read.results.push(Err(error)),
        }
    }
}

/// An HTTP response with an HTML body.
struct HtmlRecord {
    /// 1-based number of the record in the file.
    number: usize,
    uri: String,
    body: Vec<u8>,
}

enum Record {
    Html(HtmlRecord),
    /// (record number, why it was skipped)
    Skipped(usize, String),
    /// A record that is well formed but cannot be read: (number, offset, problem). Reading goes on.
    Problem(usize, u64, String),
}

/// A byte stream that knows how many bytes it has given.
trait Position: BufRead {
    /// Where the record starting at the next byte begins, as reported to users.
    fn record_offset(&mut self) -> u64;
}

/// Counts the bytes consumed from a buffered reader.
struct Counting<R> {
    inner: R,
    consumed: u64,
}

impl<R: BufRead> Counting<R> {
    fn new(inner: R) -> Self {
        Counting { inner, consumed: 0 }
    }
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.consumed += amount as u64;
        self.inner.consume(amount)
    }
}

impl<R: BufRead> Position for Counting<R> {
    fn record_offset(&mut self) -> u64 {
        self.consumed
    }
}

/// Decompresses gzip members one after another, remembering where the current one starts in
/// the compressed file. A read never returns bytes of two members.
struct GzMembers<R: BufRead> {
    decoder: Option<GzDecoder<Counting<R>>>,
    idle: Option<Counting<R>>,
    member_start: u64,
}

impl<R: BufRead> GzMembers<R> {
    fn new(inner: Counting<R>) -> Self {
        GzMembers {
            decoder: None,
            idle: Some(inner),
            member_start: 0,
        }
    }
}

impl<R: BufRead> Read for GzMembers<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if let Some(decoder) = &mut self.decoder {
                let n = decoder.read(buf)?;
                if n > 0 || buf.is_empty() {
                    return Ok(n);
                }
                self.idle = self.decoder.take().map(GzDecoder::into_inner);
            }
            let Some(mut idle) = self.idle.take() else {
                return Ok(0);
            };
            if idle.fill_buf()?.is_empty() {
                self.idle = Some(idle);
                return Ok(0);
            }
            self.member_start = idle.consumed;
            self.decoder = Some(GzDecoder::new(idle));
        }
    }
}

impl<R: BufRead> Position for BufReader<GzMembers<R>> {
    fn record_offset(&mut self) -> u64 {
        // Filling first makes the buffer's bytes (all of one member) the record's.
        let _ = self.fill_buf();
        self.get_ref().member_start
    }
}

/// The records of one archive, read one by one.
struct Records<'a> {
    input: Box<dyn Position + 'a>,
    number: usize,
    compressed: bool,
}

/// A problem that stops reading the archive: (record number, offset, what).
type Damage = (usize, u64, String);

impl<'a> Records<'a> {
    fn new(input: Box<dyn Position + 'a>, compressed: bool) -> Self {
        Records {
            input,
            number: 0,
            compressed,
        }
    }

    /// The next record, None at the end of the archive.
    fn next_record(&mut self, options: IngestOptions) -> Result<Option<Record>, Damage> {
        // Blank lines between records are allowed.
        loop {
            let buffer = self.fill()?;
            match buffer.first() {
                None => return Ok(None),
                Some(b'\r' | b'\n') => self.input.consume(1),
                Some(_) => break,
            }
        }
        let offset = self.input.record_offset();
        self.number += 1;
        let number = self.number;
        let compressed = self.compressed;
        let damage = |problem: String| (number, offset, problem);
        let version = self.line().map_err(&damage)?;
        if !version.starts_with("WARC/") {
            return Err(damage(format!(
                "not a WARC record (expected a line \"WARC/1.x\", found {:?})",
                truncate(&version)
            )));
        }
        let mut headers = Vec::new();
        loop {
            let line = self.line().map_err(&damage)?;
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            }
        }
        let header = |name: &str| {
            headers
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        let length: u64 = header("content-length")
            .and_then(|l| l.parse().ok())
            .ok_or_else(|| damage("no valid Content-Length header".to_string()))?;
        let warc_type = header("warc-type").unwrap_or("").to_ascii_lowercase();
        let is_http_response = warc_type == "response"
            && header("content-type")
                .is_some_and(|t| t.to_ascii_lowercase().starts_with("application/http"));
        let uri = header("warc-target-uri")
            .map(|u| u.trim_matches(['<', '>']).to_string())
            .unwrap_or_default();
        // The HTTP header comes before the body: the limit applies to the page, with room for it.
        let keep =
            is_http_response && length <= options.max_article_bytes.saturating_add(64 * 1024);
        let content = if keep {
            let mut content = Vec::with_capacity(length as usize);
            let read = (&mut self.input)
                .take(length)
                .read_to_end(&mut content)
                .map_err(|e| damage(gzip_problem(compressed, &e)))?;
            (read as u64 == length).then_some(content).ok_or_else(|| {
                damage(format!(
                    "truncated: Content-Length is {length} bytes, the archive ends after {read}"
                ))
            })?
        } else {
            let skipped = io::copy(&mut (&mut self.input).take(length), &mut io::sink())
                .map_err(|e| damage(gzip_problem(compressed, &e)))?;
            if skipped < length {
                return Err(damage(format!(
                    "truncated: Content-Length is {length} bytes, the archive ends after {skipped}"
                )));
            }
            Vec::new()
        };
        if !keep {
            return Ok(Some(if is_http_response {
                Record::Problem(
                    number,
                    offset,
                    format!(
                        "{length} bytes is over the limit of {} bytes (--max-article-bytes)",
                        options.max_article_bytes
                    ),
                )
            } else if warc_type.is_empty() {
                Record::Skipped(number, "no WARC-Type".to_string())
            } else {
                Record::Skipped(number, format!("{warc_type} record"))
            }));
        }
        Ok(Some(match http_html_body(&content) {
            Ok(body) => Record::Html(HtmlRecord { number, uri, body }),
            Err(HttpSkip::NotHtml(why)) => Record::Skipped(number, why),
            Err(HttpSkip::Problem(problem)) => Record::Problem(number, offset, problem),
        }))
    }

    fn fill(&mut self) -> Result<&[u8], Damage> {
        let (number, compressed) = (self.number + 1, self.compressed);
        if let Err(error) = self.input.fill_buf() {
            let offset = self.input.record_offset();
            return Err((number, offset, gzip_problem(compressed, &error)));
        }
        self.input
            .fill_buf()
            .map_err(|e| (number, 0, gzip_problem(compressed, &e)))
    }

    /// One header line without its line break; an error at the end of the archive.
    fn line(&mut self) -> Result<String, String> {
        let mut line = Vec::new();
        let read = (&mut self.input)
            .take(MAX_HEADER_LINE_BYTES as u64)
            .read_until(b'\n', &mut line)
            .map_err(|e| gzip_problem(self.compressed, &e))?;
        if read == 0 || !line.ends_with(b"\n") {
            return Err(if line.len() >= MAX_HEADER_LINE_BYTES {
                "header line too long: not a WARC archive".to_string()
            } else {
                "truncated: the archive ends inside the record's header".to_string()
            });
        }
        let line = String::from_utf8_lossy(&line);
        Ok(line.trim_end_matches(['\r', '\n']).to_string())
    }
}

fn gzip_problem(compressed: bool, error: &io::Error) -> String {
    if compressed {
        format!("damaged or truncated gzip data ({error})")
    } else {
        error.to_string()
    }
}

fn truncate(text: &str) -> String {
    text.chars().take(40).collect()
}

/// Why an HTTP response gives no page.
enum HttpSkip {
    /// Not an HTML page: skipped and counted.
    NotHtml(String),
    /// A page that cannot be read: reported.
    Problem(String),
}

/// The HTML body of an HTTP response: the status must be 2xx and the type HTML; a chunked or
/// gzip-encoded body is decoded.
fn http_html_body(content: &[u8]) -> Result<Vec<u8>, HttpSkip> {
    let header_end = find(content, b"\r\n\r\n")
        .map(|at| at + 4)
        .or_else(|| find(content, b"\n\n").map(|at| at + 2))
        .ok_or_else(|| HttpSkip::Problem("HTTP response without a header end".to_string()))?;
    let header = String::from_utf8_lossy(&content[..header_end]);
    let mut lines = header.lines();
    let status: u16 = lines
        .next()
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| HttpSkip::Problem("HTTP response without a status line".to_string()))?;
    if !(200..300).contains(&status) {
        return Err(HttpSkip::NotHtml(format!("HTTP status {status}")));
    }
    let fields: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| {
            (
                name.trim().to_ascii_lowercase(),
                value.trim().to_ascii_lowercase(),
            )
        })
        .collect();
    let field = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let content_type = field("content-type").unwrap_or("");
    if !content_type.contains("html") {
        let shown = if content_type.is_empty() {
            "no Content-Type"
        } else {
            content_type.split(';').next().unwrap_or(content_type)
        };
        return Err(HttpSkip::NotHtml(format!("not HTML: {shown}")));
    }
    let mut body = content[header_end..].to_vec();
    if field("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        body = dechunk(&body)
            .ok_or_else(|| HttpSkip::Problem("damaged chunked transfer encoding".to_string()))?;
    }
    if field("content-encoding").is_some_and(|e| e.contains("gzip"))
        && body.starts_with(&[0x1f, 0x8b])
    {
        let mut decoded = Vec::new();
        GzDecoder::new(body.as_slice())
            .read_to_end(&mut decoded)
            .map_err(|e| HttpSkip::Problem(format!("damaged gzip-encoded HTTP body ({e})")))?;
        body = decoded;
    }
    Ok(body)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Joins the chunks of a chunked HTTP body; None when a chunk size is damaged.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut joined = Vec::with_capacity(body.len());
    loop {
        let line_end = find(body, b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(joined);
        }
        joined.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body.strip_prefix(b"\r\n").unwrap_or(body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\n\r\n").as_deref(),
            Some(&b"Wikipedia"[..])
        );
        assert_eq!(dechunk(b"zz\r\nWiki"), None);
    }

    #[test]
    fn only_successful_html_responses_give_pages() {
        let page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hi</p>";
        assert_eq!(
            http_html_body(page).ok().as_deref(),
            Some(&b"<p>Hi</p>"[..])
        );
        let image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
        assert!(
            matches!(http_html_body(image), Err(HttpSkip::NotHtml(why)) if why == "not HTML: image/png")
        );
        let missing = b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>No</p>";
        assert!(
            matches!(http_html_body(missing), Err(HttpSkip::NotHtml(why)) if why == "HTTP status 404")
        );
    }
}
