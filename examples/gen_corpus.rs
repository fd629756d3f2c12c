//! Synthetic corpus generator for quotecheck: English and Spanish news articles about invented
//! events, with gold annotations (`gold.json`) and planted misattributions.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --articles N --seed S --out DIR [--misattribution-rate R]
//! ```
//!
//! # Model
//!
//! Everything is fictional: people, countries, cities, companies and outlets are invented here,
//! and every sentence is written from the templates below.
//!
//! - **Speakers**: a fixed pool of 40 people from three invented countries, each with a name
//!   (English outlets drop the accents of a few), a gender, a role (minister, mayor, senator,
//!   union leader, economist, chief executive, ...) and a nationality. The role gives the ways
//!   an article names the person: "Interior Minister Laura Benítez", "Laura Benítez, the
//!   interior minister", "la ministra del Interior, Laura Benítez", "the minister", "la ministra".
//! - **Events**: 60 distinct (kind, city) pairs drawn from the seed (a summit, a strike, a court
//!   ruling, floods, an election debate, ...), each dated in 2026, with 2 to 4 speakers of the
//!   city's country.
//! - **Statements**: 4 to 8 per event, each credited to one of its speakers and built from a
//!   bilingual template pair with slots (amounts, percentages, counts, places, months, policy
//!   topics, verbs). Within an event the templates, topics and numbers all differ; across the
//!   corpus no two statements share a text. The id of a statement (`e12-s3`) is shared by every
//!   quote of it, in either language.
//! - **Articles**: one event each (chosen at random), alternately English and Spanish, from a
//!   random outlet. An article quotes 4 to 6 distinct statements of its event with varied
//!   attribution structures (before, after, "according to"/"según", "said that"/"aseguró
//!   que"); a speaker's first mention is a full name with role, later ones use the surname, and
//!   a quote right after another by the same speaker may use a pronoun or role epithet.
//!   Some quotes are fragments of their statement; some Spanish articles quote the English
//!   original. Neutral filler prose (no names, no quotation marks) pads each article to about
//!   3 KB.
//! - **Misattributions**: each quote is, with the given probability, credited to another
//!   speaker of the same event. Gold records the speaker the article credits, and a
//!   `speaker_conflict` finding for every statement quoted both correctly and wrongly.
//!
//! # Determinism
//!
//! A small splitmix64 generator drives every choice: the world comes from the seed, each
//! article from the seed and its number. The same arguments give byte-identical files.
//! Articles are streamed to disk one at a time; `gold.json` is written as they go.

use std::collections::HashSet;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Default probability that a quote is credited to the wrong speaker.
const DEFAULT_MISATTRIBUTION_RATE: f64 = 0.02;
/// Probability that a quote is only a fragment of its statement.
const FRAGMENT_RATE: f64 = 0.15;
/// A fragment has at least this many words.
const MIN_FRAGMENT_WORDS: usize = 4;
/// Probability that a quote in a Spanish article keeps the English original.
const ENGLISH_IN_SPANISH_RATE: f64 = 0.10;
/// Probability that a full English mention carries the nationality ("Valdorian Senator ...")
/// and a Spanish epithet the demonym ("la ministra valdoriana").
const NATIONALITY_RATE: f64 = 0.25;
/// Probability that a quote paragraph opens with a short neutral sentence.
const LEAD_IN_RATE: f64 = 0.25;
/// Probability that a statement's `{place}` is the event's city (else another of the country).
const HOME_PLACE_RATE: f64 = 0.6;
/// Number of events in the world.
const EVENT_COUNT: usize = 60;
/// Speakers per event (inclusive range).
const SPEAKERS_PER_EVENT: (u32, u32) = (2, 4);
/// Statements per event (inclusive range).
const STATEMENTS_PER_EVENT: (u32, u32) = (4, 8);
/// Quotes per article (inclusive range; fewer when the event has fewer statements).
const QUOTES_PER_ARTICLE: (u32, u32) = (4, 6);
/// Article size in bytes, front matter included (inclusive range).
const ARTICLE_BYTES: (u32, u32) = (2800, 3300);
/// Articles are published on the event's day or up to this many days later.
const MAX_PUBLICATION_DELAY_DAYS: usize = 2;
/// Gold keeps at most this many characters of a quotation.
const MAX_GOLD_TEXT_CHARS: usize = 200;
/// Attempts at drawing a statement whose text is new before giving up on a template.
const MAX_STATEMENT_ATTEMPTS: usize = 64;

// ---------------------------------------------------------------------------------------------
// Random numbers
// ---------------------------------------------------------------------------------------------

/// splitmix64: tiny, fast and good enough for test data.
struct Rng(u64);

