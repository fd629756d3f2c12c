use super::*;
use crate::extract::classify_all;
use crate::lang::Lang;

/// (quote text, speaker's article-local name, cue) for each quote of `body`.
fn attributed(body: &str, lang: Lang) -> Vec<(String, Option<String>, Option<String>)> {
    let doc = Document::new(body);
    let mut kinds = classify_all(&doc, lang.pack());
    let people = People::find(&doc, lang.pack());
    let result = attribute(&doc, &mut kinds, lang.pack(), people);
    doc.quotes
        .iter()
        .zip(&result.attributions)
        .map(|(q, a)| {
            let name = a
                .as_ref()
                .map(|a| result.people.persons[a.person].name.clone());
            (q.text.clone(), name, a.as_ref().and_then(|a| a.cue.clone()))
        })
        .collect()
}

fn speakers(body: &str, lang: Lang) -> Vec<Option<String>> {
    attributed(body, lang)
        .into_iter()
        .map(|(_, speaker, _)| speaker)
        .collect()
}

fn some(name: &str) -> Option<String> {
    Some(name.to_string())
}

#[test]
fn cue_after_and_interrupted_quote() {
    let body = "President Donald Trump met Gustavo Petro.\n\n“We had a very good meeting,” Trump told reporters. “I thought he was terrific.”";
    let result = attributed(body, Lang::En);
    assert_eq!(result[0].1, some("Donald Trump"));
    assert_eq!(result[0].2.as_deref(), Some("told"));
    assert_eq!(result[1].1, some("Donald Trump"));
    assert_eq!(result[1].2, None);
}

#[test]
fn inverted_and_inside_cues() {
    let body =
        "Gustavo Petro spoke. Donald Trump spoke.\n\n“It was good,” said Petro, “very good.”";
    assert_eq!(
        speakers(body, Lang::En),
        [some("Gustavo Petro"), some("Gustavo Petro")]
    );
}

#[test]
fn cue_before_with_colon_and_que() {
    assert_eq!(
        speakers("Petro said: “The top tier lives in Dubai.”", Lang::En),
        [some("Petro")]
    );
    assert_eq!(
        speakers(
            "El presidente Gustavo Petro aseguró que «la cúpula vive en Dubái».",
            Lang::Es
        ),
        [some("Gustavo Petro")]
    );
    assert_eq!(
        speakers("Según Petro, «la cúpula vive en Dubái».", Lang::Es),
        [some("Petro")]
    );
}

#[test]
fn epithets_resolve_through_appositions() {
    let body = "El presidente colombiano, Gustavo Petro, visitó a Donald Trump, el presidente estadounidense.\n\n«Fue una visita positiva», afirmó el mandatario colombiano.";
    assert_eq!(speakers(body, Lang::Es), [some("Gustavo Petro")]);
}

#[test]
fn pronouns_take_the_last_named_person() {
    let body = "Gustavo Petro spoke after Donald Trump left. Petro was calm.\n\n“We talked about drugs,” he said.";
    assert_eq!(speakers(body, Lang::En), [some("Gustavo Petro")]);
}

#[test]
fn bare_surname_goes_to_the_main_person_not_the_last_named() {
    let body = "Donald Trump met Gustavo Petro. Trump later thanked Melania Trump.\n\n“It was great,” Trump said.";
    assert_eq!(speakers(body, Lang::En), [some("Donald Trump")]);
}

#[test]
fn participle_cue_takes_the_sentence_subject() {
    let body = "Gustavo Petro acknowledged the challenges in remote regions, saying, “If people have no options to eat, there will be drug trafficking.”";
    assert_eq!(speakers(body, Lang::En), [some("Gustavo Petro")]);
}

#[test]
fn titles_and_scare_quotes_get_no_speaker() {
    let body = "Trump gave Petro his book “The Art of the Deal,” Petro said.";
    assert_eq!(speakers(body, Lang::En), [None]);
}

#[test]
fn unwritten_spanish_subject_is_the_last_person_named() {
    let body = "El presidente Gustavo Petro habló de la coca. Además, indicó: «Si la gente no tiene opciones, habrá narcotráfico».";
    assert_eq!(speakers(body, Lang::Es), [some("Gustavo Petro")]);
}

#[test]
fn relative_clauses_do_not_hide_the_speaker() {
    let body = "Donald Trump recibió a Gustavo Petro. Trump, que tras la captura de Nicolás Maduro había tachado a Petro de «un hombre enfermo», se mostró elogioso.";
    assert_eq!(speakers(body, Lang::Es), [some("Donald Trump")]);
}

#[test]
fn pronouns_continue_the_previous_subject_not_the_last_name() {
    let body = "Sanctions on Interior Minister Armando Benedetti remain.\n\nMiriam Okafor, a fellow at a think tank, warned against reading too much into the visit. “The sanctions are the policy,” she said.";
    assert_eq!(speakers(body, Lang::En), [some("Miriam Okafor")]);
}

#[test]
fn colon_introductions_and_descriptions_in_apposition() {
    let body = "El enviado Daniel Kerr habló en inglés. Kerr fijó un plazo para la misión: «Los observadores llegarán en dos semanas».";
    assert_eq!(speakers(body, Lang::Es), [some("Daniel Kerr")]);
    let body = "La secretaria de Economía de México, Rosa Elena Villarreal, aseguró que habrá acuerdo. «No vamos a ceder», declaró.";
    assert_eq!(speakers(body, Lang::Es), [some("Rosa Elena Villarreal")]);
}

#[test]
fn a_title_inside_a_capitalized_run_starts_the_name() {
    let body = "Puerto Almira Mayor Inés Carvallo opened the session.\n\n“We will rebuild the port,” said Puerto Almira Mayor Inés Carvallo.";
    assert_eq!(speakers(body, Lang::En), [some("Inés Carvallo")]);
}

#[test]
fn epithets_with_qualifiers_introduce_the_name() {
    let body = "El líder sindical Joaquín Berrocal habló. La ministra Ana Ruiz también.\n\n«Plantaremos 450 árboles», señaló el líder sindical Joaquín Berrocal.";
    assert_eq!(speakers(body, Lang::Es), [some("Joaquín Berrocal")]);
}

#[test]
fn a_place_after_a_preposition_does_not_take_the_next_apposition() {
    let body = "Gustavo Petro visitó a Donald Trump. Petro llegó temprano y Trump lo recibió.\n\nDesde el Despacho Oval, el presidente estadounidense habló con la prensa. «Tuvimos una muy buena reunión», indicó.";
    assert_eq!(speakers(body, Lang::Es), [some("Donald Trump")]);
}

#[test]
fn organisations_are_not_people() {
    // "Quimsa" alone would make "Universidad de Quimsa" look like a person called by surname.
    let body = "La Universidad de Quimsa abrió sus puertas. En Quimsa hubo fiesta.";
    let doc = Document::new(body);
    let people = People::find(&doc, Lang::Es.pack());
    assert!(people.persons.is_empty(), "{:?}", people.persons);
}

#[test]
fn epithets_may_have_a_qualifier_before_the_role() {
    let body = "Mexican Economy Secretary Rosa Elena Villarreal spoke after Mark Holloway.\n\n“Mexican steel is not a threat to anyone,” the economy secretary said. “It is part of the same supply chain.”";
    assert_eq!(
        speakers(body, Lang::En),
        [some("Rosa Elena Villarreal"), some("Rosa Elena Villarreal")]
    );
}

#[test]
fn pronouns_agree_in_gender_with_the_person() {
    let body = "Nurse Maria Lopez spoke first, then hospital director Tom Becker.\n\n“We have no beds left,” she said.";
    assert_eq!(speakers(body, Lang::En), [some("Maria Lopez")]);
    let body =
        "Pedro Alvarado habló con la periodista Lucía Campos.\n\n«No voy a renunciar», aseguró él.";
    assert_eq!(speakers(body, Lang::Es), [some("Pedro Alvarado")]);
}

#[test]
fn spanish_epithets_agree_in_gender_through_their_determiner() {
    let body = "La dirigente vecinal Marta Gómez recorrió el barrio con el concejal Luis Soto.\n\n«No nos vamos a ir de aquí», afirmó la dirigente.";
    assert_eq!(speakers(body, Lang::Es), [some("Marta Gómez")]);
}

#[test]
fn an_epithet_never_goes_to_someone_with_another_office() {
    let body = "Finance Minister Jorge Vidal presented the budget on Monday. President Elena Cruz praised it.\n\n“We will balance the books by 2028,” the minister said.";
    assert_eq!(speakers(body, Lang::En), [some("Jorge Vidal")]);
}

