//! Speakers: one canonical name per person across all articles and both languages.
//!
//! Full names are one person when they match word for word or one extends the other with the
//! same given name ("Gustavo Petro", "Gustavo Petro Urrego"). A bare surname ("Trump") joins the
//! full name it ends, choosing the most-quoted person when several share it (Donald rather than
//! Melania Trump). The canonical name is the full form the articles use most.

use crate::attribute::{same_person, EpithetTraits, People, Person};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Speakers a user names in a `--speakers` TOML file, with the aliases that stand for them:
///
/// ```toml
/// [[speaker]]
/// name = "Gustavo Petro"
/// aliases = ["Petro", "Gustavo Petro Urrego", "el mandatario colombiano"]
/// ```
///
/// A quote whose speaker (as unified), person (as the article names them) or mention matches an
/// alias (or the name) is credited to that name. Matching ignores case and accents.
#[derive(Clone, Debug, Default)]
pub struct SpeakerAliases {
    by_alias: HashMap<String, String>,
}

#[derive(serde::Deserialize)]
struct SpeakerFile {
    #[serde(default)]
    speaker: Vec<SpeakerEntry>,
}

#[derive(serde::Deserialize)]
struct SpeakerEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

impl SpeakerAliases {
    /// Adds the speakers of a TOML file; `file` names it in errors.
    pub fn add_toml(&mut self, file: &str, text: &str) -> Result<(), String> {
        let parsed: SpeakerFile =
            toml::from_str(text).map_err(|e| format!("{file}: {}", e.to_string().trim()))?;
        for entry in parsed.speaker {
            for alias in std::iter::once(&entry.name).chain(&entry.aliases) {
                let key = crate::text::fold(alias.trim());
                if let Some(previous) = self.by_alias.get(&key).filter(|p| **p != entry.name) {
                    return Err(format!(
                        "{file}: alias {alias:?} names both {previous:?} and {:?}",
                        entry.name
                    ));
                }
                self.by_alias.insert(key, entry.name.clone());
            }
        }
        Ok(())
    }

    /// The user's name for the first of `names` that is one of their aliases.
    pub fn resolve<'a>(&'a self, names: &[&str]) -> Option<&'a str> {
        names
            .iter()
            .find_map(|n| self.by_alias.get(&crate::text::fold(n.trim())))
            .map(String::as_str)
    }
}

/// Canonical speaker names for the people of every article.
#[derive(Debug, Default)]
pub struct SpeakerRegistry {
    /// `names[article][person]`: the canonical name of that article's person.
    names: Vec<Vec<String>>,
    /// Every person found, as a group of name keys; full-name groups come first.
    groups: Vec<Group>,
    /// The canonical name of each group.
    display: Vec<String>,
    /// Groups of full names by each of their name words.
    by_word: HashMap<String, BTreeSet<usize>>,
    /// Groups of one-word names that joined no full name, by that word.
    single: HashMap<Vec<String>, usize>,
}

#[derive(Debug)]
struct Group {
    keys: BTreeSet<Vec<String>>,
    surface_counts: BTreeMap<String, usize>,
    credits: usize,
}

impl Group {
    fn new() -> Group {
        Group {
            keys: BTreeSet::new(),
            surface_counts: BTreeMap::new(),
            credits: 0,
        }
    }
}

impl SpeakerRegistry {
    /// Unifies the people of all articles; `credits[article][person]` counts the quotes the
    /// article credits to that person. Groups are found through an index of their name words,
    /// so the work grows with the number of people, not with its square.
    pub fn unify(people: &[&People], credits: &[Vec<usize>]) -> SpeakerRegistry {
        let mut groups: Vec<Group> = Vec::new();
        let mut by_word: HashMap<String, BTreeSet<usize>> = HashMap::new();
        let mut assignment: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        let credit = |article: usize, person: usize| {
            credits
                .get(article)
                .and_then(|c| c.get(person))
                .copied()
                .unwrap_or(0)
        };

        for (article, article_people) in people.iter().enumerate() {
            for (index, person) in article_people
                .persons
                .iter()
                .enumerate()
                .filter(|(_, p)| is_full_name(p))
            {
                let candidates: BTreeSet<usize> = person
                    .key
                    .iter()
                    .filter_map(|w| by_word.get(w))
                    .flatten()
                    .copied()
                    .collect();
                let found = candidates
                    .into_iter()
                    .find(|&g| groups[g].keys.iter().any(|k| same_person(k, &person.key)));
                let group = found.unwrap_or_else(|| {
                    groups.push(Group::new());
                    groups.len() - 1
                });
                let g = &mut groups[group];
                if g.keys.insert(person.key.clone()) {
                    for word in &person.key {
                        by_word.entry(word.clone()).or_default().insert(group);
                    }
                }
                *g.surface_counts.entry(person.name.clone()).or_default() +=
                    person.full_mentions.max(1);
                g.credits += credit(article, index);
                assignment.insert((article, index), group);
            }
        }
        let full_groups = groups.len();
        let mut single: HashMap<Vec<String>, usize> = HashMap::new();
        for (article, article_people) in people.iter().enumerate() {
            for (index, person) in article_people
                .persons
                .iter()
                .enumerate()
                .filter(|(_, p)| !is_full_name(p))
            {
                let group = surname_group(&groups, &by_word, &person.key).unwrap_or_else(|| {
                    *single.entry(person.key.clone()).or_insert_with(|| {
                        let mut group = Group::new();
                        group.keys.insert(person.key.clone());
                        groups.push(group);
                        groups.len() - 1
                    })
                });
                if group >= full_groups {
                    *groups[group]
                        .surface_counts
                        .entry(person.name.clone())
                        .or_default() += 1;
                }
                assignment.insert((article, index), group);
            }
        }
        let display: Vec<String> = groups.iter().map(display_name).collect();
        let names = people
            .iter()
            .enumerate()
            .map(|(article, p)| {
                (0..p.persons.len())
                    .map(|i| display[assignment[&(article, i)]].clone())
                    .collect()
            })
            .collect();
        SpeakerRegistry {
            names,
            groups,
            display,
            by_word,
            single,
        }
    }

