//! Synthetic Quotebank file for measuring `quotecheck check --reference` at scale.
//!
//! ```text
//! cargo run --release --example gen_references -- --lines N --out FILE[.gz] [--match-every K]
//! ```
//!
//! Writes N quote-centric Quotebank lines (gzipped when FILE ends in `.gz`). Every K-th line
//! (default 1,000) is one of six statements of corpora/trump-petro-2026 in English, every
//! other of them credited to the wrong person, so a run over that corpus finds reference
//! notes and reference conflicts; the rest are sentences of 8 to 24 everyday English words
//! (some of which the corpus uses, so that the screen and the matcher both have work) by
//! invented speakers. Lines are a pure function of their number: the same arguments give the
//! same bytes, and no random generator is needed.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Statements of corpora/trump-petro-2026 and who said them.
const STATEMENTS: [(&str, &str); 6] = [
    ("We had a very good meeting", "Donald Trump"),
    (
        "The top tier lives in Dubai, Madrid, Miami",
        "Gustavo Petro",
    ),
    ("I thought he was terrific", "Donald Trump"),
    ("I don't understand English very well.", "Gustavo Petro"),
    (
        "What did Trump mean to say to me with this dedication?",
        "Gustavo Petro",
    ),
    (
        "If people have no options to eat, what there will be is drug trafficking",
        "Gustavo Petro",
    ),
];

/// Everyday words the filler sentences are made of.
const WORDS: &[&str] = &[
    "the",
    "a",
    "we",
    "they",
    "will",
    "not",
    "is",
    "are",
    "was",
    "have",
    "had",
    "to",
    "of",
    "in",
    "for",
    "with",
    "on",
    "at",
    "this",
    "that",
    "our",
    "their",
    "very",
    "more",
    "never",
    "always",
    "people",
    "country",
    "government",
    "city",
    "team",
    "season",
    "market",
    "prices",
    "school",
    "children",
    "water",
    "energy",
    "plan",
    "budget",
    "law",
    "court",
    "election",
    "vote",
    "party",
    "meeting",
    "president",
    "minister",
    "council",
    "company",
    "workers",
    "union",
    "strike",
    "bridge",
    "road",
    "train",
    "airport",
    "hospital",
    "doctors",
    "nurses",
    "teachers",
    "farmers",
    "coffee",
    "rain",
    "drought",
    "river",
    "harbour",
    "festival",
    "museum",
    "film",
    "music",
    "game",
    "players",
    "coach",
    "goal",
    "win",
    "lose",
    "build",
    "open",
    "close",
    "raise",
    "cut",
    "tax",
    "jobs",
    "growth",
    "inflation",
    "rates",
    "bank",
    "loan",
    "debt",
    "trade",
    "border",
    "police",
    "safety",
    "health",
    "climate",
    "forest",
    "power",
    "cost",
    "future",
    "history",
    "good",
    "bad",
    "new",
    "old",
    "big",
    "small",
    "fair",
    "hard",
    "easy",
    "ready",
    "proud",
    "happy",
    "worried",
    "sure",
    "today",
    "tomorrow",
    "year",
    "week",
    "night",
    "morning",
];

/// Invented speakers of the filler sentences.
const SPEAKERS: &[&str] = &[
    "Mara Quillen",
    "Tobias Renwick",
    "Ines Calaveri",
    "Oskar Lindqvar",
    "Priya Danvers",
    "Hugo Ferrantes",
    "Lena Marchetti",
    "Samuel Okonkwe",
];

/// A well-mixed 64-bit number from a line number and a slot (SplitMix64's finalizer).
fn mix(line: u64, slot: u64) -> u64 {
    let mut z = line
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(slot.wrapping_mul(0xD1B5_4A32_D192_ED03));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn pick<'a>(items: &[&'a str], line: u64, slot: u64) -> &'a str {
    items[(mix(line, slot) % items.len() as u64) as usize]
}

/// Line `n` (from 1): a corpus statement every `match_every` lines, filler otherwise.
fn line(n: u64, match_every: u64) -> String {
    let (quotation, speaker) = if n % match_every == 0 {
        let index = (n / match_every) as usize;
        let (text, speaker) = STATEMENTS[index % STATEMENTS.len()];
        // Every other statement line credits the other man: a planted reference conflict.
        let speaker = match (index / STATEMENTS.len() % 2, speaker) {
            (1, "Donald Trump") => "Gustavo Petro",
            (1, _) => "Donald Trump",
            _ => speaker,
        };
        (text.to_string(), speaker)
    } else {
        let length = 8 + mix(n, 0) % 17;
        let words: Vec<&str> = (1..=length).map(|slot| pick(WORDS, n, slot)).collect();
        (words.join(" "), pick(SPEAKERS, n, 99))
    };
    let p = 0.5 + (mix(n, 100) % 500) as f64 / 1000.0;
    let record = serde_json::json!({
        "quoteID": format!("2026-02-{:02}-{n:06}", 1 + n % 28),
        "quotation": quotation,
        "speaker": speaker,
        "qids": [],
        "date": format!("2026-02-{:02} 00:00:00", 1 + n % 28),
        "numOccurrences": 1 + mix(n, 101) % 20,
        "probas": [[speaker, format!("{p:.4}")], ["None", format!("{:.4}", 1.0 - p)]],
        "urls": [format!("https://example.org/news/{n}")],
        "phase": "E",
    });
    record.to_string()
}

const USAGE: &str = "usage: gen_references --lines N --out FILE[.gz] [--match-every K]";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (mut lines, mut out, mut match_every) = (None, None, 1_000u64);
    while let Some(flag) = args.next() {
        let value = args.next();
        match (flag.as_str(), value) {
            ("--lines", Some(v)) => lines = v.parse::<u64>().ok(),
            ("--out", Some(v)) => out = Some(PathBuf::from(v)),
            ("--match-every", Some(v)) => match v.parse::<u64>() {
                Ok(k) if k > 0 => match_every = k,
                _ => {
                    eprintln!("gen_references: --match-every needs a count above 0\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let (Some(lines), Some(out)) = (lines, out) else {
        eprintln!("gen_references: --lines and --out are required\n{USAGE}");
        return ExitCode::from(2);
    };
    match write(lines, &out, match_every) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_references: {}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}

fn write(lines: u64, out: &PathBuf, match_every: u64) -> io::Result<()> {
    let file = BufWriter::new(std::fs::File::create(out)?);
    let write_lines = |sink: &mut dyn Write| -> io::Result<()> {
        for n in 1..=lines {
            writeln!(sink, "{}", line(n, match_every))?;
        }
        Ok(())
    };
    if out.extension().is_some_and(|e| e == "gz") {
        let mut encoder = flate2::write::GzEncoder::new(file, flate2::Compression::default());
        write_lines(&mut encoder)?;
        encoder.finish()?.flush()
    } else {
        let mut file = file;
        write_lines(&mut file)?;
        file.flush()
    }
}
