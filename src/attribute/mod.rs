//! Attribution: who each quotation is credited to, the way the article says it.
//!
//! For each speech or writing quote the stage looks, in order, for
//! 1. a cue right after the quote in its sentence ("…,” Trump said." / "», afirmó el mandatario");
//! 2. a cue before it in its sentence ("Petro said: “…" / "Según Petro, «…»" / "…, saying, “…");
//! 3. a short attribution sentence right after it ("“…?” Petro wrote.");
//! 4. the previous quote's speaker when nothing but the attribution stands between them
//!    ("“…,” Trump said. “…”");
//! 5. the subject of the previous sentence when the quote is a sentence of its own;
//! 6. the article's protagonist, the person its opening is about, for words that stand as
//!    someone's and that nothing else attributes ("Estado: «…»" in an interview's layout).
//!
//! Mentions are names (with titles and appositions), pronouns and epithets, resolved to the
//! people the article names (see [`People`]).

mod people;

pub use people::{name_key, same_person, EpithetTraits, People, Person};

use crate::extract::Document;
use crate::lang::{CueMode, Gender, InscriptionWord, LanguagePack};
use crate::model::QuoteKind;
use crate::text::{fold, is_capitalized};
use people::{
    genders_agree, is_place, lookup, names_institution, parse_epithet, PORTFOLIO_PREPOSITIONS,
};

/// Confidence of a name right next to a cue ("Trump said", "said Trump").
const CONFIDENCE_NAME_AT_CUE: f32 = 0.95;
/// Confidence of an epithet at a cue ("the Colombian president said"): resolution can err.
const CONFIDENCE_EPITHET_AT_CUE: f32 = 0.8;
/// Confidence of a pronoun at a cue ("he said"): the antecedent can err.
const CONFIDENCE_PRONOUN_AT_CUE: f32 = 0.85;
/// Confidence of a cue with no written subject: the last person named.
const CONFIDENCE_IMPLICIT_SUBJECT: f32 = 0.6;
/// Factor for a cue found in the next sentence or inherited from the previous quote.
const FACTOR_NEIGHBOUR: f32 = 0.9;
/// Confidence of the previous sentence's subject, with no cue at all.
const CONFIDENCE_PREVIOUS_SUBJECT: f32 = 0.5;
/// Confidence of an article's protagonist for a statement nothing else attributes.
const CONFIDENCE_PROTAGONIST: f32 = 0.4;
/// How many sentences open an article: the first of them with a person as subject names the
/// person the article is about.
const MAX_OPENING_SENTENCES: usize = 4;
/// Lower-case qualifiers allowed between an epithet and the name it introduces
/// ("el líder sindical Joaquín Berrocal", "the former union leader Ana Ruiz").
const MAX_QUALIFIER_WORDS: usize = 2;
/// A description before a name in apposition is at most this many tokens
/// ("la secretaria de Economía de México, Rosa Elena Villarreal,").
const MAX_DESCRIPTION_TOKENS: usize = 14;
/// A context reaches at most this many tokens from its quote: attributions stand close to
/// what they attribute, and a runaway sentence (a 5 MB line) must not make the work quadratic.
const MAX_CONTEXT_TOKENS: usize = 120;
/// An introductory phrase before a sentence's subject is at most this many tokens ("In Doral,").
const MAX_INTRODUCTORY_TOKENS: usize = 8;
/// An introductory phrase opened by a preposition is at most this many tokens.
const MAX_PREPOSITIONAL_OPENING_TOKENS: usize = 20;
/// How many sentences back a pronoun looks for the subject it continues.
const SALIENCE_SENTENCES: usize = 3;
/// How many sentences back a subject the article already knows stays salient, across
/// paragraphs, before the most recently named person is taken instead.
const MAX_SALIENCE_SENTENCES: usize = 6;
/// How far after a quote (in words) its cue may start: "…,” Colombian President Gustavo Petro said".
const MAX_WORDS_TO_CUE_AFTER: usize = 7;
/// How many words before a quotation may name it an inscription ("con la dedicatoria manuscrita
/// en inglés: «…»").
const MAX_WORDS_INSCRIPTION_MARK: usize = 6;
/// A quote repeated elsewhere in its article takes the speaker found there when it has at least
/// this many words: fewer ("a reset") may be anyone's.
const MIN_WORDS_REPEATED_QUOTE: usize = 4;
/// A quote nested in another repeats one quoted elsewhere with at least this many words: the
/// writer marked them as someone's words twice.
const MIN_WORDS_REPEATED_NESTED_QUOTE: usize = 3;
/// A prepositional phrase between an inverted cue and its subject is at most this many words
/// ("afirmó por su parte la ministra").
const MAX_PHRASE_BEFORE_SUBJECT: usize = 4;
/// An attribution sentence after a quote is at most this long ("Petro wrote on X.").
const MAX_WORDS_TAIL_SENTENCE: usize = 10;
/// Prepositions of place in either language: a single capitalized word they govern is a place
/// ("en Ecuador", "from Lagos"), never a speaker.
const LOCATIVE_PREPOSITIONS: &[&str] = &["at", "desde", "en", "from", "hacia", "in"];

/// Words that follow a verb's object, never an inverted subject ("accused Mr Hunt of …",
/// "urged the minister to …", "told reporters that …"); Spanish marks such an object with
/// "a" before it instead ("acusó a Hunt de …").
const OBJECT_COMPLEMENTS: &[&str] = &["for", "of", "that", "to"];

/// Words that, after a copula, open a clause whose subject said the quote before them ("“…” is
/// how captain Ricky Ponting summed up the mood", "«…» es como Ana Ruiz lo resumió").
const MANNER_WORDS: &[&str] = &["como", "cómo", "how", "what"];

/// Indefinite articles in either language: one opens a surname modified by an adjective ("an
/// emotional Kerber told the crowd", "una sonriente Ruiz dijo").
const INDEFINITE_ARTICLES: &[&str] = &["a", "an", "un", "una"];

/// An attribution within one article: the person is an index into [`People::persons`].
#[derive(Clone, Debug, PartialEq)]
pub struct LocalAttribution {
    /// Index into the article's persons.
    pub person: usize,
    /// The words that name the speaker at the attribution.
    pub mention: String,
    /// The cue, if any.
    pub cue: Option<String>,
    /// Speech or writing, from the cue.
    pub mode: CueMode,
    /// From 0 to 1.
    pub confidence: f32,
    /// Byte span of the sentence holding the cue (or the quote, when inherited).
    pub sentence: (usize, usize),
}

/// The attribution stage's output for one article.
#[derive(Clone, Debug, Default)]
pub struct ArticleAttributions {
    /// People named in the article.
    pub people: People,
    /// One entry per quote of the document (None: not attributed or not a statement).
    pub attributions: Vec<Option<LocalAttribution>>,
}

#[derive(Clone, Debug)]
enum MentionKind {
    Name(Vec<String>),
    /// A personal pronoun, with the gender it marks ("she", "él"; none for "they").
    Pronoun(Option<Gender>),
    /// No subject is written (Spanish drops it: "Además, indicó: «…»"): the person most
    /// recently named stands for it, as a pronoun would.
    Implicit,
    Epithet(EpithetTraits),
}

#[derive(Clone, Debug)]
struct Mention {
    kind: MentionKind,
    /// Positions in the context (first, past-last).
    from: usize,
    to: usize,
}

struct Cue {
    at: usize,
    len: usize,
    mode: CueMode,
    source_phrase: bool,
    /// A naming verb ("called him “…”", "lo calificó de «…»"): its quote is its object, so it
    /// attributes only the quote after it, and the words after it name who is named, not the
    /// speaker.
    naming: bool,
}

/// A stretch of a sentence outside quotations: token indices and their lower-case words.
struct Context {
    tokens: Vec<usize>,
    words: Vec<String>,
    at_sentence_start: bool,
}

impl Context {
    /// The context `from..to`, at most [`MAX_CONTEXT_TOKENS`] tokens next to the quote (the end
    /// of a before-context, the start of an after-context: `near_end` says which).
    fn new(doc: &Document, from: usize, to: usize, sentence_start: usize) -> Context {
        Context::near(doc, from, to, sentence_start, false)
    }

    fn near(
        doc: &Document,
        from: usize,
        to: usize,
        sentence_start: usize,
        near_end: bool,
    ) -> Context {
        let first = doc.tokens.partition_point(|t| t.start < from);
        let last = doc.tokens.partition_point(|t| t.end <= to);
        let (from, to) = if last.saturating_sub(first) <= MAX_CONTEXT_TOKENS {
            (from, to)
        } else if near_end {
            (doc.tokens[last - MAX_CONTEXT_TOKENS].start, to)
        } else {
            (from, doc.tokens[first + MAX_CONTEXT_TOKENS - 1].end)
        };
        let tokens = doc.tokens_outside_quotes(from, to);
        let words = tokens.iter().map(|&i| doc.lower(i)).collect();
        Context {
            tokens,
            words,
            at_sentence_start: from <= sentence_start,
        }
    }

    fn is_word(&self, doc: &Document, at: usize) -> bool {
        doc.tokens[self.tokens[at]].is_word
    }

    fn text(&self, doc: &Document, from: usize, to: usize) -> String {
        if to <= from {
            return String::new();
        }
        let (Some(&first), Some(&last)) =
            (self.tokens.get(from), self.tokens.get(to.saturating_sub(1)))
        else {
            return String::new();
        };
        doc.body[doc.tokens[first].start..doc.tokens[last].end].to_string()
    }

    fn word_count(&self, doc: &Document) -> usize {
        (0..self.tokens.len())
            .filter(|&i| self.is_word(doc, i))
            .count()
    }
}

/// Attributes the quotes of `doc`, whose kinds are `kinds` (writing quotes found by a writing
/// cue are relabelled), reading the article with `pack`; `people` are those [`People::find`]
/// found in it (with what other articles know of them).
pub fn attribute(
    doc: &Document,
    kinds: &mut [QuoteKind],
    pack: &LanguagePack,
    mut people: People,
) -> ArticleAttributions {
    let mut attributions: Vec<Option<LocalAttribution>> = vec![None; doc.quotes.len()];
    for index in 0..doc.quotes.len() {
        let quote = &doc.quotes[index];
        if quote.depth > 0 || !kinds[index].is_statement() {
            continue;
        }
        let sentence_index = doc.sentence_at(quote.open);
        let sentence = doc.sentences[sentence_index];
        // A title, slogan or scare quote earlier in the sentence does not cut the context:
        // "Para Raman, autora del informe «…», el daño ya está hecho: «…»".
        let previous_close = (0..index)
            .rev()
            .filter(|&i| doc.quotes[i].depth == 0)
            .take_while(|&i| doc.quotes[i].close_end > sentence.0)
            .find(|&i| kinds[i].is_statement())
            .map_or(sentence.0, |i| doc.quotes[i].close_end.max(sentence.0));
        let next_open = quote.next_open;
        // A quote running over paragraphs closes in a later sentence than it opens: its cue
        // follows the close ("“… stop.¶“… broken,” the trade representative said.").
        let close_index = if doc.paragraph_at(quote.open) == doc.paragraph_at(quote.close_end) {
            sentence_index
        } else {
            doc.sentence_at(quote.close_end.saturating_sub(1))
        };
        let close_sentence = sentence_through_initials(doc, close_index);
        let sentence_end = close_sentence.1.max(quote.close_end);
        let after = Context::new(
            doc,
            quote.close_end,
            next_open.min(sentence_end),
            sentence.0,
        );
        let before = Context::near(doc, previous_close, quote.open, sentence.0, true);

        // "insisting “…” and forecasting that “…”": a quote a conjunction follows right away
        // is the object of the verb before it, which tells who spoke.
        let coordinated = after
            .words
            .first()
            .is_some_and(|w| pack.coordinators.contains(w));
        let found = inscription_giver(doc, pack, &before, sentence_index, quote.open, &mut people)
            .or_else(|| {
                let from_before = |people: &mut People| {
                    cue_before(doc, pack, &before, people).map(|found| (found, sentence))
                };
                let from_after = |people: &mut People| {
                    cue_after(doc, pack, &after, people).map(|found| (found, close_sentence))
                };
                if coordinated {
                    from_before(&mut people).or_else(|| from_after(&mut people))
                } else {
                    from_after(&mut people).or_else(|| from_before(&mut people))
                }
            })
            .or_else(|| {
                tail_sentence(
                    doc,
                    pack,
                    quote.close_end,
                    sentence_index,
                    next_open,
                    &mut people,
                )
            })
            .or_else(|| {
                // A headline opens its sentence, or a link's label before a colon ("Lea
                // también: «…»: …").
                (sentence.0 == quote.open || before.words.last().is_some_and(|w| w == ":"))
                    .then(|| headline_speaker(doc, pack, &after, &mut people))
                    .flatten()
                    .map(|found| (found, close_sentence))
            });
        let cued =
            found.map(
                |((person, mention, cue, mode, confidence), sentence)| LocalAttribution {
                    person,
                    mention,
                    cue: Some(cue),
                    mode: if names_written_medium(doc, pack, sentence) {
                        CueMode::Writing
                    } else {
                        mode
                    },
                    confidence,
                    sentence,
                },
            );
        // A quote addressed to someone ("Hola mi querida Claudia …", "Gustavo: A great
        // honor.") is never theirs: the cue's reading gives way to the uncued ones.
        let addressed = |people: &People, a: &LocalAttribution| {
            quote_addresses(doc, pack, people, index, a.person)
        };
        let cued_mode = cued.as_ref().map(|a| a.mode);
        let attribution = match cued.filter(|a| !addressed(&people, a)) {
            Some(a) => Some(a),
            // Each reading in turn, passing over one that credits the person addressed.
            None => inherited(doc, &attributions, index, sentence_index)
                .filter(|a| !addressed(&people, a))
                .or_else(|| {
                    previous_subject(doc, pack, &mut people, index, sentence_index)
                        .filter(|a| !addressed(&people, a))
                })
                .or_else(|| {
                    announced_quote(doc, pack, &people, index, sentence_index)
                        .filter(|a| !addressed(&people, a))
                })
                .or_else(|| {
                    backreferenced_quote(doc, pack, &mut people, index)
                        .filter(|a| !addressed(&people, a))
                })
                .or_else(|| {
                    colon_continuation(doc, pack, &mut people, &attributions, index, &before)
                        .filter(|a| !addressed(&people, a))
                })
                .or_else(|| {
                    cueless_subject(doc, pack, &people, index, sentence)
                        .filter(|a| !addressed(&people, a))
                }),
        };
        // "issued the following statement: “…”": a sentence naming a written medium makes
        // a quote credited from it, cue or not, writing.
        let attribution = attribution.map(|a| {
            if a.cue.is_none() && names_written_medium(doc, pack, a.sentence) {
                LocalAttribution {
                    mode: CueMode::Writing,
                    ..a
                }
            } else {
                a
            }
        });
        // The cue tells how the words came out even when it tells not whose they are.
        let mode = cued_mode.or(attribution.as_ref().map(|a| a.mode));
        if mode == Some(CueMode::Writing) && kinds[index] == QuoteKind::Speech {
            kinds[index] = QuoteKind::Writing;
        }
        attributions[index] = attribution;
    }
    repeated_quotes(doc, kinds, &mut attributions);
    protagonist_quotes(doc, pack, kinds, &mut people, &mut attributions);
    ArticleAttributions {
        people,
        attributions,
    }
}

