//! People named in one article: names with their titles and appositions, and how bare
//! surnames, pronouns and epithets resolve to them.

use crate::extract::Document;
use crate::lang::{Gender, LanguagePack};
use crate::text::{fold, is_capitalized};
use std::collections::{BTreeMap, BTreeSet};

/// A person named in one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// The fullest name the article gives, as written ("Donald Trump").
    pub name: String,
    /// Folded name words without initials (["donald", "trump"]).
    pub key: Vec<String>,
    /// Roles from titles and appositions ("president").
    pub roles: BTreeSet<&'static str>,
    /// Countries from demonyms in titles and appositions ("CO").
    pub countries: BTreeSet<&'static str>,
    /// Gender, when the given name, an honorific or a gendered title tells it ("la ministra").
    pub gender: Option<Gender>,
    /// Times the article names the person in full.
    pub full_mentions: usize,
    /// Byte offset of the first mention.
    pub first_seen: usize,
}

/// A place in the body where a person is named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameMention {
    /// Byte span of the name (titles included).
    pub start: usize,
    /// End of the span.
    pub end: usize,
    /// Index into [`People::persons`].
    pub person: usize,
}

/// What an epithet says of the person it stands for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EpithetTraits {
    /// Roles ("president", "leader").
    pub roles: BTreeSet<&'static str>,
    /// Countries ("CO").
    pub countries: BTreeSet<&'static str>,
    /// Gender, when a determiner or a gendered role word tells it ("la ministra", "spokeswoman").
    pub gender: Option<Gender>,
}

impl EpithetTraits {
    /// Adds what `other` says; a gender already known is kept.
    fn merge(&mut self, other: EpithetTraits) {
        self.roles.extend(other.roles);
        self.countries.extend(other.countries);
        self.gender = self.gender.or(other.gender);
    }
}

/// Everyone named in an article, and where.
#[derive(Clone, Debug, Default)]
pub struct People {
    /// The persons, in order of first mention.
    pub persons: Vec<Person>,
    /// Their name mentions, in body order.
    pub mentions: Vec<NameMention>,
    /// The person each epithet read at a cue stands for, by the epithet's body position: read
    /// again later as a sentence's subject, it stands for the same person.
    pub(crate) epithet_readings: BTreeMap<usize, usize>,
    /// The person an unwritten subject at a cue was read as, by the body position of its
    /// sentence: the next sentences' unwritten subjects continue that chain ("Asimismo,
    /// advirtió …", "… celebró." then "el presidente afirmó").
    pub(crate) implicit_readings: BTreeMap<usize, usize>,
}

/// The longest title, epithet or demonym phrase in the data, in words ("secretario de estado
/// adjunto"): lookups never need to see further.
const MAX_PHRASE_WORDS: usize = 6;

/// Most words of a nickname quoted inside a name ("Martín “El Tano” Pérez").
const MAX_NICKNAME_WORDS: usize = 2;

/// Connectors allowed inside a name between capitalized words ("Nicolás de la Cruz").
const NAME_CONNECTORS: &[&str] = &[
    "de", "del", "la", "las", "los", "van", "von", "da", "di", "du", "dos", "das",
];

/// The prepositions through which an office governs its portfolio ("el titular de Hacienda",
/// "the Minister of Public Works") and an institution its head ("la número dos del Ejecutivo").
pub(crate) const PORTFOLIO_PREPOSITIONS: &[&str] = &["de", "del", "of"];

/// True for the lower-case words allowed inside a name ("de" in "Nicolás de la Cruz").
pub(crate) fn is_name_connector(word: &str) -> bool {
    NAME_CONNECTORS.contains(&word)
}

/// A capitalized run: a name candidate with what its titles say.
struct Candidate {
    start: usize,
    end: usize,
    name_words: Vec<String>,
    roles: BTreeSet<&'static str>,
    countries: BTreeSet<&'static str>,
    gender: Option<Gender>,
    /// True when a reporting verb right after a quotation or a comma names it as its subject
    /// ("», dijo Pérez Cuéllar", "”, said Okafor Brandt").
    inverted_speaker: bool,
}

