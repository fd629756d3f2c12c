//! The quotation-mark scanner: finds balanced quotation spans in English and Spanish typography.
//!
//! Marks: “…” «…» ‹…› ‘…’ "…" '…'. Straight and single marks are told from apostrophes
//! (don't, Petro's, l') by what stands around them. Quotes nest (a stack of open marks); a
//! paragraph that ends inside a quote continues it only when the next paragraph reopens it with
//! the same mark (the multi-paragraph convention); any other unclosed mark is dropped at the
//! paragraph's end, so a stray mark never swallows the rest of the article. A quote reopened
//! that way and then left unclosed (real copy often drops the last closing mark) yields each of
//! its paragraphs as a quotation of its own.

use crate::text::paragraph_spans;

/// The families of quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// “…”
    Curly,
    /// ‘…’
    SingleCurly,
    /// «…»
    Guillemet,
    /// ‹…›
    SingleGuillemet,
    /// "…"
    Straight,
    /// '…'
    StraightSingle,
    /// Spanish dialogue: a paragraph opening with a dash, the narrator's insert between dashes
    /// (—Tuvimos una buena reunión —dijo Trump—. Fue muy bueno.).
    Dash,
}

/// A quotation span as the marks delimit it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawQuote {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just past the closing mark.
    pub close_end: usize,
    /// The text between the marks: one span per paragraph the quote runs over.
    pub segments: Vec<(usize, usize)>,
    /// 0 for a top-level quote, 1 inside another quote, and so on.
    pub depth: usize,
    /// Which marks delimit it.
    pub mark: MarkKind,
}

/// Deeper nesting than this is not real prose; further opening marks are ignored.
const MAX_DEPTH: usize = 6;

struct Open {
    mark: MarkKind,
    open: usize,
    inner_start: usize,
    segments: Vec<(usize, usize)>,
    /// Where the mark opening each finished segment stands (the paragraph's start when the
    /// paragraph does not reopen the quote).
    segment_opens: Vec<usize>,
    /// Where the mark opening the current segment stands.
    segment_open: usize,
    /// A later paragraph reopened it with the same mark.
    reopened: bool,
}

enum Role {
    Open(MarkKind),
    Close(MarkKind),
    Either(MarkKind),
}