/// A quote that nothing attributes where it stands but that the article quotes again, with its
/// speaker, elsewhere takes that speaker: headlines and liveblog entry titles repeat a line
/// from the body ("**2:20 p.m. — Mayor: “Today is not a day …”**" above the paragraph that
/// names the mayor). The nearest attributed quote holding all its words wins, the next ones
/// first. A quote credited by a colon alone takes from it whether the words were written.
fn repeated_quotes(
    doc: &Document,
    kinds: &mut [QuoteKind],
    attributions: &mut [Option<LocalAttribution>],
) {
    let statements: Vec<bool> = (0..doc.quotes.len())
        .map(|index| doc.quotes[index].depth == 0 && kinds[index].is_statement())
        .collect();
    let statement = |index: usize| statements[index];
    // Quotes credited by a colon alone ("Mayor: “…”") say nothing of speech or writing: the
    // same words quoted with a verb elsewhere tell which.
    let by_colon = |attribution: &Option<LocalAttribution>| {
        attribution
            .as_ref()
            .is_some_and(|a| a.cue.as_deref() == Some(":"))
    };
    // A quote nested in another that repeats words the article quotes elsewhere ("When a
    // president writes ‘You are great’ …") is that quote again, by its speaker.
    let nested_statement = |index: usize, kinds: &[QuoteKind]| {
        doc.quotes[index].depth > 0 && kinds[index].is_statement()
    };
    let wants_source =
        |index: usize, kinds: &[QuoteKind], attributions: &[Option<LocalAttribution>]| {
            (statement(index) || nested_statement(index, kinds))
                && (attributions[index].is_none()
                    || (by_colon(&attributions[index]) && kinds[index] == QuoteKind::Speech))
        };
    if !(0..doc.quotes.len()).any(|index| wants_source(index, kinds, attributions)) {
        return;
    }
    let quote_words: Vec<Vec<String>> = doc
        .quotes
        .iter()
        .map(|quote| {
            crate::text::tokenize(&quote.text)
                .into_iter()
                .filter(|t| t.is_word)
                .map(|t| crate::text::fold(t.text(&quote.text)))
                .collect()
        })
        .collect();
    let words = |index: usize| &quote_words[index];
    for index in 0..doc.quotes.len() {
        if !wants_source(index, kinds, attributions) {
            continue;
        }
        let wanted = words(index);
        let min_words = if doc.quotes[index].depth > 0 {
            MIN_WORDS_REPEATED_NESTED_QUOTE
        } else {
            MIN_WORDS_REPEATED_QUOTE
        };
        if wanted.len() < min_words {
            continue;
        }
        let later = index + 1..doc.quotes.len();
        let earlier = (0..index).rev();
        let quote = &doc.quotes[index];
        let source = later.chain(earlier).find(|&other| {
            let encloses = doc.quotes[other].open < quote.open
                && doc.quotes[other].close_end >= quote.close_end;
            statement(other)
                && !encloses
                && attributions[other].is_some()
                && words(other)
                    .windows(wanted.len())
                    .any(|w| w == wanted.as_slice())
        });
        if let Some(source) = source {
            let same_person = attributions[index]
                .as_ref()
                .is_none_or(|a| attributions[source].as_ref().map(|s| s.person) == Some(a.person));
            // The words are the same statement, spoken or written alike.
            if same_person
                && kinds[index] == QuoteKind::Speech
                && kinds[source] == QuoteKind::Writing
            {
                kinds[index] = QuoteKind::Writing;
            }
            if attributions[index].is_some() {
                continue;
            }
            attributions[index] = attributions[source].as_ref().map(|a| LocalAttribution {
                cue: None,
                confidence: a.confidence * FACTOR_NEIGHBOUR,
                ..a.clone()
            });
        }
    }
}

/// The person an article is about: the subject of its opening, the first of its first
/// [`MAX_OPENING_SENTENCES`] sentences whose subject is a person ("Falcao se convirtió en el
/// protagonista …"); an epithet there before anyone is named stands for the first person the
/// article names next ("El delantero azulón fue el hombre de la noche. … cuando Deyverson …").
fn protagonist(doc: &Document, pack: &LanguagePack, people: &mut People) -> Option<usize> {
    doc.sentences
        .iter()
        .take(MAX_OPENING_SENTENCES)
        .find_map(|&(start, end)| {
            let ctx = Context::new(doc, start, end, start);
            let mention = sentence_subject(doc, pack, &ctx, ctx.tokens.len())?;
            let position = doc.tokens[ctx.tokens[mention.from]].start;
            match &mention.kind {
                MentionKind::Name(words) if names_person(pack, words) => {
                    // A lone word is a person the article knows, or one the next sentence
                    // calls by an epithet ("Falcao se convirtió … El colombiano fue …"), not
                    // "Reactions kept arriving".
                    let known = words.len() >= 2
                        || people.find_name(words).is_some()
                        || next_subject_is_epithet(doc, pack, end);
                    known.then(|| people.resolve_name(pack, words, position))
                }
                MentionKind::Epithet(traits) => people
                    .resolve_epithet(traits, position, None, None)
                    .or_else(|| first_person_named_after(doc, pack, people, end, traits.gender)),
                _ => None,
            }
        })
}

/// True when the sentence starting at body offset `from` opens with an epithet as subject.
fn next_subject_is_epithet(doc: &Document, pack: &LanguagePack, from: usize) -> bool {
    let next = doc.sentences.partition_point(|&(start, _)| start < from);
    doc.sentences.get(next).is_some_and(|&(start, end)| {
        let ctx = Context::new(doc, start, end, start);
        sentence_subject(doc, pack, &ctx, ctx.tokens.len())
            .is_some_and(|m| matches!(m.kind, MentionKind::Epithet(_)))
    })
}

/// True when name words may be a person's: no place, institution, words in capitals (a
/// headline's "RAYO 1 - BARCELONA 0") or lone common word ("Protestors have begun …").
fn names_person(pack: &LanguagePack, words: &[String]) -> bool {
    let common_word = matches!(words, [word] if people::is_common_word(pack, &word.to_lowercase()));
    !names_institution(pack, words) && !is_place(pack, words) && !in_capitals(words) && !common_word
}

/// The first person named from body offset `from` on whose gender fits `gender`: a name
/// outside quotations, not governed by a preposition of place ("en el Coliseum").
fn first_person_named_after(
    doc: &Document,
    pack: &LanguagePack,
    people: &mut People,
    from: usize,
    gender: Option<Gender>,
) -> Option<usize> {
    let ctx = Context::new(doc, from, doc.body.len(), from);
    let (words, position) = (0..ctx.tokens.len()).find_map(|at| {
        if !is_capitalized_at(doc, &ctx, at) {
            return None;
        }
        let MentionKind::Name(words) = mention_starting_at(doc, pack, &ctx, at)?.kind else {
            return None;
        };
        let governed = ctx.words[at.saturating_sub(2)..at]
            .iter()
            .any(|w| LOCATIVE_PREPOSITIONS.contains(&w.as_str()));
        let fits = genders_agree(people::given_name_gender(&words), gender);
        (names_person(pack, &words) && !governed && fits)
            .then(|| (words, doc.tokens[ctx.tokens[at]].start))
    })?;
    Some(people.resolve_name(pack, &words, position))
}

/// Statements nothing else attributes, in an article about one person, are theirs: sports and
/// profile pieces quote their protagonist without naming them at each quote (a topic label
/// and a colon, "Estado: «…»"; a sentence of narration, then "«…»"; a subject the language
/// leaves unwritten, "Es consciente de que …: «…»"). The least sure attribution of all.
fn protagonist_quotes(
    doc: &Document,
    pack: &LanguagePack,
    kinds: &[QuoteKind],
    people: &mut People,
    attributions: &mut [Option<LocalAttribution>],
) {
    let unattributed: Vec<usize> = (0..doc.quotes.len())
        .filter(|&index| {
            doc.quotes[index].depth == 0
                && kinds[index].is_statement()
                && attributions[index].is_none()
        })
        .collect();
    if unattributed.is_empty() {
        return;
    }
    let Some(person) = protagonist(doc, pack, people) else {
        return;
    };
    for index in unattributed {
        let sentence = doc.sentences[doc.sentence_at(doc.quotes[index].open)];
        if not_the_protagonists(doc, pack, people, person, index, sentence)
            || quote_addresses(doc, pack, people, index, person)
        {
            continue;
        }
        attributions[index] = Some(LocalAttribution {
            confidence: CONFIDENCE_PROTAGONIST,
            ..uncued(person, String::new(), sentence)
        });
    }
}

/// True when the quote at `index` stands in its sentence as no one's words, as an inscription,
/// or as the words of a subject the sentence writes, other than the article's `protagonist`,
/// that nothing resolved: a name or an epithet at a reporting verb ("«…», reiteró el
/// mandatario", "One of the protesters declared, “…”") or a subject opening the sentence
/// before its verb ("Valparaíso went from “…” to “…”"). A topic label before a colon ("El
/// Barcelona: «…»") is no subject.
fn not_the_protagonists(
    doc: &Document,
    pack: &LanguagePack,
    people: &People,
    protagonist: usize,
    index: usize,
    sentence: (usize, usize),
) -> bool {
    let quote = &doc.quotes[index];
    let before = Context::new(doc, sentence.0, quote.open.max(sentence.0), sentence.0);
    let after = Context::new(
        doc,
        quote.close_end,
        sentence.1.max(quote.close_end),
        sentence.0,
    );
    let someone_else = |ctx: &Context, m: &Mention| {
        matches!(m.kind, MentionKind::Name(_) | MentionKind::Epithet(_))
            && person_named_at(doc, pack, people, ctx, m.from).map(|(p, _)| p) != Some(protagonist)
    };
    let at_cue = |ctx: &Context| {
        (0..ctx.tokens.len()).any(|at| {
            let Some(cue) = cue_at(pack, ctx, at).filter(|cue| !cue.source_phrase) else {
                return false;
            };
            mention_ending_at(doc, pack, ctx, at)
                .or_else(|| mention_starting_at(doc, pack, ctx, at + cue.len))
                .is_some_and(|m| someone_else(ctx, &m))
        })
    };
    let subject = sentence_subject(doc, pack, &before, before.tokens.len());
    let opening = subject.as_ref().is_some_and(|m| {
        someone_else(&before, m) && before.words.get(m.to).is_none_or(|w| w != ":")
    });
    // Words quoted inside a sentence's prose are its object or a noun's ("el canto «…»",
    // "speak of a “new normal”") unless a reporting verb introduces them or the protagonist
    // is the sentence's subject ("Coudet estaba «muy contento»").
    let as_words = before.word_count(doc) == 0
        || subject.is_some_and(|m| !someone_else(&before, &m))
        || before.words.last().is_some_and(|w| w == ":")
        || (0..before.tokens.len()).any(|at| {
            before.is_word(doc, at) && cue_at(pack, &before, at).is_some_and(|cue| !cue.naming)
        });
    // Quotes listed one after another with no word between them are many voices ("«…»; «…»;
    // «…»" after "the reactions poured in").
    let listed = (quote.previous_close > sentence.0
        && doc
            .words_outside_quotes(quote.previous_close, quote.open)
            .is_empty())
        || (quote.next_open < sentence.1
            && doc
                .words_outside_quotes(quote.close_end, quote.next_open)
                .is_empty());
    // An inscription is its giver's, whom nothing found ("the book, inscribed “…”").
    !as_words
        || listed
        || inscription_marked(doc, pack, &before)
        || opening
        || at_cue(&before)
        || at_cue(&after)
}

