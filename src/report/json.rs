//! The JSON report: one pretty-printed object, `summary`, `articles`, `statements`, `findings`.

use super::{Report, Reporter};
use std::io::{self, Write};

/// Writes the report as JSON.
pub struct JsonReporter;

impl Reporter for JsonReporter {
    fn write(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, report)?;
        writeln!(out)
    }
}
