//! Extraction: quotation spans, their text and their kind.
//!
//! [`Document`] scans an article body once (quotation marks, tokens, paragraphs, sentences) and
//! is shared with the attribution stage; [`classify_all`] tells speech and writing from titles,
//! slogans and scare quotes; [`follow_written_words`], once quotes are attributed, makes writing
//! of the words a person's written quote holds, quoted again, and [`carry_written_medium`] of the
//! quotes a written document named earlier in the paragraph still holds.

mod kind;
mod marks;
mod written;

pub use kind::classify_all;
use marks::RawQuote;
pub use written::{carry_written_medium, follow_written_words, Credit};

use crate::lang::{Lang, LanguagePack};
use crate::text::{paragraph_spans, sentence_spans, tokenize, Token};

/// A quotation as found in the body: its marks, its trimmed text span and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset past the closing mark.
    pub close_end: usize,
    /// Byte offset of the quotation's first character (trimmed).
    pub start: usize,
    /// Byte offset past its last character (trimmed, without a trailing comma).
    pub end: usize,
    /// The words between the marks; paragraphs of a multi-paragraph quote joined by a space.
    pub text: String,
    /// 0 for a top-level quote.
    pub depth: usize,
    /// The untrimmed span between the marks: sentence splitting never cuts inside it.
    pub inner: (usize, usize),
    /// Where the previous quotation of the same depth closes (0 when none): the context
    /// before this one starts no earlier.
    pub previous_close: usize,
    /// Where the next quotation of the same depth opens (`usize::MAX` when none).
    pub next_open: usize,
}

/// An article body scanned once: tokens, paragraphs, sentences and quotation spans.
pub struct Document<'a> {
    /// The article body.
    pub body: &'a str,
    /// Words and punctuation, in order.
    pub tokens: Vec<Token>,
    /// Paragraph byte spans.
    pub paragraphs: Vec<(usize, usize)>,
    /// Sentence byte spans (a quoted sentence stays with its attribution).
    pub sentences: Vec<(usize, usize)>,
    /// Quotations, ordered by opening mark.
    pub quotes: Vec<QuoteSpan>,
}

impl<'a> Document<'a> {
    /// Scans `body`.
    pub fn new(body: &'a str) -> Self {
        let quotes: Vec<QuoteSpan> = marks::scan(body)
            .into_iter()
            .filter_map(|raw| trim(body, raw))
            .collect();
        let quotes = link_neighbours(quotes);
        let tokens = tokenize(body);
        let inner: Vec<(usize, usize)> = quotes.iter().map(|q| q.inner).collect();
        let sentences = sentence_spans(body, &tokens, &inner, is_abbreviation);
        Document {
            body,
            tokens,
            paragraphs: paragraph_spans(body),
            sentences,
            quotes,
        }
    }

    /// Index of the sentence holding byte `position` (the last one starting at or before it).
    pub fn sentence_at(&self, position: usize) -> usize {
        self.sentences
            .partition_point(|&(start, _)| start <= position)
            .saturating_sub(1)
    }

    /// Index of the paragraph holding byte `position`.
    pub fn paragraph_at(&self, position: usize) -> usize {
        self.paragraphs
            .partition_point(|&(start, _)| start <= position)
            .saturating_sub(1)
    }

    /// Indices of the word tokens in `from..to` that stand outside every top-level quotation.
    pub fn words_outside_quotes(&self, from: usize, to: usize) -> Vec<usize> {
        let mut words = self.tokens_outside_quotes(from, to);
        words.retain(|&i| self.tokens[i].is_word);
        words
    }

    /// Indices of the tokens (words and punctuation, quotation marks excluded) in `from..to`
    /// that stand outside every top-level quotation.
    pub fn tokens_outside_quotes(&self, from: usize, to: usize) -> Vec<usize> {
        let first = self.tokens.partition_point(|t| t.start < from);
        let mut words = Vec::new();
        // Start from the last top-level quote opening before `from`: it may enclose it.
        let opened_before = self.quotes.partition_point(|q| q.open < from);
        let mut quote_index = self.quotes[..opened_before]
            .iter()
            .rposition(|q| q.depth == 0)
            .unwrap_or(0);
        for (index, token) in self.tokens.iter().enumerate().skip(first) {
            if token.end > to {
                break;
            }
            while quote_index < self.quotes.len()
                && (self.quotes[quote_index].close_end <= token.start
                    || self.quotes[quote_index].depth > 0)
            {
                quote_index += 1;
            }
            let inside = self
                .quotes
                .get(quote_index)
                .is_some_and(|q| q.open <= token.start && token.start < q.close_end);
            if !inside {
                words.push(index);
            }
        }
        words
    }

