//! Kinds of quotation: speech and writing (someone's statement) versus titles, slogans, scare
//! quotes and other quoted material, which never produce findings.

use super::{has_cue, lower_words, Document, QuoteSpan};
use crate::lang::{CueMode, InscriptionWord, LanguagePack};
use crate::model::QuoteKind;
use crate::text::{fold, is_capitalized, tokenize};

/// How many words before a quotation may name its kind ("his book, “…”", "la gorra con el lema «…»").
const MARKER_WORDS_BEFORE: usize = 4;
/// How many words before a quotation a naming verb may stand, its object between them
/// ("denounced the operation that seized Maduro as a “kidnapping”").
const NAMING_VERB_WORDS_BEFORE: usize = 10;
/// How many words before a quotation an inscription word makes it writing ("inscribed “…”",
/// "la dedicatoria: «…»").
const INSCRIPTION_WORDS_BEFORE: usize = 2;
/// How many words before a quotation a placard, a sign or a chant may stand, what it reads
/// between them ("desplegaron pancartas en las que se podían leer: «…»", "carrying signs with
/// messages such as “…”").
const SLOGAN_CARRIER_WORDS_BEFORE: usize = 10;
/// How many words a label (a nickname, a title) repeated later in the article may have.
const MAX_LABEL_WORDS: usize = 4;
/// How many quotations back a repeated label is looked for.
const MAX_LABEL_LOOKBACK: usize = 64;
/// How many items back a list of quotations is followed for its kind.
const MAX_LIST_ITEMS: usize = 12;
/// How many words after it ("a “Make America Great Again” cap").
const MARKER_WORDS_AFTER: usize = 2;
/// How many words after it a placard or a chant may stand, a verb and a determiner between
/// ("«…», reza una pancarta", "“…”, fue el cántico más escuchado").
const SLOGAN_CARRIER_WORDS_AFTER: usize = 3;
/// Quotations this short, in lower case and with no cue in their sentence, are scare quotes.
const SCARE_MAX_WORDS: usize = 3;
/// A quotation inside another one this short is a name or a label, not a statement.
const MAX_WORDS_NESTED_LABEL: usize = 2;
/// How many words outside its quotations a sentence in title case needs to be read as a
/// headline.
const HEADLINE_MIN_WORDS: usize = 4;
/// Quotations up to this long, in title case and with no cue, are titles.
const TITLE_MAX_WORDS: usize = 8;

/// The kind of every quotation of `doc`, read with the article's language `pack`.
///
/// In order: a kind marker next to the quote decides ("book", "cap", "so-called", "inscription",
/// a naming verb: "called him “…”"); a one-letter quote is `other`; a short title-case phrase
/// is a title; a lone lower-case word is a scare quote; a quote whose sentence has a reporting
/// cue is speech (partial quotes inside reported speech are the speaker's
/// words); a short lower-case phrase is a scare quote; anything else is speech. A quote then
/// takes the kind of the list it ends, and a label repeated later the kind of its first use.
/// Each quote is read on its own once.
pub fn classify_all(doc: &Document, pack: &LanguagePack) -> Vec<QuoteKind> {
    let sentences = sentence_facts(doc, pack);
    let own: Vec<QuoteKind> = (0..doc.quotes.len())
        .map(|i| classify_one(doc, i, pack, &sentences))
        .collect();
    let joined: Vec<bool> = (0..doc.quotes.len())
        .map(|i| joined_to_previous(doc, i, pack))
        .collect();
    let in_list: Vec<QuoteKind> = (0..doc.quotes.len())
        .map(|i| kind_in_list(&own, &joined, i))
        .collect();
    let labels: Vec<Vec<String>> = doc.quotes.iter().map(|q| folded_words(&q.text)).collect();
    (0..doc.quotes.len())
        .map(|i| {
            let kind = in_list[i];
            if kind.is_statement() {
                if let Some(label_kind) = repeated_label(doc, &labels, &in_list, i) {
                    return label_kind;
                }
            }
            kind
        })
        .collect()
}

/// What a sentence says outside its quotations, read once for every quotation in it (a long
/// sentence may hold thousands).
#[derive(Clone, Copy, Debug, Default)]
struct SentenceFacts {
    /// A reporting cue stands in it.
    has_cue: bool,
    /// It names a placard, a sign or a chant.
    names_carrier: bool,
    /// It names someone, or has a verb of speech.
    names_speaker: bool,
    /// Its words outside quotations are in title case: a headline.
    title_cased: bool,
}

/// The facts of every sentence of `doc` that holds a quotation or comes right before one
/// (default facts for the others).
fn sentence_facts(doc: &Document, pack: &LanguagePack) -> Vec<SentenceFacts> {
    let mut wanted = vec![false; doc.sentences.len()];
    for quote in &doc.quotes {
        let sentence = doc.sentence_at(quote.open);
        wanted[sentence] = true;
        wanted[sentence.saturating_sub(1)] = true;
    }
    let facts = |&(start, end): &(usize, usize)| {
        let indices = doc.words_outside_quotes(start, end);
        let words = marker_words(doc, &indices, start);
        let written: Vec<&str> = indices
            .iter()
            .map(|&i| doc.tokens[i].text(doc.body))
            .collect();
        SentenceFacts {
            title_cased: written.len() >= HEADLINE_MIN_WORDS && is_title_case(&written),
            has_cue: has_cue(pack, &lower_words(doc, &indices)),
            names_carrier: (0..words.len())
                .any(|i| pack.kind_marker_at(&words[i..]) == Some(QuoteKind::Slogan)),
            names_speaker: words.iter().any(String::is_empty)
                || (0..words.len()).any(|i| {
                    pack.cue_at(&words[i..], false)
                        .is_some_and(|cue| cue.mode == CueMode::Speech)
                }),
        }
    };
    doc.sentences
        .iter()
        .zip(wanted)
        .map(|(span, wanted)| {
            if wanted {
                facts(span)
            } else {
                SentenceFacts::default()
            }
        })
        .collect()
}

/// The folded words of a quotation's `text`, compared when a label or written words are
/// repeated.
pub(super) fn folded_words(text: &str) -> Vec<String> {
    tokenize(text)
        .into_iter()
        .filter(|t| t.is_word)
        .map(|t| fold(t.text(text)))
        .collect()
}