#[test]
fn a_name_after_a_plain_description_is_the_speaker() {
    let body = "The strike went on.\n\n“We sleep in the cabs,” said driver Pablo Ortega.";
    assert_eq!(speakers(body, Lang::En), [some("Pablo Ortega")]);
    let body = "La fila crecía.\n\n«Dormimos en la cabina», contó el chofer Pablo Ortega.";
    assert_eq!(speakers(body, Lang::Es), [some("Pablo Ortega")]);
}

#[test]
fn offices_under_two_names_and_professions_do_not_conflict() {
    // A Spanish "secretario de Estado" is a minister; an economist may be called the academic.
    let body = "El ministro de Hacienda, Raúl Ortega, habló tras la alcaldesa Inés Vidal.\n\n«Habrá ajustes», dijo el secretario de Estado.";
    assert_eq!(speakers(body, Lang::Es), [some("Raúl Ortega")]);
    let body = "Su autora, la economista Clara Ruiz, presentó el informe junto al alcalde Mario Soto.\n\n—Nadie gana con esto —advirtió la académica.";
    assert_eq!(speakers(body, Lang::Es), [some("Clara Ruiz")]);
}

#[test]
fn clitics_before_an_inverted_cue_and_nationality_epithets() {
    let body = "La protesta siguió.\n\n«Aquí no hay agua», se quejó Rosa Campos.";
    assert_eq!(speakers(body, Lang::Es), [some("Rosa Campos")]);
    let body = "El presidente chileno, Andrés Soto, recibió al presidente peruano, Jorge Vera.\n\nEl chileno habló de «un acuerdo que cambiará la relación entre los dos países».";
    assert_eq!(speakers(body, Lang::Es), [some("Andrés Soto")]);
}

#[test]
fn a_person_named_after_an_institution() {
    let body = "El Gobierno de Isabel Moreno optó por mediar. La presidenta escribió: «El diálogo es el camino».";
    assert_eq!(speakers(body, Lang::Es), [some("Isabel Moreno")]);
}

#[test]
fn naming_verbs_credit_their_subject_not_their_object() {
    // The subject of a coordinated clause, away from its naming verb.
    let body = "Governor Lee Pham vetoed the bill on Friday, and Senator Ruth Abara responded by calling the governor “a coward hiding behind his lawyers.”";
    assert_eq!(speakers(body, Lang::En), [some("Ruth Abara")]);
    // A relative clause with a subject of its own; a naming verb after a quote takes its own.
    let body = "La reforma, que Ana Mora calificó de «chapuza», fue aprobada el lunes; el senador Pablo Vidal la llamó «un avance histórico».";
    assert_eq!(
        speakers(body, Lang::Es),
        [some("Ana Mora"), some("Pablo Vidal")]
    );
    let body = "Tras la visita de Iván Soto, que la alcaldesa Elena Ruiz describió como «una provocación», el ministro lo tachó de «irresponsable».";
    assert_eq!(speakers(body, Lang::Es)[0], some("Elena Ruiz"));
}

#[test]
fn inscriptions_belong_to_the_giver() {
    let body = "Mayor Ana Ruiz thanked the coach. Coach Pedro Lima handed her a signed ball, inscribed “To the best city in the world.”";
    assert_eq!(speakers(body, Lang::En), [some("Pedro Lima")]);
    // The giving verb in the sentence before; someone else shows the gift.
    let body = "La ministra Carmen Vidal mostró en Instagram la camiseta que le regaló el futbolista Iker Soto. La dedicatoria dice: «Para la mejor ministra».";
    assert_eq!(speakers(body, Lang::Es), [some("Iker Soto")]);
    // No inscription named: the reporting verb decides as usual.
    let body = "Coach Pedro Lima handed Ana Ruiz the ball. “It was a gift,” Ruiz said.";
    assert_eq!(speakers(body, Lang::En), [some("Ana Ruiz")]);
}

#[test]
fn a_bare_apostrophe_possessor_is_no_speaker() {
    // The regression this guards: "she" went to the woman named earlier, as the possessor
    // "Athens’" hid the woman the sentence is about.
    let body = "Colombia’s Marta Gil spoke first.\n\nAthens’ negotiator Julia Brandt stayed calm. “We are close,” she said.";
    assert_eq!(speakers(body, Lang::En), [some("Julia Brandt")]);
}

/// (speaker, kind) of each quote, kinds after attribution.
fn speakers_and_kinds(body: &str, lang: Lang) -> Vec<(Option<String>, QuoteKind)> {
    let doc = Document::new(body);
    let mut kinds = classify_all(&doc, lang.pack());
    let people = People::find(&doc, lang.pack());
    let result = attribute(&doc, &mut kinds, lang.pack(), people);
    result
        .attributions
        .iter()
        .zip(kinds)
        .map(|(a, kind)| {
            let name = a
                .as_ref()
                .map(|a| result.people.persons[a.person].name.clone());
            (name, kind)
        })
        .collect()
}

#[test]
fn a_written_medium_makes_a_spoken_cue_writing() {
    use QuoteKind::{Speech, Writing};
    let body = "“We will appeal,” lawyer Nora Baptiste said in a brief statement. “The ruling ignores the evidence.”";
    assert_eq!(
        speakers_and_kinds(body, Lang::En),
        [
            (some("Nora Baptiste"), Writing),
            (some("Nora Baptiste"), Writing)
        ]
    );
    let body = "El diputado Raúl Cifuentes aseguró en un mensaje en X que «la ley no pasará».";
    assert_eq!(
        speakers_and_kinds(body, Lang::Es),
        [(some("Raúl Cifuentes"), Writing)]
    );
    let body = "“We will appeal,” said Nora Baptiste in a media release on Saturday.";
    assert_eq!(
        speakers_and_kinds(body, Lang::En),
        [(some("Nora Baptiste"), Writing)]
    );
    // A message broadcast on television is spoken.
    let body = "En un mensaje por cadena nacional, la presidenta Inés Ortega afirmó que «no habrá cortes».";
    assert_eq!(
        speakers_and_kinds(body, Lang::Es),
        [(some("Inés Ortega"), Speech)]
    );
}

#[test]
fn an_apposition_between_subject_and_cue_does_not_delay_the_cue() {
    let body = "The vote was close.\n\n“We will not give up,” Marcus Hale, the longest-serving member of the city council, told reporters.";
    assert_eq!(speakers(body, Lang::En), [some("Marcus Hale")]);
    let body = "«No vamos a ceder», Lorena Paz, la portavoz de la federación de transportistas del norte, dijo a la prensa.";
    assert_eq!(speakers(body, Lang::Es), [some("Lorena Paz")]);
}

#[test]
fn a_language_phrase_between_an_inverted_cue_and_its_subject() {
    let body = "La comitiva llegó a Lima.\n\n«We are here to help», declaró en inglés la embajadora Karen Holt.";
    assert_eq!(speakers(body, Lang::Es), [some("Karen Holt")]);
    let body = "«Gracias a todos», respondió en español el secretario Mark Ellis.";
    assert_eq!(speakers(body, Lang::Es), [some("Mark Ellis")]);
}

#[test]
fn a_headline_quote_takes_the_speaker_the_body_gives_it() {
    let body = "**9:05 a.m. — Governor: “We will rebuild every bridge”**\n\nGovernor Alma Reyes toured the valley at dawn. “We will rebuild every bridge, and we will start this week,” she said.";
    assert_eq!(
        speakers(body, Lang::En),
        [some("Alma Reyes"), some("Alma Reyes")]
    );
    let body = "**11:40 — «No habrá más recortes»**\n\nEl ministro Julio Sanz compareció en el Senado. «No habrá más recortes en sanidad», aseguró.";
    assert_eq!(
        speakers(body, Lang::Es),
        [some("Julio Sanz"), some("Julio Sanz")]
    );
}

#[test]
fn a_headline_quote_repeating_a_written_one_is_writing() {
    let body = "**8:15 p.m. — Senator: “The count must start again”**\n\nSenator Iris Novak took to X. “The count must start again, precinct by precinct,” she wrote.";
    assert_eq!(
        speakers_and_kinds(body, Lang::En),
        [
            (some("Iris Novak"), QuoteKind::Writing),
            (some("Iris Novak"), QuoteKind::Writing)
        ]
    );
}

#[test]
fn a_source_phrase_opening_a_sentence_makes_its_source_salient() {
    let body = "El ministro Hugo Lanz visitó la zona.\n\nSegún la agricultora Marta Quiñones, el río bajó dos metros en un mes. «Nunca lo habíamos visto», relató.";
    assert_eq!(speakers(body, Lang::Es), [some("Marta Quiñones")]);
}

