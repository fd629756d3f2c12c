//! Hostile inputs: every case must finish quickly, never panic, name the bad file, and keep
//! the results of the good ones.

mod common;

use common::write;
use std::path::PathBuf;

fn temp_dir(name: &str) -> PathBuf {
    common::temp_dir("hardening", name)
}
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Generous for a debug build on a 2-core machine; a hang or quadratic blow-up exceeds it.
const TIME_LIMIT: Duration = Duration::from_secs(120);

/// Runs quotecheck, failing the test if it outlives [`TIME_LIMIT`] or dies of a signal.
fn run(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    // Drain the pipes on threads so a large output cannot block the child.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut buffer = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut buffer).unwrap();
        buffer
    });
    let err = std::thread::spawn(move || {
        let mut buffer = Vec::new();
        std::io::Read::read_to_end(&mut stderr, &mut buffer).unwrap();
        buffer
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIME_LIMIT {
            child.kill().unwrap();
            panic!("quotecheck {args:?} ran past {TIME_LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let output = Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    };
    assert!(
        output.status.code().is_some(),
        "quotecheck {args:?} was killed by a signal"
    );
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("panicked"),
        "quotecheck {args:?} panicked: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn summary(output: &Output) -> serde_json::Value {
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    report["summary"].clone()
}

const GOOD: &str = "“We had a very good meeting,” Trump said.\n";

#[test]
fn empty_and_degenerate_files_are_reported_and_skipped() {
    let dir = temp_dir("empty");
    write(&dir, "good.md", GOOD);
    let empty_json = write(&dir, "empty.json", "{}");
    let empty_array = write(&dir, "array.json", "[]");
    let empty_lines = write(&dir, "lines.jsonl", "\n\n");
    write(&dir, "blank.txt", "");
    let output = run(&["check", "--format", "json", dir.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    for path in [&empty_json, &empty_array, &empty_lines] {
        assert!(
            stderr.contains(path.as_str()),
            "{path} not reported: {stderr}"
        );
    }
    let summary = summary(&output);
    assert_eq!(
        summary["articles"], 2,
        "the good article and the empty text article"
    );
    assert_eq!(summary["errors"], 3);
}

#[test]
fn one_line_of_five_megabytes_and_many_marks_stay_fast() {
    let dir = temp_dir("big");
    let line = "Petro dijo que «la cúpula vive lejos» y luego habló de comercio, ".repeat(80_000);
    write(&dir, "line.txt", &line);
    write(
        &dir,
        "unbalanced.txt",
        "“".repeat(100_000) + " text " + &"”".repeat(50_000) + &"\"'«".repeat(30_000),
    );
    write(&dir, "many.txt", "“a b” dijo X. ".repeat(100_000));
    write(
        &dir,
        "nested.txt",
        "“‘«".repeat(20_000) + "deep" + &"»’”".repeat(20_000),
    );
    let output = run(&["check", "--format", "json", dir.to_str().unwrap()]);
    assert_eq!(summary(&output)["articles"], 4);
}

#[test]
fn a_fifty_megabyte_article_is_read_and_the_limit_refuses_larger() {
    let dir = temp_dir("huge");
    let paragraph =
        "The talks went on for hours and the ministers spoke about trade and water.\n\n";
    let body = paragraph.repeat(50 * 1024 * 1024 / paragraph.len());
    let huge = write(&dir, "huge.md", &body);
    write(&dir, "good.md", GOOD);
    let output = run(&["check", "--format", "json", dir.to_str().unwrap()]);
    assert_eq!(summary(&output)["articles"], 2);
    let output = run(&[
        "check",
        "--format",
        "json",
        "--max-article-bytes",
        "1000000",
        dir.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&huge) && stderr.contains("--max-article-bytes"),
        "{stderr}"
    );
    assert_eq!(summary(&output)["articles"], 1);
}

#[test]
fn symlink_loops_dangling_links_and_duplicate_ids_are_reported() {
    let dir = temp_dir("links");
    write(&dir, "good.md", GOOD);
    std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
    std::os::unix::fs::symlink(dir.join("missing.md"), dir.join("dangling.md")).unwrap();
    write(
        &dir,
        "feed.jsonl",
        "{\"id\": \"same\", \"text\": \"uno\"}\n{\"id\": \"same\", \"text\": \"dos\"}\n",
    );
    let output = run(&["check", "--format", "json", dir.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("symlink loop"), "{stderr}");
    assert!(stderr.contains("dangling.md"), "{stderr}");
    assert!(stderr.contains("duplicate article id \"same\""), "{stderr}");
    assert_eq!(summary(&output)["articles"], 2);
}

#[test]
fn output_does_not_depend_on_thread_scheduling() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora");
    let first = run(&["check", "--format", "json", corpus]);
    for _ in 0..2 {
        assert_eq!(
            run(&["check", "--format", "json", corpus]).stdout,
            first.stdout
        );
    }
}