/// The kind of an earlier short quotation that quotation `index` repeats, whole or by its
/// last words, when that one is no statement: a nickname or a title named once with its
/// marker keeps its kind without it ("alias «El Patuleco»" … "las actividades del
/// «Patuleco»"). `labels` holds every quote's folded words, `in_list` its kind read with its list.
fn repeated_label(
    doc: &Document,
    labels: &[Vec<String>],
    in_list: &[QuoteKind],
    index: usize,
) -> Option<QuoteKind> {
    let quote = &doc.quotes[index];
    let words = &labels[index];
    if words.is_empty()
        || words.len() > MAX_LABEL_WORDS
        || quote.text.trim_end().ends_with(['.', '?', '!', '…'])
    {
        return None;
    }
    (index.saturating_sub(MAX_LABEL_LOOKBACK)..index)
        .rev()
        .filter(|&i| {
            // Cheap first: a long quotation is no label (counting stops past the limit).
            doc.quotes[i].depth == quote.depth
                && doc.quotes[i]
                    .text
                    .split_whitespace()
                    .nth(MAX_LABEL_WORDS)
                    .is_none()
        })
        .find(|&i| labels[i].len() <= MAX_LABEL_WORDS && labels[i].ends_with(words))
        .map(|i| in_list[i])
        .filter(|kind| !kind.is_statement())
}

/// The kind of quotation `index` read with the list of quotations it ends, if any, from each
/// quote's `own` kind and whether it is `joined` to the one before.
fn kind_in_list(own: &[QuoteKind], joined: &[bool], index: usize) -> QuoteKind {
    // A translation in parentheses right after a quote, or a quote joined to it by a comma or
    // a conjunction, is the same kind of thing: placards that read «Ni muros ni aranceles»
    // (“Neither walls nor tariffs”), or «Sin agua no hay vida» y «Golf verde, pueblo seco».
    // A slogan runs down the whole list (chants, placards); another kind reaches the next item
    // only (a scare word then the speaker's phrase: «ilegal», «contraria a todo lo pactado»).
    let mut first = index;
    while index - first < MAX_LIST_ITEMS && joined[first] {
        first -= 1;
    }
    // A placard named after the list's last item reads them all ("«…» y «…», señalaron
    // varias pancartas").
    let mut last = index;
    while last - index < MAX_LIST_ITEMS && joined.get(last + 1) == Some(&true) {
        last += 1;
    }
    if own[index + 1..=last].contains(&QuoteKind::Slogan) {
        return QuoteKind::Slogan;
    }
    let (mut kind, mut previous_own) = (own[first], own[first]);
    for &item_own in &own[first + 1..=index] {
        kind = if kind == QuoteKind::Slogan {
            kind
        } else if !previous_own.is_statement() {
            previous_own
        } else {
            item_own
        };
        previous_own = item_own;
    }
    kind
}

/// True when quotation `index` follows the previous one as the next item of a list: only a
/// comma, a conjunction or a parenthesis stands between them.
fn joined_to_previous(doc: &Document, index: usize, pack: &LanguagePack) -> bool {
    let Some(previous) = index.checked_sub(1) else {
        return false;
    };
    let (quote, before) = (&doc.quotes[index], &doc.quotes[previous]);
    if quote.depth > 0 || before.depth > 0 || before.close_end > quote.open {
        return false;
    }
    let between = doc.body[before.close_end..quote.open].trim();
    // A translation in parentheses between two items of a list is no break in it:
    // "«Amar bhai kobore» (My brother's in his coffin), «Justice, we want justice»".
    let between = match between.strip_prefix('(').and_then(|b| b.split_once(')')) {
        Some((_, rest)) if !rest.trim().is_empty() => rest.trim(),
        _ => between,
    };
    // Only a few characters: a long stretch of prose is never a conjunction. Nothing at all
    // joins them when the comma stands inside the first quote's marks, in one paragraph.
    between.len() <= 3 && {
        let between = between.to_lowercase();
        matches!(between.as_str(), "(" | ",")
            || (between.is_empty()
                && doc.body[before.end..before.close_end].contains(',')
                && !doc.body[before.close_end..quote.open].contains('\n'))
            || (pack.adverbs.contains(&between) && pack.stopwords.contains(&between))
    }
}