#[test]
fn a_bold_run_in_head_does_not_hide_the_subject_after_it() {
    let body = "Para el analista Tomás Rey, el acuerdo llega tarde.\n\n**La pesca.** La ministra de Pesca, Irene Soler, defendió las cuotas. «Son cuotas justas», afirmó la funcionaria.";
    assert_eq!(speakers(body, Lang::Es), [some("Irene Soler")]);
}

#[test]
fn estimating_verbs_cue_partial_quotes() {
    let body = "La patronal naviera cifra en «más de mil empleos» el daño. El sindicalista Omar Díaz calculó que «la huelga durará semanas».";
    assert_eq!(speakers(body, Lang::Es)[1], some("Omar Díaz"));
    // "La cifra" is a noun: no cue.
    let body = "Después llegó la cifra: «doce mil millones».";
    assert_eq!(speakers(body, Lang::Es), [None]);
}

#[test]
fn tabloid_manner_verbs_cue_quotes() {
    let body = "Dani Olmo scored twice.\n\n“Best night of my life,” beamed Olmo. “We showed them,” he gloated, before the coach hit back: “Nobody wins alone.”";
    assert_eq!(
        speakers(body, Lang::En)[..2],
        [some("Dani Olmo"), some("Dani Olmo")]
    );
}

#[test]
fn a_cue_word_modifying_a_description_is_no_cue() {
    let body = "Governor Ana Tell spoke first.\n\n“The river took everything we had,” said protest organizer Jonas Berg. “Nobody came,” added claim adjuster Mia Kress.";
    assert_eq!(
        speakers(body, Lang::En),
        [some("Jonas Berg"), some("Mia Kress")]
    );
}

#[test]
fn a_quote_over_paragraphs_takes_the_cue_after_its_close() {
    let en = "Nadia Berg, the Chilean labour minister, spoke for an hour.\n\n“Ports that close lose their ships.\n\n“We will not let that happen,” the labour minister said.";
    assert_eq!(speakers(en, Lang::En), [some("Nadia Berg")]);
    let es = "La ministra chilena del Trabajo, Nadia Berg, habló una hora.\n\n«Los puertos que cierran pierden sus barcos.\n\n«No dejaremos que eso pase», afirmó la ministra.";
    assert_eq!(speakers(es, Lang::Es), [some("Nadia Berg")]);
}

#[test]
fn a_name_running_into_the_quote_after_a_participle_is_its_subject() {
    let body =
        "Trade Minister Olga Brandt rejected the proposal, saying Norway “will never sign it.”";
    assert_eq!(speakers(body, Lang::En), [some("Olga Brandt")]);
}

#[test]
fn a_role_owned_by_a_country_is_an_epithet_subject() {
    let body = "The talks include Peru’s energy minister, Inés Calle, and Senator Bruno Vey.\n\nPeru’s energy minister rejected the plan. Through an aide, she said Lima “will not pay for it.”";
    assert_eq!(speakers(body, Lang::En), [some("Inés Calle")]);
}

#[test]
fn given_names_that_are_also_words_open_names() {
    let en = "Mark Voss, the Canadian envoy, arrived late. “We are ready,” the envoy said.";
    assert_eq!(speakers(en, Lang::En), [some("Mark Voss")]);
    let es = "Rosa Mamani, dirigenta vecinal, lleva tres días sin agua. «No aguantamos más», contó Mamani.";
    assert_eq!(speakers(es, Lang::Es), [some("Rosa Mamani")]);
}

#[test]
fn initialisms_without_periods_read_as_nationalities() {
    let body =
        "Paul Reddy, the US envoy, met the mayor.\n\n“Nothing is settled,” the US envoy said.";
    assert_eq!(speakers(body, Lang::En), [some("Paul Reddy")]);
}

#[test]
fn a_colon_after_an_epithet_or_a_person_introduced_before() {
    let en = "Lena Ortiz, the Mexican trade secretary, met her peers.\n\nOn Monday the secretary was blunter: “No deal is better than this deal.”";
    assert_eq!(speakers(en, Lang::En), [some("Lena Ortiz")]);
    // A verb opening the sentence is no speaker; the person the sentence before brings in is.
    let es = "Participan la ministra Ana Prieto y el embajador británico, Tom Hale.\n\n**10:02** — Ahora interviene el embajador británico, en inglés. Resumimos su mensaje: «Seguiremos aquí».";
    assert_eq!(speakers(es, Lang::Es), [some("Tom Hale")]);
}

#[test]
fn a_colon_sentence_naming_nobody_continues_the_previous_speaker() {
    let es = "La alcaldesa Marta Gil habló primero. «Fue una buena semana», dijo la alcaldesa, junto a Pedro Luna. Y luego llegó el anuncio: «Abriremos dos escuelas».";
    assert_eq!(
        speakers(es, Lang::Es),
        [some("Marta Gil"), some("Marta Gil")]
    );
    let en = "Mayor Marta Gil spoke first. “It was a good week,” said the mayor, standing next to Pedro Luna. Then came the news: “We will open two schools.”";
    assert_eq!(
        speakers(en, Lang::En),
        [some("Marta Gil"), some("Marta Gil")]
    );
}

#[test]
fn analytic_sentences_credit_their_known_subject() {
    let es = "El ministro Raúl Medina habló dos veces esta semana.\n\nEl propio Medina pasó de «No vamos a recortar el presupuesto de educación» a «Tendremos que ajustar algunas partidas». Las cifras de Medina también cambiaron: de «10 millones de dólares» en marzo a «12 millones de dólares» en abril.";
    assert_eq!(
        speakers(es, Lang::Es),
        [
            some("Raúl Medina"),
            some("Raúl Medina"),
            some("Raúl Medina"),
            some("Raúl Medina")
        ]
    );
    let en = "Minister Raúl Medina spoke twice this week.\n\nMedina’s estimate grew from “10 million dollars a year” to “12 million dollars a year”.";
    assert_eq!(
        speakers(en, Lang::En),
        [some("Raúl Medina"), some("Raúl Medina")]
    );
    // A place opening the sentence is nobody.
    let place = "Minister Raúl Medina spoke twice.\n\nValparaíso went from “10 million dollars a year” to “12 million dollars a year” in a week.";
    assert_eq!(speakers(place, Lang::En), [None, None]);
}

#[test]
fn an_unwritten_subject_continues_the_speaker_after_an_inverted_cue() {
    let es = "El presidente Luis Vera recibió a la ministra Clara Soto.\n\n«Fue una gran reunión», dijo Vera a la prensa. Y agregó, refiriéndose a Soto: «Es muy capaz».";
    assert_eq!(
        speakers(es, Lang::Es),
        [some("Luis Vera"), some("Luis Vera")]
    );
}

#[test]
fn a_qualified_nationality_is_a_place_not_a_person() {
    let es = "La canciller Eva Ruiz y el enviado peruano, Omar Gil, se reunieron.\n\n**11:40** — Gil, sobre la frontera chilena: «Enviaremos observadores».";
    assert_eq!(speakers(es, Lang::Es), [some("Omar Gil")]);
}

#[test]
fn a_dateline_is_no_subject() {
    let body = "TALCAHUANO — Early on Monday, when the queue was already long, Inés Araya filled her last bucket.\n\n“We wake up at three for water,” the 41-year-old nurse said.";
    assert_eq!(speakers(body, Lang::En), [some("Inés Araya")]);
    let wire = "OSORNO, Chile (Agencia Sur) — Inés Araya lleva dos días sin agua.\n\n«Nos levantamos a las tres», contó.";
    assert_eq!(speakers(wire, Lang::Es), [some("Inés Araya")]);
}

#[test]
fn an_aged_description_at_a_cue_is_the_person_just_introduced() {
    let body = "Sergio Paz waited by the pier since dawn.\n\n“Nobody tells us anything,” the 63-year-old fisherman said.";
    assert_eq!(speakers(body, Lang::En), [some("Sergio Paz")]);
}

#[test]
fn a_second_description_can_carry_the_name() {
    let body = "De acuerdo con la directora del hospital, la doctora Alba Ríos, la sala «no tiene camas libres».";
    assert_eq!(speakers(body, Lang::Es), [some("Alba Ríos")]);
}

#[test]
fn a_legislator_may_be_the_senator() {
    let body = "El senador chileno Pablo Soto y el dirigente gremial Iván Mora hablaron ayer.\n\n«Votaré en contra», escribió el legislador.";
    assert_eq!(speakers(body, Lang::Es), [some("Pablo Soto")]);
}

#[test]
fn an_inverted_subject_after_a_short_phrase() {
    let es = "La ministra Eva Lind habló primero.\n\n«Noruega no es un espectador», afirmó por su parte la ministra de Comercio de Perú, Clara Vidal.";
    assert_eq!(speakers(es, Lang::Es), [some("Clara Vidal")]);
    // The person after a preposition is spoken to, not speaking.
    let to =
        "La ministra Eva Lind habló primero.\n\n«Nadie se irá», dijo a la ministra Clara Vidal.";
    assert_eq!(speakers(to, Lang::Es), [some("Eva Lind")]);
}

