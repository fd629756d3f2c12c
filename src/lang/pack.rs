//! One language's knowledge, parsed from the TSV files in `src/lang/data/<code>/`.

use super::Lang;
use crate::model::QuoteKind;
use crate::text::{FastHash, Word, WordMap};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A table built from this project's data files: its keys are trusted, so it hashes with the
/// fast [`FastHash`] rather than a DoS-resistant hash (looking up an article's words cannot
/// degrade it, only inserting chosen keys could).
type Table<K, V> = HashMap<K, V, FastHash>;
/// A set built from this project's data files (see [`Table`]).
type Set<K> = HashSet<K, FastHash>;

/// Whether a cue reports speech or writing (a post, a letter, an inscription).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueMode {
    /// Said aloud.
    Speech,
    /// Written or posted.
    Writing,
}

/// Grammatical gender of a pronoun or a person, where known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// Masculine.
    Male,
    /// Feminine.
    Female,
}

/// What a pronoun can refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pronoun {
    /// `None` when the pronoun does not mark gender ("they").
    pub gender: Option<Gender>,
    /// True for "they", "ellos".
    pub plural: bool,
}

/// A data file that does not parse: names the file and the line.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {problem}")]
pub struct DataError {
    /// The data file, relative to `src/lang/data/`.
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub problem: String,
}

/// A table of possibly multi-word phrases, matched longest first against lowercase tokens.
#[derive(Debug)]
pub struct PhraseTable<V> {
    by_first_word: Table<String, Vec<(Vec<String>, V)>>,
}

impl<V> Default for PhraseTable<V> {
    fn default() -> Self {
        PhraseTable {
            by_first_word: Table::default(),
        }
    }
}

impl<V: Copy> PhraseTable<V> {
    fn insert(&mut self, phrase: &str, value: V) {
        let words: Vec<String> = phrase.split(' ').map(str::to_string).collect();
        let entries = self.by_first_word.entry(words[0].clone()).or_default();
        entries.push((words, value));
        entries.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    }

    /// The longest phrase starting at `words[0]`: its length in words and its value.
    pub fn longest_match<S: AsRef<str>>(&self, words: &[S]) -> Option<(usize, V)> {
        self.matches(words).next()
    }

    /// Every phrase starting at `words[0]`, longest first: its length in words and its value.
    fn matches<'a, S: AsRef<str>>(
        &'a self,
        words: &'a [S],
    ) -> impl Iterator<Item = (usize, V)> + 'a {
        let candidates = words
            .first()
            .and_then(|first| self.by_first_word.get(first.as_ref()));
        candidates
            .into_iter()
            .flatten()
            .filter_map(move |(phrase, value)| {
                let fits = phrase.len() <= words.len()
                    && phrase.iter().zip(words).all(|(p, w)| p == w.as_ref());
                fits.then_some((phrase.len(), *value))
            })
    }

    /// True when `word` alone is an entry.
    pub fn contains_word(&self, word: &str) -> bool {
        self.longest_match(&[word]).is_some_and(|(len, _)| len == 1)
    }

    /// Number of phrases in the table.
    pub fn len(&self) -> usize {
        self.by_first_word.values().map(Vec::len).sum()
    }

    /// True when the table is empty.
    pub fn is_empty(&self) -> bool {
        self.by_first_word.is_empty()
    }
}

/// A reporting cue at the start of a run of words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueMatch {
    /// Its length in words.
    pub len: usize,
    /// Speech or writing.
    pub mode: CueMode,
    /// True for a source phrase ("according to"), followed by the speaker; false for a verb.
    pub source_phrase: bool,
}

