//! HTML extraction speed: reads the HTML pages of a folder (by default the shipped
//! `corpora/puerto-alba-html`), copies them until there are `--pages` of them, and times
//! quotecheck's ingest on them (HTML parsing, main text, metadata), as saved pages and as one
//! WARC archive of gzip members, printing MB/s and pages/s.
//!
//! ```text
//! cargo run --release --example html_speed -- [--pages N] [--from DIR]
//! ```

use quotecheck::{ingest, IngestOptions, InputFormat};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Pages timed when `--pages` is not given: enough for a stable figure in a few seconds.
const DEFAULT_PAGES: usize = 2_000;

fn main() -> ExitCode {
    let mut pages = DEFAULT_PAGES;
    let mut from = PathBuf::from("corpora/puerto-alba-html");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--pages", Some(value)) => match value.parse() {
                Ok(n) if n > 0 => pages = n,
                _ => return usage(&format!("--pages {value:?} is not a positive number")),
            },
            ("--from", Some(value)) => from = PathBuf::from(value),
            _ => return usage(&format!("unknown argument {arg:?}")),
        }
    }
    match run(pages, &from) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("html_speed: {error}");
            ExitCode::FAILURE
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("html_speed: {problem}\nusage: html_speed [--pages N] [--from DIR]");
    ExitCode::from(2)
}

fn run(pages: usize, from: &Path) -> Result<(), String> {
    let mut sources: Vec<Vec<u8>> = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(from)
        .map_err(|e| format!("{}: {e}", from.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "html" || e == "htm"))
        .collect();
    entries.sort();
    for path in &entries {
        sources.push(std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?);
    }
    if sources.is_empty() {
        return Err(format!("{}: no .html page", from.display()));
    }
    let work = std::env::temp_dir().join(format!("quotecheck-html-speed-{}", std::process::id()));
    let pages_dir = work.join("pages");
    std::fs::create_dir_all(&pages_dir).map_err(|e| e.to_string())?;
    let mut bytes = 0usize;
    let mut archive = Vec::new();
    for index in 0..pages {
        let page = &sources[index % sources.len()];
        bytes += page.len();
        std::fs::write(pages_dir.join(format!("page-{index:06}.html")), page)
            .map_err(|e| e.to_string())?;
        archive.extend(warc_member(index, page).map_err(|e| e.to_string())?);
    }
    let archive_path = work.join("pages.warc.gz");
    std::fs::write(&archive_path, &archive).map_err(|e| e.to_string())?;
    println!("{pages} pages, {:.1} MB of HTML", bytes as f64 / 1e6);
    for (label, path, format) in [
        ("saved pages", pages_dir.clone(), InputFormat::Auto),
        ("WARC (gzip)", archive_path, InputFormat::Warc),
    ] {
        let options = IngestOptions {
            input_format: format,
            ..IngestOptions::default()
        };
        let started = Instant::now();
        let ingested = ingest(&[path], options);
        let seconds = started.elapsed().as_secs_f64();
        if ingested.articles.len() != pages {
            return Err(format!(
                "{label}: {} of {pages} pages read; first error: {:?}",
                ingested.articles.len(),
                ingested.errors.first().map(ToString::to_string)
            ));
        }
        println!(
            "{label:<12} {seconds:>7.2} s  {:>7.1} MB/s  {:>8.0} pages/s",
            bytes as f64 / 1e6 / seconds,
            pages as f64 / seconds
        );
    }
    std::fs::remove_dir_all(&work).map_err(|e| e.to_string())
}

/// One WARC response record holding `page`, as its own gzip member (as Common Crawl writes them).
fn warc_member(index: usize, page: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Write;
    let mut http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
        page.len()
    )
    .into_bytes();
    http.extend_from_slice(page);
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.test/{index}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    record.extend_from_slice(&http);
    record.extend_from_slice(b"\r\n\r\n");
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(&record)?;
    encoder.finish()
}