#[test]
fn an_unknown_capitalized_modifier_before_a_described_name() {
    let body =
        "“Half the promises were broken,” Ruritanian opposition leader Marta Kell said on Tuesday.";
    assert_eq!(speakers(body, Lang::En), [some("Marta Kell")]);
    let body = "According to Ruritanian economist Pavel Dorn, “the budget will not hold.”";
    assert_eq!(speakers(body, Lang::En), [some("Pavel Dorn")]);
    let body = "“The river is dying,” said Ruritanian environmental campaigner Ilse Varga.";
    assert_eq!(speakers(body, Lang::En), [some("Ilse Varga")]);
}

#[test]
fn with_no_cue_a_lone_unknown_word_is_no_speaker() {
    let en = "Reactions kept arriving on Monday.\n\n“Nobody listens to us, and nobody ever did.”";
    assert_eq!(speakers(en, Lang::En), [None]);
    let es = "Traducimos todo al inglés.\n\n«Nadie nos escucha, y nadie nos escuchó nunca».";
    assert_eq!(speakers(es, Lang::Es), [None]);
}

#[test]
fn an_office_is_not_a_person_known_by_another_role() {
    let body = "Ramón Tello, dirigente de los vecinos, habló en la plaza. Luego llegó el turno del gobierno. «No nos vamos a ir», reiteró el mandatario.";
    assert_eq!(speakers(body, Lang::Es), [None]);
}

#[test]
fn a_person_first_named_at_a_colon_heading_is_there_for_later_epithets() {
    let body = "Ramón Tello, dirigente de los vecinos, habló en la plaza.\n\n**12:10 — Beltrán: «Habrá agua para todos»**\n\nEl presidente habló diez minutos. «Se lo prometo a cada familia», reiteró el mandatario.";
    assert_eq!(speakers(body, Lang::Es), [some("Beltrán"), some("Beltrán")]);
}

#[test]
fn a_pronoun_closed_by_punctuation_after_an_interrupting_cue() {
    let body = "El senador Tomás Gil criticó en la radio a su hermana, la ministra Ana Gil.\n\n—No vamos a cerrar las escuelas —insistió ella—, ni este año ni el próximo.";
    assert_eq!(speakers(body, Lang::Es), [some("Ana Gil"), some("Ana Gil")]);
}

#[test]
fn the_signer_writes_what_an_organisation_publishes() {
    let es = "La Federación de Pescadores del Sur difundió una carta firmada por su presidenta, Elena Soto: «No vamos a vender nuestras cuotas».";
    assert_eq!(speakers(es, Lang::Es), [some("Elena Soto")]);
    let en = "The Southern Fishers Federation released a letter signed by its chair, Elena Soto: “We will not sell our quotas.”";
    assert_eq!(speakers(en, Lang::En), [some("Elena Soto")]);
}

#[test]
fn a_heading_names_by_office_the_person_its_entry_names() {
    let body = "Union leader Rosa Vidal spoke at the gates.\n\n**9:05 a.m. — Governor: “The port will reopen on Monday”**\n\nGovernor Pablo Ruiz has just spoken to reporters. He said the port would reopen soon.";
    let result = attributed(body, Lang::En);
    assert_eq!(result[0].1, some("Pablo Ruiz"));
}

#[test]
fn a_quote_credited_by_a_colon_takes_the_kind_of_the_same_words_with_a_verb() {
    let body = "**9:05 — Alcaldesa: «Hoy no es día de buscar culpables»**\n\nLa alcaldesa Marta Rivas respondió en redes. «Hoy no es día de buscar culpables», escribió en X.";
    let doc = Document::new(body);
    let mut kinds = classify_all(&doc, Lang::Es.pack());
    let people = People::find(&doc, Lang::Es.pack());
    attribute(&doc, &mut kinds, Lang::Es.pack(), people);
    assert_eq!(kinds, [QuoteKind::Writing, QuoteKind::Writing]);
}

#[test]
fn quote_only_paragraphs_continue_the_speaker_however_many() {
    let body = "“The budget holds,” Marta Quiroga said.\n\n“Nobody will lose a job.”\n\n“The schools open on time.”\n\n“We keep every promise,” Quiroga said.";
    assert_eq!(speakers(body, Lang::En), vec![some("Marta Quiroga"); 4]);
    let body = "«El presupuesto se mantiene», afirmó Tomás Ibarra.\n\n«Nadie perderá su empleo».\n\n«Las escuelas abrirán a tiempo».\n\n«Cumplimos cada promesa».";
    assert_eq!(speakers(body, Lang::Es), vec![some("Tomás Ibarra"); 4]);
}

#[test]
fn a_surname_that_is_a_title_word_names_its_person() {
    let body =
        "Sen. Rhea Bishop, like Sen. Paul Dorsey, spoke. Bishop noted that “the vote is over.”";
    assert_eq!(speakers(body, Lang::En), [some("Rhea Bishop")]);
    let body = "La diputada Elena Rey, como el diputado Luis Soto, habló. Rey afirmó que «la votación terminó».";
    assert_eq!(speakers(body, Lang::Es), [some("Elena Rey")]);
}

#[test]
fn a_weekday_after_a_name_ends_it() {
    let body = "The trade minister, Ola Adeyemi Monday said the port “will reopen soon”.";
    assert_eq!(speakers(body, Lang::En), [some("Ola Adeyemi")]);
    let body = "El ministro, Raúl Cabrera Martes dijo que el puerto «reabrirá pronto».";
    assert_eq!(speakers(body, Lang::Es), [some("Raúl Cabrera")]);
}

#[test]
fn a_place_is_never_a_speaker() {
    let body = "The envoy spent a week at the embassy in Ecuador and insisted that “the trip was private”.";
    assert_eq!(speakers(body, Lang::En), [None]);
    let body = "El ministro pasó una semana en la residencia de Quito y subrayando que «el viaje fue privado».";
    assert_eq!(speakers(body, Lang::Es), [None]);
    let body = "South Texas said that “the border stays open”.";
    assert_eq!(speakers(body, Lang::En), [None]);
}

#[test]
fn an_institution_in_a_phrase_does_not_beat_its_head() {
    let body = "La portavoz Irene Vidal habló tras la reunión.\n\nLa 'número dos' del Ejecutivo insistió en que «no habrá más crisis».";
    assert_eq!(speakers(body, Lang::Es).last(), Some(&some("Irene Vidal")));
    let body = "Spokeswoman Irene Vidal spoke after the meeting.\n\nThe number two of Government insisted that “there will be no more crises”.";
    assert_eq!(speakers(body, Lang::En), [some("Irene Vidal")]);
}

#[test]
fn an_unwritten_subject_is_the_salient_subject_not_a_later_object() {
    let body = "El presidente Mateo Arriaga omitió varias respuestas en su conferencia.\n\nUna reportera preguntó a Arriaga por el caso, y el mandatario dijo que la reportera informa al periodista Julio Benavides y a Ramón Ortega.\n\n«Ustedes buscan nada más lo malo», señaló.";
    assert_eq!(speakers(body, Lang::Es), [some("Mateo Arriaga")]);
}

#[test]
fn a_quote_paragraph_after_a_long_opening_phrase_takes_the_subject() {
    let body = "Minister Ana Lobo visited the port.\n\nOn the question of the new cranes at the southern docks, Lobo hoped that work would start soon.\n\n“We will finish the docks before the summer.”";
    assert_eq!(speakers(body, Lang::En), [some("Ana Lobo")]);
    let body = "La ministra Ana Lobo visitó el puerto.\n\nSobre la cuestión de las nuevas grúas en los muelles del sur, Lobo esperaba que las obras empezaran pronto.\n\n«Terminaremos los muelles antes del verano».";
    assert_eq!(speakers(body, Lang::Es), [some("Ana Lobo")]);
}

#[test]
fn a_statement_issued_before_a_colon_is_writing() {
    let body = "Senator Ada Mertz issued the following statement after the vote:\n\n“We cannot afford to wait any longer.”";
    assert_eq!(
        speakers_and_kinds(body, Lang::En),
        [(some("Ada Mertz"), QuoteKind::Writing)]
    );
    let body = "La senadora Ada Mertz emitió el siguiente comunicado tras la votación:\n\n«No podemos esperar más».";
    assert_eq!(
        speakers_and_kinds(body, Lang::Es),
        [(some("Ada Mertz"), QuoteKind::Writing)]
    );
}