    /// The body's text outside top-level quotations: the article's own prose.
    pub fn prose(&self) -> Vec<&'a str> {
        let mut pieces = Vec::new();
        let mut cursor = 0;
        for quote in self.quotes.iter().filter(|q| q.depth == 0) {
            pieces.push(&self.body[cursor..quote.open]);
            cursor = quote.close_end;
        }
        pieces.push(&self.body[cursor..]);
        pieces
    }

    /// The lower-case word of token `index`.
    pub fn lower(&self, index: usize) -> String {
        self.tokens[index].text(self.body).to_lowercase()
    }
}

fn is_abbreviation(word: &str) -> bool {
    Lang::ALL
        .iter()
        .any(|lang| lang.pack().abbreviations.contains(word))
}

/// Fills each quote's `previous_close` and `next_open` among quotes of its depth, in one pass
/// each way (the stages look at neighbours of every quote; a scan per quote would be quadratic).
fn link_neighbours(mut quotes: Vec<QuoteSpan>) -> Vec<QuoteSpan> {
    let mut last_close: Vec<usize> = Vec::new();
    for quote in &mut quotes {
        if last_close.len() <= quote.depth {
            last_close.resize(quote.depth + 1, 0);
        }
        quote.previous_close = last_close[quote.depth].min(quote.open);
        last_close[quote.depth] = quote.close_end;
    }
    let mut next_open: Vec<usize> = Vec::new();
    for quote in quotes.iter_mut().rev() {
        if next_open.len() <= quote.depth {
            next_open.resize(quote.depth + 1, usize::MAX);
        }
        quote.next_open = next_open[quote.depth];
        next_open[quote.depth] = quote.open;
    }
    quotes
}

/// Trims a raw quote's text: outer white space and a trailing comma go (the comma belongs to
/// the sentence around the quote). Empty quotations are dropped.
fn trim(body: &str, raw: RawQuote) -> Option<QuoteSpan> {
    let trimmed: Vec<(usize, usize)> = raw
        .segments
        .iter()
        .map(|&(s, e)| {
            let segment = &body[s..e];
            let start = s + (segment.len() - segment.trim_start().len());
            let mut end = s + segment.trim_end().len();
            while end > start && body[..end].ends_with([',', ';']) {
                end -= 1;
                end = start + body[start..end].trim_end().len();
            }
            (start, end)
        })
        .filter(|(s, e)| e > s)
        .collect();
    let (start, end) = (trimmed.first()?.0, trimmed.last()?.1);
    let text = trimmed
        .iter()
        .map(|&(s, e)| &body[s..e])
        .collect::<Vec<_>>()
        .join(" ");
    Some(QuoteSpan {
        open: raw.open,
        close_end: raw.close_end,
        start,
        end,
        text,
        depth: raw.depth,
        inner: (raw.segments.first()?.0, raw.segments.last()?.1),
        previous_close: 0,
        next_open: usize::MAX,
    })
}

/// Words of `doc` in `indices`, lower-cased.
pub(crate) fn lower_words(doc: &Document, indices: &[usize]) -> Vec<String> {
    indices.iter().map(|&i| doc.lower(i)).collect()
}

/// True when any word in `words` starts a reporting-verb or source phrase of `pack`.
pub(crate) fn has_cue(pack: &LanguagePack, words: &[String]) -> bool {
    (0..words.len()).any(|i| pack.cue_at(&words[i..], true).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_trailing_commas_and_keeps_offsets() {
        let body = "“We had a very good meeting,” Trump said.";
        let doc = Document::new(body);
        let quote = &doc.quotes[0];
        assert_eq!(quote.text, "We had a very good meeting");
        assert_eq!(&body[quote.start..quote.end], quote.text);
    }

    #[test]
    fn words_outside_quotes_skip_quoted_words() {
        let body = "Petro said “hello there” to Trump.";
        let doc = Document::new(body);
        let words = lower_words(&doc, &doc.words_outside_quotes(0, body.len()));
        assert_eq!(words, ["petro", "said", "to", "trump"]);
    }

    #[test]
    fn prose_is_the_text_outside_quotes() {
        let body = "Dijo: “We had a very good meeting.” Y se fue.";
        let doc = Document::new(body);
        assert_eq!(doc.prose().concat(), "Dijo:  Y se fue.");
    }
}