impl People {
    /// Finds the people named in `doc` outside quotations, read with `pack`.
    pub fn find(doc: &Document, pack: &LanguagePack) -> People {
        let tokens = doc.tokens_outside_quotes(0, doc.body.len());
        let candidates = candidates(doc, pack, &tokens);
        let lone_words: BTreeSet<String> = candidates
            .iter()
            .filter(|c| c.name_words.len() == 1)
            .map(|c| fold(&c.name_words[0]))
            .collect();
        let mut people = People::default();
        // Full names first: a person is a titled name, or a name whose last word the article
        // also uses alone (people are called by surname; places and institutions are not).
        // Organisations ("Ministerio de Ambiente") and acronyms ("EMAQ") speak at times, but
        // they are never the person a pronoun or an epithet stands for; nor is a place.
        let is_no_person = |c: &&Candidate| {
            is_place(pack, &c.name_words) || names_institution(pack, &c.name_words)
        };
        for candidate in candidates
            .iter()
            .filter(|c| c.name_words.len() >= 2)
            .filter(|c| !is_no_person(c))
        {
            let key = name_key(&candidate.name_words);
            let titled = !candidate.roles.is_empty() || !candidate.countries.is_empty();
            let surname_reused = key.last().is_some_and(|last| lone_words.contains(last));
            // A known given name opens a person's name, not a place's ("Carmen Olivares").
            let given_name = given_name_gender(&candidate.name_words).is_some();
            if key.len() >= 2
                && (titled || surname_reused || given_name || candidate.inverted_speaker)
            {
                let person = people.add_full(candidate, key);
                people.mentions.push(NameMention {
                    start: candidate.start,
                    end: candidate.end,
                    person,
                });
            }
        }
        for candidate in candidates
            .iter()
            .filter(|c| c.name_words.len() == 1)
            .filter(|c| !is_no_person(c))
        {
            let word = fold(&candidate.name_words[0]);
            // A surname used before any full name that ends with it stands for someone the
            // reader already knows (the main person), not for a namesake introduced later.
            let first_use = candidates
                .iter()
                .find(|c| c.name_words.len() == 1 && fold(&c.name_words[0]) == word)
                .map(|c| c.start);
            let resolved = people
                .resolve_word(&word)
                .filter(|&p| first_use.is_none_or(|first| people.persons[p].first_seen < first));
            let resolved = resolved.or_else(|| {
                let is_known_word = pack.stopwords.contains(&word) || pack.adverbs.contains(&word);
                (!is_known_word
                    && people
                        .persons
                        .iter()
                        .any(|p| p.key.iter().skip(1).any(|w| *w == word)))
                .then(|| {
                    people.single_word_person(
                        &candidate.name_words[0],
                        first_use.unwrap_or(candidate.start),
                    )
                })
            });
            if let Some(person) = resolved {
                let p = &mut people.persons[person];
                p.roles.extend(candidate.roles.iter());
                p.countries.extend(candidate.countries.iter());
                p.gender = p.gender.or(candidate.gender);
                people.mentions.push(NameMention {
                    start: candidate.start,
                    end: candidate.end,
                    person,
                });
            }
        }
        people.mentions.sort_by_key(|m| m.start);
        people
    }

    fn add_full(&mut self, candidate: &Candidate, key: Vec<String>) -> usize {
        let existing = self.persons.iter().position(|p| same_person(&p.key, &key));
        let index = existing.unwrap_or_else(|| {
            self.persons.push(Person {
                name: String::new(),
                key: key.clone(),
                roles: BTreeSet::new(),
                countries: BTreeSet::new(),
                gender: None,
                full_mentions: 0,
                first_seen: candidate.start,
            });
            self.persons.len() - 1
        });
        let person = &mut self.persons[index];
        if key.len() >= person.key.len() {
            person.key = key;
            person.name = candidate.name_words.join(" ");
        }
        person.full_mentions += 1;
        person.roles.extend(candidate.roles.iter());
        person.countries.extend(candidate.countries.iter());
        person.gender = person.gender.or(candidate.gender);
        index
    }

    /// The person a single folded name word stands for: the one whose surname (a later word of
    /// the name) it is, preferring the person named most often in full, then the first named —
    /// the person the article is about, not whoever was named last. A given name alone resolves
    /// only when one person has it.
    pub fn resolve_word(&self, word: &str) -> Option<usize> {
        let by_surname = self
            .persons
            .iter()
            .enumerate()
            .filter(|(_, p)| p.key.iter().skip(1).any(|w| w == word))
            .max_by_key(|(_, p)| (p.full_mentions, std::cmp::Reverse(p.first_seen)))
            .map(|(i, _)| i);
        by_surname.or_else(|| {
            let mut given = self
                .persons
                .iter()
                .enumerate()
                .filter(|(_, p)| p.key.first().is_some_and(|w| w == word));
            match (given.next(), given.next()) {
                (Some((i, _)), None) => Some(i),
                _ => None,
            }
        })
    }