/// Everything quotecheck knows about one language. Build with [`LanguagePack::get`].
#[derive(Debug)]
pub struct LanguagePack {
    /// The language this pack describes.
    pub lang: Lang,
    /// Reporting verbs, every inflection: "said", "dijo", "afirmó".
    pub verbs: PhraseTable<CueMode>,
    /// Phrases followed by the source: "according to", "según"; the flag marks phrases that
    /// only cue at the start of a sentence ("Para Petro, ...").
    pub source_phrases: PhraseTable<(CueMode, bool)>,
    /// Personal pronouns that can stand for a speaker.
    pub pronouns: Table<String, Pronoun>,
    /// Titles and honorifics before a name, with the role they give ("president").
    pub titles: PhraseTable<Option<&'static str>>,
    /// Role nouns of epithets ("the Colombian leader", "el mandatario").
    pub epithets: PhraseTable<&'static str>,
    /// Determiners that open an epithet ("the", "el", "su").
    pub epithet_openers: Set<String>,
    /// Nationality words, mapped to ISO 3166-1 alpha-2 codes.
    pub demonyms: PhraseTable<&'static str>,
    /// Function words ignored when comparing quotes (never negations).
    pub stopwords: Set<String>,
    /// Verbs that are no content words when comparing quotes but still count in finding
    /// fingerprints (their v1 definition counted them): Spanish "tener" as "have" is.
    pub auxiliaries: Set<String>,
    /// Number words and their values.
    pub numbers: Table<String, u64>,
    /// Words near a quotation that tell its kind ("book", "cap", "so-called"), stemmed so that
    /// every inflection counts ("carteles", "chanted"); look up with [`LanguagePack::kind_marker_at`].
    /// Each entry keeps the folded form of its last word, which tells apart phrases whose stems
    /// collide ("la llamada «reforma»", a scare marker, against "la llamó «…»").
    pub kind_markers: PhraseTable<(QuoteKind, &'static str)>,
    /// Abbreviations that do not end a sentence ("Mr.", "EE.UU."), as written.
    pub abbreviations: Set<String>,
    /// Adverbs that may stand between a speaker and the cue verb ("also", "también").
    pub adverbs: Set<String>,
    /// Relative pronouns that open a clause after a speaker ("who", "que").
    pub relatives: Set<String>,
    /// Conjunctions that open the clause a reporting verb reports ("that", "que").
    pub complementizers: Set<String>,
    /// Copulas and auxiliaries after which a quoted word is the predicate a speaker chose
    /// ("was “great”", "no es «partidario»", "hay «confusión»").
    pub copulas: Set<String>,
    /// Words announcing a quotation set out after the sentence ("below", "siguiente").
    pub announcers: Set<String>,
    /// Openings pointing back at the quotation before ("with those words", "de esta manera").
    pub backreferences: Set<String>,
    /// Words that put the name after them in the vocative inside a quotation ("dear",
    /// "querida"): the person addressed is no speaker of it.
    pub vocatives: Set<String>,
    /// Coordinating conjunctions ("and", "y").
    pub coordinators: Set<String>,
    /// Capitalized words that never open a person's name (days, months).
    pub non_names: Set<String>,
    /// Nouns naming a work whose title may follow in apposition ("the report “…”", "el
    /// informe «…»"): matched as written, never by stem ("reported" is no report).
    pub works: Set<String>,
    /// A law, a policy or a campaign and the preposition that links it to its title quoted
    /// next ("ley del «…»", "policy of “…”").
    pub title_links: Set<String>,
    /// Participles that give a thing its name ("an index called “…”", "un índice llamado «…»").
    pub name_participles: Set<String>,
    /// Words that negate ("not", "nunca").
    pub negations: Set<String>,
    /// Head nouns of organisation names ("ministerio", "university").
    pub organizations: Set<String>,
    /// Irregular inflections and their lemmas ("tuvimos" → "tener", "had" → "have").
    pub lemmas: Table<String, String>,
    /// Words that tell a person's gender: given names, honorifics, gendered role nouns and
    /// (Spanish) determiners ("carmen", "mrs", "ministra", "la").
    pub genders: Table<String, Gender>,
    /// Words of inscribed gifts, stemmed: what names an inscription ("inscribed", "dedicatoria")
    /// and the giving verbs whose subject wrote it ("handed", "regaló").
    pub inscriptions: PhraseTable<InscriptionWord>,
    /// Written media and the prepositions that introduce them, stemmed ("in a statement",
    /// "en un comunicado"), each with its last word as written; look up with
    /// [`LanguagePack::written_medium_at`].
    pub media: PhraseTable<(MediumWord, &'static str)>,
    /// Places in every language's spelling ("ecuador", "south texas", "nueva york"), from the
    /// language-neutral `places.tsv`; ask with [`LanguagePack::is_place`].
    pub places: PhraseTable<()>,
    /// Words that open ("puerto", "fort") or end ("city", "county") a place's name, from the
    /// language-neutral `place_words.tsv`; [`LanguagePack::is_place`] uses them for the places
    /// the gazetteer does not list.
    pub place_words: Table<String, PlaceWord>,
}

/// Where a word of `place_words.tsv` stands in a place's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceWord {
    /// It opens the name ("Puerto Asís").
    Head,
    /// It ends the name ("Jersey City").
    Tail,
}

/// The language-neutral gazetteer shared by every pack.
const PLACES_FILE: (&str, &str) = ("places.tsv", include_str!("data/places.tsv"));

/// The language-neutral words that make a name a place's, shared by every pack.
const PLACE_WORDS_FILE: (&str, &str) = ("place_words.tsv", include_str!("data/place_words.tsv"));

/// The part a word plays in a phrase naming a written medium ("in a written statement").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MediumWord {
    /// Introduces the medium ("in", "en", "mediante").
    Preposition,
    /// A written document ("statement", "comunicado", "tweet").
    Medium,
    /// A platform people write on ("X", "redes sociales"), also a topic of spoken words.
    Platform,
    /// Names the medium's author after it ("a letter from Trump", "una carta de Petro").
    Origin,
    /// A message, written or spoken ("mensaje", "message"): its author named after an origin
    /// word sent it, but it makes no cue writing.
    Message,
    /// A spoken setting ("interview", "reporters", "rueda de prensa"): words said there are
    /// no longer the ones a written medium named earlier carried.
    Setting,
}