    /// The canonical name of `person` in article `article`.
    pub fn name(&self, article: usize, person: usize) -> &str {
        &self.names[article][person]
    }

    /// The canonical name of the articles' person that a name from outside the articles
    /// stands for (a reference dataset's speaker), by the rules that unify the articles' own
    /// people: a full name joins the full name it is the same person as; a one-word name
    /// joins the most-quoted full name it is the surname of, else the same lone name. A full
    /// name none of whose forms the articles give joins the lone surname they use ("Gustavo
    /// Petro" → "Petro" when the articles never give his first name). `key` is the name's
    /// folded words without initials (see [`crate::attribute::name_key`]).
    pub fn find(&self, key: &[String]) -> Option<&str> {
        let group = match key {
            [] => None,
            [_] => surname_group(&self.groups, &self.by_word, key)
                .or_else(|| self.single.get(key).copied()),
            [.., surname] => key
                .iter()
                .filter_map(|w| self.by_word.get(w))
                .flatten()
                .copied()
                .collect::<BTreeSet<usize>>()
                .into_iter()
                .find(|&g| self.groups[g].keys.iter().any(|k| same_person(k, key)))
                .or_else(|| self.single.get(std::slice::from_ref(surname)).copied()),
        };
        group.map(|g| self.display[g].as_str())
    }
}

/// Shares what articles say of each person across all of them: a person called "the U.S.
/// president" in one article is American in every article, so epithets resolve there too;
/// a gender one article tells ("la ministra") holds in the others.
pub fn share_traits(people: &mut [&mut People]) {
    let registry = {
        let shared: Vec<&People> = people.iter().map(|p| &**p).collect();
        SpeakerRegistry::unify(&shared, &[])
    };
    let mut traits: BTreeMap<&str, EpithetTraits> = BTreeMap::new();
    for (article, article_people) in people.iter().enumerate() {
        for (index, person) in article_people.persons.iter().enumerate() {
            let entry = traits.entry(registry.name(article, index)).or_default();
            entry.roles.extend(person.roles.iter());
            entry.countries.extend(person.countries.iter());
            entry.gender = entry.gender.or(person.gender);
        }
    }
    for (article, article_people) in people.iter_mut().enumerate() {
        for (index, person) in article_people.persons.iter_mut().enumerate() {
            let shared = &traits[registry.name(article, index)];
            person.roles.extend(shared.roles.iter());
            person.countries.extend(shared.countries.iter());
            person.gender = person.gender.or(shared.gender);
        }
    }
}

/// True for a name of two words or more (initials aside): a full name, not a lone surname.
fn is_full_name(person: &Person) -> bool {
    person.key.len() >= 2
}

/// The full-name group a one-word name (`key`) is the surname of: the most credited one.
fn surname_group(
    groups: &[Group],
    by_word: &HashMap<String, BTreeSet<usize>>,
    key: &[String],
) -> Option<usize> {
    let word = key.first()?;
    by_word
        .get(word)?
        .iter()
        .copied()
        .filter(|&g| {
            groups[g]
                .keys
                .iter()
                .any(|k| k.iter().skip(1).any(|w| w == word))
        })
        .max_by_key(|&g| {
            (
                groups[g].credits,
                groups[g].surface_counts.values().sum::<usize>(),
                std::cmp::Reverse(g),
            )
        })
}