    /// Resolves a name mention made of `words` at `position`, adding a person when the article
    /// has not named them otherwise (a speaker named once, by surname only).
    /// The new person's mention is recorded, so that epithets and pronouns after it can stand
    /// for them ("**11:30 — Quiroga: “…”**" … "reiteró el mandatario").
    pub fn resolve_name(
        &mut self,
        pack: &LanguagePack,
        words: &[String],
        position: usize,
    ) -> usize {
        let key = name_key(words);
        self.find_name(words).unwrap_or_else(|| {
            self.persons.push(Person {
                name: words.join(" "),
                key,
                roles: BTreeSet::new(),
                countries: BTreeSet::new(),
                gender: given_name_gender(words),
                full_mentions: 1,
                first_seen: position,
            });
            let person = self.persons.len() - 1;
            // An institution speaks here, but no later pronoun or epithet stands for it.
            if names_institution(pack, words) {
                return person;
            }
            let at = self.mentions.partition_point(|m| m.start <= position);
            self.mentions.insert(
                at,
                NameMention {
                    start: position,
                    end: position,
                    person,
                },
            );
            person
        })
    }

    /// The person the article already knows by the name `words`, if any.
    pub fn find_name(&self, words: &[String]) -> Option<usize> {
        let key = name_key(words);
        match key.as_slice() {
            [] => None,
            [word] => self
                .persons
                .iter()
                .position(|p| p.key == key)
                .or_else(|| self.resolve_word(word)),
            _ => self.persons.iter().position(|p| same_person(&p.key, &key)),
        }
    }

    /// The person named by `word` alone, added when the article has no such person yet.
    fn single_word_person(&mut self, word: &str, position: usize) -> usize {
        let key = name_key(&[word.to_string()]);
        self.persons
            .iter()
            .position(|p| p.key == key)
            .unwrap_or_else(|| {
                self.persons.push(Person {
                    name: word.to_string(),
                    key,
                    roles: BTreeSet::new(),
                    countries: BTreeSet::new(),
                    gender: None,
                    full_mentions: 0,
                    first_seen: position,
                });
                self.persons.len() - 1
            })
    }

    /// The person a pronoun of `gender` at `position` stands for: the most recently named one
    /// whose known gender does not contradict it.
    pub fn resolve_pronoun(&self, position: usize, gender: Option<Gender>) -> Option<usize> {
        self.mentions
            .iter()
            .rev()
            .filter(|m| m.end <= position)
            .find(|m| genders_agree(self.persons[m.person].gender, gender))
            .map(|m| m.person)
    }

    /// Records that the epithet at body `position` stands for `person`.
    pub fn remember_epithet(&mut self, position: usize, person: usize) {
        self.epithet_readings.insert(position, person);
    }

    /// The person an epithet read at a cue within body bytes `start..end` was read as, if any
    /// ("leader" read in "The Labour leader said").
    pub fn epithet_reading(&self, start: usize, end: usize) -> Option<usize> {
        self.epithet_readings
            .range(start..end)
            .next()
            .map(|(_, &person)| person)
    }

    /// Remembers that the unwritten subject of the sentence starting at body byte
    /// `sentence_start` was read as `person`.
    pub(crate) fn remember_implicit(&mut self, sentence_start: usize, person: usize) {
        self.implicit_readings.insert(sentence_start, person);
    }

    /// The person the unwritten subject of the sentence starting at `sentence_start` was read
    /// as, if a cue there read one.
    pub(crate) fn implicit_reading(&self, sentence_start: usize) -> Option<usize> {
        self.implicit_readings.get(&sentence_start).copied()
    }

    /// The first person named after `position` and before `limit` who holds the role the
    /// epithet names: a heading names by office someone its entry then names in full
    /// ("**11:35 — President: ‘…’**" above "President Ernesto Quiroga has just …"). Before
    /// anyone is named, a person known by no role and named from `sentence_end` on (past the
    /// epithet's sentence, whose other people play other parts) fits too: an article opening
    /// on "“…”, a minister said" names her next ("Lucy Frazer’s interview …").
    pub fn resolve_epithet_ahead(
        &self,
        traits: &EpithetTraits,
        position: usize,
        sentence_end: usize,
        limit: usize,
    ) -> Option<usize> {
        let first = self.mentions.partition_point(|m| m.start < position);
        let nobody_named_before = first == 0;
        self.mentions[first..]
            .iter()
            .take_while(|m| m.start < limit)
            .find(|m| {
                let person = &self.persons[m.person];
                let named_next =
                    nobody_named_before && m.start >= sentence_end && person.roles.is_empty();
                genders_agree(person.gender, traits.gender)
                    && (holds_role(person, traits) || named_next)
            })
            .map(|m| m.person)
    }