/// Finds every balanced quotation in `body`, ordered by opening mark.
pub fn scan(body: &str) -> Vec<RawQuote> {
    let mut quotes = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let paragraphs = paragraph_spans(body);
    let mut skip_reopening_at: Option<usize> = None;
    for (index, &(para_start, para_end)) in paragraphs.iter().enumerate() {
        let text = &body[para_start..para_end];
        let mut previous: Option<char> = None;
        let mut chars = text.char_indices().peekable();
        // The next curly mark after the current character, found again only once passed (one
        // walk over the paragraph): a straight mark before a curly close is nested, not a slip.
        let mut next_curly: Option<(usize, char)> = None;
        while let Some((offset, c)) = chars.next() {
            let position = para_start + offset;
            let next = chars.peek().map(|&(_, n)| n);
            if next_curly.is_none_or(|(at, _)| at <= offset) {
                let from = offset + c.len_utf8();
                next_curly = text[from..]
                    .char_indices()
                    .find(|&(_, n)| matches!(n, '“' | '”'))
                    .map(|(at, n)| (from + at, n))
                    .or(Some((text.len(), '“')));
            }
            let curly_close_ahead = next_curly.is_some_and(|(_, n)| n == '”');
            if skip_reopening_at == Some(position) {
                skip_reopening_at = None;
                previous = Some(c);
                continue;
            }
            let role = classify(c, previous, next, &stack, curly_close_ahead);
            previous = Some(c);
            let Some(role) = role else { continue };
            let after = position + c.len_utf8();
            let mark = match role {
                Role::Open(mark) => {
                    push(&mut stack, mark, position, after);
                    continue;
                }
                Role::Close(mark) => mark,
                Role::Either(mark) => {
                    if stack.iter().any(|o| o.mark == mark) {
                        mark
                    } else {
                        push(&mut stack, mark, position, after);
                        continue;
                    }
                }
            };
            if let Some(depth) = stack.iter().rposition(|o| o.mark == mark) {
                stack.truncate(depth + 1);
                let mut open = stack.pop().expect("rposition found it");
                open.segments.push((open.inner_start, position));
                quotes.push(RawQuote {
                    open: open.open,
                    close_end: after,
                    segments: open.segments,
                    depth,
                    mark,
                });
            }
        }
        // Paragraph end: continue the outermost quote if the next paragraph reopens it (its
        // reopening mark then skipped), or closes it without reopening it.
        let next = paragraphs.get(index + 1);
        let reopened = next.and_then(|&(next_start, next_end)| {
            let first = body[next_start..next_end].chars().next()?;
            let outer = stack.first()?;
            (opening_mark_kind(first) == Some(outer.mark))
                .then_some((next_start + first.len_utf8(), Some(next_start)))
        });
        let continuation = reopened.or_else(|| {
            closed_in_next_paragraph(body, &stack, para_start, next)
                .then(|| (paragraphs[index + 1].0, None))
        });
        match continuation {
            Some((inner_start, skip_at)) => {
                stack.truncate(1);
                let outer = &mut stack[0];
                outer.segments.push((outer.inner_start, para_end));
                outer.segment_opens.push(outer.segment_open);
                outer.inner_start = inner_start;
                outer.segment_open = skip_at.unwrap_or(inner_start);
                outer.reopened |= skip_at.is_some();
                skip_reopening_at = skip_at;
            }
            None => {
                if let Some(outer) = stack.first().filter(|outer| outer.reopened) {
                    quotes.extend(unclosed_paragraphs(outer, para_end));
                }
                stack.clear();
            }
        }
    }
    // Dialogue turns: a quotation found inside one is nested in it.
    let dialogue = scan_dialogue(body, &paragraphs);
    for quote in &mut quotes {
        if dialogue
            .iter()
            .any(|d| d.segments[0].0 <= quote.open && quote.close_end <= d.segments[0].1)
        {
            quote.depth += 1;
        }
    }
    quotes.extend(dialogue);
    quotes.sort_by_key(|q| (q.open, q.depth));
    untangle(quotes)
}

/// Each paragraph of a quote that paragraphs went on reopening (`outer`) but that was never
/// closed, the last one ending at `para_end`, as a quotation of its own: the closing mark was
/// dropped, and no paragraph past the reopened ones is taken.
fn unclosed_paragraphs(outer: &Open, para_end: usize) -> impl Iterator<Item = RawQuote> + '_ {
    let opens = outer.segment_opens.iter().chain([&outer.segment_open]);
    let segments = outer
        .segments
        .iter()
        .copied()
        .chain([(outer.inner_start, para_end)]);
    opens.zip(segments).map(|(&open, segment)| RawQuote {
        open,
        close_end: segment.1,
        segments: vec![segment],
        depth: 0,
        mark: outer.mark,
    })
}

/// True when the only quote open at a paragraph's end (`stack`) opened the paragraph at
/// `para_start` and the `next` paragraph closes it without reopening it: the first curly or
/// angle mark of that kind there is a closing one (a quote run over two paragraphs with the
/// reopening mark left out).
fn closed_in_next_paragraph(
    body: &str,
    stack: &[Open],
    para_start: usize,
    next: Option<&(usize, usize)>,
) -> bool {
    let (Some(outer), Some(&(next_start, next_end))) = (stack.first(), next) else {
        return false;
    };
    let (opening, closing) = match outer.mark {
        MarkKind::Curly => ('“', '”'),
        MarkKind::Guillemet => ('«', '»'),
        _ => return false,
    };
    stack.len() == 1
        && outer.open == para_start
        && body[next_start..next_end]
            .chars()
            .find(|&c| c == opening || c == closing)
            == Some(closing)
}