/// The kind of quotation `index` read on its own, with the `sentences`' facts.
fn classify_one(
    doc: &Document,
    index: usize,
    pack: &LanguagePack,
    sentences: &[SentenceFacts],
) -> QuoteKind {
    let quote = &doc.quotes[index];
    let sentence = doc.sentence_at(quote.open);
    let (sentence_start, sentence_end) = doc.sentences[sentence];
    let from = quote.previous_close.max(sentence_start);
    let before_indices = doc.words_outside_quotes(from, quote.open);
    let before = lower_words(doc, &before_indices);
    let to = quote.next_open;
    let after_indices =
        doc.words_outside_quotes(quote.close_end, sentence_end.max(quote.close_end).min(to));
    let after_all = lower_words(doc, &after_indices);
    let near_before = marker_words(
        doc,
        &before_indices[before_indices.len().saturating_sub(MARKER_WORDS_BEFORE)..],
        sentence_start,
    );
    let near_after = marker_words(
        doc,
        &after_indices[..after_indices.len().min(MARKER_WORDS_AFTER)],
        sentence_start,
    );
    let words: Vec<&str> = tokenize(&quote.text)
        .into_iter()
        .filter(|t| t.is_word)
        .map(|t| t.text(&quote.text))
        .collect();
    let ends_like_sentence = quote.text.trim_end().ends_with(['.', '?', '!', '…']);
    // A title marker names a title, not a sentence quoted from it ("según el informe, «…».").
    // A title in title case may end with a period ("“Retreating Ice: The Basin Water Balance,
    // 1990–2026.”"); a sentence does not capitalize every word.
    let sentence_from_a_work = |kind: &QuoteKind| {
        *kind == QuoteKind::Title
            && ends_like_sentence
            && words.len() > TITLE_MAX_WORDS
            && !is_title_case(&words)
    };
    // A headline capitalizes every word around the quote too: there the quote's capitals say
    // nothing of a title ("Mayor Calls Court Ruling 'Political Decision'").
    let title_cased = is_title_case(&words) && !sentences[sentence].title_cased;
    // A lone letter is no statement, whatever stands around it ("Federico «N», alias …").
    if words.len() == 1 && words[0].chars().count() == 1 {
        return QuoteKind::Other;
    }
    // Capitalized words quoted inside a name are a nickname ("Eduardo “Chacho” Coudet").
    if words.len() <= MAX_WORDS_NESTED_LABEL
        && words.iter().all(|w| is_capitalized(w))
        && inside_a_name(doc, quote)
    {
        return QuoteKind::Other;
    }
    // What an inscription right before the quote names is written ("a signed ball, inscribed
    // “…”": "signed" shares its stem with "sign", a placard).
    let right_before = &before[before.len().saturating_sub(INSCRIPTION_WORDS_BEFORE)..];
    if (0..right_before.len()).any(|i| {
        pack.inscription_word_at(&right_before[i..]).map(|(_, w)| w) == Some(InscriptionWord::Mark)
    }) {
        return QuoteKind::Writing;
    }
    // A work named right before the quote has it for its title, in apposition ("Raman’s new
    // report, “Who Pays at the Border? …,”", "el informe «Hielo en retirada»").
    // A colon introduces what is said to or in it instead ("dijo a este periódico: «…»").
    let after_colon = doc.body[from..quote.open].trim_end().ends_with(':');
    // So does a law, a policy or a campaign named with a preposition before it ("la ley del
    // «solo sí es sí»").
    let work_before = match before.as_slice() {
        [.., noun, link] if pack.title_links.contains(&format!("{noun} {link}")) => true,
        [.., work] => pack.works.contains(work),
        [] => false,
    };
    if work_before && !after_colon && !sentence_from_a_work(&QuoteKind::Title) {
        return QuoteKind::Title;
    }
    // So does a work named right after it, the quote opened by a determiner ("the 'Plan A+:
    // Creating a prosperous UK' report").
    let next_token = doc.tokens.partition_point(|t| t.start < quote.close_end);
    let work_after = doc.tokens.get(next_token).is_some_and(|t| t.is_word)
        && after_all.first().is_some_and(|w| pack.works.contains(w));
    if work_after
        && before.last().is_some_and(|w| pack.stopwords.contains(w))
        && !sentence_from_a_work(&QuoteKind::Title)
    {
        return QuoteKind::Title;
    }
    let slogan_after = || {
        let words = marker_words(
            doc,
            &after_indices[..after_indices.len().min(SLOGAN_CARRIER_WORDS_AFTER)],
            sentence_start,
        );
        marker_kind(pack, &words, false).filter(|kind| *kind == QuoteKind::Slogan)
    };
    // A thing a participle names after its noun has the capitalized quote for its name, not
    // for anyone's words ("un nuevo índice llamado «Salmón»"); after a pronoun or a name the
    // verb is someone's ("what he called “…”").
    let named_thing = match near_before.as_slice() {
        [.., noun, participle] => {
            pack.name_participles.contains(participle)
                && !noun.is_empty()
                && !pack.stopwords.contains(noun)
                && !pack.pronouns.contains_key(noun)
        }
        _ => false,
    };
    if named_thing
        && !ends_like_sentence
        && words.len() <= MAX_LABEL_WORDS
        && words.first().is_some_and(|w| is_capitalized(w))
    {
        return QuoteKind::Title;
    }
    // A naming verb further back governs the quote past its object, over a noun marker that
    // stands in that object ("described winning her maiden title as a “dream come true”").
    let verb_names_it = || {
        let reach = &before_indices[before_indices
            .len()
            .saturating_sub(NAMING_VERB_WORDS_BEFORE)..];
        naming_verb_governs(pack, &marker_words(doc, reach, sentence_start)).is_some()
            && !title_cased
    };
    // An adjective marker before a colon qualifies its own noun, not what the colon introduces
    // ("cuestionó sus amistades con presuntos narcotraficantes: “…”").
    let before_marker = marker_kind(pack, &near_before, true)
        .filter(|kind| !(after_colon && *kind == QuoteKind::Scare));
    // A noun after the quote is named by it only when nothing stands between them: after a
    // determiner it is the verb's object ("had “never considered leaving” his post").
    let after_marker = marker_kind(pack, &near_after, false).filter(|_| {
        !near_after
            .first()
            .is_some_and(|w| pack.epithet_openers.contains(w))
    });
    let near_kind = naming_verb_governs(pack, &near_before)
        .filter(|_| !title_cased)
        .or_else(|| {
            before_marker.map(|kind| {
                if verb_names_it() {
                    QuoteKind::Speech
                } else {
                    kind
                }
            })
        })
        .or_else(|| match after_marker {
            // A placard outranks the verb that reads it.
            None | Some(QuoteKind::Writing) => slogan_after().or(after_marker),
            kind => kind,
        })
        .filter(|kind| !sentence_from_a_work(kind));
    // A placard or a chant further back still names what the quote is, unless a speaker's
    // words are introduced after it ("holding a placard, Ana Ruiz said: “…”").
    if matches!(near_kind, None | Some(QuoteKind::Writing))
        && slogan_carrier_before(doc, &before_indices, sentence_start, pack)
    {
        return QuoteKind::Slogan;
    }
    if let Some(kind) = near_kind {
        return kind;
    }

    // A naming verb further back still names the quote's thing with the speaker's words.
    let near_naming = &before[before.len().saturating_sub(NAMING_VERB_WORDS_BEFORE)..];
    if (0..near_naming.len())
        .any(|i| pack.kind_marker_at(&near_naming[i..]) == Some(QuoteKind::Speech))
        && !title_cased
    {
        return QuoteKind::Speech;
    }
    // American punctuation puts the sentence's period inside the marks: a short phrase in
    // title case with a period is still a title ("read “Make the Americas Great Again.”").
    let ends_with_period_only = quote.text.trim_end().ends_with('.') && words.len() >= 3;
    if (!ends_like_sentence || ends_with_period_only)
        && words.len() <= TITLE_MAX_WORDS
        && title_cased
    {
        return QuoteKind::Title;
    }
    // A quote right after a verb of speech is what the verb says, however short, and even
    // inside another quotation ("me dice 'por qué bloqueas'").
    if said_right_before(doc, quote, pack) {
        return QuoteKind::Speech;
    }
    // A reporting cue anywhere in the sentence, before or after other quotes too, makes a
    // partial quote the speaker's words ("said oil companies would invest “billions of
    // dollars” to repair its “badly broken” grid", "«sensato» o «razonable», dijo").
    let cue_in_sentence = if quote.depth == 0 {
        sentences[sentence].has_cue
    } else {
        has_cue(pack, &[before.as_slice(), after_all.as_slice()].concat())
    };
    // A lone lower-case word is a borrowed word or a scare quote ("the “reciprocal” tariffs",
    // "un «deshielo» entre"), even in reported speech; a naming verb ("called it a “…”") was
    // handled by the markers above. Only where it stands as the predicate of a reported clause
    // is it the speaker's word ("told a seminar the core index remains “high”", "señaló que ha
    // conversado «permanentemente» con ella").
    if words.len() == 1
        && !is_capitalized(words[0])
        && !reported_predicate(
            doc,
            quote,
            &before,
            &after_all,
            cue_in_sentence,
            quote.previous_close > sentence_start,
            pack,
        )
    {
        return QuoteKind::Scare;
    }
    let short_phrase = !ends_like_sentence && words.len() <= SCARE_MAX_WORDS;
    // A short quote inside a quotation is a name or a label the speaker uses ("no a ti, sino
    // al 'Financiero'"), not a statement of its own.
    if quote.depth > 0 && short_phrase && words.len() <= MAX_WORDS_NESTED_LABEL {
        return if words.first().is_some_and(|w| is_capitalized(w)) {
            QuoteKind::Title
        } else {
            QuoteKind::Scare
        };
    }
    // A short lower-case label in single marks after a determiner is a nickname ("la 'número
    // dos' del Ejecutivo", "the 'fixer' of the party"), even in a sentence with a cue.
    let single_marks = doc.body[quote.open..].starts_with(['\'', '‘', '‹']);
    if single_marks
        && short_phrase
        && words.first().is_some_and(|w| !is_capitalized(w))
        && before
            .last()
            .is_some_and(|w| pack.epithet_openers.contains(w))
    {
        return QuoteKind::Scare;
    }
    if before_indices.is_empty()
        && slogan_carrier_in_previous_sentence(doc, sentence, quote.open, sentences)
    {
        return QuoteKind::Slogan;
    }
    if cue_in_sentence {
        return QuoteKind::Speech;
    }
    if short_phrase && !words.iter().any(|w| is_capitalized(w)) {
        return QuoteKind::Scare;
    }
    QuoteKind::Speech
}