    /// The person an epithet at `position` stands for: among people named before it, the most
    /// recent whose known countries and roles fit the epithet; people whose known country
    /// contradicts it are never chosen. Among equally fitting people, `preferred` (the salient subject) wins, then the most recent.
    /// `excluded` is someone the epithet cannot stand for (the receiver of what it sent).
    pub fn resolve_epithet(
        &self,
        traits: &EpithetTraits,
        position: usize,
        preferred: Option<usize>,
        excluded: Option<usize>,
    ) -> Option<usize> {
        let mut seen = BTreeSet::new();
        let mut best: Option<(usize, i32)> = None;
        for mention in self.mentions.iter().rev().filter(|m| m.end <= position) {
            if !seen.insert(mention.person) || excluded == Some(mention.person) {
                continue;
            }
            let person = &self.persons[mention.person];
            let country_fits =
                traits.countries.is_empty() || !person.countries.is_disjoint(&traits.countries);
            if !country_fits && !person.countries.is_empty() {
                continue;
            }
            if !genders_agree(person.gender, traits.gender) {
                continue; // "la alcaldesa" is never the man named last
            }
            let role_fits = holds_role(person, traits);
            // "the minister" is not the person the article calls president, nor the person
            // it knows only as a protest leader: an office is named when its holder is.
            let role_conflicts = !role_fits
                && !person.roles.is_empty()
                && traits.roles.iter().any(|r| OFFICE_ROLES.contains(r));
            if role_conflicts {
                continue;
            }
            let score = 4 * i32::from(!traits.countries.is_empty() && country_fits)
                + 2 * i32::from(role_fits)
                + i32::from(preferred == Some(mention.person));
            if best.is_none_or(|(_, best_score)| score > best_score) {
                best = Some((mention.person, score));
            }
        }
        best.map(|(person, _)| person)
    }
}

/// Public offices: one person holds one of them in a story, so an epithet naming one office
/// ("the minister") contradicts a person known by another ("President Ernesto Quiroga").
/// Professions, standing and affiliations ("the academic", "the leader", "the Republican")
/// never contradict anything: people are many things at once.
const OFFICE_ROLES: &[&str] = &[
    "ambassador",
    "attorney_general",
    "chancellor",
    "councillor",
    "deputy_mayor",
    "deputy_prime_minister",
    "foreign_minister",
    "governor",
    "head_of_government",
    "head_of_state",
    "legislator",
    "lieutenant_governor",
    "mayor",
    "minister",
    "pope",
    "president",
    "prime_minister",
    "prosecutor",
    "representative",
    "secretary",
    "secretary_general",
    "secretary_of_state",
    "senator",
    "vice_president",
];

/// Roles that name one position in different words: heads of state and government, cabinet
/// members (a Spanish "secretario de Estado" or a U.S. Secretary is a minister), company
/// heads (the CEO is "the executive"), and scholars (the economist is "the academic").
const SAME_ROLE: &[&[&str]] = &[
    &[
        "head_of_government",
        "head_of_state",
        "president",
        "prime_minister",
    ],
    &[
        "foreign_minister",
        "minister",
        "secretary",
        "secretary_of_state",
    ],
    &[
        "businessperson",
        "ceo",
        "chair",
        "director",
        "executive",
        "founder",
    ],
    &[
        "academic",
        "analyst",
        "economist",
        "expert",
        "political_scientist",
        "professor",
        "researcher",
        "scientist",
    ],
];

/// Two role keys fit one person when equal, when one names a kind of the other
/// ("foreign_minister" and "minister"), or when they are one office under two names.
/// True when one of the person's roles fits one the epithet names.
fn holds_role(person: &Person, traits: &EpithetTraits) -> bool {
    person
        .roles
        .iter()
        .any(|a| traits.roles.iter().any(|b| roles_compatible(a, b)))
}

fn roles_compatible(a: &str, b: &str) -> bool {
    let kind_of = |long: &str, short: &str| {
        long.len() > short.len()
            && long.ends_with(short)
            && long.as_bytes()[long.len() - short.len() - 1] == b'_'
            && !long.starts_with("former")
    };
    a == b
        || kind_of(a, b)
        || kind_of(b, a)
        || SAME_ROLE
            .iter()
            .any(|group| group.contains(&a) && group.contains(&b))
        || GENERAL_ROLES.iter().any(|(general, kinds)| {
            (a == *general && kinds.contains(&b)) || (b == *general && kinds.contains(&a))
        })
}

/// Roles that name a class of offices, with the offices in it: "el legislador" may be the
/// senator, but a senator is not the representative.
const GENERAL_ROLES: &[(&str, &[&str])] =
    &[("legislator", &["councillor", "representative", "senator"])];

/// Folded name words without single-letter initials.
pub fn name_key(words: &[String]) -> Vec<String> {
    words
        .iter()
        .map(|w| fold(w))
        .filter(|w| w.chars().count() > 1)
        .collect()
}

/// Two full names are one person when equal, when one extends the other with the same given
/// name ("Gustavo Petro" and "Gustavo Petro Urrego"), or when one ends with the other (a title
/// the data does not know stayed in front of it).
pub fn same_person(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let extends =
        !short.is_empty() && short[0] == long[0] && short.iter().all(|w| long.contains(w));
    // "Trade Representative Mark Holloway" ends with "Mark Holloway": unknown title words.
    let prefixed = short.len() >= 2 && long.ends_with(short);
    extends || prefixed
}