/// True when the attribution sentence `(start, end)` says the words were written ("Dahl said
/// in a statement", "In a written statement, Dubois said", "afirmó en un mensaje en X").
fn names_written_medium(doc: &Document, pack: &LanguagePack, (start, end): (usize, usize)) -> bool {
    let ctx = Context::new(doc, start, end, start);
    (0..ctx.words.len()).any(|at| pack.written_medium_at(&ctx.words[at..]).is_some())
}

/// (person, mention, cue, mode, confidence)
type Found = (usize, String, String, CueMode, f32);

/// A cue among the first words after the quote, with its mention before or after it.
fn cue_after(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    people: &mut People,
) -> Option<Found> {
    let mut words_seen = 0;
    // Words before the cue other than clitics and adverbs ("», se quejó Luis Fuentes").
    let mut subject_words_seen = 0;
    // Words of an apposition between commas after the subject ("…,” Patricia Lindqvist, the
    // head of the national police, told reporters"): they describe the subject, not delay the cue.
    let mut apposition_words: Option<usize> = None;
    // A parenthesis after a name holds a party and a state or a party's initials ("…,” Sen.
    // James Lankford (R-Okla.) said", "», dijo Jeannette Jara (PC)"): it delays nothing.
    let mut parenthesis_depth = 0usize;
    // Where the last parenthesis opened, when the cue follows it: the subject ends there.
    let mut parenthesis_open = None;
    for at in 0..ctx.tokens.len() {
        match ctx.words[at].as_str() {
            "(" => {
                if parenthesis_depth == 0 {
                    parenthesis_open = Some(at);
                }
                parenthesis_depth += 1;
            }
            ")" => parenthesis_depth = parenthesis_depth.saturating_sub(1),
            _ if parenthesis_depth > 0 => {}
            _ => parenthesis_depth = 0,
        }
        if parenthesis_depth > 0 || ctx.words[at] == ")" {
            continue;
        }
        if !ctx.is_word(doc, at) {
            // A sentence break inside the context ends the search; an abbreviation's period
            // ("Sen. James Lankford") does not.
            if matches!(ctx.words[at].as_str(), "." | "?" | "!")
                && !closes_abbreviation(doc, pack, ctx, at)
            {
                break;
            }
            if ctx.words[at] == "," && subject_words_seen > 0 {
                apposition_words = match apposition_words {
                    None => Some(0),
                    Some(_) => None,
                };
            }
            continue;
        }
        match apposition_words.as_mut() {
            Some(count) if *count < MAX_DESCRIPTION_TOKENS => *count += 1,
            _ => words_seen += 1,
        }
        if words_seen > MAX_WORDS_TO_CUE_AFTER {
            break;
        }
        // A naming verb after a quote takes a quote of its own ("«…», el presidente lo llamó «…»").
        let cue = cue_at(pack, ctx, at).filter(|cue| !cue.naming);
        if cue.is_none() && !pack.adverbs.contains(&ctx.words[at]) {
            subject_words_seen += 1;
        }
        if let Some(cue) = cue {
            let words_seen = subject_words_seen + 1;
            let implicit = (words_seen == 1).then_some(Mention {
                kind: MentionKind::Implicit,
                from: at,
                to: at,
            });
            let subject_end = parenthesis_open
                .filter(|_| at > 0 && ctx.words[at - 1] == ")")
                .unwrap_or(at);
            let mention = mention_ending_at(doc, pack, ctx, subject_end)
                .filter(|m| {
                    only_glue_before(doc, ctx, m.from)
                        || only_capitalized_modifiers_before(doc, ctx, m.from)
                        || copula_and_manner_before(doc, pack, ctx, m.from)
                })
                .or_else(|| {
                    let subject_at = past_language_phrase(doc, pack, ctx, at + cue.len);
                    mention_starting_at(doc, pack, ctx, subject_at).filter(|_| words_seen == 1)
                })
                .or_else(|| {
                    (words_seen == 1)
                        .then(|| subject_after_phrase(doc, pack, ctx, at + cue.len))
                        .flatten()
                })
                .or(implicit);
            if let Some(mention) = mention {
                return resolve(doc, pack, ctx, people, &mention, &cue);
            }
        }
    }
    None
}

/// True when the period at context position `at` ends an abbreviation the data knows
/// ("Sen.", "Gov.", "Dr.") or a name's initial ("Patrick H. Nettles"), written right against it.
fn closes_abbreviation(doc: &Document, pack: &LanguagePack, ctx: &Context, at: usize) -> bool {
    at.checked_sub(1).is_some_and(|previous| {
        let (word, period) = (
            &doc.tokens[ctx.tokens[previous]],
            &doc.tokens[ctx.tokens[at]],
        );
        ctx.words[at] == "."
            && word.end == period.start
            && (people::abbreviates_with_period(doc, pack, ctx.tokens[previous])
                || is_initial(doc, ctx.tokens[previous]))
    })
}

/// True when word token `index` is a single capital letter: a name's initial when a period
/// follows ("H." in "Patrick H. Nettles").
fn is_initial(doc: &Document, index: usize) -> bool {
    let mut letters = doc.tokens[index].text(doc.body).chars();
    letters.next().is_some_and(char::is_uppercase) && letters.next().is_none()
}

/// The span of sentence `index`, run on over the breaks the sentence splitter took at a middle
/// initial ("“…,” Patrick H. Nettles, the chairman, said."): a capitalized word, a single
/// capital letter and its period, then the next sentence of the same paragraph.
fn sentence_through_initials(doc: &Document, index: usize) -> (usize, usize) {
    let (start, mut end) = doc.sentences[index];
    for &(next_start, next_end) in &doc.sentences[index + 1..] {
        let last = doc.tokens.partition_point(|t| t.end <= end);
        let after_initial = last >= 3
            && doc.tokens[last - 1].text(doc.body) == "."
            && is_initial(doc, last - 2)
            && doc.tokens[last - 2].end == doc.tokens[last - 1].start
            && doc.tokens[last - 3].is_word
            && is_capitalized(doc.tokens[last - 3].text(doc.body));
        if !after_initial || doc.paragraph_at(next_start) != doc.paragraph_at(start) {
            break;
        }
        end = next_end;
    }
    (start, end)
}

/// The subject of an inverted cue written after a short prepositional phrase ("», afirmó por
/// su parte la ministra Claire Dubois", "said at a news conference the mayor"): the phrase
/// opens with a preposition and holds only lower-case words, and the subject opens with a
/// determiner that is no object of the phrase (in "dijo a la ministra" she is spoken to).
fn subject_after_phrase(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    from: usize,
) -> Option<Mention> {
    if !ctx
        .words
        .get(from)
        .is_some_and(|w| pack.stopwords.contains(w))
    {
        return None;
    }
    (from + 1..(from + MAX_PHRASE_BEFORE_SUBJECT + 1).min(ctx.tokens.len()))
        .take_while(|&j| {
            let previous = j - 1;
            ctx.is_word(doc, previous)
                && !is_capitalized_at(doc, ctx, previous)
                && !pack.relatives.contains(&ctx.words[previous])
                && pack.cue_at(&ctx.words[previous..], false).is_none()
        })
        // The subject opens with its determiner, right after a word of the phrase that is no
        // preposition ("por su parte la ministra", not "a la ministra").
        .filter(|&j| {
            !pack.stopwords.contains(&ctx.words[j - 1])
                && ctx
                    .words
                    .get(j)
                    .is_some_and(|w| pack.epithet_openers.contains(w))
        })
        .find_map(|j| {
            mention_starting_at(doc, pack, ctx, j)
                .filter(|m| matches!(m.kind, MentionKind::Name(_) | MentionKind::Epithet(_)))
        })
}

/// The position after a phrase naming the language spoken ("», afirmó en inglés Óscar
/// Valdivieso", "said in Spanish"), which may stand between an inverted cue and its subject;
/// `at` itself when there is none.
fn past_language_phrase(doc: &Document, pack: &LanguagePack, ctx: &Context, at: usize) -> usize {
    let language_after_preposition = ctx
        .words
        .get(at)
        .is_some_and(|w| pack.stopwords.contains(w))
        && ctx
            .tokens
            .get(at + 1)
            .is_some_and(|&t| doc.tokens[t].is_word)
        && pack
            .demonyms
            .longest_match(&ctx.words[at + 1..])
            .is_some_and(|(len, _)| len == 1);
    if language_after_preposition {
        at + 2
    } else {
        at
    }
}

/// True when a word naming an inscription stands among the last words of `before` ("inscribed
/// with the phrase “…”", "con la dedicatoria manuscrita en inglés: «…»").
fn inscription_marked(doc: &Document, pack: &LanguagePack, before: &Context) -> bool {
    let mut words_seen = 0;
    (0..before.tokens.len()).rev().any(|at| {
        if before.is_word(doc, at) {
            words_seen += 1;
        }
        words_seen <= MAX_WORDS_INSCRIPTION_MARK
            && pack
                .inscription_word_at(&before.words[at..])
                .map(|(_, w)| w)
                == Some(InscriptionWord::Mark)
    })
}

/// The giver of an inscribed gift, for a quote named an inscription just before it: whoever
/// gave the thing wrote what is written on it ("Trump handed Petro a signed copy …, inscribed
/// “…”"; "… el ejemplar que le regaló Trump, con la dedicatoria: «…»"), even when the sentence
/// reports someone else showing it. The giving verb is looked for in the quote's sentence, then
/// in the sentence before ("… the signed copy that Trump gave him. The inscription reads “…”").
fn inscription_giver(
    doc: &Document,
    pack: &LanguagePack,
    before: &Context,
    sentence_index: usize,
    quote_open: usize,
    people: &mut People,
) -> Option<(Found, (usize, usize))> {
    if !inscription_marked(doc, pack, before) {
        return None;
    }
    let paragraph = doc.paragraph_at(quote_open);
    let earliest = sentence_index.saturating_sub(1);
    (earliest..=sentence_index).rev().find_map(|index| {
        let (start, end) = doc.sentences[index];
        if doc.paragraph_at(start) != paragraph {
            return None;
        }
        let ctx = Context::new(doc, start, end.min(quote_open), start);
        let gift_verbs = (0..ctx.tokens.len()).rev().filter_map(|at| {
            match pack.inscription_word_at(&ctx.words[at..]) {
                Some((len, InscriptionWord::Gift)) if ctx.is_word(doc, at) => Some((at, len)),
                _ => None,
            }
        });
        gift_verbs
            .collect::<Vec<_>>()
            .into_iter()
            .find_map(|(at, len)| {
                let mention = mention_ending_at(doc, pack, &ctx, at)
                    .or_else(|| {
                        mention_starting_at(doc, pack, &ctx, at + len)
                            .filter(|m| !matches!(m.kind, MentionKind::Pronoun(_)))
                    })
                    .or_else(|| sentence_subject(doc, pack, &ctx, at))?;
                let cue = Cue {
                    at,
                    len,
                    mode: CueMode::Writing,
                    source_phrase: false,
                    naming: false,
                };
                let mut found = resolve(doc, pack, &ctx, people, &mention, &cue)?;
                found.4 = found.4.min(CONFIDENCE_EPITHET_AT_CUE);
                Some((found, (start, end)))
            })
    })
}

/// True when the mention at `from` opens with a lower-case description and only capitalized
/// words stand before it: modifiers the data does not know ("…,” Valdorian opposition leader
/// Julián Montoya said", a nationality, a party, a city).
fn only_capitalized_modifiers_before(doc: &Document, ctx: &Context, from: usize) -> bool {
    ctx.is_word(doc, from)
        && !is_capitalized_at(doc, ctx, from)
        && from > 0
        && (0..from).all(|i| !ctx.is_word(doc, i) || is_capitalized_at(doc, ctx, i))
        && (0..from).filter(|&i| ctx.is_word(doc, i)).count() <= MAX_QUALIFIER_WORDS
}