#[test]
fn a_nested_quote_repeating_an_attributed_one_takes_its_speaker() {
    let body = "Mayor Luisa Pardo wrote in a letter: “The port keeps this city alive.”\n\n“When a mayor writes ‘The port keeps this city alive’ to the council, she is courting the unions,” analyst Omar Reyes said.";
    assert_eq!(
        speakers_and_kinds(body, Lang::En),
        [
            (some("Luisa Pardo"), QuoteKind::Writing),
            (some("Omar Reyes"), QuoteKind::Speech),
            (some("Luisa Pardo"), QuoteKind::Writing),
        ]
    );
    let body = "La alcaldesa Luisa Pardo escribió en una carta: «El puerto mantiene viva esta ciudad».\n\n«Cuando una alcaldesa escribe “El puerto mantiene viva esta ciudad” al concejo, corteja a los sindicatos», dijo el analista Omar Reyes.";
    assert_eq!(
        speakers_and_kinds(body, Lang::Es),
        [
            (some("Luisa Pardo"), QuoteKind::Writing),
            (some("Omar Reyes"), QuoteKind::Speech),
            (some("Luisa Pardo"), QuoteKind::Writing),
        ]
    );
}

#[test]
fn a_portfolio_governed_by_an_office_is_no_person() {
    let body = "La portavoz del Gobierno, Irene Vidal, habló el viernes de las críticas cruzadas entre el ministro de Hacienda y Función Pública, Tomás Roldán, y el titular de Asuntos Exteriores y Cooperación, Pablo Ferrán.\n\nLa portavoz aseguró que el consejo, en el que se vieron Roldán y Ferrán después de que el titular de Hacienda llamara \"torpe\" al de Exteriores, fue “largo”. \"Hemos trabajado como siempre”, dijo.";
    let found = speakers(body, Lang::Es);
    assert_eq!(found.last(), Some(&some("Irene Vidal")), "{found:?}");
}

#[test]
fn a_party_in_parentheses_between_name_and_cue_delays_nothing() {
    let en = "Joe Manchin spoke first.\n\n“We were determined to get this job done,” James Lankford (R-Okla) said on Sunday.";
    let es = "Habló primero Camila Vallejo.\n\n«No vamos a retroceder», la diputada Karol Cariola (PC) aseguró ayer.";
    assert_eq!(
        [speakers(en, Lang::En), speakers(es, Lang::Es)],
        [[some("James Lankford")], [some("Karol Cariola")]]
    );
}

#[test]
fn an_abbreviated_title_after_the_quote_ends_no_sentence() {
    let en = "Joe Manchin spoke first.\n\n“We were determined to get this job done,” Sen. James Lankford said.";
    let es = "Habló primero Camila Vallejo.\n\n«No vamos a retroceder», la Dra. Karol Cariola aseguró ayer.";
    assert_eq!(
        [speakers(en, Lang::En), speakers(es, Lang::Es)],
        [[some("James Lankford")], [some("Karol Cariola")]]
    );
}

#[test]
fn a_name_followed_by_of_or_to_after_the_verb_is_its_object() {
    let body = "Keir Starmer attacked the budget on Wednesday.\n\nThe opposition leader criticised the chancellor for the recession and accused Jeremy Hunt of using the budget to “give with one hand and take even more with the other”.";
    assert_eq!(speakers(body, Lang::En), [some("Keir Starmer")]);
}

#[test]
fn an_institution_that_speaks_is_no_antecedent_for_a_pronoun() {
    let en = "Rachel Reeves spoke after the budget.\n\n“It is a typical budget,” Labour said.\n\n“It has delivered cuts for everybody else,” she said.";
    let es = "La senadora Paloma Valencia habló tras el debate.\n\n«Es un presupuesto típico», dijo Fiscalía.\n\n«Ha traído recortes para todos», dijo ella.";
    assert_eq!(
        [speakers(en, Lang::En), speakers(es, Lang::Es)],
        [
            [some("Labour"), some("Rachel Reeves")],
            [some("Fiscalía"), some("Paloma Valencia")]
        ]
    );
}

#[test]
fn an_mp_title_is_no_part_of_the_name() {
    let body = "Labour MP Meg Hillier spoke in the Commons.\n\n“This does not go into the issues for renters,” Labour MP Meg Hillier said.";
    assert_eq!(speakers(body, Lang::En), [some("Meg Hillier")]);
}

#[test]
fn press_synonyms_for_a_coach_and_subjunctive_cues_are_known() {
    let coach = "El técnico Diego Arias perdió ante el equipo de Jorge Almirón.\n\nEl estratega uruguayo respaldó a sus jugadores: «Hicieron todo para ganar».";
    let subjunctive = "El Gobierno reaccionó después de que el ministro Óscar Puente dijera que el presidente «ingiere sustancias».";
    assert_eq!(
        [speakers(coach, Lang::Es), speakers(subjunctive, Lang::Es)],
        [[some("Diego Arias")], [some("Óscar Puente")]]
    );
}

#[test]
fn a_source_set_off_by_commas_is_the_salient_person_not_the_clause_it_reports() {
    let es = "El presidente Marcos Aldana visitó el puerto. En primer lugar, al embajador Daniel Peña, porque, según el mandatario, el presidente Óscar Villalba se ha dejado engañar.\n\n“Hay que defenderse en compañía”, dijo el presidente.";
    let en = "President Marcos Aldana visited the port. Earlier, ambassador Daniel Peña was blamed, because, according to the president, the visiting president Oscar Villalba had been misled.\n\n“We defend ourselves together,” the president said.";
    assert_eq!(
        [speakers(es, Lang::Es), speakers(en, Lang::En)],
        [[some("Marcos Aldana")], [some("Marcos Aldana")]]
    );
}

#[test]
fn a_second_description_a_verb_follows_opens_a_clause_of_its_own() {
    let es = "El presidente Marcos Aldana visitó el puerto. Según el mandatario, el presidente Óscar Villalba se ha dejado engañar.\n\n“Hay que defenderse en compañía”, dijo el presidente.";
    let en = "President Marcos Aldana visited the port. According to the president, the visiting president Oscar Villalba has been misled.\n\n“We defend ourselves together,” the president said.";
    assert_eq!(
        [speakers(es, Lang::Es), speakers(en, Lang::En)],
        [[some("Marcos Aldana")], [some("Marcos Aldana")]]
    );
}

#[test]
fn an_epithet_read_at_a_cue_keeps_its_person_as_the_next_subject() {
    let es = "El presidente Marcos Aldana habló. Según el mandatario, el presidente Óscar Villalba se ha dejado engañar.\n\n“Hay que defenderse en compañía”, dijo el presidente.\n\n“Lleve las razones”, agregó.";
    let en = "President Marcos Aldana spoke. According to the president, the visiting president Oscar Villalba has been misled.\n\n“We defend ourselves together,” said the president.\n\n“Take the reasons,” he added.";
    let aldana = [some("Marcos Aldana"), some("Marcos Aldana")];
    assert_eq!(
        [speakers(es, Lang::Es), speakers(en, Lang::En)],
        [aldana.clone(), aldana]
    );
}

#[test]
fn capitalized_modifiers_before_a_role_qualify_the_name_after_it() {
    // English word order only: Spanish writes the party and the department after the role.
    let en = "Labour MP Ana Ruiz spoke. SNP Treasury spokeswoman Alison Thewliss also pressed for more, saying: “April is too early.”";
    assert_eq!(speakers(en, Lang::En), [some("Alison Thewliss")]);
}

#[test]
fn a_determiner_and_capitalized_modifiers_before_a_role_make_an_epithet() {
    let state =
        "Senator Mary Okafor met reporters.\n\n“We will not wait,” the Illinois Democrat said.";
    let party = "Sir Keir Starmer attacked Jeremy Hunt.\n\nThe Labour leader accused Mr Hunt of using the budget to “give with one hand”.";
    assert_eq!(
        [speakers(state, Lang::En), speakers(party, Lang::En)],
        [[some("Mary Okafor")], [some("Keir Starmer")]]
    );
}

#[test]
fn a_reporting_verb_ends_a_role_before_a_name() {
    let en = "Sir Keir Starmer attacked Jeremy Hunt.\n\nThe Labour leader said Mr Hunt was a chancellor who “breezes into this chamber”.\n\n“Crisis? What crisis?” he joked.";
    assert_eq!(
        speakers(en, Lang::En),
        [some("Keir Starmer"), some("Keir Starmer")]
    );
}