/// True when a period follows word token `index` directly ("U.S" + "." reads "u.s.").
fn followed_by_period(doc: &Document, index: usize) -> bool {
    doc.tokens
        .get(index + 1)
        .is_some_and(|next| next.start == doc.tokens[index].end && next.text(doc.body) == ".")
}

/// True when word token `index` with a period after it is an abbreviation the data knows
/// ("Sen.", "Gov.", "Dr."); whether a period follows is the caller's to check.
pub(crate) fn abbreviates_with_period(doc: &Document, pack: &LanguagePack, index: usize) -> bool {
    pack.abbreviations
        .contains(&format!("{}.", doc.tokens[index].text(doc.body)))
}

/// Looks `index` (whose lower-case form is `words[at]`) up in a phrase table, trying the word
/// with its period first.
pub(crate) fn lookup<V: Copy>(
    doc: &Document,
    table: &crate::lang::PhraseTable<V>,
    words: &[String],
    index: usize,
    at: usize,
) -> Option<(usize, V)> {
    if followed_by_period(doc, index) {
        let mut with_period = vec![format!("{}.", words[at])];
        with_period.extend(words[at + 1..].iter().take(MAX_PHRASE_WORDS).cloned());
        if let Some(found) = table.longest_match(&with_period) {
            return Some(found);
        }
    }
    table.longest_match(&words[at..]).or_else(|| {
        // An initialism written without its periods ("US", "UK") reads as the dotted form the
        // data lists ("u.s."); only in capitals, so the pronoun "us" stays a pronoun.
        let text = doc.tokens[index].text(doc.body);
        let initialism =
            (2..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_uppercase());
        if !initialism {
            return None;
        }
        let mut dotted = vec![words[at].chars().flat_map(|c| [c, '.']).collect::<String>()];
        dotted.extend(words[at + 1..].iter().take(MAX_PHRASE_WORDS).cloned());
        table.longest_match(&dotted)
    })
}