/// How many words may stand between a preposition and its written medium ("en su cuenta de X").
const MAX_WORDS_BEFORE_MEDIUM: usize = 3;

/// How many words the longest spoken setting has ("conferencia de prensa").
const MAX_SETTING_WORDS: usize = 3;

/// The part a word plays around an inscribed gift.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InscriptionWord {
    /// Names the inscription or dedication ("inscribed", "dedicatoria").
    Mark,
    /// A giving verb: its subject gave the gift and wrote what is inscribed on it.
    Gift,
}

macro_rules! data_files {
    ($code:literal) => {
        [
            (
                "verbs.tsv",
                include_str!(concat!("data/", $code, "/verbs.tsv")),
            ),
            (
                "cue_phrases.tsv",
                include_str!(concat!("data/", $code, "/cue_phrases.tsv")),
            ),
            (
                "pronouns.tsv",
                include_str!(concat!("data/", $code, "/pronouns.tsv")),
            ),
            (
                "titles.tsv",
                include_str!(concat!("data/", $code, "/titles.tsv")),
            ),
            (
                "epithets.tsv",
                include_str!(concat!("data/", $code, "/epithets.tsv")),
            ),
            (
                "epithet_openers.tsv",
                include_str!(concat!("data/", $code, "/epithet_openers.tsv")),
            ),
            (
                "demonyms.tsv",
                include_str!(concat!("data/", $code, "/demonyms.tsv")),
            ),
            (
                "stopwords.tsv",
                include_str!(concat!("data/", $code, "/stopwords.tsv")),
            ),
            (
                "auxiliaries.tsv",
                include_str!(concat!("data/", $code, "/auxiliaries.tsv")),
            ),
            (
                "numbers.tsv",
                include_str!(concat!("data/", $code, "/numbers.tsv")),
            ),
            (
                "kind_markers.tsv",
                include_str!(concat!("data/", $code, "/kind_markers.tsv")),
            ),
            (
                "abbreviations.tsv",
                include_str!(concat!("data/", $code, "/abbreviations.tsv")),
            ),
            (
                "adverbs.tsv",
                include_str!(concat!("data/", $code, "/adverbs.tsv")),
            ),
            (
                "relatives.tsv",
                include_str!(concat!("data/", $code, "/relatives.tsv")),
            ),
            (
                "complementizers.tsv",
                include_str!(concat!("data/", $code, "/complementizers.tsv")),
            ),
            (
                "copulas.tsv",
                include_str!(concat!("data/", $code, "/copulas.tsv")),
            ),
            (
                "announcers.tsv",
                include_str!(concat!("data/", $code, "/announcers.tsv")),
            ),
            (
                "backreferences.tsv",
                include_str!(concat!("data/", $code, "/backreferences.tsv")),
            ),
            (
                "vocatives.tsv",
                include_str!(concat!("data/", $code, "/vocatives.tsv")),
            ),
            (
                "title_links.tsv",
                include_str!(concat!("data/", $code, "/title_links.tsv")),
            ),
            (
                "name_participles.tsv",
                include_str!(concat!("data/", $code, "/name_participles.tsv")),
            ),
            (
                "coordinators.tsv",
                include_str!(concat!("data/", $code, "/coordinators.tsv")),
            ),
            (
                "non_names.tsv",
                include_str!(concat!("data/", $code, "/non_names.tsv")),
            ),
            (
                "works.tsv",
                include_str!(concat!("data/", $code, "/works.tsv")),
            ),
            (
                "negations.tsv",
                include_str!(concat!("data/", $code, "/negations.tsv")),
            ),
            (
                "organizations.tsv",
                include_str!(concat!("data/", $code, "/organizations.tsv")),
            ),
            (
                "lemmas.tsv",
                include_str!(concat!("data/", $code, "/lemmas.tsv")),
            ),
            (
                "genders.tsv",
                include_str!(concat!("data/", $code, "/genders.tsv")),
            ),
            (
                "inscriptions.tsv",
                include_str!(concat!("data/", $code, "/inscriptions.tsv")),
            ),
            (
                "media.tsv",
                include_str!(concat!("data/", $code, "/media.tsv")),
            ),
        ]
    };
}

/// The embedded data files of a language: (file name, contents).
pub(crate) fn data_files(lang: Lang) -> [(&'static str, &'static str); 30] {
    match lang {
        Lang::En => data_files!("en"),
        Lang::Es => data_files!("es"),
    }
}

