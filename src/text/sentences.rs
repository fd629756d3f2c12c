//! Paragraph and sentence boundaries, aware of quotations and abbreviations.

use super::{is_capitalized, Token};

/// Byte spans of the paragraphs of `body`. When the body has blank lines, paragraphs are
/// separated by them (Markdown, hard-wrapped text); otherwise every line is a paragraph (one
/// paragraph per line, as scrapers write). Spans are trimmed and never empty.
pub fn paragraph_spans(body: &str) -> Vec<(usize, usize)> {
    let has_blank_line =
        body.lines().any(|line| line.trim().is_empty()) && body.trim().contains('\n');
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let blank = content.trim().is_empty();
        if blank || !has_blank_line {
            if let Some(s) = start.take() {
                spans.push((s, last_end));
            }
        }
        if !blank {
            let leading = content.len() - content.trim_start().len();
            start.get_or_insert(offset + leading);
            last_end = offset + content.trim_end().len();
            if !has_blank_line {
                spans.push((start.take().unwrap_or(offset), last_end));
            }
        }
        offset += line.len();
    }
    if let Some(s) = start {
        spans.push((s, last_end));
    }
    spans
}

/// Byte spans of the sentences of `body` within each paragraph. A sentence ends at `.`, `?`, `!`
/// or `…` followed by a capitalized word, an opening mark or a dash, except after an abbreviation
/// (`is_abbreviation` receives the word with its period, "Mr.") and except inside a quotation
/// (`quote_spans`: the text between the marks, so a quoted sentence never splits from its
/// attribution). A quotation that ends
/// in such a mark ends the sentence after its closing mark.
pub fn sentence_spans(
    body: &str,
    tokens: &[Token],
    quote_spans: &[(usize, usize)],
    is_abbreviation: impl Fn(&str) -> bool,
) -> Vec<(usize, usize)> {
    // Disjoint, sorted intervals covering every quotation, and the set of closing positions:
    // each token is checked in logarithmic time, so a body full of quotes stays linear.
    let mut spans: Vec<(usize, usize)> = quote_spans.to_vec();
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        match merged.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    let closing: std::collections::HashSet<usize> = quote_spans.iter().map(|&(_, e)| e).collect();
    let inside_quote = |position: usize| {
        let next = merged.partition_point(|&(start, _)| start < position);
        next > 0 && position < merged[next - 1].1
    };
    let mut spans = Vec::new();
    let mut index = 0;
    for (para_start, para_end) in paragraph_spans(body) {
        while index < tokens.len() && tokens[index].start < para_start {
            index += 1;
        }
        let mut sentence_start = para_start;
        while index < tokens.len() && tokens[index].end <= para_end {
            let token = tokens[index];
            index += 1;
            let text = token.text(body);
            let ends_quoted_sentence = !token.is_word
                && closing.contains(&token.start)
                && body[..token.start]
                    .trim_end()
                    .ends_with(['.', '?', '!', '…']);
            let is_terminator = !token.is_word
                && matches!(text, "." | "?" | "!" | "…")
                && !inside_quote(token.start);
            if !ends_quoted_sentence && !is_terminator {
                continue;
            }
            if text == "." && index >= 2 && tokens[index - 2].end == token.start {
                let word = &body[tokens[index - 2].start..token.end];
                if tokens[index - 2].is_word && is_abbreviation(word) {
                    continue;
                }
            }
            // Closing marks and brackets right after the terminator belong to this sentence.
            let mut end = token.end;
            while index < tokens.len() && tokens[index].end <= para_end && !tokens[index].is_word {
                let t = tokens[index].text(body);
                if matches!(
                    t,
                    "”" | "»" | "’" | "\"" | "'" | ")" | "›" | "." | "?" | "!" | "…"
                ) && tokens[index].start == end
                {
                    end = tokens[index].end;
                    index += 1;
                } else {
                    break;
                }
            }
            let next = tokens.get(index).filter(|t| t.end <= para_end);
            let starts_sentence = match next {
                None => true,
                Some(t) => {
                    let t_text = t.text(body);
                    (t.is_word
                        && (is_capitalized(t_text)
                            || t_text.chars().next().is_some_and(|c| c.is_ascii_digit())))
                        || matches!(
                            t_text,
                            "“" | "«" | "\"" | "‘" | "¿" | "¡" | "—" | "–" | "-" | "(" | "‹"
                        )
                }
            };
            if starts_sentence && !inside_quote(end.saturating_sub(1)) {
                spans.push((sentence_start, end));
                if let Some(t) = next {
                    sentence_start = t.start;
                } else {
                    sentence_start = para_end;
                }
            }
        }
        if sentence_start < para_end {
            spans.push((sentence_start, para_end));
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn sentences<'a>(body: &'a str, quotes: &[(usize, usize)]) -> Vec<&'a str> {
        let tokens = tokenize(body);
        sentence_spans(body, &tokens, quotes, |w| {
            matches!(w, "Mr." | "U.S." | "EE.UU.")
        })
        .into_iter()
        .map(|(s, e)| &body[s..e])
        .collect()
    }

    #[test]
    fn paragraphs_by_blank_lines_or_by_lines() {
        let body = "One.\nstill one.\n\n  Two.\n";
        let spans: Vec<_> = paragraph_spans(body)
            .into_iter()
            .map(|(s, e)| &body[s..e])
            .collect();
        assert_eq!(spans, ["One.\nstill one.", "Two."]);
        let body = "One.\nTwo.\n";
        let spans: Vec<_> = paragraph_spans(body)
            .into_iter()
            .map(|(s, e)| &body[s..e])
            .collect();
        assert_eq!(spans, ["One.", "Two."]);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Mr. Petro met U.S. officials. Then he left.", &[]),
            ["Mr. Petro met U.S. officials.", "Then he left."]
        );
    }

    #[test]
    fn quoted_sentences_stay_with_their_attribution() {
        let body = "“It went well. Very well,” Trump said. “I thought he was terrific.” He left.";
        let first = (body.find("It").unwrap(), body.find("” Trump").unwrap());
        let second = (body.find("I thought").unwrap(), body.find("” He").unwrap());
        assert_eq!(
            sentences(body, &[first, second]),
            [
                "“It went well. Very well,” Trump said.",
                "“I thought he was terrific.”",
                "He left."
            ]
        );
    }
}