/// Capitalized runs outside quotations, with leading titles and demonyms split off.
fn candidates(doc: &Document, pack: &LanguagePack, tokens: &[usize]) -> Vec<Candidate> {
    let words: Vec<String> = tokens.iter().map(|&i| doc.lower(i)).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = doc.tokens[tokens[i]];
        if !token.is_word || !is_capitalized(token.text(doc.body)) {
            i += 1;
            continue;
        }
        // Extend the run over capitalized words, connectors before a capitalized word, and
        // the period of an initial or abbreviation ("Donald J. Trump", "U.S. President").
        let run_start = i;
        let mut j = i + 1;
        while let Some(&next) = tokens.get(j) {
            let gap = doc.tokens[tokens[j - 1]].end..doc.tokens[next].start;
            let over_nickname = || {
                nickname_between(doc, gap.clone())
                    && is_capitalized(doc.tokens[next].text(doc.body))
            };
            if doc.body[gap.clone()].contains('\n')
                || (next != tokens[j - 1] + 1 && !over_nickname())
            {
                break; // a quotation or a line break stands between
            }
            let next_token = doc.tokens[next];
            let previous_word = &words[j - 1];
            if previous_word.ends_with("’s") || previous_word.ends_with("'s") {
                break; // "Colombia’s Petro": a possessive ends a name
            }
            let adjacent_period = next_token.text(doc.body) == "."
                && next_token.start == doc.tokens[tokens[j - 1]].end;
            let is_initial = previous_word.chars().count() == 1
                || previous_word.contains('.')
                || abbreviates_with_period(doc, pack, tokens[j - 1]);
            if adjacent_period
                && is_initial
                && tokens
                    .get(j + 1)
                    .is_some_and(|&n| n == next + 1 && is_capitalized(doc.tokens[n].text(doc.body)))
            {
                j += 1;
                continue;
            }
            let text = next_token.text(doc.body);
            if next_token.is_word && is_capitalized(text) && !pack.non_names.contains(&words[j]) {
                j += 1;
            } else if next_token.is_word
                && NAME_CONNECTORS.contains(&words[j].as_str())
                && tokens
                    .get(j + 1)
                    .is_some_and(|&n| is_capitalized(doc.tokens[n].text(doc.body)))
            {
                j += 2;
            } else {
                break;
            }
        }
        let run: Vec<usize> = (run_start..j)
            .filter(|&k| doc.tokens[tokens[k]].is_word)
            .collect();
        i = j;
        let mut traits = EpithetTraits::default();
        collect_titles_before(doc, pack, tokens, &words, run_start, &mut traits);
        // Leading titles, demonyms and function words are not part of the name.
        let mut k = 0;
        while k < run.len() {
            let at = run[k];
            if let Some((len, role)) = lookup(doc, &pack.titles, &words, tokens[at], at) {
                traits.roles.extend(role);
                traits.gender = traits
                    .gender
                    .or_else(|| phrase_gender(pack, &words[at..at + len]));
                k += len;
            } else if let Some((len, country)) = lookup(doc, &pack.demonyms, &words, tokens[at], at)
            {
                traits.countries.insert(country);
                k += len;
            } else if pack.stopwords.contains(&words[at])
                || pack.epithet_openers.contains(&words[at])
                || pack.adverbs.contains(&words[at])
                || pack.non_names.contains(&words[at])
                || (k == 0
                    && run.len() > 1
                    && starts_sentence(doc, tokens, run_start)
                    && is_common_word(pack, &words[at])
                    && !is_given_name(pack, &words[at]))
            {
                k += 1;
            } else {
                break;
            }
        }
        // A title inside the run ("Puerto Almira Mayor Inés Carvallo", "Texas Senator Tom
        // Villarreal"): what precedes it is a place or an organisation, the name follows it.
        let mut j = k + 1;
        while j < run.len() {
            match lookup(doc, &pack.titles, &words, tokens[run[j]], run[j]) {
                Some((len, role)) if j + len < run.len() => {
                    traits.roles.extend(role);
                    k = j + len;
                    j = k + 1;
                }
                _ => j += 1,
            }
        }
        // "Gobierno de Isabel Navarro": after a connector, a known given name opens the person.
        if let Some(given) = (k + 2..run.len().saturating_sub(1)).find(|&g| {
            NAME_CONNECTORS.contains(&words[run[g - 1]].as_str())
                && LanguagePack::given_name_gender(&words[run[g]]).is_some()
        }) {
            k = given;
        }
        let name_tokens: Vec<usize> = run[k.min(run.len())..].to_vec();
        let Some(&first) = name_tokens.first() else {
            continue;
        };
        let name_words: Vec<String> = name_tokens
            .iter()
            .map(|&t| strip_possessive(doc.tokens[tokens[t]].text(doc.body)))
            .collect();
        // "Desde el Despacho Oval, el presidente...": after a preposition the comma closes an
        // introductory phrase, and what follows it describes someone else.
        let mut before = run_start;
        if before > 0 && pack.epithet_openers.contains(&words[before - 1]) {
            before -= 1;
        }
        let after_preposition = before > 0
            && pack.stopwords.contains(&words[before - 1])
            && !pack.epithet_openers.contains(&words[before - 1]);
        // "el titular de Asuntos Exteriores", "the Minister of Public Works": a capitalized run
        // that an office governs through a preposition is its portfolio, not a person.
        let portfolio = before >= 2
            && PORTFOLIO_PREPOSITIONS.contains(&words[before - 1].as_str())
            && lookup(doc, &pack.titles, &words, tokens[before - 2], before - 2)
                .is_some_and(|(len, _)| len == 1);
        if portfolio {
            continue;
        }
        if !after_preposition {
            collect_apposition_after(
                doc,
                pack,
                tokens,
                &words,
                *run.last().unwrap_or(&first),
                &mut traits,
            );
        }
        let gender = given_name_gender(&name_words).or(traits.gender);
        let last = *name_tokens.last().unwrap_or(&first);
        let inverted_speaker = inverted_cue_before(pack, tokens, &words, first)
            && ends_noun_phrase(doc, pack, tokens, &words, last);
        found.push(Candidate {
            start: doc.tokens[tokens[first]].start,
            end: doc.tokens[tokens[last]].end,
            name_words,
            roles: traits.roles,
            countries: traits.countries,
            gender,
            inverted_speaker,
        });
    }
    found
}

/// True when a reporting verb ends right before `tokens[at]` and itself follows a quotation,
/// a comma or a dash ("», dijo Pérez Cuéllar"): the name is the verb's subject, not an object
/// ("told Fox News").
fn inverted_cue_before(pack: &LanguagePack, tokens: &[usize], words: &[String], at: usize) -> bool {
    (at.saturating_sub(MAX_PHRASE_WORDS)..at).any(|cue| {
        let after_quote_or_comma = cue == 0
            || tokens[cue - 1] + 1 != tokens[cue]
            || matches!(words[cue - 1].as_str(), "," | "—" | "–");
        after_quote_or_comma
            && pack
                .cue_at(&words[cue..at], false)
                .is_some_and(|c| !c.source_phrase && c.len == at - cue)
    })
}