/// True when only a copula and a manner word stand before position `from` of the context: the
/// quote is the copula's subject, and the clause after it says who said it ("“…” is how
/// Ponting summed up", "«…» es como Ruiz lo resumió").
fn copula_and_manner_before(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    from: usize,
) -> bool {
    let words: Vec<&String> = (0..from)
        .filter(|&i| ctx.is_word(doc, i))
        .map(|i| &ctx.words[i])
        .collect();
    matches!(words.as_slice(), [copula, manner]
        if pack.copulas.contains(*copula) && MANNER_WORDS.contains(&manner.as_str()))
}

/// The position of the capitalized name that follows a lower-case role starting at `from`
/// ("economist Daniel Okafor", "environmental campaigner Helen Marsh"): at most
/// [`MAX_QUALIFIER_WORDS`] lower-case words, one of them a title or an epithet the data knows.
fn name_after_lowercase_role(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    from: usize,
) -> Option<usize> {
    // A reporting verb ends the role: "The Labour leader said Mr Hunt …" names no one after it.
    let after = (from..(from + MAX_QUALIFIER_WORDS + 1).min(ctx.tokens.len()))
        .take_while(|&i| ctx.is_word(doc, i) && pack.cue_at(&ctx.words[i..], false).is_none())
        .find(|&i| is_capitalized_at(doc, ctx, i))?;
    let role_between = (from..after).any(|i| {
        lookup(doc, &pack.titles, &ctx.words, ctx.tokens[i], i).is_some()
            || lookup(doc, &pack.epithets, &ctx.words, ctx.tokens[i], i).is_some()
    });
    (after > from && role_between).then_some(after)
}

/// True when a name is written in capitals ("PRADOMAR", "QUIMSA").
fn in_capitals(words: &[String]) -> bool {
    words.iter().all(|w| !w.chars().any(char::is_lowercase))
}

/// True when nothing but punctuation stands before position `from` of the context.
fn only_glue_before(doc: &Document, ctx: &Context, from: usize) -> bool {
    (0..from).all(|i| !ctx.is_word(doc, i))
}

/// The last cue before the quote in its sentence, with its mention.
fn cue_before(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    people: &mut People,
) -> Option<Found> {
    for at in (0..ctx.tokens.len()).rev() {
        if !ctx.is_word(doc, at) {
            continue;
        }
        let Some(cue) = cue_at(pack, ctx, at) else {
            continue;
        };
        // A naming verb's object is the quotation right after it ("del llamado «tandeo»: «…»").
        if cue.naming && quotation_after(doc, ctx, at) {
            continue;
        }
        // A verb inside a reported clause is part of what was said ("dijo que el jefe de
        // Estado responderá «…»"): the reporting verb before the clause tells who spoke. A
        // naming verb still credits its subject with the label ("reported that the minister
        // called him a “…”").
        if !cue.source_phrase && !cue.naming && in_reported_clause(pack, ctx, at) {
            continue;
        }
        if cue.source_phrase {
            let mention = mention_starting_at(doc, pack, ctx, at + cue.len)?;
            return resolve(doc, pack, ctx, people, &mention, &cue);
        }
        let mention = medium_author(doc, pack, ctx, at)
            .or_else(|| mention_ending_at(doc, pack, ctx, at))
            .or_else(|| {
                // "said Trump: “…”" names the speaker after the cue; "saying Mexico “will …”"
                // names the subject of the quoted clause, which runs on into the quote.
                // A pronoun there is the subject only when punctuation closes it ("—remarcó
                // ella—, …"), not when the clause runs on.
                // A name followed by "of" or "to" is the verb's object ("accused Mr Hunt of
                // using …", "urged the minister to …").
                mention_starting_at(doc, pack, ctx, at + cue.len).filter(|m| {
                    !cue.naming
                        && m.to < ctx.tokens.len()
                        && (!matches!(m.kind, MentionKind::Pronoun(_)) || !ctx.is_word(doc, m.to))
                        && !OBJECT_COMPLEMENTS.contains(&ctx.words[m.to].as_str())
                })
            })
            .or_else(|| {
                cue.naming
                    .then(|| clause_subject(doc, pack, ctx, at))
                    .flatten()
            })
            .or_else(|| sentence_subject(doc, pack, ctx, at))
            .or_else(|| {
                cue.naming
                    .then(|| nearest_mention_before(doc, pack, ctx, at))
                    .flatten()
            })
            .unwrap_or(Mention {
                kind: MentionKind::Implicit,
                from: at,
                to: at,
            });
        return resolve(doc, pack, ctx, people, &mention, &cue);
    }
    colon_introduction(doc, pack, ctx, people)
}

/// How many words may stand between a written medium's author and the cue of the relative
/// clause describing the medium ("… from Trump that said", "… de Petro en la que se leía").
const MAX_WORDS_AUTHOR_TO_CUE: usize = 4;

/// The author of a written medium whose relative clause holds the cue at context position `at`
/// ("a written letter from Trump that said “…”", "una carta de Petro en la que se leía «…»"):
/// the medium's writer, named after it, wrote the quote, not the sentence's subject.
fn medium_author(doc: &Document, pack: &LanguagePack, ctx: &Context, at: usize) -> Option<Mention> {
    let earliest = at.saturating_sub(MAX_WORDS_AUTHOR_TO_CUE);
    let relative = (earliest..at).rev().find(|&i| {
        pack.relatives.contains(&ctx.words[i]) || pack.complementizers.contains(&ctx.words[i])
    })?;
    (earliest.max(1)..=relative)
        .rev()
        .find_map(|end| author_after_origin(doc, pack, ctx, end))
}

/// The author named after a written medium or a message and its origin word, as a mention
/// ending at context position `end` ("a letter from Trump", "un mensaje del magnate").
fn author_after_origin(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    end: usize,
) -> Option<Mention> {
    (end.saturating_sub(MAX_QUALIFIER_WORDS + 3)..end).find_map(|from| {
        if !pack.ends_with_medium_origin(&ctx.words[..from]) {
            return None;
        }
        // Read from the author on: the origin word is no locative ("from Trump").
        let author = Context {
            tokens: ctx.tokens[from..end].to_vec(),
            words: ctx.words[from..end].to_vec(),
            at_sentence_start: false,
        };
        mention_starting_at(doc, pack, &author, 0)
            .filter(|m| m.to == end - from && !matches!(m.kind, MentionKind::Pronoun(_)))
            .map(|m| Mention { from, to: end, ..m })
    })
}

/// The sender of a message or a written medium that the colon at context position `colon`
/// introduces ("un mensaje del magnate, positivo para ambos países: «…»"): the author named
/// after it, with at most a description after a comma before the colon.
fn colon_author(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    colon: usize,
) -> Option<Mention> {
    (colon.saturating_sub(MAX_DESCRIPTION_TOKENS)..=colon)
        .rev()
        .filter(|&end| end == colon || ctx.words[end] == ",")
        .find_map(|end| author_after_origin(doc, pack, ctx, end))
}

/// True when context position `at` stands in a clause a reporting verb reports: a cue right
/// before a complementizer ("dijo que", "said that") opens it earlier in the context, and no
/// coordinator since has begun a verb of the main clause ("recordó que … y sostuvo que «…»").
fn in_reported_clause(pack: &LanguagePack, ctx: &Context, at: usize) -> bool {
    let opens_report = |opening: usize| {
        pack.complementizers.contains(&ctx.words[opening])
            && (0..opening).any(|i| {
                pack.cue_at(&ctx.words[i..], i == 0 && ctx.at_sentence_start)
                    .is_some_and(|c| i + c.len == opening)
            })
    };
    (1..at)
        .rev()
        .find(|&i| opens_report(i))
        .is_some_and(|opening| {
            !ctx.words[opening + 1..at]
                .iter()
                .any(|w| pack.coordinators.contains(w))
        })
}

/// True when a quotation stands between context position `at` and the context's end.
fn quotation_after(doc: &Document, ctx: &Context, at: usize) -> bool {
    let (Some(&from), Some(&last)) = (ctx.tokens.get(at), ctx.tokens.last()) else {
        return false;
    };
    let (from, to) = (doc.tokens[from].end, doc.tokens[last].end);
    let first = doc.quotes.partition_point(|q| q.open < from);
    doc.quotes.get(first).is_some_and(|q| q.open < to)
}

/// The subject opening the clause of context position `at`, when a coordinated clause begins
/// before it ("… on Friday, and Senator Ruth Abara responded by calling …"; "…; el senador la
/// llamó …"): a comma and a connective, or a semicolon, open the clause.
fn clause_subject(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    at: usize,
) -> Option<Mention> {
    let start = (1..at).rev().find(|&i| {
        ctx.words[i - 1] == ";" || (ctx.words[i - 1] == "," && pack.adverbs.contains(&ctx.words[i]))
    })?;
    subject_opening_at(doc, pack, ctx, start, at)
}

/// The subject of the clause that starts at context position `start` (after a run-in head, a
/// dateline or a semicolon), ending before `before`, in the context's positions.
fn subject_opening_at(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    start: usize,
    before: usize,
) -> Option<Mention> {
    let clause = Context {
        tokens: ctx.tokens[start..].to_vec(),
        words: ctx.words[start..].to_vec(),
        at_sentence_start: true,
    };
    let mention = sentence_subject(doc, pack, &clause, before - start)?;
    Some(Mention {
        from: mention.from + start,
        to: mention.to + start,
        ..mention
    })
}

/// The mention closest before context position `at` ("…, and Donald Trump had answered by
/// calling the Colombian leader “…”"): the subject of a naming verb that stands apart from it.
fn nearest_mention_before(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    at: usize,
) -> Option<Mention> {
    let last = (0..at)
        .rev()
        .find_map(|i| mention_starting_at(doc, pack, ctx, i).filter(|m| m.to <= at && m.to > i))?;
    // The longest mention ending where the closest one ends ("Donald Trump", not "Trump").
    (last.from.saturating_sub(MAX_QUALIFIER_WORDS + 1)..last.from)
        .find_map(|i| mention_starting_at(doc, pack, ctx, i).filter(|m| m.to == last.to))
        .or(Some(last))
}

/// A quote introduced by a colon with no reporting verb ("Kerr fijó un plazo: «…»", "Primeras
/// palabras de Sanz: «…»"): the sender of a message it introduces, else the sentence's
/// subject, else the last name before the colon.
fn colon_introduction(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    people: &mut People,
) -> Option<Found> {
    let colon = ctx
        .tokens
        .len()
        .checked_sub(1)
        .filter(|&last| ctx.words[last] == ":")?;
    // A lone capitalized word opening the sentence is a person only when the article knows
    // it as one: "Traducimos sus palabras: «…»" opens with a verb, not a name.
    let introduced = |m: &Mention| match &m.kind {
        MentionKind::Name(words) if words.len() == 1 && m.from == 0 => {
            people.find_name(words).is_some()
        }
        _ => true,
    };
    let author = colon_author(doc, pack, ctx, colon);
    let mention = author
        .clone()
        .or_else(|| sentence_subject(doc, pack, ctx, colon).filter(introduced))
        .or_else(|| {
            // The last person before the colon: "Primeras palabras de Sanz: «…»", "On Thursday
            // the secretary had been blunter: “…”". A name a preposition or a conjunction
            // governs, other than the possessor's "de"/"of", is a topic or a clause's subject,
            // not the speaker ("Entendimiento con Trejo: «…»", "Es consciente de que el Ajax
            // …: «…»").
            let governed = |m: &Mention| {
                m.from.checked_sub(1).is_some_and(|i| {
                    pack.stopwords.contains(&ctx.words[i])
                        && !PORTFOLIO_PREPOSITIONS.contains(&ctx.words[i].as_str())
                })
            };
            (0..colon).rev().find_map(|i| {
                mention_starting_at(doc, pack, ctx, i).filter(|m| {
                    m.to <= colon
                        && !governed(m)
                        && !matches!(m.kind, MentionKind::Pronoun(_))
                        && (matches!(m.kind, MentionKind::Epithet(_)) || introduced(m))
                })
            })
        })?;
    let cue = Cue {
        at: colon,
        len: 1,
        mode: CueMode::Speech,
        source_phrase: false,
        naming: false,
    };
    let mut found = match &mention.kind {
        // The sender of a message the subject received is someone else ("el presidente Petro
        // recibió … un mensaje del magnate").
        MentionKind::Epithet(traits) if author.is_some() => {
            let receiver = sentence_subject(doc, pack, ctx, colon)
                .and_then(|subject| resolve_person(doc, pack, ctx, people, &subject))
                .map(|(person, _)| person);
            let position = doc.tokens[ctx.tokens[mention.from]].start;
            let person = people.resolve_epithet(traits, position, None, receiver)?;
            let text = ctx.text(doc, mention.from, mention.to);
            let cue_text = ctx.text(doc, colon, colon + 1);
            (person, text, cue_text, cue.mode, CONFIDENCE_EPITHET_AT_CUE)
        }
        _ => resolve(doc, pack, ctx, people, &mention, &cue)?,
    };
    found.4 *= FACTOR_NEIGHBOUR;
    Some(found)
}