#[test]
fn a_chain_of_pronoun_paragraphs_keeps_its_speaker_in_reach() {
    // English only: Spanish leaves such subjects unwritten.
    let en = "Sir Keir Starmer attacked Jeremy Hunt.\n\nThe Labour leader said Mr Hunt was a chancellor who “breezes into this chamber”.\n\n“Crisis? What crisis?” he joked.\n\n“Smiling as the ship goes down,” he added.\n\n“It’s time to stop the dithering,” he added.";
    assert_eq!(
        speakers(en, Lang::En),
        [
            some("Keir Starmer"),
            some("Keir Starmer"),
            some("Keir Starmer"),
            some("Keir Starmer")
        ]
    );
}

#[test]
fn quote_only_paragraph_after_an_announcing_sentence_is_its_persons() {
    let body = "Senator Ines Darrow spoke on the floor today about the rail bill. Excerpts of Sen. Darrow’s remarks are below.\n\n“Nobody has read this bill yet.”\n\n“We need a week to study it.”";
    assert_eq!(
        speakers(body, Lang::En),
        [some("Ines Darrow"), some("Ines Darrow")]
    );
    let body = "La senadora Marta Quiroga habló en el pleno sobre la reforma. A continuación, las declaraciones de Quiroga:\n\n«Nadie ha leído todavía este proyecto».";
    assert_eq!(speakers(body, Lang::Es), [some("Marta Quiroga")]);
}

#[test]
fn a_nickname_in_quotes_stays_inside_the_name() {
    let body = "El chileno Rodrigo “Toro” Salinas, entrenador del Club Atlético Ribera, habló tras el partido.\n\nEl técnico chileno dijo que su equipo “mereció ganar”.";
    assert_eq!(speakers(body, Lang::Es)[1], some("Rodrigo Salinas"));
}

#[test]
fn a_party_before_an_abbreviated_title_leaves_the_name_after_it() {
    let body = "Here is what other senators said:\n\n- Democratic Sen. Ana Ruelas: “We will not accept a weak bill.”\n\n- Republican Rep. Joan Ellery: “We need more time.”";
    assert_eq!(
        speakers(body, Lang::En),
        [some("Ana Ruelas"), some("Joan Ellery")]
    );
}

#[test]
fn an_opening_epithet_goes_to_the_person_named_after_its_sentence() {
    let body = "The council has been accused of hiding the audit after a councillor said it was “full of errors”.\n\nCritics said Helen Marsh’s remarks showed how little the council knew.";
    assert_eq!(speakers(body, Lang::En), [some("Helen Marsh")]);
    // Someone else named in the epithet's own sentence plays another part.
    let body = "Voters pay “too much”, the treasurer said after Mayor Tom Reyes fell ill.\n\nHelen Marsh spoke later.";
    assert_ne!(speakers(body, Lang::En), [some("Tom Reyes")]);
}

#[test]
fn an_opening_epithet_points_ahead_to_an_untitled_name_a_cue_inverts() {
    // "dijo Pérez Cuéllar": two name words after a quote's cue are a person, though no title,
    // no known given name and no lone surname says so.
    let body = "«No busco pleitos con nadie», señaló el alcalde tras la sesión.\n\n«La obra sigue en pie», dijo Pérez Cuéllar.";
    assert_eq!(
        speakers(body, Lang::Es),
        [some("Pérez Cuéllar"), some("Pérez Cuéllar")]
    );
    let body = "“I am not picking a fight with anyone,” the mayor said after the session.\n\n“The works go on,” said Okafor Brandt.";
    assert_eq!(
        speakers(body, Lang::En),
        [some("Okafor Brandt"), some("Okafor Brandt")]
    );
    // A capitalized run that modifies a description is no one ("said Lantra Cargo chief …").
    let doc = Document::new("“The works go on,” said Lantra Cargo chief executive Okafor Brandt.");
    let people = People::find(&doc, Lang::En.pack());
    assert!(people.persons.iter().all(|p| p.name != "Lantra Cargo"));
}

#[test]
fn a_quote_only_paragraph_goes_to_the_subject_of_the_paragraph_pointing_back_at_it() {
    let body = "«Vamos a reconstruir cada escuela dañada por el temporal».\n\nDe esta manera, el presidente Julio Arce abordó la emergencia en su visita a Talca.";
    assert_eq!(speakers(body, Lang::Es), [some("Julio Arce")]);
    let body = "“We will rebuild every school the storm damaged.”\n\nWith those words, Governor Ann Royce opened her visit to the coast.";
    assert_eq!(speakers(body, Lang::En), [some("Ann Royce")]);
}

#[test]
fn a_quote_a_conjunction_follows_takes_the_cue_before_it() {
    let body = "Paul Ortega was not convinced, insisting “the cuts are not over” and forecasting that “the queues will grow”.";
    let result = attributed(body, Lang::En);
    assert_eq!(result[0].1, some("Paul Ortega"));
    assert_eq!(result[0].2.as_deref(), Some("insisting"));
}

#[test]
fn reporting_verb_wins_over_a_verb_in_its_reported_clause() {
    assert_eq!(
        speakers(
            "La ministra Elena Robles dijo que el gobernador Tomás Vidal expondrá el plan «en cuanto termine la auditoría».",
            Lang::Es
        ),
        [some("Elena Robles")]
    );
    assert_eq!(
        speakers(
            "Mayor Ana Ortiz said that Governor Paul Reyes answered the council “with a shrug and a promise”.",
            Lang::En
        ),
        [some("Ana Ortiz")]
    );
}

#[test]
fn naming_verb_in_a_reported_clause_credits_its_subject() {
    assert_eq!(
        speakers(
            "The paper reported that Senator Lia Moss called the budget “a fraud”.",
            Lang::En
        ),
        [some("Lia Moss")]
    );
}

#[test]
fn coordinated_reporting_verb_leaves_the_reported_clause() {
    let result = attributed(
        "La ministra Elena Robles recordó que el puerto creció en diez años y sostuvo que la medida «no es un gasto sino una inversión».",
        Lang::Es,
    );
    assert_eq!(result[0].1, some("Elena Robles"));
    assert_eq!(result[0].2.as_deref(), Some("sostuvo"));
}

#[test]
fn written_medium_from_its_author_credits_the_author() {
    assert_eq!(
        speakers(
            "Mayor Ana Ortiz also posted a photo of the two leaders, along with a written letter from Governor Paul Reyes that said, “Thank you for the welcome.”",
            Lang::En
        ),
        [some("Paul Reyes")]
    );
    assert_eq!(
        speakers(
            "La alcaldesa Ana Ortiz mostró una carta del gobernador Pablo Reyes en la que se leía «gracias por todo».",
            Lang::Es
        ),
        [some("Pablo Reyes")]
    );
    // A lone surname after "from" is the author, not a place.
    assert_eq!(
        speakers(
            "Governor Paul Reyes left early.\n\nMayor Ana Ortiz read out a note from Reyes that said, “Thank you for the welcome.”",
            Lang::En
        ),
        [some("Paul Reyes")]
    );
    // With no author after the medium, the subject still wrote it.
    assert_eq!(
        speakers(
            "Mayor Ana Ortiz sent a letter that said, “Thank you for the welcome.”",
            Lang::En
        ),
        [some("Ana Ortiz")]
    );
}

#[test]
fn a_pronoun_after_a_relative_clause_that_reports_speech_continues_its_subject() {
    let body = "Donald Trump met Gustavo Petro on Tuesday.\n\nTrump said the two leaders discussed trade, which Petro welcomed, while also noting that farmers need help.\n\n“People have no other crop to sell,” he said.";
    assert_eq!(speakers(body, Lang::En), [some("Gustavo Petro")]);
    let body = "Donald Trump recibió a Gustavo Petro el martes.\n\nTrump dijo que ambos hablaron de comercio, lo que Petro celebró, aunque también advirtió que los campesinos necesitan ayuda.\n\n«La gente no tiene otro cultivo que vender», dijo.";
    assert_eq!(speakers(body, Lang::Es), [some("Gustavo Petro")]);
    // "que" after a comma may open a reported clause, not a relative one.
    let body = "Donald Trump recibió a Gustavo Petro el martes.\n\nTrump dijo, tras la reunión, que Petro había aceptado el plan y advirtió que no habrá aranceles.\n\n«Fue un gran día», añadió.";
    assert_eq!(speakers(body, Lang::Es), [some("Donald Trump")]);
    // A clause the main verb closes leaves the sentence's subject speaking.
    let body = "Donald Trump met Gustavo Petro on Tuesday.\n\nTrump, who Petro had praised, said the talks went well.\n\n“It was a great day,” he said.";
    assert_eq!(speakers(body, Lang::En), [some("Donald Trump")]);
}