/// True when the name ending at `tokens[last]` ends its noun phrase: punctuation, a quotation
/// or a function word follows ("dijo Pérez Cuéllar en rueda de prensa"), not a description
/// that makes it a modifier ("said Calvera Energy chief executive Claire Hadley").
fn ends_noun_phrase(
    doc: &Document,
    pack: &LanguagePack,
    tokens: &[usize],
    words: &[String],
    last: usize,
) -> bool {
    tokens.get(last + 1).is_none_or(|&next| {
        next != tokens[last] + 1
            || !doc.tokens[next].is_word
            || pack.stopwords.contains(&words[last + 1])
    })
}

/// True when the text between byte offsets `gap` is a nickname in quotation marks and
/// spaces, one or two capitalized words ("Eduardo “Chacho” Coudet"): the name runs on over it.
fn nickname_between(doc: &Document, gap: std::ops::Range<usize>) -> bool {
    // Quotes are sorted by their opening mark: only those opening inside the gap are read.
    let first = doc.quotes.partition_point(|quote| quote.open < gap.start);
    doc.quotes[first..]
        .iter()
        .take_while(|quote| quote.open < gap.end)
        .any(|quote| {
            let words: Vec<&str> = quote.text.split_whitespace().collect();
            quote.close_end <= gap.end
                && doc.body[gap.start..quote.open].trim().is_empty()
                && doc.body[quote.close_end..gap.end].trim().is_empty()
                && (1..=MAX_NICKNAME_WORDS).contains(&words.len())
                && words.iter().all(|word| is_capitalized(word))
        })
}

/// True when the token at `position` of `tokens` opens a sentence or a line.
fn starts_sentence(doc: &Document, tokens: &[usize], position: usize) -> bool {
    let start = doc.tokens[tokens[position]].start;
    let before = doc.body[..start].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with(['\n', '.', '?', '!', ':', '—', '“', '«', '"'])
}

/// True when the name `words` (as written) is an organisation's ("Ministerio de Ambiente",
/// "Labour") or an acronym ("EMAQ"): it may speak, but no pronoun or epithet stands for it.
pub(crate) fn names_institution(pack: &LanguagePack, words: &[String]) -> bool {
    words
        .iter()
        .any(|w| pack.organizations.contains(&w.to_lowercase()))
        || (words.len() == 1
            && words[0].chars().count() > 1
            && words[0].chars().all(|ch| ch.is_uppercase()))
}

/// True when the name `words` (as written) name a place in the gazetteer ("Ecuador", "South
/// Texas").
pub(crate) fn is_place(pack: &LanguagePack, words: &[String]) -> bool {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    pack.is_place(&lower)
}

/// True when the lower-case `word` is a known given name: an ordinary word that is also one
/// ("Mark", "Rosa", "Grace") opens a name when a capitalized word follows it.
pub(crate) fn is_given_name(pack: &LanguagePack, word: &str) -> bool {
    LanguagePack::given_name_gender(word).is_some()
        && pack.epithets.longest_match(&[word]).is_none()
}

/// True when `word` is an ordinary word of the language (the lexicon knows it), so that
/// "Llega Petro a Washington" does not name a "Llega Petro".
pub(crate) fn is_common_word(pack: &LanguagePack, word: &str) -> bool {
    crate::text::Lexicon::builtin().knows(pack.lang, word)
}

/// `word` without a possessive ending ("Mexico’s" → "Mexico").
pub(crate) fn strip_possessive(word: &str) -> String {
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(stripped) = word.strip_suffix(suffix) {
            return stripped.to_string();
        }
    }
    word.to_string()
}

/// Lower-case titles and demonyms right before a name, with at most one comma between
/// ("el presidente colombiano, Gustavo Petro", "the Colombian president Gustavo Petro").
fn collect_titles_before(
    doc: &Document,
    pack: &LanguagePack,
    tokens: &[usize],
    words: &[String],
    run_start: usize,
    found: &mut EpithetTraits,
) {
    let mut k = run_start;
    if k > 0 && words[k - 1] == "," {
        k -= 1;
    }
    let lower_bound = k.saturating_sub(5);
    for start in lower_bound..k {
        if let Some((len, traits)) = parse_epithet(doc, pack, tokens, words, start) {
            if start + len == k {
                found.merge(traits);
                return;
            }
        }
    }
}

/// An epithet in apposition right after a name ("Gustavo Petro, the Colombian president,").
fn collect_apposition_after(
    doc: &Document,
    pack: &LanguagePack,
    tokens: &[usize],
    words: &[String],
    last: usize,
    found: &mut EpithetTraits,
) {
    if words.get(last + 1).is_some_and(|w| w == ",") {
        if let Some((_, traits)) = parse_epithet(doc, pack, tokens, words, last + 2) {
            found.merge(traits);
        }
    }
}