/// The subject that opens the sentence, for cues far from their subject ("Petro acknowledged
/// the challenges ..., saying, “…”").
fn sentence_subject(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    before: usize,
) -> Option<Mention> {
    if !ctx.at_sentence_start {
        return None;
    }
    // A run-in head in bold opens the paragraph ("**La migración.** La secretaria …"): the
    // sentence proper starts after it.
    let head_end = (1..before.min(MAX_INTRODUCTORY_TOKENS))
        .find(|&i| ctx.words[i - 1] == "." && matches!(ctx.words[i].as_str(), "*" | "_"));
    // ... and so does a dateline ("QUIMSA —", "LIMA, Peru (Wire) —").
    let opening_end = head_end.or_else(|| {
        dateline_end(doc, ctx)
            .map(|dash| dash + 1)
            .filter(|&end| end < before)
    });
    if let Some(start) = opening_end {
        return subject_opening_at(doc, pack, ctx, start, before);
    }
    // The subject opens the sentence, perhaps after a connective ("But", "Pero", "Later,").
    for start in 0..=before.min(3) {
        if let Some(mention) = mention_starting_at(doc, pack, ctx, start) {
            return Some(mention).filter(|m| m.to <= before);
        }
        let word = &ctx.words.get(start)?;
        // Skip punctuation, adverbs and conjunctions; a preposition opens a phrase whose
        // object is no subject ("En la Plaza de Armas, ...").
        let connective = !ctx.is_word(doc, start) || pack.adverbs.contains(*word);
        if !connective {
            break;
        }
    }
    // ... or after an introductory phrase closed by a comma ("En rueda de prensa, el jefe de Estado").
    // A phrase opened by a preposition may run longer ("On the performance of the party in
    // the North East, Kurian hoped …").
    let limit = if pack.stopwords.contains(&ctx.words[0])
        && !pack.epithet_openers.contains(&ctx.words[0])
    {
        MAX_PREPOSITIONAL_OPENING_TOKENS
    } else {
        MAX_INTRODUCTORY_TOKENS
    };
    // A place closing the phrase may carry its region between commas ("tras las inundaciones
    // en Escuinapa, Sinaloa, López Obrador proyectó …"): the subject follows them.
    let mut comma = (1..before.min(limit)).find(|&i| ctx.words[i] == ",")?;
    loop {
        let mention = mention_starting_at(doc, pack, ctx, comma + 1).filter(|m| m.to <= before)?;
        match &mention.kind {
            MentionKind::Name(words)
                if is_place(pack, words) && ctx.words.get(mention.to).is_some_and(|w| w == ",") =>
            {
                comma = mention.to;
            }
            _ => return Some(mention),
        }
    }
}

/// The position of the dash closing a dateline that opens the context: a place in capitals,
/// perhaps with a region and an agency in capitalized words, commas and parentheses, then a
/// dash ("QUIMSA —", "SAN ANTONIO (KSTX) -", "LIMA, Peru (Wire) —").
fn dateline_end(doc: &Document, ctx: &Context) -> Option<usize> {
    let in_capitals = |i: usize| {
        let text = doc.tokens[ctx.tokens[i]].text(doc.body);
        text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !text.chars().any(char::is_lowercase)
    };
    if ctx.tokens.is_empty() || !ctx.is_word(doc, 0) || !in_capitals(0) {
        return None;
    }
    (1..ctx.tokens.len().min(MAX_INTRODUCTORY_TOKENS))
        .take_while(|&i| {
            if ctx.is_word(doc, i) {
                is_capitalized_at(doc, ctx, i)
            } else {
                matches!(ctx.words[i].as_str(), "," | "(" | ")" | "—" | "–" | "-")
            }
        })
        .find(|&i| matches!(ctx.words[i].as_str(), "—" | "–" | "-"))
}

/// The person a pronoun or an unwritten subject at `position` stands for: the subject of the
/// sentence so far, else of one of the previous sentences (the salient person, as readers take
/// it), else the most recently named person. A person whose known gender differs from
/// `gender` (the pronoun's or the epithet's) is passed over: "she" after a man was named last
/// goes back to the woman before him.
fn salient_person(
    doc: &Document,
    pack: &LanguagePack,
    people: &mut People,
    position: usize,
    gender: Option<Gender>,
) -> Option<usize> {
    let fits =
        |people: &People, person: usize| genders_agree(people.persons[person].gender, gender);
    let current = doc.sentence_at(position);
    let mut paragraph = doc.paragraph_at(position);
    for index in (current.saturating_sub(MAX_SALIENCE_SENTENCES)..=current).rev() {
        let (start, end) = doc.sentences[index];
        // Beyond the nearest sentences only a subject the article already knows counts for an
        // unwritten subject: a speaker named as a subject a while back is still salient, more
        // than someone named since only as an object ("preguntó a …", "told …") or a
        // complement ("al periodista …").
        // A gendered pronoun keeps to the nearest sentences: when their subjects do not fit,
        // it stands for the last person of its gender named, subject or not.
        let far = doc.paragraph_at(start) + 1 < paragraph || index + SALIENCE_SENTENCES < current;
        if far && gender.is_some() {
            break;
        }
        let ctx = Context::new(doc, start, end.min(position), start);
        // A sentence whose subject is unwritten continues the chain a cue in it already read
        // ("Asimismo, advirtió …", then "el presidente afirmó"), not the last person named
        // before it, unless someone else has been named since.
        let continued = || {
            people.implicit_reading(start).filter(|&p| {
                index < current
                    && !far
                    && fits(people, p)
                    && !people
                        .mentions
                        .iter()
                        .any(|m| m.start >= start && m.start < position && m.person != p)
            })
        };
        let Some(mention) = relative_clause_speaker(doc, pack, &ctx)
            .filter(|_| !far)
            .or_else(|| source_opening(doc, pack, &ctx))
            .or_else(|| inverted_cue_subject(doc, pack, &ctx))
            .or_else(|| sentence_subject(doc, pack, &ctx, ctx.tokens.len()))
        else {
            if let Some(person) = continued() {
                return Some(person);
            }
            continue;
        };
        let subject_position = doc.tokens[ctx.tokens[mention.from]].start;
        let subject_end = doc.tokens[ctx.tokens[mention.to.max(mention.from + 1) - 1]].end;
        match &mention.kind {
            // A full name opening a sentence is a person even if named only once; a single
            // capitalized word must be someone the article already knows.
            // An institution that speaks is no one a pronoun or an unwritten subject continues.
            MentionKind::Name(words) if names_institution(pack, words) => {}
            MentionKind::Name(words) => {
                let all_caps = in_capitals(words);
                let next = ctx.words.get(mention.to);
                // Places are subjects too ("Nueva Tolva faces..."): a new person needs an
                // apposition or a reporting verb ("Miriam Okafor, a fellow...", "Petro habló").
                let continues = next.is_some_and(|w| w == ",")
                    || ctx
                        .words
                        .get(mention.to..)
                        .is_some_and(|rest| pack.cue_at(rest, false).is_some());
                if words.len() >= 2 && !far && !all_caps && continues && !is_place(pack, words) {
                    let person = people.resolve_name(pack, words, subject_position);
                    if fits(people, person) {
                        return Some(person);
                    }
                    continue;
                }
                if let Some(person) = people.find_name(words).filter(|&p| fits(people, p)) {
                    return Some(person);
                }
            }
            MentionKind::Epithet(traits) => {
                if let Some(person) = people
                    .epithet_reading(subject_position, subject_end)
                    .or_else(|| people.resolve_epithet(traits, subject_position, None, None))
                    .filter(|&p| fits(people, p))
                {
                    return Some(person);
                }
            }
            // A pronoun subject continues an earlier subject: look further back.
            // A paragraph whose subject is the same gendered pronoun continues the chain ("he
            // joked", then "he added"): paragraphs count from it.
            MentionKind::Pronoun(pronoun_gender)
                if *pronoun_gender == gender && gender.is_some() =>
            {
                paragraph = doc.paragraph_at(start);
            }
            MentionKind::Implicit => {
                if let Some(person) = continued() {
                    return Some(person);
                }
            }
            MentionKind::Pronoun(_) => {}
        }
    }
    people.resolve_pronoun(position, gender)
}

/// The named subject of a relative clause that closes the sentence in `ctx` and speaks in it
/// ("…, which Petro echoed, while also noting …", "…, lo que Petro celebró, aunque también
/// advirtió …"): the sentence's last speaker, whom a pronoun in the next one continues. A
/// reporting verb right after a comma is the main clause's again ("Trump, who Petro had
/// praised, said …").
fn relative_clause_speaker(doc: &Document, pack: &LanguagePack, ctx: &Context) -> Option<Mention> {
    let last_cue = (1..ctx.tokens.len()).rev().find(|&i| {
        ctx.is_word(doc, i) && cue_at(pack, ctx, i).is_some_and(|cue| !cue.source_phrase)
    })?;
    if ctx.words[last_cue - 1] == "," {
        return None;
    }
    // The relative opens after a comma, or after a comma and a pronoun ("…, lo que Petro"). A
    // word that is also a complementizer needs the pronoun: "dijo, tras la reunión, que Petro
    // …" opens a reported clause.
    let relative = (1..last_cue)
        .rev()
        .find(|&i| pack.relatives.contains(&ctx.words[i]))?;
    let word = &ctx.words[relative];
    let after_comma = (ctx.words[relative - 1] == "," && !pack.complementizers.contains(word))
        || (relative >= 2
            && ctx.words[relative - 2] == ","
            && pack.stopwords.contains(&ctx.words[relative - 1])
            && !pack.coordinators.contains(&ctx.words[relative - 1]));
    if !after_comma {
        return None;
    }
    mention_starting_at(doc, pack, ctx, relative + 1)
        .filter(|m| matches!(m.kind, MentionKind::Name(_)) && m.to <= last_cue)
}

/// The subject written after the reporting verb right after a quote ("“We had a very good
/// meeting”, dijo Trump a los periodistas.", "The collection has had results that “…,” said
/// Lacik."): the speaker of that sentence, more salient than its grammatical subject, whom the
/// next sentence's unwritten or pronoun subject continues ("Y agregó: «…»", "he continued").
fn inverted_cue_subject(doc: &Document, pack: &LanguagePack, ctx: &Context) -> Option<Mention> {
    // The first word of the context, and each first word after a quotation (its tokens are
    // left out of the context).
    let after_quotes = (0..ctx.tokens.len())
        .filter(|&i| i == 0 || ctx.tokens[i] != ctx.tokens[i - 1] + 1)
        .filter_map(|i| (i..ctx.tokens.len()).find(|&j| ctx.is_word(doc, j)));
    after_quotes.into_iter().find_map(|word| {
        let cue = cue_at(pack, ctx, word).filter(|cue| !cue.naming && !cue.source_phrase)?;
        mention_starting_at(
            doc,
            pack,
            ctx,
            past_language_phrase(doc, pack, ctx, word + cue.len),
        )
        .filter(|m| matches!(m.kind, MentionKind::Name(_) | MentionKind::Epithet(_)))
    })
}

/// The source of a sentence that opens with a source phrase ("Según el camionero Luis Fuentes,
/// la fila supera …", "According to Ana Ruiz, …") or sets one off between commas ("…, porque,
/// según el mandatario, el presidente Donald Trump se ha dejado engañar"): the person the next
/// quote most likely continues, as a subject would be; whoever the reported clause is about
/// only stands in the source's words.
fn source_opening(doc: &Document, pack: &LanguagePack, ctx: &Context) -> Option<Mention> {
    let first = (0..ctx.tokens.len()).find(|&i| ctx.is_word(doc, i))?;
    // The sentence's first word opens a phrase when nothing precedes it.
    let opens_phrase = |i: usize| i == 0 || (i > first && ctx.words[i - 1] == ",");
    (first..ctx.tokens.len())
        .filter(|&i| opens_phrase(i))
        .find_map(|i| {
            let cue = cue_at(pack, ctx, i).filter(|cue| cue.source_phrase)?;
            Some(i + cue.len)
        })
        .and_then(|after| mention_starting_at(doc, pack, ctx, after))
        .filter(|m| !matches!(m.kind, MentionKind::Pronoun(_)))
}

/// A short sentence right after the quote that only attributes it ("“…?” Petro wrote on X.").
fn tail_sentence(
    doc: &Document,
    pack: &LanguagePack,
    close_end: usize,
    sentence_index: usize,
    next_open: usize,
    people: &mut People,
) -> Option<(Found, (usize, usize))> {
    let &(start, end) = doc.sentences.get(sentence_index + 1)?;
    let (_, quote_sentence_end) = doc.sentences[sentence_index];
    if close_end < quote_sentence_end.saturating_sub(2)
        || doc.paragraph_at(start) != doc.paragraph_at(close_end)
        || next_open < end
    {
        return None;
    }
    let ctx = Context::new(doc, start, end, start);
    if ctx.word_count(doc) > MAX_WORDS_TAIL_SENTENCE {
        return None;
    }
    let mut found = cue_after(doc, pack, &ctx, people)?;
    found.4 *= FACTOR_NEIGHBOUR;
    Some((found, (start, end)))
}