/// True when the word right before `quote`'s opening mark, nothing but spaces between them,
/// is a verb of speech, no determiner before it: the quote is its object ("dice 'por qué
/// bloqueas'").
fn said_right_before(doc: &Document, quote: &QuoteSpan, pack: &LanguagePack) -> bool {
    let previous = doc.tokens.partition_point(|t| t.start < quote.open);
    let Some(index) = previous.checked_sub(1) else {
        return false;
    };
    let token = &doc.tokens[index];
    // After a determiner the word is a noun ("called the report ‘…’").
    let after_determiner = index
        .checked_sub(1)
        .is_some_and(|i| pack.epithet_openers.contains(&doc.lower(i)));
    token.is_word
        && !after_determiner
        && doc.body[token.end..quote.open].trim().is_empty()
        && pack
            .cue_at(&[doc.lower(index)], false)
            .is_some_and(|cue| cue.mode == CueMode::Speech && !cue.source_phrase)
}

/// True when a one-word quotation stands in a sentence with a reporting cue
/// (`cue_in_sentence`), neither right after a function word other than one opening the
/// reported clause or its predicate (or a conjunction right after the quote before, when it
/// `follows_quote` in the sentence) (a determiner, a preposition: "the “thaw”", "la etiqueta de
/// “narco”") or a noun after a determiner ("los aranceles “recíprocos”"), nor right before a
/// content word it would modify ("the “narco” tag").
fn reported_predicate(
    doc: &Document,
    quote: &QuoteSpan,
    before: &[String],
    after: &[String],
    cue_in_sentence: bool,
    follows_quote: bool,
    pack: &LanguagePack,
) -> bool {
    // A complementizer opens the reported clause and a copula or an auxiliary its predicate:
    // the word after either is the speaker's ("ha dicho que «no» se siente presionado", "said
    // spending was “great”"); so is a word a conjunction adds to the quote before it ("«sensato»
    // o «razonable»"), a scare word keeping its kind down the list.
    let opens_predicate = |w: &String| {
        pack.complementizers.contains(w)
            || pack.copulas.contains(w)
            || (follows_quote && before.len() == 1 && pack.coordinators.contains(w))
    };
    let after_function_word = before
        .last()
        .is_none_or(|w| pack.stopwords.contains(w) && !opens_predicate(w))
        || before
            .len()
            .checked_sub(2)
            .is_some_and(|i| pack.epithet_openers.contains(&before[i]));
    let next_token = doc.tokens.partition_point(|t| t.start < quote.close_end);
    let modifies_next = doc.tokens.get(next_token).is_some_and(|t| t.is_word)
        && after.first().is_some_and(|w| !pack.stopwords.contains(w));
    !after_function_word && !modifies_next && cue_in_sentence
}

/// True when `quote` stands between two capitalized words with only spaces around it, on one
/// line, the first of them not opening its sentence ("Eduardo “Chacho” Coudet").
fn inside_a_name(doc: &Document, quote: &QuoteSpan) -> bool {
    let before = doc.tokens.partition_point(|t| t.end <= quote.open);
    let after = doc.tokens.partition_point(|t| t.start < quote.close_end);
    let (Some(first), Some(last)) = (before.checked_sub(1), doc.tokens.get(after)) else {
        return false;
    };
    let name_word = |i: usize| {
        let token = &doc.tokens[i];
        token.is_word && is_capitalized(token.text(doc.body))
    };
    let only_spaces = |from: usize, to: usize| {
        doc.body[from..to]
            .chars()
            .all(|c| c == ' ' || c == '\u{a0}')
    };
    let opens_sentence = first
        .checked_sub(1)
        .is_none_or(|i| !doc.tokens[i].is_word && !doc.tokens[i].text(doc.body).eq(","));
    name_word(first)
        && name_word(after)
        && !opens_sentence
        && only_spaces(doc.tokens[first].end, quote.open)
        && only_spaces(quote.close_end, last.start)
}

/// True when a placard, a sign or a chant stands among the last words at token `before` (the
/// sentence opened at byte `sentence_start`, before a quotation) with no name and no reporting
/// verb of speech after it but one in a relative clause.
fn slogan_carrier_before(
    doc: &Document,
    before: &[usize],
    sentence_start: usize,
    pack: &LanguagePack,
) -> bool {
    let window = marker_words(
        doc,
        &before[before.len().saturating_sub(SLOGAN_CARRIER_WORDS_BEFORE)..],
        sentence_start,
    );
    let Some(carrier) = (0..window.len())
        .rev()
        .find(|&i| pack.kind_marker_at(&window[i..]) == Some(QuoteKind::Slogan))
    else {
        return false;
    };
    let rest = &window[carrier + 1..];
    let names_someone = rest.iter().any(String::is_empty);
    // A verb right after a relative pronoun tells what the carrier says ("carteles con
    // consignas que decían «…»"); after a conjunction or a personal pronoun someone speaks
    // ("waved banners and told reporters", "they said").
    let in_relative_clause = |i: usize| {
        i > 0 && {
            let word = &rest[i - 1];
            pack.stopwords.contains(word)
                && !pack.adverbs.contains(word)
                && !pack.pronouns.contains_key(word)
        }
    };
    let introduces_speech = (0..rest.len()).any(|i| {
        pack.cue_at(&rest[i..], false)
            .is_some_and(|cue| cue.mode == CueMode::Speech)
            && !in_relative_clause(i)
    });
    !names_someone && !introduces_speech
}