/// Parses an epithet starting at `at` ("the Colombian president", "el mandatario colombiano",
/// "su homólogo estadounidense"): an optional opener, then role and nationality words, at least
/// one of them a role. Returns its length in tokens and its traits.
pub(crate) fn parse_epithet(
    doc: &Document,
    pack: &LanguagePack,
    tokens: &[usize],
    words: &[String],
    at: usize,
) -> Option<(usize, EpithetTraits)> {
    let mut k = at;
    let mut traits = EpithetTraits::default();
    if words
        .get(k)
        .is_some_and(|w| pack.epithet_openers.contains(w))
    {
        traits.gender = pack.genders.get(&words[k]).copied();
        k += 1;
    }
    let mut qualifiers = 0;
    // An age ("the 52-year-old street vendor") describes a person whatever the noun after it.
    let mut aged = false;
    while k < words.len() && doc.tokens[tokens[k]].is_word {
        if let Some((len, role)) = lookup(doc, &pack.epithets, words, tokens[k], k) {
            traits.roles.insert(role);
            traits.gender = traits
                .gender
                .or_else(|| phrase_gender(pack, &words[k..k + len]));
            k += len;
        } else if let Some((len, role)) = lookup(doc, &pack.titles, words, tokens[k], k) {
            traits.roles.extend(role);
            traits.gender = traits
                .gender
                .or_else(|| phrase_gender(pack, &words[k..k + len]));
            k += len;
        } else if let Some((len, country)) = lookup(doc, &pack.demonyms, words, tokens[k], k) {
            traits.countries.insert(country);
            k += len;
        } else if traits.roles.is_empty()
            && qualifiers < MAX_EPITHET_QUALIFIERS
            && !pack.stopwords.contains(&words[k])
            && pack.cue_at(&words[k..], false).is_none()
            && !crate::text::is_capitalized(doc.tokens[tokens[k]].text(doc.body))
        {
            // A qualifier before the role: "the economy secretary", "the trade envoy".
            aged |= is_age(&words[k]);
            qualifiers += 1;
            k += 1;
            continue;
        } else {
            break;
        }
        if words.get(k).is_some_and(|w| w == ".") && words[k - 1].contains('.') {
            k += 1;
        }
    }
    // "el colombiano", "the Colombian": a nationality alone, after a determiner, closing the
    // noun phrase or followed by a reporting verb or a copula ("El colombiano fue el autor
    // del gol"), not by a noun ("the Colombian government").
    // Not with a qualifier: "la frontera colombiana" is a place.
    let nationality_alone = traits.roles.is_empty()
        && qualifiers == 0
        && !traits.countries.is_empty()
        && k > at + 1
        && pack.epithet_openers.contains(&words[at])
        && tokens.get(k).is_none_or(|&t| {
            !doc.tokens[t].is_word
                || pack.adverbs.contains(&words[k])
                || pack.copulas.contains(&words[k])
                || pack.cue_at(&words[k..], false).is_some()
        });
    // "the 52-year-old street vendor": with an age, the words after the opener name a person
    // of no known role, up to one more plain noun.
    if traits.roles.is_empty() && aged && k > at + 1 {
        let head = words.get(k).is_some_and(|w| {
            doc.tokens[tokens[k]].is_word
                && !pack.stopwords.contains(w)
                && pack.cue_at(&words[k..], false).is_none()
                && !crate::text::is_capitalized(doc.tokens[tokens[k]].text(doc.body))
        });
        return Some((k + usize::from(head) - at, traits));
    }
    (!traits.roles.is_empty() || nationality_alone).then_some((k - at, traits))
}

/// True for a word giving an age ("52-year-old", "30-something").
fn is_age(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && (word.ends_with("-year-old") || word.ends_with("-something"))
}

/// The gender a title or role phrase tells: the whole phrase ("first lady"), else its first
/// word ("ministra de Ambiente"), else its last ("the trade spokeswoman").
fn phrase_gender(pack: &LanguagePack, words: &[String]) -> Option<Gender> {
    let whole = words.join(" ");
    let whole = whole.trim_end_matches('.');
    pack.genders
        .get(whole)
        .or_else(|| {
            words
                .first()
                .and_then(|w| pack.genders.get(w.trim_end_matches('.')))
        })
        .or_else(|| {
            words
                .last()
                .and_then(|w| pack.genders.get(w.trim_end_matches('.')))
        })
        .copied()
}

/// The gender a person's given name tells (the first word of a name of two words or more).
pub(crate) fn given_name_gender(name_words: &[String]) -> Option<Gender> {
    if name_words.len() < 2 {
        return None;
    }
    LanguagePack::given_name_gender(&name_words[0].to_lowercase())
}

/// Two genders agree unless both are known and differ.
pub(crate) fn genders_agree(a: Option<Gender>, b: Option<Gender>) -> bool {
    a.is_none() || b.is_none() || a == b
}

/// Lower-case words allowed before an epithet's role word ("the economy secretary").
const MAX_EPITHET_QUALIFIERS: usize = 2;