/// The speaker a headline names after a quote that opens it, past a colon ("“No es un
/// incentivo”: Francia Márquez sobre …", "“We will not retreat”: Ana Ruiz on the strike"):
/// a name, not a pronoun or a description, which headlines leave out.
fn headline_speaker(
    doc: &Document,
    pack: &LanguagePack,
    after: &Context,
    people: &mut People,
) -> Option<Found> {
    if after.words.first().is_none_or(|w| w != ":") {
        return None;
    }
    let mention = mention_starting_at(doc, pack, after, 1)
        .filter(|m| matches!(m.kind, MentionKind::Name(_)))?;
    let cue = Cue {
        at: 0,
        len: 1,
        mode: CueMode::Speech,
        source_phrase: false,
        naming: false,
    };
    let mut found = resolve(doc, pack, after, people, &mention, &cue)?;
    found.4 *= FACTOR_NEIGHBOUR;
    Some(found)
}

/// The previous quote's attribution, when the quote continues it: same paragraph (or the
/// next one), and no word between them but the previous quote's own attribution. A paragraph
/// that is nothing but a quotation right after a quoted paragraph continues its speaker however
/// long the chain (each link lowers the confidence): no one else was introduced in between.
fn inherited(
    doc: &Document,
    attributions: &[Option<LocalAttribution>],
    index: usize,
    sentence_index: usize,
) -> Option<LocalAttribution> {
    let quote = &doc.quotes[index];
    let previous = (0..index).rev().find(|&i| doc.quotes[i].depth == 0)?;
    let previous_attribution = attributions[previous].as_ref()?;
    let paragraph = doc.paragraph_at(quote.open);
    let previous_paragraph = doc.paragraph_at(doc.quotes[previous].open);
    if paragraph > previous_paragraph + 1 {
        return None;
    }
    // Words between the two quotes must all belong to the previous quote's attribution sentence.
    let between = doc.words_outside_quotes(doc.quotes[previous].close_end, quote.open);
    let (attr_start, attr_end) = previous_attribution.sentence;
    let covered = between
        .iter()
        .all(|&t| doc.tokens[t].start >= attr_start && doc.tokens[t].end <= attr_end);
    let same_or_next_sentence = sentence_index <= doc.sentence_at(attr_end.saturating_sub(1)) + 1;
    let quote_only_paragraph = between.is_empty()
        && paragraph == previous_paragraph + 1
        && doc.paragraphs[paragraph].0 == quote.open;
    (covered && (same_or_next_sentence || quote_only_paragraph)).then(|| LocalAttribution {
        cue: None,
        confidence: previous_attribution.confidence * FACTOR_NEIGHBOUR,
        ..previous_attribution.clone()
    })
}

/// The subject of the sentence before a quote that stands as a sentence of its own.
fn previous_subject(
    doc: &Document,
    pack: &LanguagePack,
    people: &mut People,
    index: usize,
    sentence_index: usize,
) -> Option<LocalAttribution> {
    let quote = &doc.quotes[index];
    let (sentence_start, _) = doc.sentences[sentence_index];
    if sentence_index == 0 || quote.open > sentence_start {
        return None;
    }
    let previous = doc.sentences[sentence_index - 1];
    if doc.paragraph_at(previous.0) + 1 < doc.paragraph_at(sentence_start) {
        return None;
    }
    let ctx = Context::new(doc, previous.0, previous.1, previous.0);
    let mention = sentence_subject(doc, pack, &ctx, ctx.tokens.len())?;
    // With no cue, nothing says a lone capitalized word or a name in capitals is a person
    // ("Reactions continued …", "PRADOMAR …"): it must be one the article already knows.
    if let MentionKind::Name(words) = &mention.kind {
        if (words.len() == 1 || in_capitals(words)) && people.find_name(words).is_none() {
            return None;
        }
    }
    let (person, _) = resolve_person(doc, pack, &ctx, people, &mention)?;
    Some(uncued(
        person,
        ctx.text(doc, mention.from, mention.to),
        previous,
    ))
}

/// A quote-only paragraph followed by a paragraph that opens pointing back at it ("De esta
/// manera, el Presidente Gabriel Boric abordó …", "With those words, Governor …"): the
/// speaker is that sentence's subject.
fn backreferenced_quote(
    doc: &Document,
    pack: &LanguagePack,
    people: &mut People,
    index: usize,
) -> Option<LocalAttribution> {
    let quote = &doc.quotes[index];
    let paragraph = doc.paragraph_at(quote.open);
    let (start, end) = doc.paragraphs[paragraph];
    if start != quote.open || !doc.words_outside_quotes(quote.close_end, end).is_empty() {
        return None;
    }
    let &(next_start, _) = doc.paragraphs.get(paragraph + 1)?;
    let sentence = doc.sentences[doc.sentence_at(next_start)];
    let ctx = Context::new(doc, sentence.0, sentence.1, sentence.0);
    let comma =
        (1..ctx.tokens.len().min(MAX_INTRODUCTORY_TOKENS)).find(|&i| ctx.words[i] == ",")?;
    if !pack.backreferences.contains(&ctx.words[..comma].join(" ")) {
        return None;
    }
    let mention = sentence_subject(doc, pack, &ctx, ctx.tokens.len())?;
    let (person, _) = resolve_person(doc, pack, &ctx, people, &mention)?;
    Some(uncued(
        person,
        ctx.text(doc, mention.from, mention.to),
        sentence,
    ))
}

/// An attribution found with no cue, from the subject or the people of nearby prose.
fn uncued(person: usize, mention: String, sentence: (usize, usize)) -> LocalAttribution {
    LocalAttribution {
        person,
        mention,
        cue: None,
        mode: CueMode::Speech,
        confidence: CONFIDENCE_PREVIOUS_SUBJECT,
        sentence,
    }
}

/// A quote after a colon in a sentence that names nobody ("Y enseguida llegó la cifra: «…»",
/// "Translating his words: “…”"): the speaker carries over from the sentence before, in the
/// same paragraph — the speaker of the last quote attributed there, else the last person it
/// names ("Next up, the American envoy. Translating his words: “…”").
fn colon_continuation(
    doc: &Document,
    pack: &LanguagePack,
    people: &mut People,
    attributions: &[Option<LocalAttribution>],
    index: usize,
    before: &Context,
) -> Option<LocalAttribution> {
    if !before.at_sentence_start || before.words.last().is_none_or(|w| w != ":") {
        return None;
    }
    let quote = &doc.quotes[index];
    let sentence_index = doc.sentence_at(quote.open);
    let previous = doc.sentences[sentence_index.checked_sub(1)?];
    if doc.paragraph_at(previous.0) != doc.paragraph_at(quote.open) {
        return None;
    }
    let carried = (0..index)
        .rev()
        .take_while(|&i| doc.quotes[i].open >= previous.0)
        .filter(|&i| doc.quotes[i].depth == 0 && doc.quotes[i].open < previous.1)
        .find_map(|i| attributions[i].as_ref());
    if let Some(carried) = carried {
        return Some(LocalAttribution {
            cue: None,
            confidence: carried.confidence * FACTOR_NEIGHBOUR * FACTOR_NEIGHBOUR,
            ..carried.clone()
        });
    }
    let ctx = Context::new(doc, previous.0, previous.1, previous.0);
    let mut named = (0..ctx.tokens.len())
        .rev()
        .filter_map(|at| person_named_at(doc, pack, people, &ctx, at))
        .peekable();
    named.peek()?;
    // A speaker does not name themselves: the person the quote names is the one spoken to
    // or of ("contó que le sugirió a Trump un lema: «Le propuse a Donald Trump …»"), and
    // when the sentence names no one else, its own subject, written or not, spoke.
    if let Some((person, mention)) =
        named.find(|(person, _)| !quote_names(doc, people, index, *person))
    {
        return Some(uncued(
            person,
            ctx.text(doc, mention.from, mention.to),
            previous,
        ));
    }
    let person = salient_person(doc, pack, people, previous.1, None)
        .filter(|&person| !quote_names(doc, people, index, person))?;
    Some(uncued(person, String::new(), previous))
}

/// True when the quotation at `index` names `person` by surname.
fn quote_names(doc: &Document, people: &People, index: usize, person: usize) -> bool {
    let quote = &doc.quotes[index];
    let Some(surname) = people.persons[person].key.last() else {
        return false;
    };
    let first = doc.tokens.partition_point(|t| t.start < quote.open);
    doc.tokens[first..]
        .iter()
        .take_while(|t| t.end <= quote.close_end)
        .map(|t| t.text(doc.body))
        .any(|word| is_capitalized(word) && fold(word) == *surname)
}

/// True when the quotation at `index` addresses `person` by name: after a vocative word ("querida
/// Claudia", "Dear Gustavo"), as its opening word before a comma or a colon ("Gustavo: A great
/// honor."), or after a comma closing a sentence of it ("…, Ana.").
fn quote_addresses(
    doc: &Document,
    pack: &LanguagePack,
    people: &People,
    index: usize,
    person: usize,
) -> bool {
    let quote = &doc.quotes[index];
    let first = doc.tokens.partition_point(|t| t.start < quote.open);
    let words: Vec<&str> = doc.tokens[first..]
        .iter()
        .take_while(|t| t.end <= quote.close_end)
        .map(|t| t.text(doc.body))
        .collect();
    let key = &people.persons[person].key;
    let is_word = |w: &str| w.chars().any(char::is_alphanumeric);
    (0..words.len()).any(|i| {
        let word = words[i];
        if !is_capitalized(word) || !key.contains(&fold(word)) {
            return false;
        }
        let before = i.checked_sub(1).map(|j| words[j]);
        let after = words.get(i + 1).copied();
        let opening = !words[..i].iter().any(|w| is_word(w));
        before.is_some_and(|w| pack.vocatives.contains(&fold(w)))
            || (opening && matches!(after, Some("," | ":")))
            || (before == Some(",") && after.is_none_or(|w| !is_word(w) && w != ","))
    })
}

/// The known person a name or an epithet starting at context position `at` stands for.
fn person_named_at(
    doc: &Document,
    pack: &LanguagePack,
    people: &People,
    ctx: &Context,
    at: usize,
) -> Option<(usize, Mention)> {
    let mention = mention_starting_at(doc, pack, ctx, at)?;
    let person = match &mention.kind {
        MentionKind::Name(words) => people.find_name(words)?,
        MentionKind::Epithet(traits) => {
            people.resolve_epithet(traits, doc.tokens[ctx.tokens[at]].start, None, None)?
        }
        MentionKind::Pronoun(_) | MentionKind::Implicit => return None,
    };
    Some((person, mention))
}

/// A quote opening the paragraph right after a sentence that announces it and whose subject
/// is no person ("Excerpts of Sen. Cornyn’s remarks are below.", "Estas fueron sus palabras
/// a continuación:"): the speaker is the first person that sentence names.
fn announced_quote(
    doc: &Document,
    pack: &LanguagePack,
    people: &People,
    index: usize,
    sentence_index: usize,
) -> Option<LocalAttribution> {
    let quote = &doc.quotes[index];
    let paragraph = doc.paragraph_at(quote.open);
    if sentence_index == 0 || doc.paragraphs[paragraph].0 != quote.open {
        return None;
    }
    let previous = doc.sentences[sentence_index - 1];
    if doc.paragraph_at(previous.0) + 1 != paragraph {
        return None;
    }
    let ctx = Context::new(doc, previous.0, previous.1, previous.0);
    let announces = ctx.words.last().is_some_and(|w| w == ":")
        || ctx.words.iter().any(|w| pack.announcers.contains(w));
    if !announces {
        return None;
    }
    let (person, mention) = (0..ctx.tokens.len()).find_map(|at| {
        if let Some((person, mention)) = person_named_at(doc, pack, people, &ctx, at) {
            return Some((person, ctx.text(doc, mention.from, mention.to)));
        }
        // A possessor is the one whose words are announced ("Sen. Cornyn’s remarks").
        let token = doc.tokens[ctx.tokens[at]].text(doc.body);
        let word = people::strip_possessive(token);
        if word == token || !is_capitalized(token) {
            return None;
        }
        Some((people.find_name(&[word])?, token.to_string()))
    })?;
    Some(uncued(person, mention, previous))
}

/// A quote in a sentence with no cue whose subject is, or belongs to, a person the article
/// already knows: analytic prose reports what its subject said ("El propio Sanz pasó de «…» a
/// «…»", "Las promesas de Sanz crecieron: de «…» a «…»", "Ruiz’s figure grew from “…” to
/// “…”"). The subject stands among the first words, after at most one lower-case word.
fn cueless_subject(
    doc: &Document,
    pack: &LanguagePack,
    people: &People,
    index: usize,
    sentence: (usize, usize),
) -> Option<LocalAttribution> {
    let quote = &doc.quotes[index];
    if quote.previous_close > sentence.0 {
        return None; // the sentence's first quote carries the attribution
    }
    let ctx = Context::new(doc, sentence.0, quote.open, sentence.0);
    let mut content_words = 0;
    for at in 0..ctx.tokens.len().min(MAX_INTRODUCTORY_TOKENS) {
        if !ctx.is_word(doc, at) {
            return None; // the subject comes before any punctuation
        }
        let word = &ctx.words[at];
        if is_capitalized_at(doc, &ctx, at) {
            let token = doc.tokens[ctx.tokens[at]].text(doc.body);
            let words = [people::strip_possessive(token)];
            let person = people.find_name(&words).or_else(|| {
                let mention = mention_starting_at(doc, pack, &ctx, at)?;
                match &mention.kind {
                    MentionKind::Name(words) => people.find_name(words),
                    _ => None,
                }
            });
            if let Some(person) = person {
                return Some(uncued(person, token.to_string(), sentence));
            }
            if at > 0 || !pack.stopwords.contains(word) {
                return None;
            }
        } else if pack.cue_at(&ctx.words[at..], false).is_some() {
            return None;
        } else if !pack.stopwords.contains(word) && !pack.epithet_openers.contains(word) {
            content_words += 1;
            if content_words > 1 {
                return None;
            }
        }
    }
    None
}