/// Makes quotations nest properly: one that starts inside a top-level quotation and ends inside
/// it becomes nested in it, one that crosses its end is dropped (marks and dialogue dashes can
/// disagree on malformed text; the stages rely on top-level quotations never overlapping).
fn untangle(quotes: Vec<RawQuote>) -> Vec<RawQuote> {
    let mut kept: Vec<RawQuote> = Vec::with_capacity(quotes.len());
    let mut outer: Option<(usize, usize)> = None;
    for mut quote in quotes {
        if quote.depth == 0 {
            match outer {
                Some((_, end)) if quote.open < end && quote.close_end <= end => quote.depth = 1,
                Some((_, end)) if quote.open < end => continue,
                _ => outer = Some((quote.open, quote.close_end)),
            }
        } else if outer.is_none_or(|(start, end)| quote.open < start || quote.close_end > end) {
            continue;
        }
        kept.push(quote);
    }
    kept
}

/// Characters that open a dialogue paragraph (em dash, horizontal bar, en dash).
const DIALOGUE_DASHES: [char; 3] = ['—', '―', '–'];

/// Spanish dialogue turns: in a paragraph that opens with a dash, the speech runs to a dash
/// after a space (" —dijo Trump"), the narrator's insert runs to the next dash, and the speech
/// resumes after it (past a period or comma) to the next insert or the paragraph's end. Each
/// stretch of speech is a quotation of its own.
fn scan_dialogue(body: &str, paragraphs: &[(usize, usize)]) -> Vec<RawQuote> {
    let mut turns = Vec::new();
    for &(para_start, para_end) in paragraphs {
        let text = &body[para_start..para_end];
        let Some(dash) = text.chars().next().filter(|c| DIALOGUE_DASHES.contains(c)) else {
            continue;
        };
        if text[dash.len_utf8()..].starts_with(char::is_whitespace) {
            continue; // a list item or an aside, not a dialogue turn
        }
        let mut open = para_start;
        let mut speech_start = Some(para_start + dash.len_utf8());
        let mut previous = dash;
        for (offset, c) in text.char_indices().skip(1) {
            let position = para_start + offset;
            if c == dash {
                match speech_start {
                    Some(start) if previous.is_whitespace() => {
                        turns.push(RawQuote {
                            open,
                            close_end: position,
                            segments: vec![(start, position)],
                            depth: 0,
                            mark: MarkKind::Dash,
                        });
                        speech_start = None;
                    }
                    Some(_) => {}
                    None => {
                        // The insert closes; speech resumes after its punctuation and spaces.
                        let rest = &text[offset + c.len_utf8()..];
                        let skipped = rest.len()
                            - rest
                                .trim_start_matches(|r: char| {
                                    r.is_whitespace() || matches!(r, '.' | ',' | ';' | ':')
                                })
                                .len();
                        let resume = position + c.len_utf8() + skipped;
                        open = resume;
                        speech_start = Some(resume);
                    }
                }
            }
            previous = c;
        }
        if let Some(start) = speech_start.filter(|&s| s < para_end) {
            turns.push(RawQuote {
                open,
                close_end: para_end,
                segments: vec![(start, para_end)],
                depth: 0,
                mark: MarkKind::Dash,
            });
        }
    }
    turns
}

fn push(stack: &mut Vec<Open>, mark: MarkKind, open: usize, inner_start: usize) {
    if stack.len() < MAX_DEPTH {
        stack.push(Open {
            mark,
            open,
            inner_start,
            segments: Vec::new(),
            segment_opens: Vec::new(),
            segment_open: open,
            reopened: false,
        });
    }
}

fn opening_mark_kind(c: char) -> Option<MarkKind> {
    match c {
        '“' => Some(MarkKind::Curly),
        '‘' => Some(MarkKind::SingleCurly),
        '«' => Some(MarkKind::Guillemet),
        '‹' => Some(MarkKind::SingleGuillemet),
        '"' => Some(MarkKind::Straight),
        '\'' => Some(MarkKind::StraightSingle),
        _ => None,
    }
}