/// The rows of a TSV data file: (line number, fields), comments and blank lines skipped.
pub(crate) fn rows<'a>(
    file: &'a str,
    text: &'a str,
    columns: usize,
) -> impl Iterator<Item = Result<(usize, Vec<&'a str>), DataError>> + 'a {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(move |(index, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() == columns {
                Ok((index + 1, fields))
            } else {
                Err(DataError {
                    file: file.to_string(),
                    line: index + 1,
                    problem: format!(
                        "expected {columns} tab-separated fields, found {}",
                        fields.len()
                    ),
                })
            }
        })
}

fn leak(text: &str) -> &'static str {
    // Data is parsed once per process and lives as long as it; role and country keys are few.
    Box::leak(text.to_string().into_boxed_str())
}

impl LanguagePack {
    /// The pack for `lang`, parsed once per process. The embedded data is checked by unit tests,
    /// so a parse failure here is a build defect and aborts with the file and line.
    pub fn get(lang: Lang) -> &'static LanguagePack {
        static EN: OnceLock<LanguagePack> = OnceLock::new();
        static ES: OnceLock<LanguagePack> = OnceLock::new();
        let cell = match lang {
            Lang::En => &EN,
            Lang::Es => &ES,
        };
        cell.get_or_init(|| {
            LanguagePack::parse(lang).unwrap_or_else(|error| panic!("language data: {error}"))
        })
    }

    /// The reporting verb or source phrase that opens `words` (lower case). Phrases that only
    /// cue at a sentence's start ("Para Petro, ...") count when `at_sentence_start`.
    pub fn cue_at<S: AsRef<str>>(&self, words: &[S], at_sentence_start: bool) -> Option<CueMatch> {
        if let Some((len, mode)) = self.verbs.longest_match(words) {
            return Some(CueMatch {
                len,
                mode,
                source_phrase: false,
            });
        }
        let (len, (mode, sentence_start_only)) = self.source_phrases.longest_match(words)?;
        (at_sentence_start || !sentence_start_only).then_some(CueMatch {
            len,
            mode,
            source_phrase: true,
        })
    }

    /// The kind named by a marker opening `words` (lower case), matched by stem.
    pub fn kind_marker_at<S: AsRef<str>>(&self, words: &[S]) -> Option<QuoteKind> {
        let stems: Vec<Word> = words
            .iter()
            .take(4)
            .map(|w| word_stem(self.lang, w.as_ref()))
            .collect();
        let mut reach = stems.len();
        loop {
            let (len, (kind, last_form)) = self.kind_markers.longest_match(&stems[..reach])?;
            if len == 1 || same_ending(&stems[len - 1], last_form, words[len - 1].as_ref()) {
                return Some(kind);
            }
            reach = len - 1;
        }
    }

    /// The inscription word opening `words` (lower case), matched by stem: its length in words
    /// and its part.
    pub fn inscription_word_at<S: AsRef<str>>(
        &self,
        words: &[S],
    ) -> Option<(usize, InscriptionWord)> {
        let stems: Vec<Word> = words
            .iter()
            .take(2)
            .map(|w| word_stem(self.lang, w.as_ref()))
            .collect();
        self.inscriptions.longest_match(&stems)
    }

    /// The length in words of a phrase naming a written medium that opens `words` (lower case),
    /// matched by stem: "in a written statement", "en un mensaje en X".
    pub fn written_medium_at<S: AsRef<str>>(&self, words: &[S]) -> Option<usize> {
        self.medium_phrase_at(words, |role| {
            matches!(role, MediumWord::Medium | MediumWord::Platform)
        })
    }

    /// The length in words of a phrase naming a written document (no bare platform) that opens
    /// `words` (lower case), matched by stem: "in a Facebook statement", "en un comunicado".
    pub fn written_document_at<S: AsRef<str>>(&self, words: &[S]) -> Option<usize> {
        self.medium_phrase_at(words, |role| role == MediumWord::Medium)
    }

    /// The longest media phrase opening `stems` (the stems of the lower-case `words`) and its
    /// role; of phrases sharing those stems, the one whose last word is spelled as the word
    /// ("publicó" opens a medium, "publicación" is one, "público" is an audience).
    fn medium_word_at<S: AsRef<str>>(
        &self,
        stems: &[Word],
        words: &[S],
    ) -> Option<(usize, MediumWord)> {
        let mut phrases = self.media.matches(stems).peekable();
        let &(longest, (role, _)) = phrases.peek()?;
        let spelled =
            |len: usize, form: &str| words.get(len - 1).is_some_and(|w| w.as_ref() == form);
        phrases
            .take_while(|&(len, _)| len == longest)
            .find(|&(len, (_, form))| spelled(len, form))
            .map_or(Some((longest, role)), |(len, (role, _))| Some((len, role)))
    }

    /// The length of a preposition, up to [`MAX_WORDS_BEFORE_MEDIUM`] words and the first word
    /// of a role `wanted` accepts, opening `words`.
    fn medium_phrase_at<S: AsRef<str>>(
        &self,
        words: &[S],
        wanted: impl Fn(MediumWord) -> bool,
    ) -> Option<usize> {
        let stems: Vec<Word> = words
            .iter()
            .take(MAX_WORDS_BEFORE_MEDIUM + 4)
            .map(|w| word_stem(self.lang, w.as_ref()))
            .collect();
        let (preposition_len, role) = self.medium_word_at(&stems, words)?;
        if role != MediumWord::Preposition {
            return None;
        }
        (preposition_len..(preposition_len + MAX_WORDS_BEFORE_MEDIUM + 1).min(stems.len()))
            .find_map(|at| match self.medium_word_at(&stems[at..], &words[at..]) {
                Some((len, role)) if wanted(role) => Some(at + len),
                _ => None,
            })
    }

    /// True when the lower-case `words` open with a spoken setting, matched by stem: "interview",
    /// "reporters", "rueda de prensa".
    pub fn spoken_setting_at<S: AsRef<str>>(&self, words: &[S]) -> bool {
        let stems: Vec<Word> = words
            .iter()
            .take(MAX_SETTING_WORDS)
            .map(|w| word_stem(self.lang, w.as_ref()))
            .collect();
        matches!(
            self.medium_word_at(&stems, words),
            Some((_, MediumWord::Setting))
        )
    }

    /// True when `words` (any case) are, all of them and nothing more, a written medium's name:
    /// "X", "Twitter", "Truth Social" are platforms, never people.
    pub fn is_medium_name<S: AsRef<str>>(&self, words: &[S]) -> bool {
        let lower: Vec<String> = words.iter().map(|w| w.as_ref().to_lowercase()).collect();
        let stems: Vec<Word> = lower.iter().map(|w| word_stem(self.lang, w)).collect();
        !stems.is_empty()
            && matches!(
                self.medium_word_at(&stems, &lower),
                Some((len, MediumWord::Medium | MediumWord::Platform)) if len == stems.len()
            )
    }

    /// True when the lower-case `words` end with a written medium or a message and the word that
    /// names its author after it, matched by stem: "a letter from", "un mensaje de".
    pub fn ends_with_medium_origin<S: AsRef<str>>(&self, words: &[S]) -> bool {
        let words = &words[words.len().saturating_sub(MAX_WORDS_BEFORE_MEDIUM + 1)..];
        let stems: Vec<Word> = words
            .iter()
            .map(|w| word_stem(self.lang, w.as_ref()))
            .collect();
        let Some((origin, rest)) = stems.split_last() else {
            return false;
        };
        self.medium_word_at(std::slice::from_ref(origin), &words[rest.len()..])
            == Some((1, MediumWord::Origin))
            && (0..rest.len()).any(|at| {
                matches!(
                    self.medium_word_at(&rest[at..], &words[at..]),
                    Some((len, MediumWord::Medium | MediumWord::Platform | MediumWord::Message))
                        if len == rest.len() - at
                )
            })
    }

    /// True when the lower-case `words` are, all of them and nothing more, a place's name: one
    /// the gazetteer lists, or a name of two words or more that a place word opens or ends
    /// ("puerto almira", "jersey city").
    pub fn is_place<S: AsRef<str>>(&self, words: &[S]) -> bool {
        let listed = self
            .places
            .longest_match(words)
            .is_some_and(|(len, ())| len == words.len());
        let place_word = |word: Option<&S>, part: PlaceWord| {
            word.is_some_and(|w| self.place_words.get(w.as_ref()) == Some(&part))
        };
        listed
            || (words.len() >= 2
                && (place_word(words.first(), PlaceWord::Head)
                    || place_word(words.last(), PlaceWord::Tail)))
    }

    /// The gender a given name tells, from the name lists of every language (names travel:
    /// a Spanish article quotes Helen Marsh, an English one Carmen Olivares).
    pub fn given_name_gender(word: &str) -> Option<Gender> {
        Lang::ALL
            .iter()
            .find_map(|&lang| LanguagePack::get(lang).genders.get(word).copied())
    }

    /// Parses the embedded data files of `lang`.
    pub fn parse(lang: Lang) -> Result<LanguagePack, DataError> {
        let mut pack = LanguagePack {
            lang,
            verbs: PhraseTable::default(),
            source_phrases: PhraseTable::default(),
            pronouns: Table::default(),
            titles: PhraseTable::default(),
            epithets: PhraseTable::default(),
            epithet_openers: Set::default(),
            demonyms: PhraseTable::default(),
            stopwords: Set::default(),
            auxiliaries: Set::default(),
            numbers: Table::default(),
            kind_markers: PhraseTable::default(),
            inscriptions: PhraseTable::default(),
            media: PhraseTable::default(),
            abbreviations: Set::default(),
            adverbs: Set::default(),
            relatives: Set::default(),
            complementizers: Set::default(),
            copulas: Set::default(),
            announcers: Set::default(),
            backreferences: Set::default(),
            vocatives: Set::default(),
            title_links: Set::default(),
            name_participles: Set::default(),
            coordinators: Set::default(),
            non_names: Set::default(),
            works: Set::default(),
            lemmas: Table::default(),
            negations: Set::default(),
            organizations: Set::default(),
            genders: Table::default(),
            places: PhraseTable::default(),
            place_words: Table::default(),
        };
        let (places_name, places_text) = PLACES_FILE;
        for row in rows(places_name, places_text, 1) {
            let (_, f) = row?;
            pack.places.insert(f[0], ());
        }
        let (place_words_name, place_words_text) = PLACE_WORDS_FILE;
        for row in rows(place_words_name, place_words_text, 2) {
            let (line, f) = row?;
            let part = match f[1] {
                "head" => PlaceWord::Head,
                "tail" => PlaceWord::Tail,
                other => {
                    return Err(DataError {
                        file: place_words_name.to_string(),
                        line,
                        problem: format!("expected head or tail, found {other:?}"),
                    })
                }
            };
            pack.place_words.insert(f[0].to_string(), part);
        }
        for (name, text) in data_files(lang) {
            let file = format!("{}/{}", lang.code(), name);
            let bad = |line: usize, problem: String| DataError {
                file: file.clone(),
                line,
                problem,
            };
            match name {
                "verbs.tsv" => {
                    for row in rows(&file, text, 2) {
                        let (line, f) = row?;
                        pack.verbs.insert(
                            f[0],
                            parse_mode(f[1])
                                .ok_or_else(|| bad(line, format!("unknown mode {:?}", f[1])))?,
                        );
                    }
                }
                "cue_phrases.tsv" => {
                    for row in rows(&file, text, 3) {
                        let (line, f) = row?;
                        let mode = parse_mode(f[2])
                            .ok_or_else(|| bad(line, format!("unknown mode {:?}", f[2])))?;
                        let sentence_start_only = match f[1] {
                            "before_source" => false,
                            "sentence_start" => true,
                            other => return Err(bad(line, format!("unknown position {other:?}"))),
                        };
                        pack.source_phrases
                            .insert(f[0], (mode, sentence_start_only));
                    }
                }
                "genders.tsv" => {
                    for row in rows(&file, text, 2) {
                        let (line, f) = row?;
                        let gender = parse_gender(f[1])
                            .flatten()
                            .ok_or_else(|| bad(line, format!("unknown gender {:?}", f[1])))?;
                        pack.genders.insert(f[0].to_string(), gender);
                    }
                }
                "pronouns.tsv" => {
                    for row in rows(&file, text, 3) {
                        let (line, f) = row?;
                        let gender = parse_gender(f[1])
                            .ok_or_else(|| bad(line, format!("unknown gender {:?}", f[1])))?;
                        let plural = match f[2] {
                            "sg" => false,
                            "pl" => true,
                            other => return Err(bad(line, format!("unknown number {other:?}"))),
                        };
                        pack.pronouns
                            .insert(f[0].to_string(), Pronoun { gender, plural });
                    }
                }
                "titles.tsv" => {
                    for row in rows(&file, text, 2) {
                        let (_, f) = row?;
                        let role = (f[1] != "-").then(|| leak(f[1]));
                        pack.titles.insert(f[0], role);
                    }
                }
                "epithets.tsv" => {
                    for row in rows(&file, text, 2) {
                        let (_, f) = row?;
                        pack.epithets.insert(f[0], leak(f[1]));
                    }
                }
                "demonyms.tsv" => {
                    for row in rows(&file, text, 2) {
                        let (_, f) = row?;
                        pack.demonyms.insert(f[0], leak(f[1]));
                    }
                }
                "lemmas.tsv" => {
                    for row in rows(&file, text, 2) {
                        let (_, f) = row?;
                        pack.lemmas.insert(f[0].to_string(), f[1].to_string());
                    }
                }
                "numbers.tsv" => {
                    for row in rows(&file, text, 2) {
                        let (line, f) = row?;
                        let value = f[1]
                            .parse()
                            .map_err(|_| bad(line, format!("not a number: {:?}", f[1])))?;
                        pack.numbers.insert(f[0].to_string(), value);
                    }
                }
                "kind_markers.tsv" => {
                    for row in rows(&file, text, 2) {
                        let (line, f) = row?;
                        let kind = QuoteKind::from_name(f[1])
                            .ok_or_else(|| bad(line, format!("unknown kind {:?}", f[1])))?;
                        let last_form = f[0].rsplit(' ').next().unwrap_or_default();
                        pack.kind_markers.insert(
                            &stemmed(lang, f[0]),
                            (kind, leak(&crate::text::fold(&last_form.to_lowercase()))),
                        );
                    }
                }
                "inscriptions.tsv" => {
                    let roles = [
                        ("mark", InscriptionWord::Mark),
                        ("gift", InscriptionWord::Gift),
                    ];
                    load_roles(
                        &file,
                        text,
                        lang,
                        &roles,
                        &mut pack.inscriptions,
                        |role, _| role,
                    )?;
                }
                "media.tsv" => {
                    let roles = [
                        ("preposition", MediumWord::Preposition),
                        ("medium", MediumWord::Medium),
                        ("platform", MediumWord::Platform),
                        ("origin", MediumWord::Origin),
                        ("message", MediumWord::Message),
                        ("setting", MediumWord::Setting),
                    ];
                    load_roles(&file, text, lang, &roles, &mut pack.media, |role, last| {
                        (role, leak(last))
                    })?;
                }
                "epithet_openers.tsv"
                | "stopwords.tsv"
                | "auxiliaries.tsv"
                | "abbreviations.tsv"
                | "adverbs.tsv"
                | "relatives.tsv"
                | "complementizers.tsv"
                | "copulas.tsv"
                | "announcers.tsv"
                | "backreferences.tsv"
                | "vocatives.tsv"
                | "title_links.tsv"
                | "name_participles.tsv"
                | "coordinators.tsv"
                | "non_names.tsv"
                | "works.tsv"
                | "negations.tsv"
                | "organizations.tsv" => {
                    let set = match name {
                        "epithet_openers.tsv" => &mut pack.epithet_openers,
                        "stopwords.tsv" => &mut pack.stopwords,
                        "auxiliaries.tsv" => &mut pack.auxiliaries,
                        "abbreviations.tsv" => &mut pack.abbreviations,
                        "adverbs.tsv" => &mut pack.adverbs,
                        "relatives.tsv" => &mut pack.relatives,
                        "complementizers.tsv" => &mut pack.complementizers,
                        "copulas.tsv" => &mut pack.copulas,
                        "announcers.tsv" => &mut pack.announcers,
                        "backreferences.tsv" => &mut pack.backreferences,
                        "vocatives.tsv" => &mut pack.vocatives,
                        "title_links.tsv" => &mut pack.title_links,
                        "name_participles.tsv" => &mut pack.name_participles,
                        "coordinators.tsv" => &mut pack.coordinators,
                        "non_names.tsv" => &mut pack.non_names,
                        "works.tsv" => &mut pack.works,
                        "negations.tsv" => &mut pack.negations,
                        _ => &mut pack.organizations,
                    };
                    for row in rows(&file, text, 1) {
                        let (_, f) = row?;
                        set.insert(f[0].to_string());
                    }
                }
                other => unreachable!("data file {other} has no parser"),
            }
        }
        Ok(pack)
    }
}