/// A reporting verb or source phrase starting at context position `at`.
fn cue_at(pack: &LanguagePack, ctx: &Context, at: usize) -> Option<Cue> {
    let found = pack.cue_at(&ctx.words[at..], at == 0 && ctx.at_sentence_start)?;
    Some(Cue {
        at,
        len: found.len,
        mode: found.mode,
        source_phrase: found.source_phrase,
        naming: !found.source_phrase
            && pack.kind_marker_at(&ctx.words[at..]) == Some(QuoteKind::Speech),
    })
}

/// The person a mention stands for, with the confidence its kind warrants.
fn resolve_person(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    people: &mut People,
    mention: &Mention,
) -> Option<(usize, f32)> {
    let position = doc.tokens[ctx.tokens[mention.from]].start;
    Some(match &mention.kind {
        // A place is no speaker, unless the article also names a person so.
        MentionKind::Name(words) if is_place(pack, words) && people.find_name(words).is_none() => {
            return None
        }
        // "la 'número dos' del Ejecutivo insistió": an institution in a prepositional phrase
        // is no subject; the phrase's head stands for the salient person.
        MentionKind::Name(words) if institution_complement(pack, ctx, mention, words) => (
            salient_person(doc, pack, people, position, None)?,
            CONFIDENCE_IMPLICIT_SUBJECT,
        ),
        MentionKind::Name(words) => (
            people.resolve_name(pack, words, position),
            CONFIDENCE_NAME_AT_CUE,
        ),
        MentionKind::Pronoun(gender) => (
            salient_person(doc, pack, people, position, *gender)?,
            CONFIDENCE_PRONOUN_AT_CUE,
        ),
        MentionKind::Implicit => {
            let person = salient_person(doc, pack, people, position, None)?;
            people.remember_implicit(doc.sentences[doc.sentence_at(position)].0, person);
            (person, CONFIDENCE_IMPLICIT_SUBJECT)
        }
        MentionKind::Epithet(traits) => match surname_as_title(doc, ctx, people, mention) {
            Some(person) => (person, CONFIDENCE_NAME_AT_CUE),
            None => (
                {
                    let salient = salient_person(doc, pack, people, position, traits.gender);
                    let person = people
                        .resolve_epithet(traits, position, salient, None)
                        .or_else(|| {
                            // No one named so far holds the office: a heading's entry may name them
                            // next.
                            let paragraph = doc.paragraph_at(position);
                            let limit = doc
                                .paragraphs
                                .get(paragraph + 1)
                                .map_or(doc.body.len(), |&(_, end)| end);
                            let sentence_end = doc.sentences[doc.sentence_at(position)].1;
                            people.resolve_epithet_ahead(traits, position, sentence_end, limit)
                        })?;
                    people.remember_epithet(position, person);
                    person
                },
                CONFIDENCE_EPITHET_AT_CUE,
            ),
        },
    })
}

/// True when a name mention is one institution noun governed by "de", "del" or "of" ("del
/// Ejecutivo", "of Government"): the complement of a head the context left out.
fn institution_complement(
    pack: &LanguagePack,
    ctx: &Context,
    mention: &Mention,
    words: &[String],
) -> bool {
    let governing = |word: &String| PORTFOLIO_PREPOSITIONS.contains(&word.as_str());
    let governed = governing(&ctx.words[mention.from])
        || mention
            .from
            .checked_sub(1)
            .is_some_and(|i| governing(&ctx.words[i]));
    governed && words.len() == 1 && pack.organizations.contains(&words[0].to_lowercase())
}

/// The person whose surname is a title or role word written capitalized as the whole mention
/// ("Sen. Angus King … King noted", "el obispo … Rey afirmó"): a name word after a given name
/// or an honorific, not an epithet for whoever is salient.
fn surname_as_title(
    doc: &Document,
    ctx: &Context,
    people: &People,
    mention: &Mention,
) -> Option<usize> {
    if mention.to != mention.from + 1 || !is_capitalized_at(doc, ctx, mention.from) {
        return None;
    }
    let key = people::name_key(std::slice::from_ref(&ctx.words[mention.from]));
    people
        .persons
        .iter()
        .position(|p| p.key.len() >= 2 && p.key.last() == key.first())
}

fn resolve(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    people: &mut People,
    mention: &Mention,
    cue: &Cue,
) -> Option<Found> {
    let (person, confidence) = resolve_person(doc, pack, ctx, people, mention)?;
    let text = ctx.text(doc, mention.from, mention.to);
    let cue_text = ctx.text(doc, cue.at, cue.at + cue.len);
    Some((person, text, cue_text, cue.mode, confidence))
}

/// A mention that starts at context position `at`: a pronoun, a name (after titles), or an
/// epithet (a name in apposition after it wins: "the Colombian president, Gustavo Petro").
fn mention_starting_at(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    at: usize,
) -> Option<Mention> {
    let word = ctx.words.get(at)?;
    if !ctx.is_word(doc, at) {
        return None;
    }
    if let Some(pronoun) = pack.pronouns.get(word).filter(|p| !p.plural) {
        return Some(Mention {
            kind: MentionKind::Pronoun(pronoun.gender),
            from: at,
            to: at + 1,
        });
    }
    let mut k = at;
    if pack.epithet_openers.contains(word) && is_capitalized_at(doc, ctx, at + 1) {
        k += 1;
    }
    // Titles and nationality words, then a capitalized name.
    let mut name_from = k;
    while name_from < ctx.tokens.len() && ctx.is_word(doc, name_from) {
        let step = lookup(
            doc,
            &pack.titles,
            &ctx.words,
            ctx.tokens[name_from],
            name_from,
        )
        .map(|(len, _)| len)
        .or_else(|| {
            lookup(
                doc,
                &pack.demonyms,
                &ctx.words,
                ctx.tokens[name_from],
                name_from,
            )
            .map(|(len, _)| len)
        });
        match step {
            Some(len) => name_from += len,
            None => break,
        }
        if ctx.words.get(name_from).is_some_and(|w| w == ".") {
            name_from += 1;
        }
    }
    // A weekday or a month after a name ends it ("Lai Mohammed Sunday said").
    let run_end = name_run_end(doc, pack, ctx, name_from).map(|mut to| {
        while to > name_from + 1 && pack.non_names.contains(&ctx.words[to - 1]) {
            to -= 1;
        }
        to
    });
    // Capitalized words that are not names: function words, cue words, and an ordinary word
    // opening the sentence ("Speaking", "According", "In Doral", "Emerging").
    let run_start = name_from;
    while run_end.is_some_and(|to| name_from < to) && !is_name_word(doc, pack, ctx, name_from) {
        name_from += 1;
    }
    // "In Bogotá", "Desde Madrid": a name after a preposition is a place or a time, not a speaker.
    let after_preposition = (run_start..name_from).any(|i| {
        pack.stopwords.contains(&ctx.words[i]) && !pack.epithet_openers.contains(&ctx.words[i])
    }) || (name_from == run_start
        && at < name_from
        && pack.stopwords.contains(&ctx.words[at])
        && !pack.epithet_openers.contains(&ctx.words[at]));
    if after_preposition {
        return None;
    }
    // "Colombia’s Valeria Ortiz", "Spain’s top diplomat Alberto Sanz", "Brussels’ spokeswoman
    // Ingrid Holm" (the bare apostrophe is a token of its own): the possessor is no name.
    let bare_possessive = run_end.filter(|&to| {
        ctx.words.get(to).is_some_and(|w| w == "’" || w == "'")
            && ctx.words[to - 1].ends_with('s')
            && doc.tokens[ctx.tokens[to - 1]].end == doc.tokens[ctx.tokens[to]].start
    });
    // The last position of the possessor (its apostrophe, when bare).
    let possessor_end = run_end
        .and_then(|to| (run_start..to).find(|&i| is_possessive(&ctx.words[i])))
        .or(bare_possessive);
    if let Some(possessor) = possessor_end {
        let after = (possessor + 1..(possessor + 5).min(ctx.tokens.len()))
            .find(|&i| is_capitalized_at(doc, ctx, i));
        return match after {
            Some(after) => {
                mention_starting_at(doc, pack, ctx, after).map(|m| Mention { from: at, ..m })
            }
            // "Mexico’s economy secretary rejected …": a role owned by a country or an
            // organisation is an epithet, its owner the person's country when it is one.
            None => possessed_epithet(doc, pack, ctx, at, possessor),
        };
    }
    // A capitalized word or two before a lower-case role are modifiers the data does not know,
    // a nationality, a party or a department ("According to Valdorian economist Daniel Okafor",
    // "SNP Treasury spokeswoman Alison Thewliss"): the person is the name after the role; with
    // no name after it, a determiner makes the whole an epithet ("The Labour leader said").
    let modifiers_end =
        run_end.filter(|&to| to > name_from && to <= name_from + MAX_QUALIFIER_WORDS);
    if let Some(to) = modifiers_end {
        if let Some(after) = name_after_lowercase_role(doc, pack, ctx, to) {
            return mention_starting_at(doc, pack, ctx, after).map(|m| Mention { from: at, ..m });
        }
    }
    let determined = pack.epithet_openers.contains(word) && at < name_from;
    if let Some(mention) = modifiers_end
        .filter(|_| determined)
        .and_then(|to| modified_epithet(doc, pack, ctx, at, name_from, to))
    {
        return Some(mention);
    }
    // A title inside the run: the name follows it ("Texas Senator Tom Villarreal").
    if let Some(to) = run_end {
        let mut j = name_from + 1;
        while j < to {
            match lookup(doc, &pack.titles, &ctx.words, ctx.tokens[j], j) {
                Some((len, _)) if j + len < to => {
                    name_from = j + len;
                    j = name_from + 1;
                }
                _ => j += 1,
            }
        }
    }
    // "la residencia del embajador en Ecuador": one word governed by a locative preposition
    // is a place.
    let governed_by_locative = name_from > 0
        && LOCATIVE_PREPOSITIONS.contains(&ctx.words[name_from - 1].as_str())
        && run_end == Some(name_from + 1);
    if governed_by_locative {
        return None;
    }
    if let Some(mut to) = run_end.filter(|&to| to > name_from) {
        if to > name_from {
            let words: Vec<String> = (name_from..to)
                .filter(|&i| ctx.is_word(doc, i))
                .map(|i| doc.tokens[ctx.tokens[i]].text(doc.body).to_string())
                .collect();
            // "la red social X", "on Truth Social": a platform, never a speaker.
            if pack.is_medium_name(&words) {
                return None;
            }
            to = to.max(name_from);
            return Some(Mention {
                kind: MentionKind::Name(strip_possessives(words)),
                from: at,
                to,
            });
        }
    }
    if let Some(apposition) = apposition_after_description(doc, pack, ctx, at) {
        return Some(apposition);
    }
    let Some((len, traits)) = parse_epithet(doc, pack, &ctx.tokens, &ctx.words, at) else {
        return described_name(doc, pack, ctx, at);
    };
    // A portfolio after the role is part of the epithet ("la ministra de Igualdad acusó", "the
    // secretary of State said"), not a name of its own.
    let after = match ctx.words.get(at + len) {
        Some(w) if PORTFOLIO_PREPOSITIONS.contains(&w.as_str()) => {
            name_run_end(doc, pack, ctx, at + len + 1).unwrap_or(at + len)
        }
        _ => at + len,
    };
    // Apposition: "el presidente colombiano, Gustavo Petro,"
    // ... or a second description with the name: "Su autora, la economista Paula Sepúlveda,".
    // A second description is set off by commas too; one a verb follows is the subject of a
    // new clause ("según el mandatario, el presidente Donald Trump se ha dejado engañar").
    if ctx.words.get(after).is_some_and(|w| w == ",") {
        let second_description = ctx
            .words
            .get(after + 1)
            .is_some_and(|w| pack.epithet_openers.contains(w));
        let closes = |to: usize| to >= ctx.tokens.len() || !ctx.is_word(doc, to);
        if let Some(named) = mention_starting_at(doc, pack, ctx, after + 1)
            .filter(|m| matches!(m.kind, MentionKind::Name(_)))
            .filter(|m| !second_description || closes(m.to))
        {
            return Some(Mention { from: at, ..named });
        }
    }
    // ... or with a qualifier or two first: "la líder sindical Rosa Etxeberri".
    let apposition_from = if ctx.words.get(after).is_some_and(|w| w == ",") {
        after + 1
    } else {
        (after..(after + MAX_QUALIFIER_WORDS + 1).min(ctx.tokens.len()))
            .take_while(|&i| {
                let qualifier = !pack.stopwords.contains(&ctx.words[i])
                    && pack.cue_at(&ctx.words[i..], false).is_none();
                ctx.is_word(doc, i) && (qualifier || is_capitalized_at(doc, ctx, i))
            })
            .find(|&i| is_capitalized_at(doc, ctx, i))
            .unwrap_or(after)
    };
    if let Some(to) =
        name_run_end(doc, pack, ctx, apposition_from).filter(|&to| to > apposition_from)
    {
        let words: Vec<String> = (apposition_from..to)
            .filter(|&i| ctx.is_word(doc, i))
            .map(|i| doc.tokens[ctx.tokens[i]].text(doc.body).to_string())
            .collect();
        return Some(Mention {
            kind: MentionKind::Name(strip_possessives(words)),
            from: at,
            to,
        });
    }
    Some(Mention {
        kind: MentionKind::Epithet(traits),
        from: at,
        to: after,
    })
}