/// Characters after which a straight mark opens a quotation.
fn is_opening_context(previous: Option<char>) -> bool {
    match previous {
        None => true,
        Some(p) => {
            p.is_whitespace()
                || matches!(
                    p,
                    '(' | '['
                        | '{'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | ':'
                        | '“'
                        | '‘'
                        | '«'
                        | '‹'
                        | '"'
                        | '¿'
                        | '¡'
                )
        }
    }
}

/// The role of mark `c` between `previous` and `next`, given the open quotes; a straight mark
/// closes an open curly quote (a slip of the press) only when no curly close comes next.
fn classify(
    c: char,
    previous: Option<char>,
    next: Option<char>,
    stack: &[Open],
    curly_close_ahead: bool,
) -> Option<Role> {
    let open_has = |mark| stack.iter().any(|o: &Open| o.mark == mark);
    let next_is_word = next.is_some_and(char::is_alphanumeric);
    let next_is_space = next.is_none_or(char::is_whitespace);
    let previous_is_space = previous.is_none_or(char::is_whitespace);
    match c {
        // An opening mark where a closing one belongs, another slip (“…?“, replicó): after the
        // quote's last character and before a space or punctuation, it closes the open quote.
        '“' if stack.last().is_some_and(|o| o.mark == MarkKind::Curly)
            && !previous_is_space
            && (next_is_space || matches!(next, Some(',' | '.' | ';' | ':' | ')'))) =>
        {
            Some(Role::Close(MarkKind::Curly))
        }
        '“' => Some(Role::Open(MarkKind::Curly)),
        // Mixed marks, a common slip of the press ("…” / “…"): a closing curly mark closes an
        // open straight quote when no curly one is open, and the other way round below.
        '”' if !open_has(MarkKind::Curly) && open_has(MarkKind::Straight) && !previous_is_space => {
            Some(Role::Close(MarkKind::Straight))
        }
        '”' => Some(Role::Close(MarkKind::Curly)),
        '«' => Some(Role::Open(MarkKind::Guillemet)),
        '»' => Some(Role::Close(MarkKind::Guillemet)),
        '‹' => Some(Role::Open(MarkKind::SingleGuillemet)),
        '›' => Some(Role::Close(MarkKind::SingleGuillemet)),
        '‘' if !next_is_space => Some(Role::Open(MarkKind::SingleCurly)),
        // ’ is an apostrophe unless it closes an open ‘ and no letter follows (don’t, Petro’s).
        '’' if open_has(MarkKind::SingleCurly) && !previous_is_space && !next_is_word => {
            Some(Role::Close(MarkKind::SingleCurly))
        }
        '"' => {
            if open_has(MarkKind::Straight) && !previous_is_space {
                Some(Role::Close(MarkKind::Straight))
            } else if is_opening_context(previous) && !next_is_space {
                Some(Role::Either(MarkKind::Straight))
            } else if open_has(MarkKind::Straight) {
                Some(Role::Close(MarkKind::Straight))
            } else if stack.last().is_some_and(|o| o.mark == MarkKind::Curly)
                && !previous_is_space
                && !next_is_word
                && !curly_close_ahead
            {
                Some(Role::Close(MarkKind::Curly))
            } else {
                None
            }
        }
        '\'' => {
            if open_has(MarkKind::StraightSingle) && !previous_is_space && !next_is_word {
                Some(Role::Close(MarkKind::StraightSingle))
            } else if is_opening_context(previous)
                && (next_is_word || matches!(next, Some('¿' | '¡')))
            {
                Some(Role::Open(MarkKind::StraightSingle))
            } else {
                None
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<String> {
        scan(body)
            .into_iter()
            .map(|q| {
                q.segments
                    .iter()
                    .map(|&(s, e)| &body[s..e])
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect()
    }

    #[test]
    fn a_quote_opening_a_paragraph_runs_on_to_a_close_in_the_next_one_never_reopened() {
        assert_eq!(
            texts("“Cuando no ganamos me cuesta salir.\n\nEl equipo jugó bien”, analizó."),
            ["Cuando no ganamos me cuesta salir.|El equipo jugó bien"]
        );
        // A mark left open mid-paragraph, or one the next paragraph opens again, ends there.
        assert_eq!(
            texts("Dijo “no saldré.\n\nEl equipo “jugó” bien”, analizó."),
            ["jugó"]
        );
    }

    #[test]
    fn an_opening_curly_mark_after_the_quote_closes_it() {
        assert_eq!(
            texts("“Uy, qué feo, ¿quién dice eso?“, replicó ella. “Varios”, fue la respuesta."),
            ["Uy, qué feo, ¿quién dice eso?", "Varios"]
        );
        assert_eq!(texts("“El “Tano” llegó”"), ["El “Tano” llegó", "Tano"]);
    }

    #[test]
    fn every_mark_family() {
        assert_eq!(
            texts("“a” «b» ‹c› ‘d’ \"e\" 'f'"),
            ["a", "b", "c", "d", "e", "f"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            texts("Petro’s view, don’t, l'été, the leaders' talk, 'real'"),
            ["real"]
        );
        assert_eq!(texts("‘We don’t know,’ he said"), ["We don’t know,"]);
    }

    #[test]
    fn nested_quotes_are_found_with_depth() {
        let quotes = scan("«Me dio una gorra “Make America Great Again”», dijo.");
        assert_eq!(quotes.len(), 2);
        assert_eq!((quotes[0].depth, quotes[1].depth), (0, 1));
    }

    #[test]
    fn multi_paragraph_quotes_continue_only_when_reopened() {
        assert_eq!(
            texts("He said: “First part.\n\n“Second part.”\n\nAfter."),
            ["First part.|Second part."]
        );
        assert_eq!(
            texts("A stray “mark here.\n\nNext paragraph “real” one."),
            ["real"]
        );
    }

    #[test]
    fn a_quote_reopened_by_each_paragraph_but_never_closed_yields_each_paragraph() {
        assert_eq!(
            texts("He said: “First part.\n\n“Second part, ‘inner’ too.\n\n“Third part.\n\nAfter."),
            [
                "First part.",
                "Second part, ‘inner’ too.",
                "inner",
                "Third part."
            ]
        );
        assert_eq!(texts("Smart said: \"One.\n\n\"Two."), ["One.", "Two."]);
    }

    #[test]
    fn spanish_dialogue_turns_around_the_narrators_insert() {
        assert_eq!(
            texts(
                "—El agua no se negocia —dijo la alcaldesa—. Es un derecho.\n\nOtra cosa — aparte."
            ),
            ["El agua no se negocia ", "Es un derecho."]
        );
        assert_eq!(texts("— una lista\n\n—Sí —respondió."), ["Sí "]);
    }

    #[test]
    fn mixed_straight_and_curly_marks_still_pair() {
        assert_eq!(
            texts("fue \"intenso como todos” y \"con muchas medidas”. \"Hemos trabajado”, dijo."),
            [
                "intenso como todos",
                "con muchas medidas",
                "Hemos trabajado"
            ]
        );
        assert_eq!(
            texts("“We will not move\", she said, “not an inch.”"),
            ["We will not move", "not an inch."]
        );
        assert_eq!(
            texts("“He said \"no\" twice”"),
            ["He said \"no\" twice", "no"]
        );
        // Before a curly close, a straight mark after a word is inside the quote.
        assert_eq!(
            texts("“Type =SUM(\\\"a\\\") in the cell”, he said."),
            ["Type =SUM(\\\"a\\\") in the cell"]
        );
    }

    #[test]
    fn unbalanced_marks_do_not_panic_or_swallow() {
        let body = "“".repeat(1000) + "text" + &"”".repeat(3) + "\n\n\"x";
        let quotes = scan(&body);
        assert!(quotes.len() <= 3);
    }
}