#[test]
fn a_message_introduced_by_a_colon_is_its_senders() {
    let body = "Gustavo Petro y Donald Trump se reunieron el martes.\n\nAl final, Petro recibió un libro y un mensaje de Trump, cordial para ambos países: «Fue un gran honor».";
    assert_eq!(speakers(body, Lang::Es), [some("Donald Trump")]);
    let body = "Gustavo Petro met Donald Trump on Tuesday.\n\nAfterwards Petro received a book and a message from Trump, warm toward both countries: “It was a great honor.”";
    assert_eq!(speakers(body, Lang::En), [some("Donald Trump")]);
    // An epithet for the sender is never the subject who received the message.
    let body = "Gustavo Petro y Donald Trump se reunieron el martes.\n\nAl final, Petro recibió un mensaje del magnate, cordial para ambos países: «Fue un gran honor».";
    assert_eq!(speakers(body, Lang::Es), [some("Donald Trump")]);
}

#[test]
fn a_quote_after_a_colon_is_not_credited_to_the_person_it_names() {
    let body = "El presidente Gustavo Petro se reunió con Donald Trump el lunes.\n\nHoras más \
                tarde, contó que le habría sugerido a Trump un cambio de lema. Un consejo bien \
                recibido: «Le propuse a Donald Trump una idea nueva. Parece que le gustó».";
    assert_eq!(speakers(body, Lang::Es), [some("Gustavo Petro")]);
    let body = "Mayor Ana Ruiz met Governor Paul Grant on Monday.\n\nLater she recalled \
                suggesting a new motto to Grant. It went down well: “I proposed to Paul Grant a \
                new slogan. He seemed to like it.”";
    assert_eq!(speakers(body, Lang::En), [some("Ana Ruiz")]);
}

#[test]
fn pointing_to_or_out_reports_words() {
    let body = "Senator Ana Ruiz spoke on Monday.\n\nShe pointed to how the plan aimed at \
                dividing voters by “race and creed”.";
    assert_eq!(speakers(body, Lang::En), [some("Ana Ruiz")]);
    let body = "La senadora Ana Ruiz habló el lunes.\n\nApuntó a cómo el plan buscaba dividir a \
                los votantes por «raza y credo».";
    assert_eq!(speakers(body, Lang::Es), [some("Ana Ruiz")]);
}

#[test]
fn a_middle_initial_ends_no_sentence_before_the_cue() {
    let en = "Shares fell again.\n\n“Demand will recover by spring,” Laura J. Whitfield, the \
              company's finance chief, said on Monday.";
    let es = "Las acciones volvieron a caer.\n\n«La demanda se recuperará en primavera», Laura \
              J. Whitfield, directora financiera de la empresa, aseguró el lunes.";
    assert_eq!(
        [speakers(en, Lang::En), speakers(es, Lang::Es)],
        [[some("Laura J Whitfield")], [some("Laura J Whitfield")]]
    );
}

#[test]
fn a_quote_that_is_how_someone_summed_up_is_theirs() {
    let en = "Ana Ruiz scored twice for the visitors.\n\n“We go home with our heads down” is how \
              captain Marta Ibáñez today summed up the mood in the camp.";
    assert_eq!(speakers(en, Lang::En), [some("Marta Ibáñez")]);
    let es = "Ana Ruiz marcó dos goles para el rival.\n\n«Volvemos a casa cabizbajas» es como \
              Marta Ibáñez resumió el ánimo del equipo.";
    assert_eq!(speakers(es, Lang::Es), [some("Marta Ibáñez")]);
    let es = "Ana Ruiz marcó dos goles para el rival.\n\n«Volvemos a casa cabizbajas», así \
              resumió la capitana Marta Ibáñez el ánimo del equipo.";
    assert_eq!(speakers(es, Lang::Es), [some("Marta Ibáñez")]);
}

#[test]
fn an_adjective_between_an_indefinite_article_and_a_surname_describes_the_speaker() {
    let en = "Carla Benítez beat Serena Díaz in the final. Díaz congratulated her at the net.\n\n\
              “I never thought I would win here,” an emotional Benítez told the crowd.\n\n\
              “This is the best day of my life.”";
    assert_eq!(
        speakers(en, Lang::En),
        [some("Carla Benítez"), some("Carla Benítez")]
    );
    let es = "Carla Benítez venció a Serena Díaz en la final. Díaz la felicitó en la red.\n\n\
              «Nunca pensé que ganaría aquí», dijo una emocionada Benítez al público.\n\n\
              «Es el mejor día de mi vida.»";
    assert_eq!(
        speakers(es, Lang::Es),
        [some("Carla Benítez"), some("Carla Benítez")]
    );
    // A surname that modifies a noun names no speaker.
    let en = "Carla Benítez spoke first.\n\n“It was a fair result,” said a former Díaz coach.";
    assert_ne!(speakers(en, Lang::En), [some("Díaz")]);
}

#[test]
fn a_participle_after_a_reporting_clause_shares_its_subject() {
    let en = "The letter surfaced on Monday.\n\nLucía Herrera, editor of the Northern Gazette, \
              says the letter is genuine, adding: “I have seen the original.”";
    let es = "La carta apareció el lunes.\n\nLucía Herrera, directora de la Gaceta del Norte, \
              dice que la carta es auténtica, añadiendo: «He visto el original».";
    assert_eq!(
        [speakers(en, Lang::En), speakers(es, Lang::Es)],
        [[some("Lucía Herrera")], [some("Lucía Herrera")]]
    );
}

#[test]
fn a_ranking_number_is_no_name() {
    let en = "Carla Benítez won the title on Saturday.\n\nThe No. 7 seed said it had been the \
              “best fortnight” of her career.";
    assert_eq!(speakers(en, Lang::En), [some("Carla Benítez")]);
}

#[test]
fn ruing_reports_words() {
    let en = "Captain Marta Ibáñez faced the press. Coach Luis Mora spoke after her.\n\n“We \
              were not good enough,” rued the captain.";
    assert_eq!(speakers(en, Lang::En), [some("Marta Ibáñez")]);
}

#[test]
fn a_subjunctive_reporting_verb_is_a_cue() {
    let es = "La ministra Ana Ruiz habló en el Pleno. El diputado Luis Mora respondió \
              después.\n\nLa protesta llegó un día después de que la ministra acusara al partido \
              de «sembrar el odio».";
    assert_eq!(speakers(es, Lang::Es), [some("Ana Ruiz")]);
}

#[test]
fn a_pronoun_continues_the_speaker_credited_after_a_quote_over_the_subject() {
    let en = "Chief executive Alexander Berg spoke to analysts.\n\nThe new range, Aurora One, \
              fronted by Nadia Holt, has had results that “are very encouraging,” said Berg.\n\n\
              “So the plan is on track,” he continued.";
    let es = "El consejero delegado Alexander Berg habló con los analistas.\n\nLa nueva línea, \
              Aurora One, presentada por Nadia Holt, ha tenido resultados que «son muy \
              alentadores», dijo Berg.\n\n«El plan va por buen camino», continuó.";
    assert_eq!(
        [speakers(en, Lang::En), speakers(es, Lang::Es)],
        [
            [some("Alexander Berg"), some("Alexander Berg")],
            [some("Alexander Berg"), some("Alexander Berg")]
        ]
    );
}

#[test]
fn a_portfolio_after_a_role_belongs_to_the_epithet() {
    let es = "La ministra Ana Ruiz habló en el Pleno.\n\nLa protesta llegó un día después de que \
              la ministra de Igualdad acusara al partido de «sembrar el odio».";
    let en = "Secretary Ana Ruiz spoke in the chamber.\n\n“We will not give in,” the secretary of \
              State said.";
    assert_eq!(
        [speakers(es, Lang::Es), speakers(en, Lang::En)],
        [[some("Ana Ruiz")], [some("Ana Ruiz")]]
    );
}

#[test]
fn a_name_after_a_colon_closing_an_opening_quote_is_a_headline_speaker() {
    let es = "El debate siguió en el Senado.\n\n«No es un premio para nadie»: Ana Ruiz sobre el \
              nuevo subsidio.";
    let en = "The debate went on in the Senate.\n\nRead more: “It rewards no one”: Ana Ruiz on \
              the new subsidy.";
    assert_eq!(
        [speakers(es, Lang::Es), speakers(en, Lang::En)],
        [[some("Ana Ruiz")], [some("Ana Ruiz")]]
    );
}

#[test]
fn a_relative_clause_a_dash_opens_credits_the_name_before_it() {
    let en = "Minister Luis Mora spoke on Monday.\n\nThe minister attacked remarks by Ana Ruiz - \
              who said the plan would cause “chaos” - to demand a vote.";
    let es = "El ministro Luis Mora habló el lunes.\n\nEl ministro criticó las palabras de Ana \
              Ruiz —quien dijo que el plan causaría «caos»— para exigir una votación.";
    assert_eq!(
        [speakers(en, Lang::En), speakers(es, Lang::Es)],
        [[some("Ana Ruiz")], [some("Ana Ruiz")]]
    );
}