/// True when the sentence before `sentence` (one a quotation opens at byte `open`), in the
/// quotation's paragraph,
/// names a placard, a sign or a chant, and `sentence` names no one and has no verb of speech:
/// the quotation is what the placards read ("hubo carteles contra el Gobierno. «Fuera la
/// mina», «Agua sí» se pudo leer"). `sentences` holds their facts.
fn slogan_carrier_in_previous_sentence(
    doc: &Document,
    sentence: usize,
    open: usize,
    sentences: &[SentenceFacts],
) -> bool {
    let Some(previous) = sentence.checked_sub(1) else {
        return false;
    };
    doc.paragraph_at(doc.sentences[previous].0) == doc.paragraph_at(open)
        && sentences[previous].names_carrier
        && !sentences[sentence].names_speaker
}

/// The lower-case words at token `indices`, a capitalized word inside the sentence opened at
/// byte `sentence_start` left blank: a name is no kind marker, even when it looks like one
/// ("escribió Pinto" is no «pintada», "said Banner" no banner).
fn marker_words(doc: &Document, indices: &[usize], sentence_start: usize) -> Vec<String> {
    indices
        .iter()
        .map(|&i| {
            let token = &doc.tokens[i];
            let opens_sentence = doc.body[sentence_start..token.start]
                .chars()
                .all(|c| !c.is_alphanumeric());
            if !opens_sentence && is_capitalized(token.text(doc.body)) {
                String::new()
            } else {
                doc.lower(i)
            }
        })
        .collect()
}

/// Which kind wins when several markers stand near one quotation.
const MARKER_PRIORITY: [QuoteKind; 5] = [
    QuoteKind::Title,
    QuoteKind::Slogan,
    QuoteKind::Scare,
    QuoteKind::Writing,
    QuoteKind::Speech,
];

/// The kind named by a marker among `words`.
fn marker_kind(pack: &LanguagePack, words: &[String], before_quote: bool) -> Option<QuoteKind> {
    let positions: Vec<usize> = if before_quote {
        (0..words.len()).rev().collect()
    } else {
        (0..words.len()).collect()
    };
    // Nouns that name a thing (a book, a placard) outrank verbs ("reading", "called").
    let found: Vec<QuoteKind> = positions
        .into_iter()
        .filter_map(|i| pack.kind_marker_at(&words[i..]))
        .collect();
    MARKER_PRIORITY
        .into_iter()
        .find(|kind| found.contains(kind))
}

/// Speech when a naming verb among `words` (before a quotation) governs it: no other marker
/// stands between them but one set apart from the quote ("described the story as “…”",
/// "supposedly called him a “…”"), and no longer marker holds the verb ("so-called").
fn naming_verb_governs(pack: &LanguagePack, words: &[String]) -> Option<QuoteKind> {
    let marker = |i: usize| pack.kind_marker_at(&words[i..]);
    let part_of_longer = |j: usize| {
        (0..j).any(|i| pack.kind_marker_at(&words[i..=j]) != pack.kind_marker_at(&words[i..j]))
    };
    let verb = (0..words.len())
        .rev()
        .find(|&j| marker(j) == Some(QuoteKind::Speech) && !part_of_longer(j))?;
    // A marker right before the quote, or before its determiner only, names it ("called the
    // so-called “reset” a failure").
    let next_to_quote = |i: usize| {
        words[i + 1..]
            .iter()
            .all(|w| pack.epithet_openers.contains(w))
    };
    let named_nearer = (verb + 1..words.len()).any(|i| marker(i).is_some() && next_to_quote(i));
    (!named_nearer).then_some(QuoteKind::Speech)
}