/// The epithet a determiner at `at` opens when capitalized modifiers (`name_from..to`) stand
/// before its role: a lower-case role after them ("The Labour leader"), or a role the data
/// knows written capitalized as their last word ("the Illinois Democrat"). None when a given
/// name or a title is among the modifiers: those open a person's name.
fn modified_epithet(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    at: usize,
    name_from: usize,
    to: usize,
) -> Option<Mention> {
    let names_person = (name_from..to).any(|i| {
        people::is_given_name(pack, &ctx.words[i])
            || lookup(doc, &pack.titles, &ctx.words, ctx.tokens[i], i).is_some()
    });
    if names_person {
        return None;
    }
    let role_at = |i: usize| {
        parse_epithet(doc, pack, &ctx.tokens, &ctx.words, i).filter(|(_, t)| !t.roles.is_empty())
    };
    if let Some((len, traits)) = role_at(to).filter(|_| !is_capitalized_at(doc, ctx, to)) {
        return Some(Mention {
            kind: MentionKind::Epithet(traits),
            from: at,
            to: to + len,
        });
    }
    role_at(to - 1)
        .filter(|&(len, _)| to > name_from + 1 && len == 1)
        .map(|(_, traits)| Mention {
            kind: MentionKind::Epithet(traits),
            from: at,
            to,
        })
}

/// The epithet after a possessor ending at context position `possessor` ("Mexico’s economy
/// secretary", "Spain’s top diplomat"), with the possessor's country when the data knows it.
fn possessed_epithet(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    at: usize,
    possessor: usize,
) -> Option<Mention> {
    let (len, mut traits) = parse_epithet(doc, pack, &ctx.tokens, &ctx.words, possessor + 1)?;
    if traits.roles.is_empty() {
        return None;
    }
    // A bare apostrophe is a token of its own ("Brussels’"): the owner is the word before.
    let owner = match ctx.words[possessor].as_str() {
        "’" | "'" => ctx.words[possessor.saturating_sub(1)].clone(),
        word => people::strip_possessive(word),
    };
    if let Some((1, country)) = pack.demonyms.longest_match(&[owner]) {
        traits.countries.insert(country);
    }
    Some(Mention {
        kind: MentionKind::Epithet(traits),
        from: at,
        to: possessor + 1 + len,
    })
}

/// "said trucker Luis Fuentes", "dijo el camionero Luis Fuentes": a name of two words or more
/// after a short description in lower case that the data does not know as a role.
fn described_name(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    at: usize,
) -> Option<Mention> {
    let mut k = at;
    let indefinite = INDEFINITE_ARTICLES.contains(&ctx.words[k].as_str());
    if pack.epithet_openers.contains(&ctx.words[k]) || indefinite {
        k += 1;
    }
    let reach = (k + MAX_QUALIFIER_WORDS).min(ctx.tokens.len());
    let plain_word = |i: usize| {
        ctx.is_word(doc, i)
            && !is_capitalized_at(doc, ctx, i)
            && !pack.stopwords.contains(&ctx.words[i])
            && !pack.adverbs.contains(&ctx.words[i])
    };
    let not_a_cue = |i: usize| pack.cue_at(&ctx.words[i..], false).is_none();
    // A cue word may modify the head noun after it ("said protest leader Diego Cárdenas"),
    // never be the head itself.
    let description_end = (k..reach)
        .take_while(|&i| {
            plain_word(i)
                && (not_a_cue(i) || (i + 1 < reach && plain_word(i + 1) && not_a_cue(i + 1)))
        })
        .last()?
        + 1;
    let to = name_run_end(doc, pack, ctx, description_end)?;
    let words: Vec<String> = (description_end..to)
        .filter(|&i| ctx.is_word(doc, i))
        .map(|i| doc.tokens[ctx.tokens[i]].text(doc.body).to_string())
        .collect();
    // An indefinite article and an adjective before a surname describe how its bearer spoke
    // ("an emotional Kerber told", "dijo una emocionada Ruiz al público"): one name word is
    // enough when no noun follows that the name modifies ("a former Trump adviser").
    let lone_surname = || {
        indefinite
            && ctx.words.get(to).is_none_or(|w| {
                !ctx.is_word(doc, to)
                    || pack.stopwords.contains(w)
                    || pack.adverbs.contains(w)
                    || pack.cue_at(&ctx.words[to..], false).is_some()
            })
    };
    ((words.len() >= 2 || lone_surname())
        && (description_end..to).all(|i| is_name_word(doc, pack, ctx, i) || !ctx.is_word(doc, i)))
    .then(|| Mention {
        kind: MentionKind::Name(strip_possessives(words)),
        from: at,
        to,
    })
}

/// "La secretaria de Economía de México, Rosa Elena Villarreal, aseguró": a description opened
/// by a determiner, then the name in apposition between commas.
fn apposition_after_description(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    at: usize,
) -> Option<Mention> {
    if !pack.epithet_openers.contains(&ctx.words[at]) {
        return None;
    }
    let comma = (at + 1..(at + MAX_DESCRIPTION_TOKENS).min(ctx.tokens.len()))
        .take_while(|&i| ctx.is_word(doc, i) || matches!(ctx.words[i].as_str(), "," | "(" | ")"))
        .find(|&i| ctx.words[i] == ",")?;
    let closes = |to: usize| to >= ctx.tokens.len() || !ctx.is_word(doc, to);
    let Some(to) = name_run_end(doc, pack, ctx, comma + 1).filter(|&to| to > comma + 1) else {
        // A second description with the name: "la jefa de la empresa de agua, la ingeniera
        // Marta Ibáñez, …".
        return mention_starting_at(doc, pack, ctx, comma + 1)
            .filter(|m| matches!(m.kind, MentionKind::Name(_)) && closes(m.to))
            .map(|m| Mention { from: at, ..m });
    };
    // The apposition closes with a comma, or ends the clause ("señaló la ministra de Salud,
    // Carolina Zubia.").
    let words: Vec<String> = (comma + 1..to)
        .filter(|&i| ctx.is_word(doc, i))
        .map(|i| doc.tokens[ctx.tokens[i]].text(doc.body).to_string())
        .collect();
    closes(to).then(|| Mention {
        kind: MentionKind::Name(strip_possessives(words)),
        from: at,
        to,
    })
}

fn strip_possessives(words: Vec<String>) -> Vec<String> {
    words
        .into_iter()
        .map(|w| {
            ["’s", "'s"]
                .iter()
                .find_map(|s| w.strip_suffix(s).map(str::to_string))
                .unwrap_or(w)
        })
        .collect()
}

fn is_capitalized_at(doc: &Document, ctx: &Context, at: usize) -> bool {
    ctx.tokens
        .get(at)
        .is_some_and(|&t| doc.tokens[t].is_word && is_capitalized(doc.tokens[t].text(doc.body)))
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s")
}

/// False for a capitalized word that cannot open a name: a function word, an adverb, a cue
/// word, or an ordinary word of the language opening the sentence.
fn is_name_word(doc: &Document, pack: &LanguagePack, ctx: &Context, at: usize) -> bool {
    let word = &ctx.words[at];
    let opens_sentence = ctx.at_sentence_start && (0..at).all(|i| !ctx.is_word(doc, i));
    !(pack.stopwords.contains(word)
        || pack.adverbs.contains(word)
        || pack.non_names.contains(word)
        || pack.cue_at(&ctx.words[at..], true).is_some()
        || (opens_sentence
            && people::is_common_word(pack, word)
            && !(people::is_given_name(pack, word) && is_capitalized_at(doc, ctx, at + 1))))
}

/// The end of a run of capitalized words starting at `from` (connectors, initials and
/// abbreviations allowed inside: "Democratic Sen. Chris Coons"), or None when `from` is not
/// capitalized.
fn name_run_end(doc: &Document, pack: &LanguagePack, ctx: &Context, from: usize) -> Option<usize> {
    if !is_capitalized_at(doc, ctx, from) {
        return None;
    }
    let mut to = from + 1;
    let adjacent = |i: usize| {
        ctx.tokens
            .get(i)
            .is_some_and(|&t| t == ctx.tokens[i - 1] + 1)
    };
    loop {
        if !adjacent(to)
            || doc.body[doc.tokens[ctx.tokens[to - 1]].end..doc.tokens[ctx.tokens[to]].start]
                .contains('\n')
        {
            return Some(to); // a quotation or a line break stands between
        }
        if is_capitalized_at(doc, ctx, to) {
            to += 1;
        } else if (ctx.words.get(to).is_some_and(|w| w == ".")
            && (ctx.words[to - 1].chars().count() == 1
                || people::abbreviates_with_period(doc, pack, ctx.tokens[to - 1]))
            || ctx
                .words
                .get(to)
                .is_some_and(|w| people::is_name_connector(w)))
            && is_capitalized_at(doc, ctx, to + 1)
        {
            to += 2;
        } else {
            return Some(to);
        }
    }
}

/// A mention that ends right before context position `cue_at` (the subject of the cue),
/// skipping adverbs and auxiliaries ("Trump also said") and one parenthetical clause
/// ("Petro, speaking at a separate news conference, said").
fn mention_ending_at(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    cue_at: usize,
) -> Option<Mention> {
    let mut end = cue_at;
    while end > 0 && ctx.is_word(doc, end - 1) && pack.adverbs.contains(&ctx.words[end - 1]) {
        end -= 1;
    }
    if end == 0 {
        return None;
    }
    // "Trump, que ... había tachado", "remarks by Brown - who said": the speaker stands before
    // the relative clause a comma or a dash opens, unless the clause has a subject of its own
    // ("Maduro, que Petro calificó de «…»").
    let relative = (1..end).rev().find(|&i| {
        matches!(ctx.words[i - 1].as_str(), "," | "-" | "–" | "—")
            && pack.relatives.contains(&ctx.words[i])
    });
    if let Some(r) = relative {
        if let Some(own_subject) =
            mention_right_before(doc, pack, ctx, end).filter(|m| m.from == r + 1)
        {
            return Some(own_subject);
        }
        if let Some(mention) = mention_ending_at(doc, pack, ctx, r - 1) {
            return Some(mention);
        }
    }
    if ctx.words[end - 1] == "," {
        // "X, <clause>, said": the clause is an apposition naming X, or a parenthetical to skip.
        let clause_start = (0..end - 1).rev().find(|&i| ctx.words[i] == ",")?;
        // "X, editor of the Sun, says …, adding: “…”": a clause opened by a reporting verb is
        // the main clause, whose subject the participle after it shares.
        if self::cue_at(pack, ctx, clause_start + 1).is_some_and(|cue| !cue.source_phrase) {
            return mention_ending_at(doc, pack, ctx, clause_start + 1);
        }
        if let Some(m) =
            mention_starting_at(doc, pack, ctx, clause_start + 1).filter(|m| m.to == end - 1)
        {
            // Only a clause that is a name names X ("…, Gustavo Petro, aseguró"); a role with an
            // organisation in it describes X ("Marta Ibáñez, jefa de la Empresa de Agua, dijo").
            if matches!(m.kind, MentionKind::Name(_))
                && is_capitalized_at(doc, ctx, clause_start + 1)
            {
                return Some(m);
            }
        }
        return mention_ending_at(doc, pack, ctx, clause_start);
    }
    mention_right_before(doc, pack, ctx, end)
}

/// The longest mention ending exactly at context position `end`, starting up to six words back.
fn mention_right_before(
    doc: &Document,
    pack: &LanguagePack,
    ctx: &Context,
    end: usize,
) -> Option<Mention> {
    (end.saturating_sub(6)..end).find_map(|from| {
        let mention = mention_starting_at(doc, pack, ctx, from)?;
        (mention.to == end).then_some(mention)
    })
}

#[cfg(test)]
mod tests;