/// Fills `table` from a stemmed data file whose second column names one of `roles`: each
/// phrase's value made by `value` from its role and its last word in lower case.
fn load_roles<R: Copy, V: Copy>(
    file: &str,
    text: &str,
    lang: Lang,
    roles: &[(&str, R)],
    table: &mut PhraseTable<V>,
    value: impl Fn(R, &str) -> V,
) -> Result<(), DataError> {
    for row in rows(file, text, 2) {
        let (line, f) = row?;
        let role = roles
            .iter()
            .find(|(name, _)| *name == f[1])
            .map(|&(_, role)| role)
            .ok_or_else(|| DataError {
                file: file.to_string(),
                line,
                problem: format!("unknown role {:?}", f[1]),
            })?;
        let last_word = f[0].rsplit(' ').next().unwrap_or_default().to_lowercase();
        table.insert(&stemmed(lang, f[0]), value(role, &last_word));
    }
    Ok(())
}

/// True when `word` and a marker's last word `marker_form` (both sharing `stem`) go on alike
/// after the stem: "llamados" fits "llamado", "llamó" does not fit "llamada".
fn same_ending(stem: &str, marker_form: &str, word: &str) -> bool {
    let word = crate::text::fold(&word.to_lowercase());
    let next = |form: &str| form.chars().nth(stem.chars().count());
    match (next(marker_form), next(&word)) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// The folded stem of one lower-case word of `lang`, remembered per thread: the same words are
/// looked up at every position of every article.
fn word_stem(lang: Lang, word: &str) -> Word {
    thread_local! {
        static STEMS: RefCell<WordMap<(Lang, Word), Word>> = RefCell::new(WordMap::default());
    }
    let key = (lang, Word::new(word));
    if let Some(stem) = STEMS.with(|stems| stems.borrow().get(&key).copied()) {
        return stem;
    }
    let stem = Word::new(&stemmed(lang, word));
    STEMS.with(|stems| stems.borrow_mut().insert(key, stem));
    stem
}

fn stemmed(lang: Lang, phrase: &str) -> String {
    phrase
        .split(' ')
        .map(|w| crate::text::fold(&crate::text::stem(lang, &w.to_lowercase())))
        .collect::<Vec<_>>()
        .join(" ")
}

/// "m", "f" or "x" (no gender marked: `Some(None)`); None for anything else.
fn parse_gender(text: &str) -> Option<Option<Gender>> {
    match text {
        "m" => Some(Some(Gender::Male)),
        "f" => Some(Some(Gender::Female)),
        "x" => Some(None),
        _ => None,
    }
}

fn parse_mode(text: &str) -> Option<CueMode> {
    match text {
        "speech" => Some(CueMode::Speech),
        "writing" => Some(CueMode::Writing),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_words_make_unlisted_names_places_but_never_a_persons() {
        let pack = LanguagePack::get(Lang::Es);
        assert!(pack.is_place(&["puerto", "lindero"]));
        assert!(pack.is_place(&["harlan", "city"]));
        assert!(pack.is_place(&["ecuador"]));
        assert!(!pack.is_place(&["puerto"]));
        assert!(!pack.is_place(&["juan", "santa", "cruz"]));
        assert!(!pack.is_place(&["pancho", "villa"]));
    }

    #[test]
    fn posts_on_social_networks_are_written_media() {
        let en = LanguagePack::get(Lang::En);
        assert!(en.written_medium_at(&["on", "truth", "social"]).is_some());
        assert!(en
            .written_medium_at(&["on", "his", "twitter", "account"])
            .is_some());
        let es = LanguagePack::get(Lang::Es);
        assert!(es.written_medium_at(&["en", "un", "trino"]).is_some());
        assert!(es
            .written_medium_at(&["en", "su", "cuenta", "twitter"])
            .is_some());
    }

    #[test]
    fn court_filings_and_lawsuits_are_written_media() {
        let en = LanguagePack::get(Lang::En);
        assert!(en
            .written_medium_at(&["in", "a", "court", "filing"])
            .is_some());
        assert!(en.written_medium_at(&["in", "the", "lawsuit"]).is_some());
    }

    #[test]
    fn documents_platforms_and_spoken_settings_are_told_apart() {
        let en = LanguagePack::get(Lang::En);
        assert!(en
            .written_document_at(&["in", "a", "facebook", "statement"])
            .is_some());
        assert!(en.written_document_at(&["on", "twitter"]).is_none());
        assert!(en.written_medium_at(&["on", "twitter"]).is_some());
        assert!(en.spoken_setting_at(&["reporters"]));
        assert!(!en.spoken_setting_at(&["statement"]));
        let es = LanguagePack::get(Lang::Es);
        assert!(es.spoken_setting_at(&["rueda", "de", "prensa"]));
        assert!(es
            .written_document_at(&["en", "la", "publicación"])
            .is_some());
    }

    #[test]
    fn media_words_sharing_a_stem_are_told_apart_by_their_spelling() {
        let es = LanguagePack::get(Lang::Es);
        // "publicó", "publicación" and "público" share a stem: each keeps its own role.
        assert!(es
            .written_medium_at(&["publicó", "otro", "usuario", "de", "x"])
            .is_some());
        assert!(es.spoken_setting_at(&["público"]));
        assert!(es.written_document_at(&["en", "público"]).is_none());
        assert!(es
            .written_document_at(&["en", "una", "publicación"])
            .is_some());
    }

    #[test]
    fn every_data_file_parses() {
        for lang in Lang::ALL {
            LanguagePack::parse(lang).unwrap();
        }
    }

    #[test]
    fn every_data_file_is_sorted_without_duplicates_or_stray_spaces() {
        for lang in Lang::ALL {
            for (name, text) in data_files(lang)
                .into_iter()
                .chain([PLACES_FILE, PLACE_WORDS_FILE])
            {
                let keys: Vec<&str> = text
                    .lines()
                    .filter(|l| !l.starts_with('#'))
                    .map(|l| l.split('\t').next().unwrap_or(""))
                    .collect();
                for (i, pair) in keys.windows(2).enumerate() {
                    assert!(
                        pair[0] < pair[1],
                        "{lang}/{name}: line {} not sorted or duplicated: {:?} then {:?}",
                        i + 2,
                        pair[0],
                        pair[1]
                    );
                }
                for key in &keys {
                    assert!(
                        !key.is_empty() && key.trim() == *key && !key.contains("  "),
                        "{lang}/{name}: bad key {key:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn packs_are_big_enough_for_real_coverage() {
        let en = LanguagePack::get(Lang::En);
        let es = LanguagePack::get(Lang::Es);
        assert!(
            en.verbs.len() >= 60 * 4,
            "English reporting verb forms: {}",
            en.verbs.len()
        );
        assert!(
            es.verbs.len() >= 100 * 5,
            "Spanish reporting verb forms: {}",
            es.verbs.len()
        );
        assert_eq!(
            en.verbs.longest_match(&["said"]),
            Some((1, CueMode::Speech))
        );
        assert_eq!(
            es.source_phrases
                .longest_match(&["de", "acuerdo", "con", "x"]),
            Some((3, (CueMode::Speech, false)))
        );
    }
}