/// True when every content word is capitalized ("The Art of the Deal", "Make America Great Again").
fn is_title_case(words: &[&str]) -> bool {
    let first_capitalized = words.first().is_some_and(|w| is_capitalized(w));
    // Function words of either language stay lower case: titles travel ("Make the Americas
    // Great Again" in a Spanish article).
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic)) // years and figures have no case
        .filter(|w| {
            let lower = w.to_lowercase();
            !crate::lang::Lang::ALL
                .iter()
                .any(|lang| lang.pack().stopwords.contains(&lower))
        })
        .collect();
    first_capitalized && content.len() >= 2 && content.iter().all(|w| is_capitalized(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn kinds(body: &str, lang: Lang) -> Vec<QuoteKind> {
        let doc = Document::new(body);
        classify_all(&doc, lang.pack())
    }

    #[test]
    fn a_verb_sharing_its_stem_with_a_written_medium_is_no_marker() {
        use QuoteKind::*;
        assert_eq!(
            kinds("“We are going home now,” the judge noted.", Lang::En),
            [Speech]
        );
    }

    #[test]
    fn a_naming_verb_governs_its_quote_over_a_noun_marker_in_its_object() {
        use QuoteKind::*;
        assert_eq!(
            kinds("Kerber described winning her first major title as a “dream come true”, after the final.", Lang::En),
            [Speech]
        );
        // Without the verb, the marker names the quote.
        assert_eq!(
            kinds("She won her first title, a “dream come true”.", Lang::En),
            [Title]
        );
    }

    #[test]
    fn a_scare_marker_before_a_colon_does_not_name_the_quote_after_it() {
        use QuoteKind::*;
        assert_eq!(
            kinds("Cuestionó sus amistades con presuntos narcotraficantes: “Cómo es posible que el exministro tenga relación con un clan tenebroso”.", Lang::Es),
            [Speech]
        );
    }

    #[test]
    fn a_law_or_a_policy_linked_to_the_quote_by_a_preposition_has_it_for_title() {
        use QuoteKind::*;
        assert_eq!(
            kinds(
                "Pidieron la rectificación de la ley del ‘solo sí es sí’ ante el Congreso.",
                Lang::Es
            ),
            [Title]
        );
        assert_eq!(
            kinds(
                "Criticó la política de ‘pagar para no matar’ del Gobierno.",
                Lang::Es
            ),
            [Title]
        );
    }

    #[test]
    fn a_noun_after_a_determiner_after_the_quote_does_not_name_it() {
        use QuoteKind::*;
        assert_eq!(
            kinds(
                "Tillerson told reporters he had “never considered leaving” his post.",
                Lang::En
            ),
            [Speech]
        );
    }

    #[test]
    fn a_thing_a_participle_names_has_the_capitalized_quote_for_title() {
        use QuoteKind::*;
        assert_eq!(
            kinds("La Bolsa anunció un nuevo índice sectorial llamado «Salmón», que comenzará en julio.", Lang::Es),
            [Title]
        );
        assert_eq!(
            kinds(
                "They launched a fund called “Green Rivers” last year.",
                Lang::En
            ),
            [Title]
        );
        // After a pronoun the verb is someone's naming.
        assert_eq!(
            kinds(
                "The raid was what he called “Operation Clean Water” on Monday.",
                Lang::En
            ),
            [Speech]
        );
    }

    #[test]
    fn a_work_named_right_before_the_quote_has_it_for_title() {
        use QuoteKind::*;
        assert_eq!(
            kinds("Her latest study, “Rivers Without Rain: Andean Flows, 1980–2025,” warns of shortages.", Lang::En),
            [Title]
        );
        assert_eq!(
            kinds("Presentó su informe «¿Quién cuida los ríos? Agua, minería y futuro», con cifras nuevas.", Lang::Es),
            [Title]
        );
        // "reported" is no report: the noun is matched as written.
        assert_eq!(
            kinds(
                "The ministry reported “a fall of half in the river flow since the spring”.",
                Lang::En
            ),
            [Speech]
        );
        // A title in title case may end with the sentence's period.
        assert_eq!(
            kinds("She published a paper titled “Rivers Without Rain: The Andean Water Balance, 1980–2025.”", Lang::En),
            [Title]
        );
        // An English title keeps its small words in a Spanish article.
        assert_eq!(
            kinds(
                "Bromeó con que prefería «Keep the Rivers Flowing Again».",
                Lang::Es
            ),
            [Title]
        );
    }

    #[test]
    fn a_translation_or_a_joined_quote_is_the_same_kind() {
        use QuoteKind::*;
        assert_eq!(
            kinds(
                "Marchers carried placards reading «No al agua privada» (“No to private water”).",
                Lang::En
            ),
            [Slogan, Slogan]
        );
        assert_eq!(
            kinds(
                "«No vamos a ceder», dijo (“We will not give in”).",
                Lang::Es
            ),
            [Speech, Speech]
        );
        assert_eq!(
            kinds(
                "Los vecinos colgaron pancartas con «Agua para todos» y «Ríos libres, pueblos vivos» en la plaza.",
                Lang::Es
            ),
            [Slogan, Slogan]
        );
    }

    #[test]
    fn markers_titles_slogans_and_scare_quotes() {
        use QuoteKind::*;
        assert_eq!(
            kinds("Trump gave him his book “The Art of the Deal.”", Lang::En),
            [Title]
        );
        assert_eq!(
            kinds("He wore a “Make America Great Again” cap.", Lang::En),
            [Slogan]
        );
        assert_eq!(kinds("The so-called “reset” held.", Lang::En), [Scare]);
        assert_eq!(
            kinds("Relations saw a “reset” this week.", Lang::En),
            [Scare]
        );
        assert_eq!(
            kinds("Le regaló su libro «El arte de la negociación».", Lang::Es),
            [Title]
        );
    }

    #[test]
    fn a_placard_or_a_chant_further_back_names_the_quote_unless_a_speaker_follows() {
        use QuoteKind::*;
        assert_eq!(
            kinds(
                "Desplegaron pancartas en las que se podía leer: «El agua no se vende».",
                Lang::Es
            ),
            [Slogan]
        );
        assert_eq!(
            kinds(
                "Levantaron carteles con consignas escritas a mano que decían «Fuera la mina».",
                Lang::Es
            ),
            [Slogan]
        );
        assert_eq!(
            kinds(
                "Marchers carried signs with messages such as “Rivers first” past the hall.",
                Lang::En
            ),
            [Slogan]
        );
        assert_eq!(
            kinds("Holding a placard outside the hall, Ana Ruiz said: “We will stay here until Friday.”", Lang::En),
            [Speech]
        );
        assert_eq!(
            kinds("The strikers waved their banners and told reporters that “nobody will move us from here”.", Lang::En),
            [Speech]
        );
    }

    #[test]
    fn a_list_of_quotes_keeps_its_kind_past_translations_and_inner_commas() {
        use QuoteKind::*;
        assert_eq!(
            kinds("The crowd chanted «Fuera la mina» (Out with the mine), «El agua no se vende» (Water is not for sale) through the afternoon.", Lang::En),
            [Slogan, Slogan]
        );
        assert_eq!(
            kinds("Strikers chanted “Fair pay now, fair pay today,” “No more cuts for the port,” “Our docks, our jobs” as they marched.", Lang::En),
            [Slogan, Slogan, Slogan]
        );
        // A new paragraph is a new start.
        assert_eq!(
            kinds("Strikers chanted “Fair pay now, fair pay today,”\n\n“We will keep talking to the company,” the union said.", Lang::En),
            [Slogan, Speech]
        );
    }

    #[test]
    fn a_word_after_a_modal_in_reported_speech_is_the_speakers() {
        use QuoteKind::*;
        assert_eq!(
            kinds(
                "The mayor was confident, saying the city would “win.”",
                Lang::En
            ),
            [Speech]
        );
        assert_eq!(
            kinds(
                "La ministra aseguró que el acuerdo podría «fracasar» esta semana.",
                Lang::Es
            ),
            [Speech]
        );
    }

    #[test]
    fn a_word_after_a_hearsay_hedge_is_a_scare_quote() {
        use QuoteKind::*;
        assert_eq!(
            kinds(
                "The singer is said to be “devastated” by the interview, and her manager said the tour was “over”.",
                Lang::En
            ),
            [Scare, Speech]
        );
    }

    #[test]
    fn nicknames_and_self_descriptions_are_scare_quotes_and_a_lone_letter_is_other() {
        use QuoteKind::*;
        assert_eq!(
            kinds(
                "La fiscalía detuvo a Ramón «R», alias «El Tuerto», en una finca de Puebla.",
                Lang::Es
            ),
            [Other, Scare]
        );
        assert_eq!(
            kinds(
                "The police arrested a forger known as “the Painter” in Lisbon on Monday.",
                Lang::En
            ),
            [Scare]
        );
        assert_eq!(
            kinds("The crowd mocked activists who call themselves “the watchmen” and told them to leave.", Lang::En),
            [Scare]
        );
    }

    #[test]
    fn a_naming_verb_governs_its_quote_past_the_noun_it_names() {
        use QuoteKind::*;
        assert_eq!(
            kinds("The mayor told reporters he described the story as “completely invented” on Monday.", Lang::En),
            [Speech]
        );
        assert_eq!(
            kinds(
                "The opposition leader dismissed the plan as “a cosmetic tweak”.",
                Lang::En
            ),
            [Speech]
        );
        assert_eq!(
            kinds(
                "The minister supposedly called the mayor a “liar” in private.",
                Lang::En
            ),
            [Speech]
        );
        // A marker right before the quote still names it.
        assert_eq!(
            kinds("She called the so-called “reform” a failure.", Lang::En),
            [Scare]
        );
    }

    #[test]
    fn a_work_named_right_after_the_quote_has_it_for_title() {
        assert_eq!(
            kinds(
                "The 'Rivers first: a plan for the coast' report was withdrawn on Friday.",
                Lang::En
            ),
            [QuoteKind::Title]
        );
        // Without a determiner before it, the noun is the speaker's subject.
        assert_eq!(
            kinds(
                "“We will not sign this,” report authors said on Friday.",
                Lang::En
            ),
            [QuoteKind::Speech]
        );
    }

    #[test]
    fn a_placard_or_a_chant_named_after_the_quote_makes_it_a_slogan() {
        use QuoteKind::*;
        assert_eq!(
            kinds(
                "«Nadie se rinde aquí», reza una pancarta colgada del puente.",
                Lang::Es
            ),
            [Slogan]
        );
        assert_eq!(
            kinds(
                "«Sí se puede», fue el cántico más escuchado de la tarde.",
                Lang::Es
            ),
            [Slogan]
        );
        // A verb three words on is no placard: "she said, noting".
        assert_eq!(
            kinds(
                "“The delay is already a cost,” she said, noting the closed plants.",
                Lang::En
            ),
            [Speech]
        );
    }

    #[test]
    fn a_label_repeated_later_keeps_its_kind() {
        use QuoteKind::*;
        assert_eq!(
            kinds("La policía buscaba a un hombre apodado «El Zurdo». Los vecinos temían al «Zurdo» desde hacía años, dijo el alcalde.", Lang::Es),
            [Scare, Scare]
        );
        // A sentence is no label, even with a title's words.
        assert_eq!(
            kinds("His memoir “Never Again” sold well. Asked about a comeback, he said: “Never again.”", Lang::En),
            [Title, Speech]
        );
    }

    #[test]
    fn markers_match_every_inflection_and_nouns_outrank_verbs() {
        assert_eq!(
            kinds(
                "Levantaron carteles que decían «Sin agua no hay vida».",
                Lang::Es
            ),
            [QuoteKind::Slogan]
        );
        assert_eq!(
            kinds(
                "Protesters carried placards reading “No bases, no sanctions.”",
                Lang::En
            ),
            [QuoteKind::Slogan]
        );
        assert_eq!(
            kinds("Lo llamó «un hombre enfermo».", Lang::Es),
            [QuoteKind::Speech]
        );
        assert_eq!(
            kinds("Officials said the talks marked a “reset.”", Lang::En),
            [QuoteKind::Scare]
        );
    }

    #[test]
    fn title_markers_name_titles_not_sentences_quoted_from_a_work() {
        assert_eq!(kinds("Our earlier story, “Petro heads to Washington under a cloud of sanctions,” has more.", Lang::En), [QuoteKind::Title]);
        assert_eq!(kinds("The study was blunt: “The glaciers that fed this reservoir have lost almost half of their mass since 1990.”", Lang::En), [QuoteKind::Speech]);
    }

    #[test]
    fn partial_quotes_in_reported_speech_are_speech() {
        assert_eq!(
            kinds(
                "Trump called Petro a “sick man who likes making cocaine.”",
                Lang::En
            ),
            [QuoteKind::Speech]
        );
        assert_eq!(
            kinds("“Tuvimos una muy buena reunión”, dijo Trump.", Lang::Es),
            [QuoteKind::Speech]
        );
    }

    #[test]
    fn naming_verbs_reach_past_their_object() {
        assert_eq!(
            kinds(
                "Lucía Ferrer denounced the plan the council approved last week as “theft.”",
                Lang::En
            ),
            [QuoteKind::Speech]
        );
        assert_eq!(
            kinds(
                "La oposición había condenado como «fraude» el recuento.",
                Lang::Es
            ),
            [QuoteKind::Speech]
        );
        // A scare marker whose stem a naming verb shares stays a scare marker.
        assert_eq!(
            kinds("Criticó la llamada «reforma» del Gobierno.", Lang::Es),
            [QuoteKind::Scare]
        );
        assert_eq!(
            kinds("El senador la llamó «un avance histórico».", Lang::Es),
            [QuoteKind::Speech]
        );
    }

    #[test]
    fn inscriptions_are_writing() {
        assert_eq!(
            kinds(
                "He handed her a signed ball, inscribed “To the best city in the world.”",
                Lang::En
            ),
            [QuoteKind::Writing]
        );
        assert_eq!(
            kinds(
                "La camiseta llevaba una dedicatoria: «Para la mejor ministra».",
                Lang::Es
            ),
            [QuoteKind::Writing]
        );
    }

    #[test]
    fn an_outlet_named_after_its_noun_is_a_title_unless_a_colon_introduces_speech() {
        use QuoteKind::*;
        assert_eq!(
            kinds(
                "La reportera del periódico \"El Mirador\" preguntó al alcalde.",
                Lang::Es
            ),
            [Title]
        );
        assert_eq!(
            kinds(
                "A reporter from the newspaper “Coastal Ledger” asked the mayor.",
                Lang::En
            ),
            [Title]
        );
        assert_eq!(
            kinds(
                "El alcalde dijo a este periódico: «Vamos a ganar la votación».",
                Lang::Es
            ),
            [Speech]
        );
    }

    #[test]
    fn short_labels_in_single_marks_or_nested_in_a_quote_are_no_statement() {
        use QuoteKind::*;
        assert_eq!(
            kinds(
                "La 'número dos' del partido insistió en que «no habrá más crisis».",
                Lang::Es
            ),
            [Scare, Speech]
        );
        assert_eq!(
            kinds(
                "The ‘fixer’ of the party insisted that “there will be no more crises”.",
                Lang::En
            ),
            [Scare, Speech]
        );
        assert_eq!(
            kinds(
                "Ruiz said: “I do not blame you, I blame the ‘Gazette’, which is against us.”",
                Lang::En
            ),
            [Speech, Title]
        );
        assert_eq!(
            kinds(
                "Ruiz dijo: «No te culpo a ti, sino al 'Heraldo', que está en contra».",
                Lang::Es
            ),
            [Speech, Title]
        );
    }

    #[test]
    fn a_name_next_to_a_quote_is_no_kind_marker() {
        use QuoteKind::*;
        assert_eq!(
            kinds("“Sus amenazas serán denunciadas ante la comisión”, escribió Pinto en su cuenta de X.", Lang::Es),
            [Writing]
        );
        assert_eq!(
            kinds(
                "“We will not back down on this bill,” said Banner on Tuesday.",
                Lang::En
            ),
            [Speech]
        );
        // A marker opening the sentence is still one.
        assert_eq!(kinds("Banner: “No more tariffs.”", Lang::En), [Slogan]);
    }

    #[test]
    fn a_cue_before_an_earlier_quote_of_the_sentence_makes_a_partial_quote_speech() {
        use QuoteKind::*;
        assert_eq!(
            kinds("Trump said oil companies would invest “billions of dollars” to repair the “badly broken” grid.", Lang::En),
            [Speech, Speech]
        );
        assert_eq!(
            kinds("Petro declaró que salió con una «impresión positiva» y un «aire optimista» tras la reunión.", Lang::Es),
            [Speech, Speech]
        );
    }

    #[test]
    fn a_placard_named_after_a_list_reads_every_item() {
        use QuoteKind::*;
        assert_eq!(
            kinds(
                "«Fuera la mina» y «El agua no se vende», señalaban varias pancartas.",
                Lang::Es
            ),
            [Slogan, Slogan]
        );
        assert_eq!(
            kinds(
                "“Rivers first” and “No to the dam,” read the placards.",
                Lang::En
            ),
            [Slogan, Slogan]
        );
    }

    #[test]
    fn a_placard_named_in_the_previous_sentence_reads_the_quotes_opening_the_next() {
        use QuoteKind::*;
        assert_eq!(
            kinds("Los vecinos llevaban carteles contra el Gobierno. «Fuera la mina», «Nunca más» se pudo leer en la plaza.", Lang::Es),
            [Slogan, Slogan]
        );
        assert_eq!(
            kinds("Marchers carried placards through the square. “Water is not for sale” was the message of the day.", Lang::En),
            [Slogan]
        );
        // Someone named, or a verb of speech, makes it a speaker's words.
        assert_eq!(
            kinds("Marchers carried placards through the square. “We will stay until Friday,” Ana Ruiz told them.", Lang::En),
            [Speech]
        );
        assert_eq!(
            kinds("Marchers carried placards through the square.\n\n“We will stay until Friday” was the message.", Lang::En),
            [Speech]
        );
    }

    #[test]
    fn what_someone_called_it_is_the_speakers_word() {
        assert_eq!(
            kinds(
                "The senator denounced what he called a “betrayal” of the workers.",
                Lang::En
            ),
            [QuoteKind::Speech]
        );
    }

    #[test]
    fn a_lone_word_opening_the_reported_clause_is_the_speakers() {
        use QuoteKind::*;
        assert_eq!(
            kinds(
                "Rajoy ha dicho que «no» se siente presionado por la consulta.",
                Lang::Es
            ),
            [Speech]
        );
        assert_eq!(
            kinds(
                "The minister said that “nobody” would lose a job.",
                Lang::En
            ),
            [Speech]
        );
    }

    #[test]
    fn a_headline_in_title_case_says_nothing_of_a_title_by_its_capitals() {
        use QuoteKind::*;
        assert_eq!(
            kinds(
                "Mayor Calls Port Court Ruling 'Political Decision'",
                Lang::En
            ),
            [Speech]
        );
        // In a sentence in lower case the capitals name a title.
        assert_eq!(
            kinds(
                "The port board met over 'Political Decision' in March.",
                Lang::En
            ),
            [Title]
        );
    }

    #[test]
    fn a_short_quote_right_after_a_verb_of_speech_is_what_it_says() {
        use QuoteKind::*;
        assert_eq!(
            kinds(
                "Ana Ruiz habló de sus redes. «Mucha gente me dice 'por qué bloqueas', pero eso es una tontería».",
                Lang::Es
            ),
            [Speech, Speech]
        );
        // After a determiner the word is a noun: the quote is a label.
        assert_eq!(
            kinds(
                "“We named the report ‘cold water’ for a reason,” Ana Ruiz said.",
                Lang::En
            ),
            [Speech, Scare]
        );
    }

    #[test]
    fn a_lone_word_is_the_speakers_only_as_the_predicate_of_reported_speech() {
        use QuoteKind::*;
        assert_eq!(
            kinds("Campos Neto told a seminar that the core index remains “high” this year. He said the “thaw” should be read cautiously, and Mexican officials say the “reciprocal” tariffs stay.", Lang::En),
            [Speech, Scare, Scare]
        );
        assert_eq!(
            kinds("Boric señaló que ha conversado «permanentemente» con la ministra. Dijo que los aranceles «recíprocos» siguen y que la etiqueta de «narco» pesa.", Lang::Es),
            [Speech, Scare, Scare]
        );
    }

    #[test]
    fn capitalized_words_quoted_inside_a_name_are_a_nickname() {
        use QuoteKind::*;
        assert_eq!(
            kinds("El argentino Eduardo “Chacho” Coudet dijo que estaba tranquilo. Al final, Pérez respondió “Nunca” y se fue. Dijo “Nunca” Pérez.", Lang::Es),
            [Other, Speech, Speech]
        );
    }

    #[test]
    fn a_lone_word_after_a_copula_or_joined_to_the_speakers_word_is_the_speakers() {
        use QuoteKind::*;
        assert_eq!(
            kinds("The chief executive said federal spending was “great” but local budgets fell. He said the “thaw” and “reset” were words of others.", Lang::En),
            [Speech, Scare, Scare]
        );
        assert_eq!(
            kinds("La ministra aseguró que hay «confusión» en algunos temas y que no es «partidario» de la reforma. Dijo que no hará nada que no le parezca «sensato» o «razonable».", Lang::Es),
            [Speech, Speech, Speech, Speech]
        );
    }
}