impl Rng {
    /// A generator for `stream` (an article number, say) of `seed`.
    fn new(seed: u64, stream: u64) -> Rng {
        let mut rng = Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next_u64();
        rng
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, (lo, hi): (u32, u32)) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    /// A random element (by value: the tables hold `&str`s and small arrays).
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Tables (all invented). Rows are lines; fields are separated by `|`; pairs by ` / `.
// ---------------------------------------------------------------------------------------------

/// Countries: name | English demonym | Spanish demonym (masculine / feminine) | four cities.
const COUNTRIES: &str = "
Valdoria | Valdorian | valdoriano / valdoriana | Puerto Almira, San Ebrel, Costavela, Torrelisa
Marenia  | Marenian  | mareniano / mareniana   | Ostrena, Calvadera, Brisalta, Valmeral
Tolanda  | Tolandan  | tolandés / tolandesa    | Nueva Tolva, Santa Leira, Riscaluz, Pradomar
";

/// Roles: key | English title before the name | English appositive | English epithet |
/// Spanish description with article (masculine / feminine) | Spanish appositive without article
/// (m / f) | Spanish epithet (m / f) | `comma` when the Spanish description is set off by
/// commas ("la ministra del Interior, X") or `plain` ("la senadora X"). `{org}` and `{country}`
/// are the speaker's.
const ROLES: &str = "
interior    | Interior Minister        | the interior minister           | the minister          | el ministro del Interior / la ministra del Interior             | ministro del Interior / ministra del Interior             | el ministro / la ministra                 | comma
finance     | Finance Minister         | the finance minister            | the minister          | el ministro de Hacienda / la ministra de Hacienda               | ministro de Hacienda / ministra de Hacienda               | el ministro / la ministra                 | comma
health      | Health Minister          | the health minister             | the minister          | el ministro de Salud / la ministra de Salud                     | ministro de Salud / ministra de Salud                     | el ministro / la ministra                 | comma
environment | Environment Minister     | the environment minister        | the minister          | el ministro de Medio Ambiente / la ministra de Medio Ambiente   | ministro de Medio Ambiente / ministra de Medio Ambiente   | el ministro / la ministra                 | comma
labour      | Labour Minister          | the labour minister             | the minister          | el ministro de Trabajo / la ministra de Trabajo                 | ministro de Trabajo / ministra de Trabajo                 | el ministro / la ministra                 | comma
mayor       | {org} Mayor              | the mayor of {org}              | the mayor             | el alcalde de {org} / la alcaldesa de {org}                     | alcalde de {org} / alcaldesa de {org}                     | el alcalde / la alcaldesa                 | comma
senator     | Senator                  | a member of the Senate          | the senator           | el senador / la senadora                                        | senador / senadora                                        | el senador / la senadora                  | plain
union       | union leader             | the head of {org}               | the union leader      | el líder sindical / la líder sindical                           | dirigente de {org} / dirigente de {org}                   | el sindicalista / la sindicalista         | plain
economist   | economist                | an economist at {org}           | the economist         | el economista / la economista                                   | economista de {org} / economista de {org}                 | el economista / la economista             | plain
ceo         | {org} chief executive    | the chief executive of {org}    | the executive         | el consejero delegado de {org} / la consejera delegada de {org} | consejero delegado de {org} / consejera delegada de {org} | el directivo / la directiva               | comma
opposition  | opposition leader        | the leader of the opposition    | the opposition leader | el líder de la oposición / la líder de la oposición             | líder de la oposición / líder de la oposición             | el líder opositor / la líder opositora    | comma
police      | Police Chief             | the head of the national police | the police chief      | el jefe de la Policía Nacional / la jefa de la Policía Nacional | jefe de la Policía Nacional / jefa de la Policía Nacional | el jefe policial / la jefa policial       | comma
governor    | Governor                 | the governor of {org}           | the governor          | el gobernador de {org} / la gobernadora de {org}                | gobernador de {org} / gobernadora de {org}                | el gobernador / la gobernadora            | comma
president   | President                | the president of {country}      | the president         | el presidente de {country} / la presidenta de {country}         | presidente de {country} / presidenta de {country}         | el mandatario / la mandataria             | comma
spokesman   | government spokesperson  | the government spokesperson     | the spokesperson      | el portavoz del Gobierno / la portavoz del Gobierno             | portavoz del Gobierno / portavoz del Gobierno             | el portavoz / la portavoz                 | comma
hospital    | hospital director        | the director of {org}           | the director          | el director de {org} / la directora de {org}                    | director de {org} / directora de {org}                    | el director / la directora                | comma
campaigner  | environmental campaigner | a spokesperson for {org}        | the campaigner        | el activista ambiental / la activista ambiental                 | portavoz de {org} / portavoz de {org}                     | el activista / la activista               | plain
";

/// Speakers (unique surnames): English name | Spanish name | gender | role | country |
/// organisation in English / in Spanish, or `-`.
const SPEAKERS: &str = "
Laura Benítez       | Laura Benítez       | f | interior    | Valdoria | -
Tomás Arriaga       | Tomás Arriaga       | m | finance     | Valdoria | -
Elena Quiroga       | Elena Quiroga       | f | health      | Valdoria | -
Rodrigo Salvatierra | Rodrigo Salvatierra | m | environment | Valdoria | -
Inés Carvallo       | Inés Carvallo       | f | mayor       | Valdoria | Puerto Almira / Puerto Almira
Martín Olabarría    | Martín Olabarría    | m | senator     | Valdoria | -
Rosa Etxeberri      | Rosa Etxeberri      | f | union       | Valdoria | the Puerto Almira dock workers union / el sindicato portuario de Puerto Almira
Daniel Okafor       | Daniel Okafor       | m | economist   | Valdoria | the University of San Ebrel / la Universidad de San Ebrel
Claire Hadley       | Claire Hadley       | f | ceo         | Valdoria | Calvera Energy / Calvera Energía
Julián Montoya      | Julián Montoya      | m | opposition  | Valdoria | -
Patricia Lindqvist  | Patricia Lindqvist  | f | police      | Valdoria | -
Hugo Ferrán         | Hugo Ferrán         | m | governor    | Valdoria | Costavela province / la provincia de Costavela
Beatriz Solano      | Beatriz Solano      | f | president   | Valdoria | -
Andrés Villalba     | Andrés Villalba     | m | spokesman   | Valdoria | -
Lucía Mendaro       | Lucía Mendaro       | f | hospital    | Valdoria | San Ebrel General Hospital / el Hospital General de San Ebrel
Camila Urdaneta     | Camila Urdaneta     | f | interior    | Marenia  | -
Fernando Lazcano    | Fernando Lazcano    | m | finance     | Marenia  | -
Marcos Ibarguren    | Marcos Ibarguren    | m | health      | Marenia  | -
Valeria Cienfuegos  | Valeria Cienfuegos  | f | environment | Marenia  | -
Esteban Quintanar   | Esteban Quintanar   | m | mayor       | Marenia  | Ostrena / Ostrena
Natalia Arrieta     | Natalia Arrieta     | f | senator     | Marenia  | -
Joaquín Berrocal    | Joaquín Berrocal    | m | union       | Marenia  | the Marenian transport workers union / el sindicato de transportistas de Marenia
Sofía Landeta       | Sofía Landeta       | f | economist   | Marenia  | the Calvadera Institute of Economics / el Instituto de Economía de Calvadera
Ricardo Escalante   | Ricardo Escalante   | m | ceo         | Marenia  | Brisalta Mining / Minera Brisalta
Paula Garmendia     | Paula Garmendia     | f | opposition  | Marenia  | -
Oscar Valdivieso    | Óscar Valdivieso    | m | police      | Marenia  | -
Adriana Moncayo     | Adriana Moncayo     | f | governor    | Marenia  | Brisalta province / la provincia de Brisalta
Ignacio Barrenechea | Ignacio Barrenechea | m | president   | Marenia  | -
Helen Marsh         | Helen Marsh         | f | campaigner  | Marenia  | the Green Coast Alliance / la Alianza Costa Verde
Raul Penaloza       | Raúl Peñaloza       | m | spokesman   | Marenia  | -
Monica Aldana       | Mónica Aldana       | f | interior    | Tolanda  | -
Samuel Ortigosa     | Samuel Ortigosa     | m | finance     | Tolanda  | -
Carolina Zubiaurre  | Carolina Zubiaurre  | f | health      | Tolanda  | -
Diego Altamirano    | Diego Altamirano    | m | environment | Tolanda  | -
Teresa Villaseñor   | Teresa Villaseñor   | f | mayor       | Tolanda  | Nueva Tolva / Nueva Tolva
Pablo Echagüe       | Pablo Echagüe       | m | senator     | Tolanda  | -
Irene Castellví     | Irene Castellví     | f | union       | Tolanda  | the Tolandan teachers union / el sindicato docente de Tolanda
Gonzalo Uriarte     | Gonzalo Uriarte     | m | economist   | Tolanda  | Santa Leira University / la Universidad de Santa Leira
Amanda Whitcombe    | Amanda Whitcombe    | f | ceo         | Tolanda  | Nueva Tolva Water / Aguas de Nueva Tolva
Alberto Sanmartin   | Alberto Sanmartín   | m | labour      | Tolanda  | -
";

/// Event kinds: domains (P politics, E economy, S security, H health, V environment) |
/// English name | Spanish name.
const EVENT_KINDS: &str = "
V E | the {city} climate summit               | la cumbre climática de {city}
E P | the {city} dock workers strike          | la huelga portuaria de {city}
V P | the {city} court ruling on water rights | el fallo judicial sobre el agua en {city}
V S | the {city} floods                       | las inundaciones de {city}
P E | the {city} election debate              | el debate electoral de {city}
E P | the {city} budget vote                  | la votación del presupuesto de {city}
H E | the {city} hospital crisis              | la crisis hospitalaria de {city}
V S | the {city} wildfires                    | los incendios forestales de {city}
E P | the {city} trade summit                 | la cumbre comercial de {city}
S P | the {city} security operation           | el operativo de seguridad de {city}
E S | the {city} blackout                     | el apagón de {city}
E P | the {city} transport strike             | la huelga de transporte de {city}
E P | the {city} pension protests             | las protestas por las pensiones en {city}
V H | the {city} drought emergency            | la emergencia por sequía en {city}
S H | the {city} mine collapse                | el derrumbe de la mina de {city}
H S | the {city} fever outbreak               | el brote de fiebre de {city}
";

/// Policy topics: domain | English (no article needed) | Spanish (with article).
const TOPICS: &str = "
P | electoral reform             | la reforma electoral
P | the transparency law         | la ley de transparencia
P | regional autonomy            | la autonomía regional
P | the new constitution         | la nueva constitución
P | public broadcasting          | la radiotelevisión pública
P | municipal budgets            | los presupuestos municipales
P | the anti-corruption office   | la oficina anticorrupción
P | voting from abroad           | el voto en el exterior
P | party financing              | la financiación de los partidos
P | the citizens assembly        | la asamblea ciudadana
E | public housing               | la vivienda pública
E | small business loans         | los préstamos a pequeñas empresas
E | fuel subsidies               | los subsidios al combustible
E | the port expansion           | la ampliación del puerto
E | the minimum wage             | el salario mínimo
E | pensions                     | las pensiones
E | the rail freight line        | la línea ferroviaria de carga
E | tourism grants               | las ayudas al turismo
E | farm credit                  | el crédito agrícola
E | the textile industry         | la industria textil
S | border patrols               | las patrullas fronterizas
S | street lighting              | el alumbrado público
S | the emergency hotline        | la línea de emergencias
S | community policing           | la policía de proximidad
S | the coast guard              | la guardia costera
S | prison reform                | la reforma penitenciaria
S | cybersecurity                | la ciberseguridad
S | the firearms registry        | el registro de armas
S | witness protection           | la protección de testigos
S | night transport safety       | la seguridad del transporte nocturno
H | rural clinics                | los consultorios rurales
H | mental health care           | la atención de salud mental
H | the vaccination programme    | el programa de vacunación
H | emergency wards              | las salas de urgencias
H | medicine prices              | el precio de los medicamentos
H | maternity services           | los servicios de maternidad
H | ambulance coverage           | la cobertura de ambulancias
H | nurse training               | la formación de enfermeras
H | the children's hospital      | el hospital infantil
H | dental care                  | la atención dental
V | flood defences               | las defensas contra inundaciones
V | the river basin              | la cuenca del río
V | coastal wetlands             | los humedales costeros
V | solar farms                  | los parques solares
V | water treatment              | el tratamiento del agua
V | the northern forests         | los bosques del norte
V | recycling plants             | las plantas de reciclaje
V | air quality monitoring       | el control de la calidad del aire
V | the fishing grounds          | los caladeros
V | drinking water reserves      | las reservas de agua potable
";

/// Verbs for `{verb}`: English base form | Spanish infinitive.
const VERBS: &str = "
protect    | proteger
expand     | ampliar
review     | revisar
reform     | reformar
fund       | financiar
modernise  | modernizar
defend     | defender
strengthen | reforzar
suspend    | suspender
cut        | recortar
freeze     | congelar
rebuild    | reconstruir
";

/// Statement templates: domain (as in `EVENT_KINDS`, or G for any event) | English | Spanish.
/// Slots: `{m}` millions, `{p}` percent, `{k}` a count in the hundreds or thousands, `{c}` a
/// small count, `{d}` days or hours, `{y}` years, `{topic}`, `{place}`, `{month}`, `{verb}`.
const STATEMENT_TEMPLATES: &str = "
E | We will invest {m} million in {topic} before {month} | Invertiremos {m} millones en {topic} antes de {month}
E | Unemployment in {place} has fallen by {p} percent since {month} | El desempleo en {place} ha bajado un {p} por ciento desde {month}
E | The budget for {topic} will grow by {p} percent next year | El presupuesto para {topic} crecerá un {p} por ciento el próximo año
E | Small businesses in {place} cannot wait {d} more days for {topic} | Las pequeñas empresas de {place} no pueden esperar {d} días más por {topic}
E | We are not going to {verb} {topic} just to balance the accounts | No vamos a {verb} {topic} solo para cuadrar las cuentas
E | Inflation will stay below {p} percent if we protect {topic} | La inflación se mantendrá por debajo del {p} por ciento si protegemos {topic}
E | In {place} alone, {k} jobs depend on {topic} | Solo en {place}, {k} empleos dependen de {topic}
E | This agreement will bring {m} million in new investment to {place} within {y} years | Este acuerdo traerá {m} millones en nueva inversión a {place} en {y} años
P | We will put {topic} to a public vote before {month} | Someteremos {topic} a votación pública antes de {month}
P | The opposition has blocked {topic} for {y} years | La oposición lleva {y} años bloqueando {topic}
P | I will not sign any law that weakens {topic} in {place} | No firmaré ninguna ley que debilite {topic} en {place}
P | Our party has collected {k} signatures to force a debate on {topic} | Nuestro partido ha reunido {k} firmas para forzar un debate sobre {topic}
P | The government promised {topic} {y} years ago and has delivered nothing | El Gobierno prometió {topic} hace {y} años y no ha cumplido nada
P | We will {verb} {topic} within our first {d} days in office | Vamos a {verb} {topic} en nuestros primeros {d} días de gobierno
P | The people of {place} are tired of waiting {y} years for {topic} | La gente de {place} está cansada de esperar {y} años por {topic}
P | Only {p} percent of the promises on {topic} have been kept | Solo se ha cumplido el {p} por ciento de las promesas sobre {topic}
S | We have deployed {k} officers to protect {topic} in {place} | Hemos desplegado {k} agentes para proteger {topic} en {place}
S | Crime in {place} fell by {p} percent after we reinforced {topic} | La delincuencia en {place} bajó un {p} por ciento después de reforzar {topic}
S | We arrested {k} suspects in {d} days without a single shot fired | Detuvimos a {k} sospechosos en {d} días sin disparar un solo tiro
S | The police will need {m} million for {topic} before {month} | La policía necesitará {m} millones para {topic} antes de {month}
S | Security in {place} cannot depend on {topic} alone | La seguridad de {place} no puede depender solo de {topic}
S | We will open {c} new police stations in {place} before {month} | Abriremos {c} nuevas comisarías en {place} antes de {month}
S | Response times in {place} have been cut by {p} percent thanks to {topic} | Los tiempos de respuesta en {place} se han reducido un {p} por ciento gracias a {topic}
H | Hospitals in {place} are working at {p} percent above capacity | Los hospitales de {place} trabajan un {p} por ciento por encima de su capacidad
H | We need {k} more nurses in {place} before {month} | Necesitamos {k} enfermeras más en {place} antes de {month}
H | Waiting lists have grown by {d} days because of the cuts to {topic} | Las listas de espera han crecido {d} días por los recortes en {topic}
H | Every patient in {place} deserves {topic} close to home | Todo paciente de {place} merece {topic} cerca de casa
H | We will vaccinate {k} children in {place} before {month} | Vacunaremos a {k} niños en {place} antes de {month}
H | The health service lost {m} million in {y} years because of failures in {topic} | El sistema de salud perdió {m} millones en {y} años por los fallos en {topic}
H | Spending on {topic} will rise by {m} million over the next {y} years | El gasto en {topic} aumentará en {m} millones durante los próximos {y} años
V | The river rose {c} centimetres in {d} hours near {place} | El río subió {c} centímetros en {d} horas cerca de {place}
V | We will plant {k} trees in {place} before {month} | Plantaremos {k} árboles en {place} antes de {month}
V | We will cut emissions in {place} by {p} percent within {y} years | Reduciremos las emisiones de {place} un {p} por ciento en {y} años
V | Without {topic}, {place} will run out of water in {d} days | Sin {topic}, {place} se quedará sin agua en {d} días
V | We have removed {k} tonnes of waste from the coast of {place} | Hemos retirado {k} toneladas de residuos de la costa de {place}
V | Protecting {topic} costs less than rebuilding {place} after every flood | Proteger {topic} cuesta menos que reconstruir {place} después de cada inundación
V | {p} percent of the wetlands around {place} have already been lost | El {p} por ciento de los humedales de {place} ya se ha perdido
G | I have spoken with {k} families in {place} this week | Esta semana he hablado con {k} familias de {place}
G | Nobody in {place} will lose {topic} because of this decision | Nadie en {place} perderá {topic} por esta decisión
G | We will publish the full report on {topic} in {month} | Publicaremos el informe completo sobre {topic} en {month}
G | This is the worst crisis {place} has seen in {y} years | Es la peor crisis que ha vivido {place} en {y} años
G | We are ready to {verb} {topic} if the data support it | Estamos dispuestos a {verb} {topic} si los datos lo respaldan
G | The court gave us {d} days to fix {topic} | El tribunal nos dio {d} días para arreglar {topic}
G | We asked for {m} million for {topic} and received less than half | Pedimos {m} millones para {topic} y recibimos menos de la mitad
";

/// Outlets, one a line. A third of the Spanish ones use “” instead of «».
const OUTLETS_EN: &str = "
The Harbour Ledger
Northgate Courier
The Coastal Dispatch
Valdoria Daily Post
The Morning Lantern
Crossroads Wire
The Evening Beacon
Riverside Chronicle
Marenia Observer
The Continental Herald
Openline News
The Weekly Compass
Bluewater Report
The Civic Register
Southern Current
Plainsfield Gazette
Lighthouse Radio News
The Atlas Bulletin
Granite Press Agency
The Daily Almanac
Highland Review
The Signal Desk
Westbrook Tribune
Newsfront 24
The Capital Pages
Tolanda Sentinel
The Harborview Sun
Frontier Ledger
Keystone Wire Service
The Open Road Journal
";
const OUTLETS_ES: &str = "
El Vigía del Sur
Diario La Brújula
La Voz de Ostrena
Agencia Meridional de Noticias
El Heraldo de Valmeral
Crónica Tolandesa
El Faro Digital
Noticias Altamar
La Gaceta del Puerto
Radio Cordillera Sur
El Observador Mareniano
Diario El Puente
La Tribuna de Riscaluz
El Mirador de Calvadera
Semanario La Veleta
Canal 7 Noticias
El Centinela Valdoriano
La Razón del Valle Alto
Diario Costavela
El Correo de Santa Leira
Agencia Horizonte de Prensa
El Pregonero Digital
Onda Valdoria Radio
La Crónica de Pradomar
El Nuevo Vigía
Diario Brisalta
Noticiero Mar y Sierra
El Semáforo Informativo
La Linterna de Torrelisa
Revista Encrucijada
";

/// URL sections by language.
const SECTIONS: [[&str; 5]; 2] = [
    ["news", "world", "politics", "economy", "region"],
    [
        "noticias",
        "internacional",
        "politica",
        "economia",
        "region",
    ],
];

/// Headlines. Slots as in the filler sentences.
const TITLES_EN: &str = "
All eyes on {topic} after {event}
Leaders trade pledges and warnings after {event}
What we learned from {event}
{city} weighs the cost of {event}
Pressure mounts over {topic} after {event}
Competing promises on {topic} follow {event}
Officials clash over {topic} in the wake of {event}
After {event}, {city} looks ahead to {month}
";
const TITLES_ES: &str = "
Todas las miradas, sobre {topic} tras {event}
Promesas y advertencias tras {event}
Las claves de {event}
{city} calcula el coste de {event}
Crece la presión sobre {topic} tras {event}
Promesas enfrentadas sobre {topic} después de {event}
Choque de posturas sobre {topic} tras {event}
Tras {event}, {city} mira hacia {month}
";

/// Opening sentences, after the dateline.
const LEADS_EN: &str = "
Officials, community leaders and residents gathered in {city} on {weekday}, {date}, for {event}.
Officials in {country} spent {weekday} responding to {event}, which has put {topic} at the centre of national debate.
The debate around {event} entered a decisive phase on {weekday}, with competing proposals on {topic} and {topic2}.
Reactions continued to pour in on {weekday} after {event}, one of the most closely watched moments of the year in {country}.
The fallout from {event} dominated the agenda in {city} on {date}.
";
const LEADS_ES: &str = "
Autoridades, dirigentes sociales y vecinos se dieron cita el {weekday}, {date}, en {city} con motivo de {event}.
Las autoridades de {country} dedicaron el {weekday} a responder a {event}, que ha situado {topic} en el centro del debate nacional.
El debate en torno a {event} entró el {weekday} en una fase decisiva, con propuestas enfrentadas sobre {topic} y {topic2}.
Las reacciones siguieron llegando el {weekday} tras {event}, uno de los momentos más observados del año en {country}.
Las consecuencias de {event} dominaron la agenda de {city} el {date}.
";

/// Neutral sentences that may open a quote paragraph.
const LEAD_INS_EN: &str = "
The discussion then turned to {topic}.
The exchange grew more pointed as the day went on.
Later in the day, the focus shifted.
On {topic}, the tone was firmer.
The question of {topic} came up repeatedly.
";
const LEAD_INS_ES: &str = "
La discusión giró después hacia {topic}.
El intercambio se fue endureciendo con el paso de las horas.
Más tarde, el foco se desplazó.
Sobre {topic}, el tono fue más firme.
La cuestión de {topic} surgió en varias ocasiones.
";

/// Background prose: no people, no quotation marks, no reporting verbs. Slots: `{event}`, `{city}`, `{country}`, `{topic}`, `{topic2}`, `{n}` (2–12), `{k}`
/// (a count), `{month}`, `{weekday}`, `{date}`. At most 64 (a bit mask tracks the ones used).
const FILLERS_EN: &str = "
The backdrop to {event} was one of rising tension in {city}.
Local authorities in {city} had prepared for weeks ahead of {event}.
The issue of {topic} has dominated public debate in {country} for most of the year.
Several hundred people gathered outside the main venue on {weekday} morning.
Traffic in the centre of {city} was diverted for much of the day.
Opposition groups have repeatedly asked for more detail on {topic}.
The regional government has not published a full cost estimate.
Official figures put the number of residents directly affected at about {k}.
Analysts expect the discussion on {topic} to continue well into {month}.
{city} is one of the largest cities in {country} and an important regional hub.
Public transport ran on a reduced timetable throughout {weekday}.
The last comparable episode in the region dates back {n} years.
Neighbourhood associations organised meetings in at least {n} districts.
Schools in parts of {city} remained closed as a precaution.
A parliamentary committee is due to review {topic} in {month}.
The national statistics office will publish updated data next month.
Debate over {topic} has split the governing coalition in recent weeks.
Emergency crews worked through the night in several districts.
Business owners in the old town reported a sharp fall in activity.
Independent observers followed the proceedings from a separate room.
The meeting had been postponed twice since the start of the year.
Most of the discussion focused on {topic} and its long-term funding.
Residents near the town hall described a mood of cautious hope.
The central bank has pointed to the cost of further delays on {topic}.
Unions and employers have held {n} rounds of talks so far this year.
Rain and strong winds complicated the logistics on {weekday}.
The session was broadcast live on regional television and radio.
Printed summaries of the proposals were handed to journalists at the door.
Civil society groups have called for an independent audit of {topic}.
The final agenda was agreed only hours before the opening session.
Security around the venue was visibly reinforced.
In {city}, the issue has a long history that goes back to the 1990s.
Turnout at the public hearings was higher than organisers had expected.
The plan still needs the approval of the national parliament.
Several foreign delegations followed the developments closely.
Prices of basic goods in the region have risen steadily since {month}.
The previous plan on {topic} was withdrawn last year after legal challenges.
Volunteers set up information points on the main square of {city}.
Experts expect the real impact to remain unclear for several months.
Local media have covered the story extensively since the first announcement.
A second round of meetings is scheduled for {month}.
The documents presented on {weekday} run to more than {k} pages.
Farmers from the surrounding valleys travelled to {city} to follow the debate.
The regional ombudsman has opened a file on {topic}.
Health services in {city} were placed on alert as a precaution.
Markets reacted calmly to the news.
The dispute over {topic} is expected to feature in the next election campaign.
Investigators are still gathering documents and testimony.
Insurance companies have begun assessing claims from households and shops.
The measures announced so far would apply across {country}.
A coalition of environmental groups is monitoring the situation.
The city council held an extraordinary session late on {weekday}.
";
const FILLERS_ES: &str = "
El contexto de {event} fue de creciente tensión en {city}.
Las autoridades locales de {city} llevaban semanas preparándose para {event}.
El asunto de {topic} ha dominado el debate público en {country} durante buena parte del año.
Varios cientos de personas se concentraron ante la sede principal el {weekday} por la mañana.
El tráfico en el centro de {city} fue desviado durante buena parte de la jornada.
Los grupos de la oposición han pedido en repetidas ocasiones más detalles sobre {topic}.
El gobierno regional no ha publicado una estimación completa de los costes.
Las cifras oficiales sitúan en unos {k} los vecinos afectados de forma directa.
Los analistas prevén que la discusión sobre {topic} se prolongue hasta bien entrado {month}.
{city} es una de las ciudades más grandes de {country} y un importante centro regional.
El transporte público funcionó con horarios reducidos durante todo el {weekday}.
El último episodio comparable en la región se remonta a hace {n} años.
Las asociaciones vecinales organizaron reuniones en al menos {n} barrios.
Los colegios de varias zonas de {city} permanecieron cerrados por precaución.
Una comisión parlamentaria tiene previsto revisar {topic} en {month}.
La oficina nacional de estadística publicará datos actualizados el mes próximo.
El debate sobre {topic} ha dividido a la coalición de gobierno en las últimas semanas.
Los equipos de emergencia trabajaron durante toda la noche en varios barrios.
Los comerciantes del casco antiguo registraron una fuerte caída de la actividad.
Observadores independientes siguieron las sesiones desde una sala contigua.
La reunión se había aplazado dos veces desde comienzos de año.
Buena parte de la discusión giró en torno a {topic} y su financiación a largo plazo.
Los vecinos del entorno del ayuntamiento describieron un ambiente de esperanza prudente.
El banco central ha llamado la atención sobre el coste de nuevos retrasos en {topic}.
Sindicatos y empresarios han celebrado {n} rondas de negociación en lo que va de año.
La lluvia y el fuerte viento complicaron la logística del {weekday}.
La sesión fue retransmitida en directo por la radio y la televisión regionales.
A la entrada se repartieron entre los periodistas resúmenes impresos de las propuestas.
Varias organizaciones sociales han pedido una auditoría independiente de {topic}.
El orden del día definitivo se acordó apenas unas horas antes de la sesión inaugural.
La seguridad en torno a la sede se reforzó de forma visible.
En {city}, el asunto tiene una larga historia que se remonta a los años noventa.
La participación en las audiencias públicas superó las previsiones de los organizadores.
El plan todavía necesita la aprobación del parlamento nacional.
Varias delegaciones extranjeras siguieron de cerca los acontecimientos.
Los precios de los productos básicos en la región no han dejado de subir desde {month}.
El plan anterior sobre {topic} fue retirado el año pasado tras varios recursos judiciales.
Grupos de voluntarios instalaron puntos de información en la plaza mayor de {city}.
Los expertos creen que el impacto real no se conocerá hasta dentro de varios meses.
Los medios locales han seguido la noticia con detalle desde el primer anuncio.
Está prevista una segunda ronda de reuniones para {month}.
Los documentos presentados el {weekday} superan las {k} páginas.
Agricultores de los valles cercanos viajaron a {city} para seguir el debate.
La defensoría del pueblo regional ha abierto un expediente sobre {topic}.
Los servicios sanitarios de {city} fueron puestos en alerta como medida de precaución.
Los mercados reaccionaron con calma a la noticia.
Se espera que la disputa sobre {topic} esté presente en la próxima campaña electoral.
Los investigadores siguen recopilando documentos y testimonios.
Las aseguradoras han empezado a evaluar las reclamaciones de hogares y comercios.
Las medidas anunciadas hasta ahora se aplicarían en todo {country}.
Una coalición de grupos ecologistas sigue de cerca la situación.
El concejo municipal celebró una sesión extraordinaria a última hora del {weekday}.
";

const MONTHS: [[&str; 2]; 12] = [
    ["January", "enero"],
    ["February", "febrero"],
    ["March", "marzo"],
    ["April", "abril"],
    ["May", "mayo"],
    ["June", "junio"],
    ["July", "julio"],
    ["August", "agosto"],
    ["September", "septiembre"],
    ["October", "octubre"],
    ["November", "noviembre"],
    ["December", "diciembre"],
];

const WEEKDAYS: [[&str; 2]; 7] = [
    ["Monday", "lunes"],
    ["Tuesday", "martes"],
    ["Wednesday", "miércoles"],
    ["Thursday", "jueves"],
    ["Friday", "viernes"],
    ["Saturday", "sábado"],
    ["Sunday", "domingo"],
];

/// Days before each month in 2026 (not a leap year).
const DAYS_BEFORE_MONTH: [u32; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

// ---------------------------------------------------------------------------------------------
// Attribution patterns
// ---------------------------------------------------------------------------------------------

/// A sentence that attributes a quote. `[` and `]` stand for the outlet's opening and closing
/// marks; the gold text is what lies between them. Slots: `{q}` the quote, `{ql}` the quote
/// with a lowercase first letter (after "that"/"que"), `{Who}` the speaker opening the
/// sentence, `{who}` the speaker followed by more words, `{who.}` the speaker ending the
/// sentence, `{whom}` the speaker after a preposition, `{city}`, `{weekday}`.
struct Pattern {
    text: &'static str,
    /// Only for a speaker already named in the article ("added", "añadió").
    later_only: bool,
}

const fn pat(text: &'static str, later_only: bool) -> Pattern {
    Pattern { text, later_only }
}

const EN_FULL: [Pattern; 10] = [
    pat("[{q},] {who} said.", false),
    pat("{Who} said: [{q}.]", false),
    pat("[{q},] said {who.}.", false),
    pat("[{q},] {who} told reporters in {city}.", false),
    pat("{Who} told reporters on {weekday}: [{q}.]", false),
    pat("According to {whom}, [{q}.]", false),
    pat("{Who} warned: [{q}.]", false),
    pat("[{q},] {who} said on {weekday}.", false),
    pat("[{q},] {who} added.", true),
    pat("[{q},] {who} insisted.", true),
];
const EN_FRAGMENT: [Pattern; 3] = [
    pat("{Who} said that [{ql}].", false),
    pat("[{q},] {who} said.", false),
    pat("{Who} said on {weekday} that [{ql}].", false),
];
const ES_FULL: [Pattern; 9] = [
    pat("[{q}], afirmó {who.}.", false),
    pat("{Who} aseguró que [{ql}].", false),
    pat("Según {whom}, [{q}].", false),
    pat("{Who} declaró: [{q}].", false),
    pat("[{q}], dijo {who} ante los periodistas en {city}.", false),
    pat("[{q}], señaló {who.}.", false),
    pat("{Who} advirtió el {weekday} que [{ql}].", false),
    pat("[{q}], añadió {who.}.", true),
    pat("[{q}], insistió {who.}.", true),
];
const ES_FRAGMENT: [Pattern; 3] = [
    pat("{Who} dijo que [{ql}].", false),
    pat("[{q}], afirmó {who.}.", false),
    pat("{Who} sostuvo que [{ql}].", false),
];
/// Spanish with the subject left out, for a quote right after another by the same speaker.
const ES_NULL_SUBJECT: [Pattern; 3] = [
    pat("[{q}], añadió.", true),
    pat("[{q}], insistió.", true),
    pat("[{q}], dijo después.", true),
];
/// A Spanish article quoting the English original.
const ES_ENGLISH: [Pattern; 3] = [
    pat("[{q}], dijo {who} en inglés.", false),
    pat("{Who} declaró en inglés: [{q}].", false),
    pat("[{q}], afirmó en inglés {who.}.", false),
];

// ---------------------------------------------------------------------------------------------
// Parsed tables
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Es,
}

impl Lang {
    const BOTH: [Lang; 2] = [Lang::En, Lang::Es];

