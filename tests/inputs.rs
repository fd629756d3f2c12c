//! Real-world inputs end to end: saved HTML pages, scraper JSON in each dialect and WARC
//! archives (built here, plain and gzip-compressed), with snapshots of `extract` and of the
//! article records, and the per-file errors of bad inputs of each kind.

mod common;

use common::{quotecheck as run, quotecheck_in as run_in};
use std::path::{Path, PathBuf};
use std::process::Output;

fn temp_dir(name: &str) -> PathBuf {
    common::temp_dir("inputs", name)
}

const FIXTURES: &str = "tests/fixtures/inputs";

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

/// A fresh, empty directory for one test.
/// The article records and the extracted quotes of `path`: what a snapshot shows of an input.
fn articles_and_quotes(dir: &Path, args: &[&str]) -> String {
    let check = run_in(
        dir,
        &[&["check", "--format", "json", "--fail-on", "never"], args].concat(),
    );
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let report: serde_json::Value = serde_json::from_str(&stdout(&check)).unwrap();
    let extract = run_in(dir, &[&["extract", "--format", "text"], args].concat());
    assert_eq!(extract.status.code(), Some(0), "{}", stderr(&extract));
    format!(
        "{}\n{}\nsummary: {}\n",
        serde_json::to_string_pretty(&report["articles"]).unwrap(),
        stdout(&extract),
        report["summary"]
    )
}

#[test]
fn extract_snapshots_of_each_fixture() {
    insta::glob!("fixtures/inputs", "*.*", |file| {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let path = format!("{FIXTURES}/{name}");
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path("../snapshots");
        settings.set_snapshot_suffix(name.replace('.', "_"));
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(|| {
            let root = Path::new(env!("CARGO_MANIFEST_DIR"));
            insta::assert_snapshot!("input", articles_and_quotes(root, &[&path]));
        });
    });
}

#[test]
fn html_quotes_point_into_the_extracted_text() {
    let output = run(&["check", "--format", "json", "--fail-on", "never", FIXTURES]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let sources: Vec<(&str, &str)> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| Some((a["id"].as_str()?, a["text_source"].as_str()?)))
        .collect();
    assert_eq!(
        sources,
        [
            (
                "tests/fixtures/inputs/diario-costamar.html",
                "json-ld-articleBody"
            ),
            ("tests/fixtures/inputs/harbor-wire.html", "html-main-text"),
        ]
    );
    // The embedded post is writing by the account holder.
    let extract = stdout(&run(&["extract", "--format", "jsonl", FIXTURES]));
    let post = extract
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap())
        .find(|q| q["text"].as_str().unwrap().starts_with("After six weeks"))
        .expect("the embedded post is a quote");
    assert_eq!(post["kind"], "writing");
    assert_eq!(post["speaker"], "Elena Sarmiento");
    assert_eq!(post["cue"], "wrote");
}