/// The name used most, spellings that differ only by accents counted together and written
/// with their accents (“Raúl Peñaloza”, though English copy writes “Raul Penaloza”); ties go
/// to the shorter, then the alphabetically first.
fn display_name(group: &Group) -> String {
    let mut uses_by_folded: HashMap<String, usize> = HashMap::new();
    for (name, count) in &group.surface_counts {
        *uses_by_folded.entry(crate::text::fold(name)).or_default() += count;
    }
    let accents = |name: &str| name.chars().filter(|c| !c.is_ascii()).count();
    let rank = |name: &String, count: usize| {
        (
            uses_by_folded[&crate::text::fold(name)],
            accents(name),
            count,
        )
    };
    group
        .surface_counts
        .iter()
        .max_by(|(a, ca), (b, cb)| {
            rank(a, **ca)
                .cmp(&rank(b, **cb))
                .then(b.len().cmp(&a.len()))
                .then(b.cmp(a))
        })
        .map(|(name, _)| name.clone())
        .unwrap_or_else(|| group.keys.first().map(|k| k.join(" ")).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn person(name: &str, mentions: usize) -> Person {
        let words: Vec<String> = name.split(' ').map(str::to_string).collect();
        Person {
            name: name.to_string(),
            key: words.iter().map(|w| crate::text::fold(w)).collect(),
            roles: BTreeSet::new(),
            countries: BTreeSet::new(),
            gender: None,
            full_mentions: mentions,
            first_seen: 0,
        }
    }

    #[test]
    fn user_aliases_name_speakers_and_conflicts_are_refused() {
        let mut aliases = SpeakerAliases::default();
        aliases
            .add_toml(
                "s.toml",
                "[[speaker]]\nname = \"Gustavo Petro\"\naliases = [\"el mandatario colombiano\"]\n",
            )
            .unwrap();
        assert_eq!(
            aliases.resolve(&["Trump", "El Mandatario Colombiano"]),
            Some("Gustavo Petro")
        );
        let error = aliases
            .add_toml(
                "t.toml",
                "[[speaker]]\nname = \"Iván Duque\"\naliases = [\"el mandatario colombiano\"]\n",
            )
            .unwrap_err();
        assert!(error.starts_with("t.toml: alias"), "{error}");
        assert!(aliases
            .add_toml("u.toml", "[[speaker]\n")
            .unwrap_err()
            .starts_with("u.toml:"));
    }

    #[test]
    fn surnames_join_the_most_quoted_full_name_and_namesakes_stay_apart() {
        let a = People {
            persons: vec![person("Donald Trump", 2), person("Melania Trump", 1)],
            mentions: vec![],
            ..People::default()
        };
        let b = People {
            persons: vec![person("Trump", 1), person("Gustavo Petro Urrego", 1)],
            mentions: vec![],
            ..People::default()
        };
        let c = People {
            persons: vec![person("Gustavo Petro", 3), person("Nicolás Petro", 1)],
            mentions: vec![],
            ..People::default()
        };
        let registry = SpeakerRegistry::unify(&[&a, &b, &c], &[vec![3, 0], vec![1, 0], vec![2, 0]]);
        assert_eq!(registry.name(1, 0), "Donald Trump");
        assert_eq!(registry.name(0, 1), "Melania Trump");
        assert_eq!(registry.name(1, 1), "Gustavo Petro");
        assert_eq!(registry.name(2, 1), "Nicolás Petro");
    }

    #[test]
    fn a_name_is_written_with_its_accents_however_often_copy_drops_them() {
        let article = |name: &str| People {
            persons: vec![person(name, 1)],
            mentions: vec![],
            ..People::default()
        };
        let (a, b, c) = (
            article("Raul Penaloza"),
            article("Raul Penaloza"),
            article("Raúl Peñaloza"),
        );
        let registry = SpeakerRegistry::unify(&[&a, &b, &c], &[vec![1], vec![1], vec![1]]);
        assert_eq!(registry.name(0, 0), "Raúl Peñaloza");
        assert_eq!(registry.name(1, 0), "Raúl Peñaloza");
    }

    #[test]
    fn outside_names_find_the_articles_people_by_the_same_rules() {
        let a = People {
            persons: vec![person("Donald Trump", 2), person("Petro", 1)],
            mentions: vec![],
            ..People::default()
        };
        let registry = SpeakerRegistry::unify(&[&a], &[vec![2, 1]]);
        let key = |name: &str| -> Vec<String> { name.split(' ').map(crate::text::fold).collect() };
        assert_eq!(registry.find(&key("Donald Trump")), Some("Donald Trump"));
        assert_eq!(registry.find(&key("trump")), Some("Donald Trump"));
        assert_eq!(
            registry.find(&key("Donald John Trump")),
            Some("Donald Trump")
        );
        assert_eq!(registry.find(&key("Gustavo Petro")), Some("Petro"));
        assert_eq!(registry.find(&key("Melania Trump")), None);
        assert_eq!(registry.find(&key("Iván Duque")), None);
        assert_eq!(registry.find(&[]), None);
    }
}