    fn index(self) -> usize {
        self as usize
    }

    fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

impl Gender {
    /// Index into (masculine, feminine) pairs.
    fn index(self) -> usize {
        self as usize
    }
}

/// Topic domains, in `Tables::topics` order.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Domain {
    Politics,
    Economy,
    Security,
    Health,
    Environment,
}

impl Domain {
    /// The table letter of a domain; G (any domain) is `None`.
    fn parse(letter: &str) -> Option<Domain> {
        match letter {
            "P" => Some(Domain::Politics),
            "E" => Some(Domain::Economy),
            "S" => Some(Domain::Security),
            "H" => Some(Domain::Health),
            "V" => Some(Domain::Environment),
            "G" => None,
            other => panic!("unknown domain letter {other:?}"),
        }
    }
}

struct Country {
    name: &'static str,
    demonym_en: &'static str,
    demonym_es: [&'static str; 2],
    cities: Vec<&'static str>,
}

/// See `ROLES`.
struct Role {
    key: &'static str,
    en_title: &'static str,
    en_desc: &'static str,
    en_epithet: &'static str,
    es_desc: [&'static str; 2],
    es_bare: [&'static str; 2],
    es_epithet: [&'static str; 2],
    es_comma: bool,
}

struct EventKind {
    domains: Vec<Domain>,
    name: [&'static str; 2],
}

struct StatementTemplate {
    /// `None`: fits any event.
    domain: Option<Domain>,
    text: [&'static str; 2],
}

/// Every table, parsed.
struct Tables {
    countries: Vec<Country>,
    event_kinds: Vec<EventKind>,
    /// By `Domain`.
    topics: [Vec<[&'static str; 2]>; 5],
    verbs: Vec<[&'static str; 2]>,
    templates: Vec<StatementTemplate>,
    /// By language.
    outlets: [Vec<&'static str>; 2],
    titles: [Vec<&'static str>; 2],
    leads: [Vec<&'static str>; 2],
    lead_ins: [Vec<&'static str>; 2],
    fillers: [Vec<&'static str>; 2],
}

/// The rows of a table: non-empty lines split at `|`, fields trimmed.
fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| line.split('|').map(str::trim).collect())
}

/// The non-empty lines of a list.
fn lines(table: &'static str) -> Vec<&'static str> {
    table
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect()
}

/// Splits "first / second".
fn pair(field: &'static str) -> [&'static str; 2] {
    let (a, b) = field
        .split_once(" / ")
        .unwrap_or_else(|| panic!("{field:?} is not a pair"));
    [a.trim(), b.trim()]
}

/// The slot names of a template, sorted.
fn slot_names(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names
}

impl Tables {
    fn parse() -> Tables {
        let countries = rows(COUNTRIES)
            .map(|r| Country {
                name: r[0],
                demonym_en: r[1],
                demonym_es: pair(r[2]),
                cities: r[3].split(',').map(str::trim).collect(),
            })
            .collect();
        let event_kinds = rows(EVENT_KINDS)
            .map(|r| EventKind {
                domains: r[0]
                    .split(' ')
                    .map(|d| Domain::parse(d).expect("an event kind has real domains"))
                    .collect(),
                name: [r[1], r[2]],
            })
            .collect();
        let mut topics: [Vec<[&str; 2]>; 5] = Default::default();
        for r in rows(TOPICS) {
            let domain = Domain::parse(r[0]).expect("a topic has a real domain");
            topics[domain as usize].push([r[1], r[2]]);
        }
        let templates: Vec<StatementTemplate> = rows(STATEMENT_TEMPLATES)
            .map(|r| StatementTemplate {
                domain: Domain::parse(r[0]),
                text: [r[1], r[2]],
            })
            .collect();
        for t in &templates {
            assert_eq!(
                slot_names(t.text[0]),
                slot_names(t.text[1]),
                "template slots differ: {:?}",
                t.text
            );
        }
        let fillers = [lines(FILLERS_EN), lines(FILLERS_ES)];
        assert!(fillers.iter().all(|f| f.len() <= 64), "at most 64 fillers");
        Tables {
            countries,
            event_kinds,
            topics,
            verbs: rows(VERBS).map(|r| [r[0], r[1]]).collect(),
            templates,
            outlets: [lines(OUTLETS_EN), lines(OUTLETS_ES)],
            titles: [lines(TITLES_EN), lines(TITLES_ES)],
            leads: [lines(LEADS_EN), lines(LEADS_ES)],
            lead_ins: [lines(LEAD_INS_EN), lines(LEAD_INS_ES)],
            fillers,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The world: speakers, events, statements
// ---------------------------------------------------------------------------------------------

/// A speaker with every way of naming them worked out.
struct Speaker {
    key: String,
    /// Name by language (English outlets drop some accents); the Spanish one is canonical.
    name: [&'static str; 2],
    surname: [&'static str; 2],
    gender: Gender,
    country: usize,
    /// Nationality: English demonym, Spanish demonym in the speaker's gender.
    demonym: [&'static str; 2],
    en_title: String,
    en_desc: String,
    en_epithet: &'static str,
    es_desc: String,
    es_bare: String,
    es_epithet: &'static str,
    es_comma: bool,
}

impl Speaker {
    /// Reads one `SPEAKERS` row.
    fn parse(index: usize, row: &[&'static str], roles: &[Role], tables: &Tables) -> Speaker {
        let name = [row[0], row[1]];
        let gender = match row[2] {
            "f" => Gender::Female,
            "m" => Gender::Male,
            other => panic!("unknown gender {other:?}"),
        };
        let g = gender.index();
        let role = roles
            .iter()
            .find(|r| r.key == row[3])
            .unwrap_or_else(|| panic!("unknown role {:?}", row[3]));
        let country = tables
            .countries
            .iter()
            .position(|c| c.name == row[4])
            .unwrap_or_else(|| panic!("unknown country {:?}", row[4]));
        let org = if row[5] == "-" {
            ["", ""]
        } else {
            pair(row[5])
        };
        let fill = |template: &str, lang: Lang| {
            let mut out = String::new();
            expand(&mut out, template, |slot, out| match slot {
                "org" => push_value(out, lang, org[lang.index()]),
                "country" => out.push_str(tables.countries[country].name),
                other => unreachable!("unknown role slot {other}"),
            });
            out
        };
        let surname = |name: &'static str| name.rsplit(' ').next().unwrap_or(name);
        Speaker {
            key: format!("s{:02}", index + 1),
            name,
            surname: name.map(surname),
            gender,
            country,
            demonym: [
                tables.countries[country].demonym_en,
                tables.countries[country].demonym_es[g],
            ],
            en_title: fill(role.en_title, Lang::En),
            en_desc: fill(role.en_desc, Lang::En),
            en_epithet: role.en_epithet,
            es_desc: fill(role.es_desc[g], Lang::Es),
            es_bare: fill(role.es_bare[g], Lang::Es),
            es_epithet: role.es_epithet[g],
            es_comma: role.es_comma,
        }
    }

    /// Other ways articles name the person, for gold.
    fn aliases(&self) -> Vec<String> {
        let candidates = [
            self.name[0].to_string(),
            self.surname[1].to_string(),
            self.surname[0].to_string(),
            format!("{} {}", self.en_title, self.name[0]),
            format!("{} {} {}", self.demonym[0], self.en_title, self.name[0]),
            self.en_desc.clone(),
            self.en_epithet.to_string(),
            self.es_desc.clone(),
            self.es_bare.clone(),
            self.es_epithet.to_string(),
            format!("{} {}", self.es_epithet, self.demonym[1]),
        ];
        let mut aliases: Vec<String> = Vec::new();
        for alias in candidates {
            if alias != self.name[1] && !aliases.contains(&alias) {
                aliases.push(alias);
            }
        }
        aliases
    }
}

/// A statement: who said it, and its text in English and Spanish.
struct Statement {
    id: String,
    speaker: usize,
    text: [String; 2],
}

/// An event: names, place, date, speakers and statements (indices into `World::statements`).
struct Event {
    name: [String; 2],
    city: &'static str,
    country: usize,
    domains: Vec<Domain>,
    month: u32,
    day: u32,
    speakers: Vec<usize>,
    statements: Vec<usize>,
}

/// Everything articles are written about.
struct World {
    tables: Tables,
    speakers: Vec<Speaker>,
    events: Vec<Event>,
    statements: Vec<Statement>,
}

/// Slot values of one statement.
struct StatementSlots {
    /// (slot letter, value) for every numeric slot.
    numbers: [(char, u32); 6],
    topic: [&'static str; 2],
    place: &'static str,
    month: usize,
    verb: [&'static str; 2],
}

impl World {
    /// Builds speakers, events and statements from `seed`.
    fn build(seed: u64) -> World {
        let tables = Tables::parse();
        let mut rng = Rng::new(seed, u64::MAX);
        let roles: Vec<Role> = rows(ROLES)
            .map(|r| Role {
                key: r[0],
                en_title: r[1],
                en_desc: r[2],
                en_epithet: r[3],
                es_desc: pair(r[4]),
                es_bare: pair(r[5]),
                es_epithet: pair(r[6]),
                es_comma: r[7] == "comma",
            })
            .collect();
        let speakers: Vec<Speaker> = rows(SPEAKERS)
            .enumerate()
            .map(|(i, row)| Speaker::parse(i, &row, &roles, &tables))
            .collect();

        // Distinct (kind, country, city) triples.
        let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
        for kind in 0..tables.event_kinds.len() {
            for (country, c) in tables.countries.iter().enumerate() {
                for city in 0..c.cities.len() {
                    pairs.push((kind, country, city));
                }
            }
        }
        rng.shuffle(&mut pairs);

        let mut events = Vec::with_capacity(EVENT_COUNT);
        let mut statements = Vec::new();
        let mut seen_texts: HashSet<String> = HashSet::new();
        for (e, &(kind, country, city)) in pairs.iter().take(EVENT_COUNT).enumerate() {
            let kind = &tables.event_kinds[kind];
            let city = tables.countries[country].cities[city];
            let name = Lang::BOTH.map(|lang| {
                let mut out = String::new();
                expand(&mut out, kind.name[lang.index()], |_, out| {
                    out.push_str(city)
                });
                out
            });
            let mut candidates: Vec<usize> = (0..speakers.len())
                .filter(|&s| speakers[s].country == country)
                .collect();
            rng.shuffle(&mut candidates);
            candidates.truncate(rng.range(SPEAKERS_PER_EVENT) as usize);
            let mut event = Event {
                name,
                city,
                country,
                domains: kind.domains.clone(),
                month: rng.range((1, 12)),
                // Late enough in the month for every publication day to exist.
                day: rng.range((1, 28 - MAX_PUBLICATION_DELAY_DAYS as u32)),
                speakers: candidates,
                statements: Vec::new(),
            };
            make_statements(
                &mut rng,
                &tables,
                e,
                &mut event,
                &mut statements,
                &mut seen_texts,
            );
            events.push(event);
        }
        World {
            tables,
            speakers,
            events,
            statements,
        }
    }
}

/// Draws the statements of `event` (number `e`): distinct templates, topics and numbers
/// within the event, texts new to the corpus.
fn make_statements(
    rng: &mut Rng,
    tables: &Tables,
    e: usize,
    event: &mut Event,
    statements: &mut Vec<Statement>,
    seen_texts: &mut HashSet<String>,
) {
    let mut templates: Vec<&StatementTemplate> = tables
        .templates
        .iter()
        .filter(|t| t.domain.is_none_or(|d| event.domains.contains(&d)))
        .collect();
    rng.shuffle(&mut templates);
    let wanted = rng.range(STATEMENTS_PER_EVENT) as usize;
    let mut used_numbers: Vec<u32> = Vec::new();
    let mut used_topics: Vec<&'static str> = Vec::new();
    for template in templates {
        if event.statements.len() == wanted {
            break;
        }
        for _ in 0..MAX_STATEMENT_ATTEMPTS {
            let slots = draw_slots(rng, tables, template, event, &used_numbers, &used_topics);
            let text = Lang::BOTH.map(|lang| {
                let mut out = String::new();
                fill_statement(&mut out, template.text[lang.index()], lang, &slots);
                out
            });
            if seen_texts.contains(&text[0]) || seen_texts.contains(&text[1]) {
                continue;
            }
            let slots_used = slot_names(template.text[0]);
            for (slot, value) in slots.numbers {
                if slots_used.contains(&slot.to_string().as_str()) {
                    used_numbers.push(value);
                }
            }
            if slots_used.contains(&"topic") {
                used_topics.push(slots.topic[0]);
            }
            seen_texts.insert(text[0].clone());
            seen_texts.insert(text[1].clone());
            let n = event.statements.len();
            // Every speaker of the event gets a statement; the rest go to any of them.
            let speaker = match event.speakers.get(n) {
                Some(&s) => s,
                None => rng.pick(&event.speakers),
            };
            event.statements.push(statements.len());
            statements.push(Statement {
                id: format!("e{:02}-s{}", e + 1, n + 1),
                speaker,
                text,
            });
            break;
        }
    }
}

/// Draws slot values for `template`, avoiding the event's numbers and topics so far.
fn draw_slots(
    rng: &mut Rng,
    tables: &Tables,
    template: &StatementTemplate,
    event: &Event,
    used_numbers: &[u32],
    used_topics: &[&str],
) -> StatementSlots {
    let mut numbers = [('m', 0), ('p', 0), ('k', 0), ('c', 0), ('d', 0), ('y', 0)];
    for (slot, value) in numbers.iter_mut() {
        *value = loop {
            let v = match slot {
                'm' => 5 * rng.range((1, 180)),
                'p' => rng.range((3, 45)),
                'k' if rng.chance(0.5) => 10 * rng.range((12, 95)),
                'k' => 100 * rng.range((12, 95)),
                'c' => rng.range((5, 95)),
                'd' => rng.range((3, 60)),
                _ => rng.range((2, 15)),
            };
            if !used_numbers.contains(&v) {
                break v;
            }
        };
    }
    let domain = template.domain.unwrap_or_else(|| rng.pick(&event.domains));
    let pool = &tables.topics[domain as usize];
    // At most 8 statements per event, 10 topics per domain: a free topic always exists.
    let topic = loop {
        let t = rng.pick(pool);
        if !used_topics.contains(&t[0]) {
            break t;
        }
    };
    let place = if rng.chance(HOME_PLACE_RATE) {
        event.city
    } else {
        rng.pick(&tables.countries[event.country].cities)
    };
    StatementSlots {
        numbers,
        topic,
        place,
        month: rng.below(12),
        verb: rng.pick(&tables.verbs),
    }
}

/// Writes a statement template in `lang` with `slots`.
fn fill_statement(out: &mut String, template: &str, lang: Lang, slots: &StatementSlots) {
    expand(out, template, |slot, out| match slot {
        "topic" => push_value(out, lang, slots.topic[lang.index()]),
        "place" => out.push_str(slots.place),
        "month" => out.push_str(MONTHS[slots.month][lang.index()]),
        "verb" => out.push_str(slots.verb[lang.index()]),
        number => {
            let (_, value) = slots
                .numbers
                .iter()
                .find(|(s, _)| number.len() == 1 && number.starts_with(*s))
                .unwrap_or_else(|| unreachable!("unknown statement slot {number}"));
            push_number(out, lang, *value);
        }
    });
}

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

/// Copies `template` to `out`, letting `slot` write each `{name}`.
fn expand(out: &mut String, template: &str, mut slot: impl FnMut(&str, &mut String)) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').expect("template slot is closed");
        slot(&after[..close], out);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
}

/// Pushes a slot value; in Spanish, "de" and "a" before "el" contract to "del" and "al".
fn push_value(out: &mut String, lang: Lang, value: &str) {
    if lang == Lang::Es {
        if let Some(rest) = value.strip_prefix("el ") {
            if out.ends_with(" de ") || out.ends_with(" a ") {
                out.pop();
                out.push_str("l ");
                out.push_str(rest);
                return;
            }
        }
    }
    out.push_str(value);
}

/// Pushes `value` with its first letter in upper case.
fn push_capitalized(out: &mut String, value: &str) {
    let mut chars = value.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
}

/// Pushes `value` with its first letter in lower case.
fn push_lowercased(out: &mut String, value: &str) {
    let mut chars = value.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_lowercase());
        out.push_str(chars.as_str());
    }
}

fn capitalized(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    push_capitalized(&mut out, value);
    out
}

/// Pushes a number with thousands separators (',' in English, '.' in Spanish).
fn push_number(out: &mut String, lang: Lang, value: u32) {
    let digits = value.to_string();
    let separator = if lang == Lang::En { ',' } else { '.' };
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(digit);
    }
}

/// Lowercase ASCII words joined by hyphens ("La Voz de Ostrena" → "la-voz-de-ostrena").
fn slugify(text: &str, max_len: usize) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        let c = match c {
            'á' | 'à' | 'Á' => 'a',
            'é' | 'É' => 'e',
            'í' | 'Í' => 'i',
            'ó' | 'Ó' => 'o',
            'ú' | 'ü' | 'Ú' | 'Ü' => 'u',
            'ñ' | 'Ñ' => 'n',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            if slug.len() >= max_len {
                break;
            }
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// Day of the week of a 2026 date (0 = Monday; 1 January 2026 is a Thursday).
fn weekday(month: u32, day: u32) -> usize {
    ((DAYS_BEFORE_MONTH[month as usize - 1] + day - 1 + 3) % 7) as usize
}

// ---------------------------------------------------------------------------------------------
// Articles
// ---------------------------------------------------------------------------------------------

/// How an article names the speaker of a quote.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mention {
    Full,
    Surname,
    Epithet,
    Pronoun,
}

/// The forms of one mention: before more words (an appositive is closed by a comma), at the
/// end of the sentence, and after a preposition.
struct MentionForms {
    followed: String,
    end: String,
    object: String,
}

impl MentionForms {
    fn same(form: String) -> MentionForms {
        MentionForms {
            followed: form.clone(),
            end: form.clone(),
            object: form,
        }
    }

    /// A name with an appositive: "X, the minister" — closed by a comma when words follow.
    fn appositive(form: String) -> MentionForms {
        MentionForms {
            followed: format!("{form},"),
            end: form.clone(),
            object: form,
        }
    }
}

/// Works out the forms of `mention` of `sp` in `lang`.
fn mention_forms(sp: &Speaker, lang: Lang, mention: Mention, rng: &mut Rng) -> MentionForms {
    let l = lang.index();
    let female = sp.gender == Gender::Female;
    match (lang, mention) {
        (_, Mention::Surname) => MentionForms::same(sp.surname[l].to_string()),
        (Lang::En, Mention::Epithet) => MentionForms::same(sp.en_epithet.to_string()),
        (Lang::Es, Mention::Epithet) => {
            if rng.chance(NATIONALITY_RATE) {
                MentionForms::same(format!("{} {}", sp.es_epithet, sp.demonym[l]))
            } else {
                MentionForms::same(sp.es_epithet.to_string())
            }
        }
        (Lang::En, Mention::Pronoun) => MentionForms {
            followed: (if female { "she" } else { "he" }).to_string(),
            end: (if female { "she" } else { "he" }).to_string(),
            object: (if female { "her" } else { "him" }).to_string(),
        },
        (Lang::Es, Mention::Pronoun) => {
            MentionForms::same((if female { "ella" } else { "él" }).to_string())
        }
        (Lang::En, Mention::Full) => {
            if rng.chance(0.5) {
                let nationality = if rng.chance(NATIONALITY_RATE) {
                    format!("{} ", sp.demonym[l])
                } else {
                    String::new()
                };
                MentionForms::same(format!("{nationality}{} {}", sp.en_title, sp.name[l]))
            } else {
                MentionForms::appositive(format!("{}, {}", sp.name[l], sp.en_desc))
            }
        }
        (Lang::Es, Mention::Full) => {
            if rng.chance(0.6) {
                if sp.es_comma {
                    MentionForms::appositive(format!("{}, {}", sp.es_desc, sp.name[l]))
                } else {
                    MentionForms::same(format!("{} {}", sp.es_desc, sp.name[l]))
                }
            } else {
                MentionForms::appositive(format!("{}, {}", sp.name[l], sp.es_bare))
            }
        }
    }
}

/// One annotated quotation of an article.
struct GoldQuote {
    text: String,
    speaker: usize,
    statement: usize,
}

/// What an article contributed, for the summary.
struct ArticleStats {
    misattributed: Vec<usize>,
    correct: Vec<usize>,
}

/// Everything the article writer needs besides its own random stream.
struct Generator<'a> {
    world: &'a World,
    seed: u64,
    misattribution_rate: f64,
}

/// Per-article context for filling templates.
struct ArticleContext<'a> {
    world: &'a World,
    lang: Lang,
    /// The outlet's opening and closing quotation marks.
    marks: (&'static str, &'static str),
    event: &'a Event,
    month: u32,
    day: u32,
}

impl ArticleContext<'_> {
    /// Writes a prose template (filler, lead, title) with fresh random slot values.
    fn fill(&self, out: &mut String, template: &str, rng: &mut Rng) {
        let lang = self.lang;
        let l = lang.index();
        let event = self.event;
        expand(out, template, |slot, out| match slot {
            "event" => push_value(out, lang, &event.name[l]),
            "city" => out.push_str(event.city),
            "country" => out.push_str(self.world.tables.countries[event.country].name),
            "topic" | "topic2" => {
                let domain = rng.pick(&event.domains);
                push_value(
                    out,
                    lang,
                    rng.pick(&self.world.tables.topics[domain as usize])[l],
                );
            }
            "n" => push_number(out, lang, rng.range((2, 12))),
            "k" => push_number(out, lang, 10 * rng.range((3, 99))),
            "month" => out.push_str(MONTHS[rng.below(12)][l]),
            "weekday" => out.push_str(WEEKDAYS[weekday(self.month, self.day)][l]),
            "date" => {
                let month = MONTHS[self.month as usize - 1][l];
                match lang {
                    Lang::En => out.push_str(&format!("{} {month}", self.day)),
                    Lang::Es => out.push_str(&format!("{} de {month}", self.day)),
                }
            }
            other => unreachable!("unknown prose slot {other}"),
        });
    }
}

impl Generator<'_> {
    /// Writes article number `index` (0-based) into `buf` and its quotations into `quotes`.
    fn article(&self, index: usize, buf: &mut String, quotes: &mut Vec<GoldQuote>) -> ArticleStats {
        let world = self.world;
        let tables = &world.tables;
        let mut rng = Rng::new(self.seed, index as u64);
        let lang = if index % 2 == 0 { Lang::En } else { Lang::Es };
        let l = lang.index();
        let event = &world.events[rng.below(world.events.len())];
        let outlet_index = rng.below(tables.outlets[l].len());
        let outlet = tables.outlets[l][outlet_index];
        let marks = match lang {
            Lang::Es if outlet_index % 3 != 2 => ("«", "»"),
            _ => ("“", "”"),
        };
        let ctx = ArticleContext {
            world,
            lang,
            marks,
            event,
            month: event.month,
            day: event.day + rng.below(3) as u32,
        };
        let target = rng.range(ARTICLE_BYTES) as usize;

        // Front matter.
        let mut title = String::new();
        ctx.fill(&mut title, rng.pick(&tables.titles[l]), &mut rng);
        let title = capitalized(&title);
        buf.push_str("---\ntitle: ");
        buf.push_str(&title);
        buf.push_str("\noutlet: ");
        buf.push_str(outlet);
        buf.push_str(&format!(
            "\nurl: https://{}.example/{}/2026/{:02}/{:02}/{}-{}\ndate: 2026-{:02}-{:02}\nlang: {}\n---\n",
            slugify(outlet, 64),
            rng.pick(&SECTIONS[l]),
            ctx.month,
            ctx.day,
            slugify(&title, 60),
            index + 1,
            ctx.month,
            ctx.day,
            lang.tag(),
        ));

        // Dateline and lead.
        match lang {
            Lang::En => buf.push_str(&event.city.to_uppercase()),
            Lang::Es => {
                let month = MONTHS[ctx.month as usize - 1][l];
                buf.push_str(&format!("{}, {} de {month}", event.city, ctx.day));
            }
        }
        buf.push_str(" — ");
        ctx.fill(buf, rng.pick(&tables.leads[l]), &mut rng);
        buf.push_str("\n\n");

        // The statements quoted.
        let mut chosen = event.statements.clone();
        rng.shuffle(&mut chosen);
        chosen.truncate(rng.range(QUOTES_PER_ARTICLE) as usize);

        let mut stats = ArticleStats {
            misattributed: Vec::new(),
            correct: Vec::new(),
        };
        let mut used_fillers: u64 = 0;
        let mut mentioned: Vec<usize> = Vec::new();
        let mut previous: Option<usize> = None;
        let body_start = buf.len();
        let slots = chosen.len() + 1;
        for (i, &statement) in chosen.iter().enumerate() {
            // Filler before this quote: the article's length is spread evenly around quotes.
            let goal = body_start + (target.saturating_sub(body_start)) * i / slots;
            while buf.len() < goal {
                self.filler_paragraph(&ctx, buf, &mut used_fillers, &mut rng);
            }
            let true_speaker = world.statements[statement].speaker;
            let misattributed = rng.chance(self.misattribution_rate);
            let credited = if misattributed {
                let others: Vec<usize> = event
                    .speakers
                    .iter()
                    .copied()
                    .filter(|&s| s != true_speaker)
                    .collect();
                rng.pick(&others)
            } else {
                true_speaker
            };
            let mention = if !mentioned.contains(&credited) {
                mentioned.push(credited);
                Mention::Full
            } else if previous == Some(credited) {
                match rng.below(10) {
                    0..=3 => Mention::Pronoun,
                    4..=6 => Mention::Epithet,
                    _ => Mention::Surname,
                }
            } else {
                Mention::Surname
            };
            previous = Some(credited);
            let text = self.quote_paragraph(&ctx, statement, credited, mention, buf, &mut rng);
            quotes.push(GoldQuote {
                text,
                speaker: credited,
                statement,
            });
            if misattributed {
                stats.misattributed.push(statement);
            } else {
                stats.correct.push(statement);
            }
        }
        // At least one closing paragraph, then up to the target size.
        loop {
            self.filler_paragraph(&ctx, buf, &mut used_fillers, &mut rng);
            if buf.len() >= target {
                break;
            }
        }
        // Paragraphs end with a blank line; the file ends with one newline.
        buf.pop();
        stats
    }

    /// Writes one paragraph of 1–3 filler sentences, none repeated within the article.
    fn filler_paragraph(
        &self,
        ctx: &ArticleContext,
        buf: &mut String,
        used: &mut u64,
        rng: &mut Rng,
    ) {
        let fillers = &self.world.tables.fillers[ctx.lang.index()];
        let sentences = rng.range((1, 3));
        for s in 0..sentences {
            if used.count_ones() as usize == fillers.len() {
                *used = 0;
            }
            let mut pick = rng.below(fillers.len());
            while *used & (1 << pick) != 0 {
                pick = (pick + 1) % fillers.len();
            }
            *used |= 1 << pick;
            if s > 0 {
                buf.push(' ');
            }
            ctx.fill(buf, fillers[pick], rng);
        }
        buf.push_str("\n\n");
    }

    /// Writes the paragraph quoting `statement`, credited to `credited`; returns the gold text.
    fn quote_paragraph(
        &self,
        ctx: &ArticleContext,
        statement: usize,
        credited: usize,
        mut mention: Mention,
        buf: &mut String,
        rng: &mut Rng,
    ) -> String {
        let lang = ctx.lang;
        // The language of the quoted words.
        let english_original = lang == Lang::Es && rng.chance(ENGLISH_IN_SPANISH_RATE);
        let quote_lang = if english_original { Lang::En } else { lang };
        let full = &self.world.statements[statement].text[quote_lang.index()];
        let part = if rng.chance(FRAGMENT_RATE) {
            fragment(full, rng)
        } else {
            None
        };
        let fragment = part.is_some();
        let (quote, starts_sentence) = part.unwrap_or_else(|| (full.clone(), true));
        if english_original && mention == Mention::Pronoun {
            mention = Mention::Epithet;
        }
        let patterns: &[Pattern] = match (lang, english_original, fragment, mention) {
            (Lang::Es, true, _, _) => &ES_ENGLISH,
            (Lang::Es, false, _, Mention::Pronoun) => &ES_NULL_SUBJECT,
            (Lang::Es, false, true, _) => &ES_FRAGMENT,
            (Lang::Es, false, false, _) => &ES_FULL,
            (Lang::En, _, true, _) => &EN_FRAGMENT,
            (Lang::En, _, false, _) => &EN_FULL,
        };
        let usable: Vec<&Pattern> = patterns
            .iter()
            .filter(|p| mention != Mention::Full || !p.later_only)
            // "said she" is not English.
            .filter(|p| {
                !(lang == Lang::En && mention == Mention::Pronoun && p.text.contains("{who.}"))
            })
            .collect();
        let pattern = rng.pick(&usable);
        let forms = mention_forms(&self.world.speakers[credited], lang, mention, rng);

        if rng.chance(LEAD_IN_RATE) {
            ctx.fill(
                buf,
                rng.pick(&self.world.tables.lead_ins[lang.index()]),
                rng,
            );
            buf.push(' ');
        }
        let (mut start, mut end) = (0, 0);
        let mut rest = pattern.text;
        while let Some(at) = rest.find(['[', ']', '{']) {
            buf.push_str(&rest[..at]);
            let (token, after) = if rest[at..].starts_with('{') {
                let close = at + rest[at..].find('}').expect("pattern slot is closed");
                (&rest[at + 1..close], &rest[close + 1..])
            } else {
                (&rest[at..at + 1], &rest[at + 1..])
            };
            match token {
                "[" => {
                    buf.push_str(ctx.marks.0);
                    start = buf.len();
                }
                "]" => {
                    end = buf.len();
                    buf.push_str(ctx.marks.1);
                }
                "q" => buf.push_str(&quote),
                "ql" if starts_sentence && !quote.starts_with("I ") => push_lowercased(buf, &quote),
                "ql" => buf.push_str(&quote),
                "Who" => push_capitalized(buf, &forms.followed),
                "who" => buf.push_str(&forms.followed),
                "who." => buf.push_str(&forms.end),
                "whom" => buf.push_str(&forms.object),
                "city" => buf.push_str(ctx.event.city),
                "weekday" => buf.push_str(WEEKDAYS[weekday(ctx.month, ctx.day)][lang.index()]),
                other => unreachable!("unknown pattern slot {other}"),
            }
            rest = after;
        }
        buf.push_str(rest);
        buf.push_str("\n\n");
        buf[start..end].chars().take(MAX_GOLD_TEXT_CHARS).collect()
    }
}

/// Words a fragment does not end on (it would read as cut off mid-phrase).
const FUNCTION_WORDS: [&str; 52] = [
    "the", "a", "an", "of", "in", "on", "to", "for", "by", "at", "and", "from", "with", "has",
    "have", "will", "is", "are", "be", "been", "our", "we", "i", "not", "any", "that", "than",
    "el", "la", "los", "las", "de", "del", "en", "al", "por", "para", "y", "que", "un", "una",
    "se", "ha", "han", "no", "su", "sin", "sobre", "lo", "nos", "con", "desde",
];

/// A random contiguous part of `text`, shorter than it and at least `MIN_FRAGMENT_WORDS` words
/// long, that neither splits a multi-word name ("Santa Leira") nor ends on a function word;
/// with whether it starts where the text does. `None` when the text has no such part.
fn fragment(text: &str, rng: &mut Rng) -> Option<(String, bool)> {
    let words: Vec<&str> = text.split(' ').collect();
    let n = words.len();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // A cut before word `i` is fine unless it falls between two capitalized words.
    let cut_ok = |i: usize| i == 0 || i == n || !(capital(words[i - 1]) && capital(words[i]));
    let mut candidates = Vec::new();
    for start in (0..n).filter(|&s| cut_ok(s)) {
        for end in (start + MIN_FRAGMENT_WORDS..=n).filter(|&e| cut_ok(e)) {
            let last = words[end - 1].trim_end_matches(',').to_lowercase();
            if end - start < n && !FUNCTION_WORDS.contains(&last.as_str()) {
                candidates.push((start, end));
            }
        }
    }
    if candidates.is_empty() {
        return None;
    }
    let (start, end) = rng.pick(&candidates);
    let part = words[start..end].join(" ");
    Some((part.trim_end_matches(',').to_string(), start == 0))
}

// ---------------------------------------------------------------------------------------------
// Gold file
// ---------------------------------------------------------------------------------------------

/// A JSON string literal.
fn json(text: &str) -> String {
    serde_json::to_string(text).expect("a string always serializes")
}

/// Streams `gold.json`: speakers first, then articles as they are written, findings last.
struct GoldWriter {
    out: BufWriter<fs::File>,
    articles: usize,
}

impl GoldWriter {
    fn create(path: &Path, speakers: &[Speaker]) -> io::Result<GoldWriter> {
        let mut out = BufWriter::with_capacity(1 << 20, fs::File::create(path)?);
        out.write_all(b"{\n  \"speakers\": {")?;
        for (i, sp) in speakers.iter().enumerate() {
            let aliases: Vec<String> = sp.aliases().iter().map(|a| json(a)).collect();
            write!(
                out,
                "{}\n    {}: {{\"name\": {}, \"aliases\": [{}]}}",
                if i == 0 { "" } else { "," },
                json(&sp.key),
                json(sp.name[1]),
                aliases.join(", ")
            )?;
        }
        out.write_all(b"\n  },\n  \"articles\": {")?;
        Ok(GoldWriter { out, articles: 0 })
    }

    fn article(&mut self, file: &str, quotes: &[GoldQuote], world: &World) -> io::Result<()> {
        let separator = if self.articles == 0 { "" } else { "," };
        self.articles += 1;
        write!(self.out, "{separator}\n    {}: {{\"quotes\": [", json(file))?;
        for (i, q) in quotes.iter().enumerate() {
            write!(
                self.out,
                "{}\n      {{\"text\": {}, \"speaker\": {}, \"kind\": \"speech\", \"statement\": {}}}",
                if i == 0 { "" } else { "," },
                json(&q.text),
                json(&world.speakers[q.speaker].key),
                json(&world.statements[q.statement].id),
            )?;
        }
        self.out.write_all(b"\n    ]}")?;
        Ok(())
    }

    fn finish(mut self, findings: &[&str]) -> io::Result<()> {
        self.out.write_all(b"\n  },\n  \"findings\": [")?;
        for (i, statement) in findings.iter().enumerate() {
            write!(
                self.out,
                "{}\n    {{\"kind\": \"speaker_conflict\", \"statement\": {}}}",
                if i == 0 { "" } else { "," },
                json(statement)
            )?;
        }
        self.out.write_all(b"\n  ]\n}\n")?;
        self.out.flush()
    }
}

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

const USAGE: &str = "usage: gen_corpus --articles N --seed S --out DIR [--misattribution-rate R]";

struct Args {
    articles: usize,
    seed: u64,
    out: PathBuf,
    misattribution_rate: f64,
}

/// Parses `--name value` and `--name=value` options; `None` asks for help.
fn parse_args(args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let (mut articles, mut seed, mut out, mut rate) =
        (None, None, None, DEFAULT_MISATTRIBUTION_RATE);
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (arg.clone(), None),
        };
        if name == "-h" || name == "--help" {
            return Ok(None);
        }
        let value = match inline.or_else(|| args.next()) {
            Some(v) => v,
            None => return Err(format!("{name} needs a value\n{USAGE}")),
        };
        let bad = |what: &str| format!("{name}: {value:?} is not {what}");
        match name.as_str() {
            "--articles" => articles = Some(value.parse().map_err(|_| bad("a count"))?),
            "--seed" => seed = Some(value.parse().map_err(|_| bad("an unsigned integer"))?),
            "--out" => out = Some(PathBuf::from(&value)),
            "--misattribution-rate" => {
                rate = value
                    .parse()
                    .ok()
                    .filter(|r: &f64| (0.0..=1.0).contains(r))
                    .ok_or_else(|| bad("a rate between 0 and 1"))?
            }
            _ => return Err(format!("unknown option {name}\n{USAGE}")),
        }
    }
    match (articles, seed, out) {
        (Some(articles), Some(seed), Some(out)) => Ok(Some(Args {
            articles,
            seed,
            out,
            misattribution_rate: rate,
        })),
        _ => Err(format!(
            "--articles, --seed and --out are required\n{USAGE}"
        )),
    }
}

/// Warns about generated-looking articles in `dir` beyond this run's `count`: they are not in
/// the new gold file.
fn warn_about_stale_articles(dir: &Path, count: usize) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let stale = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let number: usize = name.strip_prefix('a')?.strip_suffix(".md")?.parse().ok()?;
            (number > count).then_some(())
        })
        .count();
    if stale > 0 {
        eprintln!(
            "gen_corpus: warning: {} holds {stale} older article file(s) beyond a{:06}.md that gold.json does not annotate",
            dir.display(),
            count
        );
    }
}

fn run(args: &Args) -> io::Result<()> {
    let started = Instant::now();
    fs::create_dir_all(&args.out)?;
    let world = World::build(args.seed);
    let generator = Generator {
        world: &world,
        seed: args.seed,
        misattribution_rate: args.misattribution_rate,
    };
    let gold_path = args.out.join("gold.json");
    let mut gold = GoldWriter::create(&gold_path, &world.speakers)?;

    // Per statement: quoted correctly somewhere, misattributed somewhere.
    let mut correct = vec![false; world.statements.len()];
    let mut wrong = vec![false; world.statements.len()];
    let (mut quote_count, mut planted, mut article_bytes) = (0, 0, 0);
    let mut buf = String::with_capacity(8 << 10);
    let mut quotes = Vec::new();
    for index in 0..args.articles {
        buf.clear();
        quotes.clear();
        let stats = generator.article(index, &mut buf, &mut quotes);
        let file = format!("a{:06}.md", index + 1);
        fs::write(args.out.join(&file), &buf)?;
        gold.article(&file, &quotes, &world)?;
        article_bytes += buf.len();
        quote_count += quotes.len();
        planted += stats.misattributed.len();
        for s in stats.correct {
            correct[s] = true;
        }
        for s in stats.misattributed {
            wrong[s] = true;
        }
    }
    let findings: Vec<&str> = world
        .statements
        .iter()
        .enumerate()
        .filter(|&(s, _)| correct[s] && wrong[s])
        .map(|(_, st)| st.id.as_str())
        .collect();
    gold.finish(&findings)?;
    warn_about_stale_articles(&args.out, args.articles);

    let gold_bytes = fs::metadata(&gold_path)?.len() as usize;
    let quoted = (0..world.statements.len())
        .filter(|&s| correct[s] || wrong[s])
        .count();
    println!(
        "gen_corpus: {} articles, {quote_count} quotes, {quoted} statements quoted (of {} in {} events), \
         {planted} planted misattributions ({} findings), {} bytes (articles {article_bytes}, gold.json {gold_bytes}) \
         in {:.3} s",
        args.articles,
        world.statements.len(),
        world.events.len(),
        findings.len(),
        article_bytes + gold_bytes,
        started.elapsed().as_secs_f64(),
    );
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {}: {e}", args.out.display());
            ExitCode::FAILURE
        }
    }
}
