//! placeholder
use super::{Report, Reporter};
use std::io::{self, Write};
/// x
pub struct HtmlReporter;
impl Reporter for HtmlReporter {
    fn write(&self, _report: &Report, _out: &mut dyn Write) -> io::Result<()> { Ok(()) }
}
