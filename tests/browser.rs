//! The HTML report in a real browser: headless Chromium renders the report of the shipped
//! corpus; its DOM shows that the script ran and the filters work (driven through the address's
//! `#` part), and a screenshot shows the findings drawn (the error band and the highlighted cues
//! cover many pixels).
//!
//! Without `chromium` on PATH the test says so and passes, unless QUOTECHECK_REQUIRE_CHROMIUM=1
//! (set by `.ci/run`), when a missing browser fails it.

mod common;

use quotecheck::report::{CUE_COLOR, ERROR_COLOR};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CORPUS: &str = "corpora/trump-petro-2026";

/// How long one Chromium run may take before the test gives up on it.
const BROWSER_TIMEOUT: Duration = Duration::from_secs(90);

/// Screenshot size: wide enough for the English and Spanish columns side by side.
const WINDOW: (u32, u32) = (1280, 2000);

/// The browser's executable, from PATH.
fn find_chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// A fresh, empty directory for one test.
/// Runs headless Chromium with a fresh profile and `args`; returns its standard output.
fn chromium(browser: &Path, work: &Path, args: &[String]) -> String {
    let profile = work.join(format!(
        "profile-{}",
        args.len() + args.iter().map(String::len).sum::<usize>()
    ));
    let stdout_path = work.join("stdout.txt");
    let stdout = std::fs::File::create(&stdout_path).unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium {args:?} failed: {status}");
            break;
        }
        if started.elapsed() > BROWSER_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium {args:?} took longer than {BROWSER_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    std::fs::read_to_string(&stdout_path).unwrap()
}

/// The JSON report of the corpus, to know what the page should show.
fn json_report(corpus: &Path) -> serde_json::Value {
    let output = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(["check", "-q", "--format", "json"])
        .arg(corpus)
        .output()
        .unwrap();
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Pixels of `png` within a small distance of `colour` (anti-aliasing aside, fills are exact).
fn pixels_of(png: &Path, colour: [u8; 3]) -> (usize, u32, u32) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buffer).unwrap();
    let channels = match info.color_type {
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        other => panic!("unexpected screenshot colour type {other:?}"),
    };
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    let count = buffer[..info.buffer_size()]
        .chunks(channels)
        .filter(|pixel| (0..3).all(|c| pixel[c].abs_diff(colour[c]) <= 6))
        .count();
    (count, info.width, info.height)
}

/// The `data-kind` of each finding card the DOM does not hide, in page order.
fn visible_cards(dom: &str) -> Vec<&str> {
    dom.split("<article class=\"finding")
        .skip(1)
        .filter_map(|card| {
            let tag = &card[..card.find('>').unwrap()];
            let kind = tag.split("data-kind=\"").nth(1)?.split('"').next()?;
            (!tag.contains(" hidden")).then_some(kind)
        })
        .collect()
}

#[test]
fn html_report_renders_findings_and_filters_in_chromium() {
    let Some(browser) = find_chromium() else {
        if std::env::var("QUOTECHECK_REQUIRE_CHROMIUM").as_deref() == Ok("1") {
            panic!(
                "QUOTECHECK_REQUIRE_CHROMIUM=1 but no chromium on PATH (apt-get install chromium)"
            );
        }
        eprintln!("browser test not run: no chromium on PATH");
        return;
    };
    let work = common::temp_dir("browser", "html");
    // The shipped corpus, plus a brief that leaves a statement unattributed: findings of two
    // kinds for the kind filter.
    let corpus = work.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(CORPUS)).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, corpus.join(path.file_name().unwrap())).unwrap();
    }
    let (name, text) = common::UNSIGNED_BRIEF;
    std::fs::write(corpus.join(name), text).unwrap();
    let page = work.join("report.html");
    let status = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(["check", "-q", "--format", "html", "-o"])
        .arg(&page)
        .arg(&corpus)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1), "the corpus has error findings");
    let report = json_report(&corpus);
    let findings = report["findings"].as_array().unwrap();
    let url = format!("file://{}", page.display());

    // Unfiltered: the script ran and counts every finding.
    let dom = chromium(&browser, &work, &["--dump-dom".into(), url.clone()]);
    assert!(
        dom.contains("data-ready=\"true\""),
        "the page's script did not run"
    );
    assert!(
        dom.contains(&format!("Showing {0} of {0} findings", findings.len())),
        "no finding count in the DOM"
    );
    assert_eq!(
        dom.matches("<article class=\"finding").count(),
        findings.len()
    );
    for id in ["filter-kind", "filter-speaker", "filter-outlet"] {
        assert!(dom.contains(&format!("id=\"{id}\"")), "filter {id} missing");
    }
    assert!(
        dom.contains("<mark class=\"cue\">dijo</mark>"),
        "no highlighted cue"
    );

    // Filtered through the address: only that kind, and only that outlet's findings.
    let unattributed = findings
        .iter()
        .filter(|f| f["kind"] == "unattributed")
        .count();
    let dom = chromium(
        &browser,
        &work,
        &["--dump-dom".into(), format!("{url}#kind=unattributed")],
    );
    assert!(dom.contains(&format!(
        "Showing {unattributed} of {} findings",
        findings.len()
    )));
    assert_eq!(
        visible_cards(&dom),
        vec!["unattributed"; unattributed],
        "the cards left visible are not the kind filtered for"
    );
    let outlet = "La Voz del Valle";
    let from_outlet = findings
        .iter()
        .filter(|f| {
            f["quotes"].as_array().unwrap().iter().any(|q| {
                let article = q["article"].as_str().unwrap();
                report["articles"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|a| a["id"] == article && a["outlet"] == outlet)
            })
        })
        .count();
    assert!(from_outlet > 0 && from_outlet < findings.len());
    let dom = chromium(
        &browser,
        &work,
        &[
            "--dump-dom".into(),
            format!("{url}#outlet=La%20Voz%20del%20Valle"),
        ],
    );
    assert!(
        dom.contains(&format!(
            "Showing {from_outlet} of {} findings",
            findings.len()
        )),
        "outlet filter shows the wrong findings"
    );

    // The screenshot shows findings: error bands and highlighted cues, not a blank page.
    let shot = work.join("report.png");
    chromium(
        &browser,
        &work,
        &[
            format!("--screenshot={}", shot.display()),
            format!("--window-size={},{}", WINDOW.0, WINDOW.1),
            url,
        ],
    );
    let (error_pixels, width, height) = pixels_of(&shot, ERROR_COLOR);
    assert_eq!((width, height), WINDOW);
    // The error band alone is 8 px wide down the first finding card (over 1,500 px tall).
    assert!(
        error_pixels > 10_000,
        "only {error_pixels} pixels of the error colour"
    );
    let (cue_pixels, _, _) = pixels_of(&shot, CUE_COLOR);
    eprintln!("screenshot: {error_pixels} error-colour pixels, {cue_pixels} cue-colour pixels");
    // Each highlighted cue is about 30 × 20 px; the first card alone has a dozen.
    assert!(
        cue_pixels > 3_000,
        "only {cue_pixels} pixels of highlighted cues"
    );
    let _ = std::fs::remove_dir_all(&work);
}