#[test]
fn json_in_the_wrong_dialect_is_refused_when_one_is_forced() {
    let output = run(&[
        "extract",
        "--input-format",
        "news-please",
        "tests/fixtures/inputs/trafilatura.json",
        "tests/fixtures/inputs/news-please.json",
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stderr(&output).contains(
            "tests/fixtures/inputs/trafilatura.json: not a news-please record: its fields are \
             trafilatura's (try --input-format auto)"
        ),
        "{}",
        stderr(&output)
    );
    assert_eq!(stdout(&output).lines().count(), 1);
    // Forcing a dialect on a directory reads only its JSON files.
    let output = run(&[
        "extract",
        "--format",
        "text",
        "--input-format",
        "newspaper4k",
        FIXTURES,
    ]);
    let listed = stdout(&output);
    assert!(listed
        .lines()
        .all(|l| l.starts_with("tests/fixtures/inputs/newspaper4k.json#")));
    assert!(stderr(&output).contains("its fields are news-please's"));
}

#[test]
fn malformed_and_empty_html_get_clear_errors() {
    let dir = temp_dir("html");
    // Unclosed tags and stray end tags: the parser recovers as browsers do.
    std::fs::write(
        dir.join("broken.html"),
        "<html><body><div class=story><p>“We will reopen the port,” Elena Sarmiento said.\
         <p>Unclosed <b>bold</i> text</div></span></body>",
    )
    .unwrap();
    std::fs::write(
        dir.join("menu-only.html"),
        "<html><body><nav><a href='/'>Home</a></nav><div class='cookie-banner'><p>We use cookies, to improve this site, always.</p></div></body></html>",
    )
    .unwrap();
    std::fs::write(dir.join("latin1.htm"), b"<p>Espa\xf1a</p>").unwrap();
    std::fs::write(
        dir.join("french.html"),
        "<html lang=\"fr\"><body><p>« Nous rouvrirons le port », a déclaré la ministre.</p></body></html>",
    )
    .unwrap();
    let output = run_in(&dir, &["extract", "--format", "text", "."]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "./broken.html:3-26 [speech en] Elena Sarmiento (said): “We will reopen the port”\n"
    );
    let errors = stderr(&output);
    for expected in [
        "./french.html: page language \"fr\" (from <html lang>) is not one quotecheck reads (en, es)",
        "./latin1.htm: not valid UTF-8 (first bad byte at offset 7)",
        "./menu-only.html: no article text in the HTML page",
    ] {
        assert!(errors.contains(expected), "{expected:?} not in {errors}");
    }
}

#[test]
fn hostile_html_is_refused_or_read_in_linear_time() {
    let dir = temp_dir("hostile");
    let quote = "<p>“We will reopen the port,” Elena Sarmiento said, at the end of it all.</p>";
    // Nested just under the limit: read, and the writer's recursion stays bounded.
    let nested = format!("{}{quote}{}", "<div>".repeat(990), "</div>".repeat(990));
    std::fs::write(dir.join("nested.html"), nested).unwrap();
    // Far over it, and thousands of formatting tags never closed.
    std::fs::write(dir.join("deep.html"), "<div>".repeat(200_000) + quote).unwrap();
    std::fs::write(dir.join("bold.html"), "<b>x ".repeat(100_000) + quote).unwrap();
    // Fifty thousand paragraphs (4 MB).
    let long = format!("<article>{}</article>", quote.repeat(50_000));
    std::fs::write(dir.join("long.html"), long).unwrap();
    let started = std::time::Instant::now();
    let output = run_in(&dir, &["extract", "--format", "text", "."]);
    assert!(
        started.elapsed().as_secs() < 60,
        "took {:?}",
        started.elapsed()
    );
    let listed = stdout(&output);
    assert_eq!(
        listed
            .lines()
            .filter(|l| l.starts_with("./nested.html"))
            .count(),
        1
    );
    assert_eq!(
        listed
            .lines()
            .filter(|l| l.starts_with("./long.html"))
            .count(),
        50_000
    );
    let errors = stderr(&output);
    assert!(errors.contains("./deep.html: HTML elements nested 200000 deep (more than 1000)"));
    assert!(errors.contains("./bold.html: HTML elements nested 100000 deep"));
}

#[cfg(feature = "warc")]
mod warc {
    use super::*;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    /// One WARC record with its header fields and content.
    fn record(warc_type: &str, uri: &str, content_type: &str, content: &[u8]) -> Vec<u8> {
        let mut record = format!(
            "WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Date: 2026-03-12T10:00:00Z\r\n\
             WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{:012}>\r\n",
            content.len()
        );
        if !uri.is_empty() {
            record.push_str(&format!("WARC-Target-URI: {uri}\r\n"));
        }
        record.push_str(&format!(
            "Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            content.len()
        ));
        let mut bytes = record.into_bytes();
        bytes.extend_from_slice(content);
        bytes.extend_from_slice(b"\r\n\r\n");
        bytes
    }

    fn http(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
        let mut bytes = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        bytes.extend_from_slice(body);
        bytes
    }

    /// The records of a small crawl: two pages, and what a crawl holds besides.
    fn records() -> Vec<Vec<u8>> {
        let fixture = |name: &str| std::fs::read(Path::new(FIXTURES).join(name)).unwrap();
        let http_type = "application/http; msgtype=response";
        vec![
            record(
                "warcinfo",
                "",
                "application/warc-fields",
                b"software: quotecheck test\r\n",
            ),
            record(
                "request",
                "https://harborwire.test/world/2026/03/port-deal",
                "application/http; msgtype=request",
                b"GET /world/2026/03/port-deal HTTP/1.1\r\nHost: harborwire.test\r\n\r\n",
            ),
            record(
                "response",
                "https://harborwire.test/world/2026/03/port-deal?utm=feed",
                http_type,
                &http(
                    "200 OK",
                    "text/html; charset=utf-8",
                    &fixture("harbor-wire.html"),
                ),
            ),
            record(
                "response",
                "https://harborwire.test/logo.png",
                http_type,
                &http("200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
            ),
            record(
                "response",
                "https://harborwire.test/gone",
                http_type,
                &http("404 Not Found", "text/html", b"<p>Not found</p>"),
            ),
            record(
                "response",
                "https://diariocostamar.test/nacional/acuerdo-puerto-alba",
                http_type,
                &http("200 OK", "text/html", &fixture("diario-costamar.html")),
            ),
            record(
                "metadata",
                "https://diariocostamar.test/nacional/acuerdo-puerto-alba",
                "application/warc-fields",
                b"fetchTimeMs: 120\r\n",
            ),
        ]
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn warc_archives_plain_and_gzip_give_the_same_articles() {
        let dir = temp_dir("warc");
        let records = records();
        std::fs::write(dir.join("crawl.warc"), records.concat()).unwrap();
        // Common Crawl's layout: one gzip member per record.
        let members: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
        std::fs::write(dir.join("crawl.warc.gz"), members).unwrap();
        let plain = articles_and_quotes(&dir, &["crawl.warc"]);
        let compressed = articles_and_quotes(&dir, &["crawl.warc.gz"]);
        assert_eq!(
            plain.replace("crawl.warc", "X"),
            compressed.replace("crawl.warc.gz", "X")
        );
        // One gzip member for the whole file reads the same.
        std::fs::write(dir.join("whole.warc.gz"), gzip(&records.concat())).unwrap();
        let whole = articles_and_quotes(&dir, &["whole.warc.gz"]);
        assert_eq!(
            whole.replace("whole.warc.gz", "X"),
            compressed.replace("crawl.warc.gz", "X")
        );
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path("../snapshots");
        settings.set_snapshot_suffix("crawl_warc_gz");
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(|| insta::assert_snapshot!("input", compressed));
    }

    #[test]
    fn a_truncated_archive_keeps_the_records_before_the_damage() {
        let dir = temp_dir("truncated");
        let records = records();
        let members: Vec<Vec<u8>> = records.iter().map(|r| gzip(r)).collect();
        // Cut inside the sixth record (the Spanish page).
        let offset: usize = members[..5].iter().map(Vec::len).sum();
        let mut cut = members[..5].concat();
        cut.extend_from_slice(&members[5][..members[5].len() / 2]);
        std::fs::write(dir.join("cut.warc.gz"), &cut).unwrap();
        let plain_offset: usize = records[..5].iter().map(Vec::len).sum();
        let mut plain_cut = records[..5].concat();
        plain_cut.extend_from_slice(&records[5][..records[5].len() / 2]);
        std::fs::write(dir.join("cut.warc"), &plain_cut).unwrap();

        for (name, at) in [("cut.warc.gz", offset), ("cut.warc", plain_offset)] {
            let output = run_in(&dir, &["extract", "--format", "text", name]);
            assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
            assert!(stdout(&output).contains(&format!("{name}#3:")));
            assert!(!stdout(&output).contains(&format!("{name}#6:")));
            let expected = format!("quotecheck: {name}: WARC record 6 at byte offset {at}: ");
            assert!(
                stderr(&output).contains(&expected),
                "{expected:?} not in {}",
                stderr(&output)
            );
        }
        // Not an archive at all.
        std::fs::write(dir.join("fake.warc"), "just some text\n").unwrap();
        let output = run_in(&dir, &["extract", "fake.warc"]);
        assert_eq!(output.status.code(), Some(2));
        assert!(stderr(&output).contains(
            "fake.warc: WARC record 1 at byte offset 0: not a WARC record (expected a line \"WARC/1.x\", found \"just some text\")"
        ));
    }
}
