//! Helpers shared by the integration tests: running the binary and scratch folders.
// Each test crate uses the helpers it needs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Runs quotecheck with `args` from the repository's root, with no standard input.
pub fn quotecheck(args: &[&str]) -> Output {
    quotecheck_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// Runs quotecheck with `args` from `dir`, with no standard input.
pub fn quotecheck_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("run quotecheck")
}

/// A fresh, empty folder for test `name` of the suite `suite`.
pub fn temp_dir(suite: &str, name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("quotecheck-{suite}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `contents` to `dir/name` and returns the path as text.
pub fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.display().to_string()
}

/// A brief of this project's words that quotes a statement of `corpora/trump-petro-2026` with no
/// speaker: added to a copy of that corpus, it brings an info finding (unattributed), which the
/// shipped corpus no longer has (it credits every quote).
pub const UNSIGNED_BRIEF: (&str, &str) = (
    "en-99-unsigned.txt",
    "ROUNDUP | Desk Notes\n\nWhite House talks end\n\nReactions after the talks were brief and upbeat.\n\n“We had a very good meeting.”\n",
);