#[test]
fn platform_named_before_a_coordinated_cue_is_no_speaker() {
    let body = "La alcaldesa Marta Ibarra respondió a las críticas.\n\nIbarra habló de su cuenta en la red social X y ha sostenido que \"cada vecino merece una respuesta\".";
    assert_eq!(speakers(body, Lang::Es), [some("Marta Ibarra")]);
    let body = "Senator Ruth Calloway answered her critics.\n\nCalloway wrote about her account on X and added that \"every voter deserves an answer.\"";
    assert_eq!(speakers(body, Lang::En), [some("Ruth Calloway")]);
}

#[test]
fn a_boss_or_a_manager_is_an_epithet_for_the_person_named_before() {
    let body = "Maria Olsen praised Lena Park after the win.\n\nYet the Rovers boss had doubts about the referee.\n\n“It was a fantastic goal,” the Rovers boss told reporters.";
    assert_eq!(speakers(body, Lang::En), [some("Maria Olsen")]);
    let body = "Marta Ibarra elogió a Lena Park tras la victoria.\n\nPero la jefa del banquillo dudó del árbitro.\n\n«Fue un gol fantástico», dijo la jefa del banquillo.";
    assert_eq!(speakers(body, Lang::Es), [some("Marta Ibarra")]);
}

#[test]
fn an_interview_laid_out_as_topic_labels_is_the_protagonists() {
    let es = "RAYO 1 - BARCELONA 0\n\nFalcao se convirtió en el protagonista de la victoria del Rayo. El colombiano fue el autor del gol.\n\nEstado: «Estamos felices y emocionados».\n\nEl Barcelona: «Es un gran equipo, pero se van a levantar».";
    let en = "Kerber was the star of a long night in Melbourne. The German was superb.\n\nMood: “We are happy and proud.”\n\nThe final: “It will be a hard match.”";
    assert_eq!(speakers(es, Lang::Es), [some("Falcao"), some("Falcao")]);
    assert_eq!(speakers(en, Lang::En), [some("Kerber"), some("Kerber")]);
}

#[test]
fn an_opening_epithet_is_the_protagonist_the_article_names_next() {
    let es = "El delantero azulón fue sin duda el hombre de la noche.\n\nTras el partido en el Coliseum se mostró feliz, asegurando que es «un resultado muy bueno para nosotros».\n\nLa tensión llegó cuando Deyverson adelantó a los suyos. «La gente se enfadó conmigo».";
    let en = "The young striker was the hero of the night at Wembley.\n\n“It was a very good result for us.”\n\nThe tension rose when Okafor put his side ahead.";
    assert_eq!(
        speakers(es, Lang::Es),
        [some("Deyverson"), some("Deyverson")]
    );
    assert_eq!(speakers(en, Lang::En), [some("Okafor")]);
}

#[test]
fn a_name_a_preposition_or_a_clause_governs_before_a_colon_is_no_speaker() {
    let es = "Falcao marcó el gol del triunfo. El colombiano fue el mejor del partido.\n\nEntendimiento con Trejo: «Hablamos constantemente de cómo nos movemos».\n\nEs consciente de que el Ajax no se lo pondrá fácil: «Van a jugar en casa».";
    let en =
        "Kerber won the final in three sets. The German was in tears.\n\nUnderstanding with Trejo: “We talk all the time.”";
    assert_eq!(speakers(es, Lang::Es), [some("Falcao"), some("Falcao")]);
    assert_eq!(speakers(en, Lang::En), [some("Kerber")]);
}

#[test]
fn a_statement_in_an_article_about_no_one_stays_unattributed() {
    let es = "La lluvia volvió a Lima el martes.\n\nEstado: «Las calles están cerradas».";
    let en = "Heavy rain returned to Lima on Tuesday.\n\nRoads: “All closed until further notice.”";
    assert_eq!(speakers(es, Lang::Es), [None]);
    assert_eq!(speakers(en, Lang::En), [None]);
}

#[test]
fn words_quoted_in_prose_about_someone_else_are_not_the_protagonists() {
    let es = "Falcao marcó el gol del triunfo. El colombiano fue el mejor del partido.\n\nEn la grada se escuchó con fuerza el canto «¡Rayo es del barrio!». Falcao estaba «muy contento con lo que hicimos hoy».";
    let en = "Kerber won the final in three sets. The German was in tears.\n\nFans in the stands now speak of a “golden era.” Kerber was “very happy with what we did today.”";
    assert_eq!(speakers(es, Lang::Es), [None, some("Falcao")]);
    assert_eq!(speakers(en, Lang::En), [None, some("Kerber")]);
}

#[test]
fn quotes_listed_with_no_word_between_are_not_the_protagonists() {
    let es = "Falcao marcó el gol del triunfo. El colombiano fue el mejor del partido.\n\nLas redes se llenaron de mensajes.\n\n«Qué golazo, qué noche»; «Es el mejor de la liga»; «Gracias por todo, Radamel».";
    let en = "Kerber won the final in three sets. The German was in tears.\n\nSocial media filled with messages.\n\n“What a match, what a night”; “She is the best in the world”; “Thank you for everything.”";
    assert_eq!(speakers(es, Lang::Es), [None, None, None]);
    assert_eq!(speakers(en, Lang::En), [None, None, None]);
}

#[test]
fn an_inscription_no_one_gave_is_not_the_protagonists() {
    let es = "Falcao marcó el gol del triunfo. El colombiano fue el mejor del partido.\n\nGuardó la camiseta, con la dedicatoria «Para un campeón de verdad».";
    let en = "Kerber won the final in three sets. The German was in tears.\n\nShe kept the ball, inscribed with the words “For a true champion.”";
    assert_eq!(speakers(es, Lang::Es), [None]);
    assert_eq!(speakers(en, Lang::En), [None]);
}

#[test]
fn a_quote_addressed_to_someone_is_not_theirs() {
    // The pronoun would stand for the sentence's subject, whom the quote addresses.
    let body = "Gustavo Petro visited Washington.\n\n“Dear Gustavo, welcome to the White House,” he wrote.";
    assert_ne!(speakers(body, Lang::En)[0], some("Gustavo Petro"));
    let body = "Gustavo Petro visitó Washington.\n\n«Gustavo: un gran honor», escribió.";
    assert_ne!(speakers(body, Lang::Es)[0], some("Gustavo Petro"));
    let body = "Claudia Sheinbaum habló en el Zócalo.\n\n«No somos iguales, Claudia», respondió.";
    assert_ne!(speakers(body, Lang::Es)[0], some("Claudia Sheinbaum"));
}

#[test]
fn a_long_opening_phrase_keeps_the_subject_after_it() {
    // An opening phrase of fifteen words and more, or one whose last place carries its region,
    // still leaves the sentence's subject for the unwritten or pronoun subject after it.
    let body = "Tras la detención de Nicolás Maduro en una operación de las tropas de Estados Unidos en Caracas, Donald Trump explicó la ofensiva que terminó con la salida de Maduro.\n\nAfirmó: «Vamos a dirigir el país».";
    assert_eq!(speakers(body, Lang::Es), [some("Donald Trump")]);
    let body = "After the arrest of Nicolás Maduro in a raid that United States troops mounted in Caracas, Donald Trump explained the offensive that ended with the removal of Maduro.\n\nHe said: “We are going to run the country.”";
    assert_eq!(speakers(body, Lang::En), [some("Donald Trump")]);
    let body = "Ana García negó las explosiones.\n\nSobre la ayuda a las familias tras la tormenta en Culiacán, Sinaloa, López Obrador mostró unas imágenes y aseguró: «El soldado es pueblo uniformado».";
    assert_eq!(speakers(body, Lang::Es), [some("López Obrador")]);
}

#[test]
fn an_unwritten_subject_continues_the_chain_a_cue_read() {
    // "amenazó" and "celebró" continue Trump; the epithet after them, which no one named
    // holds, goes to that chain rather than to Maduro, the last person named.
    let body = "El presidente de Estados Unidos, Donald Trump, anunció que su país tomará el control de Venezuela tras detener a Nicolás Maduro. En su comparecencia, el mandatario dijo que «será algo temporal».\n\nAdemás, amenazó a Venezuela con un «segundo ataque», y sostuvo que sus tropas ya no resisten. «El ejército de Venezuela ya no tiene poder», celebró.\n\nAl explicar la operación, el presidente sostuvo que se empleó un «poder militar abrumador».";
    let found = speakers(body, Lang::Es);
    assert_eq!(found.last().unwrap(), &some("Donald Trump"));
}
