//! Speaker fixtures, one table per language: (article, start of the quote, the speaker's
//! name or `None` for no speaker). Titles and honorifics (`Sen.`, `Dr.`, `Präsident`,
//! `minister`) are never speakers on their own and their full stop ends no sentence: the
//! name after them speaks.

use crate::analysis::text::line_blocks;
use crate::analysis::{analyze, Analysis};
use crate::lang::Lang;

type Case = (&'static str, &'static str, Option<&'static str>);

fn speaker_of<'a>(a: &'a Analysis, quote_start: &str) -> Option<Option<&'a str>> {
    a.quotes
        .iter()
        .find(|q| q.text.starts_with(quote_start))
        .map(|q| q.speaker.as_ref().map(|s| s.name.as_str()))
}

/// The candidates the speaker pass proposed for every quote of `text`, in order.
fn candidates_of(text: &str, lang: Lang) -> Vec<super::rank::Candidate> {
    let (_, candidates) = super::rank::recording(|| analyze(text, &line_blocks(text), lang));
    candidates.into_iter().flatten().collect()
}

/// Each case's quote is found, and its speaker names the wanted person as a whole name (a
/// title before it aside: `Mr. Owen Pruitt` is `Owen Pruitt`, see
/// [`crate::analysis::speaker_match::same_speaker`]), or it has none when none is wanted.
fn check(lang: Lang, table: &[Case]) {
    for &(text, quote, want) in table {
        let a = analyze(text, &line_blocks(text), lang);
        let got = speaker_of(&a, quote);
        let right = match (got, want) {
            (Some(Some(g)), Some(w)) => crate::analysis::speaker_match::same_speaker(g, w, lang),
            (Some(None), None) => true,
            _ => false,
        };
        assert!(right, "{lang:?}: {text}\n{got:?}, want {want:?}");
    }
}

#[test]
fn english_speakers() {
    check(
        Lang::En,
        &[
            ("Farm bill\nThe panel voted on Tuesday. “It is ready,” said Sen. Ben Sasse, the chairman.\n", "It is ready", Some("Ben Sasse")),
            ("Roads\nThe House voted. “Fix them now,” said Rep. Grace Holloway.\n", "Fix them", Some("Grace Holloway")),
            ("Budget\nThe state is short of money. Gov. Judith Rourke said: “We will cut nothing.”\n", "We will cut", Some("Judith Rourke")),
            ("Trade\nThe hearing ran late. “Tariffs are a tool,” Mr. Owen Pruitt said.\n", "Tariffs", Some("Owen Pruitt")),
            ("Health\nThe clinic reopened. Dr. Miriam Shaw was there. “We are ready,” said Dr.\n", "We are ready", Some("Miriam Shaw")),
            ("Race\nMarisol Quintero and Wade Bishop debated. Quintero's campaign said in a statement: “Bishop dodged every question that mattered tonight.”\n", "Bishop dodged", Some("Quintero's campaign")),
            ("Inquiry\nMayor Leonard Grant has denied any wrongdoing. On Tuesday, his office said the mayor had “fully cooperated with the board from day one and will go on doing so.”\n", "fully cooperated", Some("his office")),
            ("Court\nThe Senate met. In a statement, the White House said Judge Harriet Castellano had shown “the temperament and command of the law that the court deserves.”\n", "the temperament", Some("the White House")),
            ("Debate\nWade Bishop left early. A senior adviser, who spoke on condition of anonymity, said he had been “genuinely surprised, and a little hurt by the whole thing.”\n", "genuinely", Some("A senior adviser")),
            // Headlines: a bare noun phrase before the colon or the reporting verb (a plural
            // present such as `warn` too), before or after the quote.
            ("Immigration judges warn backlog has reached ‘a breaking point’\nThe backlog grew again this year.\n", "a breaking point", Some("Immigration judges")),
            ("Rochester schools chief: ‘We are heating empty classrooms’\nSeven schools may close.\n", "We are heating", Some("Rochester schools chief")),
            ("Pulling books ‘is not a parenting decision,’ librarians tell county board\nThe meeting ran late.\n", "is not a parenting", Some("librarians")),
            ("Senators call insulin makers’ prices ‘indefensible’ at hearing\nThe hearing ran late.\n", "indefensible", Some("Senators")),
            // The first name tells the gender (`Bernice`, `Wendell`: the census names of the
            // English list): `he` is not the woman named last.
            ("Schools\nSuperintendent Wendell Tully listened. Bernice Okafor, a board member, asked about the budget. “We will not close a school,” he said.\n", "We will not", Some("Wendell Tully")),
            ("Post\nBradley Summerour deleted the post. In a statement, the Summerour campaign said: “The post was poorly worded and we took it down.”\n", "The post was", Some("the Summerour campaign")),
        ],
    );
}

/// A name that qualifies a noun after a determiner (`one Hartley adviser`) names a phrase:
/// the adviser speaks, not Hartley.
#[test]
fn a_name_qualifying_a_noun_is_no_speaker_of_its_own() {
    let text = "Caucus\nThe campaign is betting on Iowa. “We need to scare them here,” said one Hartley adviser, who was not authorized to speak.\n";
    let a = analyze(text, &line_blocks(text), Lang::En);
    assert_eq!(
        speaker_of(&a, "We need to scare"),
        Some(Some("one Hartley adviser"))
    );
}

#[test]
fn german_speakers() {
    check(
        Lang::De,
        &[
            ("Krise\nDie Lage ist ernst. „Wir handeln jetzt“, sagte Dr. Anna Berger am Montag.\n", "Wir handeln", Some("Anna Berger")),
            ("Haushalt\nDer Etat steht. „Wir sparen nicht“, sagte Präsident Horst Köhler in Berlin.\n", "Wir sparen", Some("Horst Köhler")),
            ("Verkehr\nDie Bahn streikt. „Das ist nicht hinnehmbar“, sagte Prof. Karl Weber.\n", "Das ist nicht", Some("Karl Weber")),
            // A genitive link with no noun after it is no part of the phrase.
            ("Hochwasser\nNach dem Besuch im Tal sprach die Ministerin von der „größten Herausforderung des Jahres“.\n", "größten", Some("die Ministerin")),
        ],
    );
}

#[test]
fn dutch_speakers() {
    check(
        Lang::Nl,
        &[
            (
                "Wonen\nDe Kamer stemde. 'Dit is een goede dag', zei minister Sanne Oosterhuis.\n",
                "Dit is een",
                Some("Sanne Oosterhuis"),
            ),
            (
                "Zorg\nHet ziekenhuis opende. 'We zijn er klaar voor', zei dr. Pieter Smit.\n",
                "We zijn",
                Some("Pieter Smit"),
            ),
            // The end of a split reporting verb is no part of the speaker's phrase.
            (
                "Park\nHet park blijft dicht. 'We wachten op het onderzoek', laat een woordvoerder van de gemeente weten.\n",
                "We wachten",
                Some("een woordvoerder van de gemeente"),
            ),
            // After the verb, a phrase that places an indefinite description is part of it.
            (
                "Dorp\nDe uitslag kwam laat. 'Eindelijk is het zover', zei een boer uit Vriezenveen.\n",
                "Eindelijk",
                Some("een boer uit Vriezenveen"),
            ),
            // A relative clause is no part of the speaker's phrase.
            (
                "Buurt\nDe straat gaat open. 'Ze komen en ze gaan weer', zegt een omwonende die niet met naam genoemd wil worden.\n",
                "Ze komen",
                Some("een omwonende"),
            ),
        ],
    );
}

#[test]
fn french_speakers() {
    check(
        Lang::Fr,
        &[
            ("Budget\nLe conseil a voté. « Nous tiendrons », a déclaré Mme Claire Vasseur lundi.\n", "Nous tiendrons", Some("Claire Vasseur")),
            // A partial quote is speech when its sentence reports (`rétorque`, `esclareceu`,
            // `aseveró`).
            ("Port\nLe projet divise. Le maire Luc Aubert rétorque que le projet est « une chance unique ».\n", "une chance", Some("Luc Aubert")),
            ("Santé\nL'hôpital a rouvert. « Nous sommes prêts », a dit le Dr Paul Girard.\n", "Nous sommes", Some("Paul Girard")),
            ("Usine\nLa ligne a fermé. « On a tout donné », dit un opérateur qui travaille ici depuis vingt ans.\n", "On a tout", Some("un opérateur")),
            ("Tempête\nLe toit s'est envolé. « Je n'ai plus rien », raconte cette retraitée de 74 ans.\n", "Je n'ai plus", Some("cette retraitée")),
            ("Sommet\nLes pourparlers ont échoué. « Ils ont cédé le minimum », estime un diplomate africain sous couvert d'anonymat.\n", "Ils ont cédé", Some("un diplomate africain")),
        ],
    );
}

#[test]
fn spanish_speakers() {
    check(
        Lang::Es,
        &[
            (
                "Obras\nEl pleno aprobó el plan. «Es un paso necesario», dijo la Sra. Marta Gil.\n",
                "Es un paso",
                Some("Marta Gil"),
            ),
            (
                "Sanidad\nLa consejera Elena Ruiz aseveró que el cierre sería «un error grave».\n",
                "un error grave",
                Some("Elena Ruiz"),
            ),
            // An object pronoun before the verb is no part of the speaker's phrase.
            (
                "Barrio\nUna vecina preguntó por la obra. El joven le respondió: «No sé nada de eso».\n",
                "No sé nada",
                Some("El joven"),
            ),
            // An adjective of origin in the description is no name of the speaker.
            (
                "Fútbol\nEl equipo empató en casa. «Quedan muchas jornadas», dijo el delantero vasco.\n",
                "Quedan muchas",
                Some("el delantero vasco"),
            ),
            (
                "Salud\nEl hospital reabrió. «Estamos listos», dijo el Dr. Luis Ortega.\n",
                "Estamos listos",
                Some("Luis Ortega"),
            ),
            // A reflexive or object pronoun before the verb.
            (
                "Fútbol\nEl equipo perdió en casa. «Hicimos lo que pudimos», se lamentó el entrenador al terminar.\n",
                "Hicimos lo",
                Some("el entrenador"),
            ),
        ],
    );
}

#[test]
fn portuguese_speakers() {
    check(
        Lang::Pt,
        &[
            ("Obras\nA câmara aprovou o plano. «É um passo necessário», disse a Sra. Ana Costa.\n", "É um passo", Some("Ana Costa")),
            ("Teatro\nO apoio foi cortado. A diretora Rita Sousa esclareceu que os resultados são «ainda provisórios».\n", "ainda provisórios", Some("Rita Sousa")),
            // A source preposition of three words (`de acordo com`).
            ("Greve\nNenhum comboio circulou. De acordo com o sindicato, a adesão foi de «praticamente total».\n", "praticamente total", Some("o sindicato")),
            ("Saúde\nO hospital reabriu. «Estamos prontos», disse o Dr. João Mendes.\n", "Estamos prontos", Some("João Mendes")),
        ],
    );
}

/// A pronoun takes up the subject of the sentence before it rather than the last name in it
/// (the rules' answer: the candidate marked `casc`).
#[test]
fn a_pronoun_takes_up_the_subject_before_it() {
    for (text, want) in [
        ("Housing\nMayor Ellen Ford spoke on Monday. Ford had written to the state’s housing director, Maria Lane, in May and never heard back. “Nobody called,” she said.\n", "Ellen Ford"),
        // Through a pronoun that is the subject of the sentence before.
        // Over the full stops of abbreviated titles (`Lt. Gov.`, `Ms.`), which end no sentence
        // (and do not make the name after them open one); the title is no part of the name.
        ("Budget\nMs. Varga, a Democrat in her second term, met with Speaker Yolanda Baker and Lt. Gov. Samuel Dorsey, then spoke to reporters with Ms. Baker at her side. “I have put three offers on the table,” she said.\n", "Varga"),
        ("Audit\nCouncil member Rita Ames leads the audit panel. Ames told the city’s budget officer, Joan Pratt, that the files were missing. She said Pratt had promised to send them. “I am still waiting,” she said.\n", "Rita Ames"),
    ] {
        let candidates = candidates_of(text, Lang::En);
        let rules_answer = candidates
            .iter()
            .find(|c| c.features.iter().any(|f| f == "casc"))
            .and_then(|c| c.speaker.as_ref())
            .map(|s| s.name.as_str());
        assert_eq!(rules_answer, Some(want), "{text}");
    }
}

/// After `como` the subject follows the verb, and the verb of a relative clause in it is no
/// cue (`Como observou X que pediu anonimato: «…»`): the rules' answer. Whether the ranker
/// keeps it for a one-sentence article moves with its training (see `docs/accuracy.md`).
#[test]
fn the_subject_after_como_and_its_verb() {
    for (text, lang, want) in [
        ("Porto\nComo observou um engenheiro da obra que pediu anonimato: «A ponte aguenta o peso dos camiões e não corre perigo nenhum».\n", Lang::Pt, "um engenheiro da obra"),
        ("Puerto\nComo señaló una portavoz del puerto que pidió no ser citada: «El tráfico no volverá a ser el de antes».\n", Lang::Es, "una portavoz del puerto"),
    ] {
        let rules_answer = candidates_of(text, lang)
            .into_iter()
            .find(|c| c.features.iter().any(|f| f == "casc"))
            .and_then(|c| c.speaker)
            .map(|s| s.name);
        assert_eq!(rules_answer.as_deref(), Some(want), "{text}");
    }
}

/// A candidate's place to its sentence's reporting verb is a feature: right after the verb
/// (`vp=0`), right before it (`vn=0`), with a comma between (`1p`), the determiner it opens
/// with (`det=`), and `vrel=out` outside the sentence; the quote's own words are not read.
#[test]
fn a_candidate_knows_where_it_stands_to_the_verb() {
    let features_of = |text: &str, lang: Lang, name: &str| {
        candidates_of(text, lang)
            .into_iter()
            .find(|c| c.speaker.as_ref().is_some_and(|s| s.name == name))
            .map(|c| c.features)
            .unwrap_or_default()
    };
    for (text, lang, name, want) in [
        (
            "Roads\n“Fix them now,” said Grace Holloway.\n",
            Lang::En,
            "Grace Holloway",
            &["vp=0", "vn=none"][..],
        ),
        (
            "Roads\nGrace Holloway said: “Fix them now.”\n",
            Lang::En,
            "Grace Holloway",
            &["vp=none", "vn=0"][..],
        ),
        (
            "Roads\n“They said no,” Grace Holloway wrote.\n",
            Lang::En,
            "Grace Holloway",
            &["vp=none", "vn=0"][..],
        ),
        (
            "Roads\nGrace Holloway, the mayor, said: “Fix them now.”\n",
            Lang::En,
            "Grace Holloway",
            &["vn=2p"][..],
        ),
        (
            "Haushalt\n„Wir sparen nichts“, sagte der Minister.\n",
            Lang::De,
            "der Minister",
            &["vp=0", "det=der"][..],
        ),
        (
            "Roads\nGrace Holloway spoke first. “Fix them now,” said the engineer.\n",
            Lang::En,
            "Grace Holloway",
            &["vrel=out"][..],
        ),
    ] {
        let f = features_of(text, lang, name);
        for w in want {
            assert!(f.iter().any(|x| x == w), "{text}: {w} not in {f:?}");
        }
    }
}

/// A pronoun may take up a speaker the article never names (`A district official, who …,
/// said …`): the description is one of its candidates.
#[test]
fn a_pronoun_may_stand_for_an_unnamed_speaker() {
    let text = "Schools\nTeachers walked out on Monday. Superintendent Helen Marsh said talks would go on. A district official, who was not allowed to speak about the talks, said the board could find more money. “There is room,” he said.\n";
    assert_eq!(
        descriptions_proposed(text, Lang::En),
        ["A district official"]
    );
}

/// The speakers rule `rule` proposed for the quotes of `text`, in order.
fn proposed_by(text: &str, lang: Lang, rule: &str) -> Vec<String> {
    candidates_of(text, lang)
        .into_iter()
        .filter(|c| c.rules.contains(&rule))
        .filter_map(|c| c.speaker.map(|s| s.name))
        .collect()
}

/// The descriptions a pronoun of `text` may stand for (rule `descref`).
fn descriptions_proposed(text: &str, lang: Lang) -> Vec<String> {
    proposed_by(text, lang, "descref")
}

/// The description a pronoun takes up keeps one phrase that places it (`A technician at
/// the depot`, `Een visser uit Urk`), but not one that says when (`in March`), and no phrase
/// after the verb (`said a driver to the press`: the press does not speak).
#[test]
fn a_description_keeps_the_phrase_that_places_it() {
    let cases = [
        (Lang::En, "Trains\nService was cut. A technician at the depot, who asked not to be named, said the brakes had failed twice. “Nobody listened,” she said.\n", "A technician at the depot"),
        (Lang::En, "Trains\nService was cut. A technician in March said the brakes had failed twice. “Nobody listened,” she said.\n", "A technician"),
        (Lang::En, "Visas\nThe backlog grew. A nurse from Manila, who has waited two years, said she had stopped hoping. “I check every day,” she said.\n", "A nurse from Manila"),
        // The full stop of an abbreviated title ends no sentence before the verb.
        (Lang::En, "Care\nThe ward closed. A nurse who works for Lt. Gov. Reyes's office, who asked not to be named, said staff had quit. “We are exhausted,” she said.\n", "A nurse"),
        (Lang::Nl, "Vangst\nDe quotum is verlaagd. Een visser uit Urk, die anoniem wil blijven, zei dat de vloot krimpt. “Het is op”, zei hij.\n", "Een visser uit Urk"),
    ];
    for (lang, text, want) in cases {
        assert_eq!(descriptions_proposed(text, lang), [want], "{text}");
    }
    // After the verb, a phrase with `to` is the addressee, not part of the speaker.
    let text = "Trains\nService was cut. “The brakes failed twice,” said a driver to the press.\n";
    let a = analyze(text, &line_blocks(text), Lang::En);
    assert_eq!(
        speaker_of(&a, "The brakes"),
        Some(Some("a driver")),
        "{text}"
    );
}

/// A word right after a quote that the lexicon does not list as a reporting verb
/// (`fanfarroneó`, `resmungou`, `a maugréé`) still proposes the subject after it, and a
/// word the lexicon knows is no verb (an article, a conjunction) does not.
#[test]
fn an_unlisted_verb_after_a_quote_proposes_its_subject() {
    let guessed = |text: &str, lang: Lang| proposed_by(text, lang, "guessverb");
    for (text, lang, want) in [
        ("Fútbol\nEl equipo ganó el domingo. «Nadie nos para», fanfarroneó el entrenador del equipo local.\n", Lang::Es, "el entrenador del equipo local"),
        ("Futebol\nA equipa perdeu outra vez. «Assim não dá», resmungou o treinador.\n", Lang::Pt, "o treinador"),
        ("Budget\nLe conseil a voté le budget. « Nous verrons bien », maugréa le maire de la ville.\n", Lang::Fr, "le maire de la ville"),
    ] {
        assert_eq!(guessed(text, lang), [want], "{text}");
    }
    for (text, lang) in [
        (
            "Fútbol\nEl equipo ganó. «Nadie nos para», y el entrenador se fue a casa.\n",
            Lang::Es,
        ),
        (
            "Budget\nLe conseil a voté. « Nous verrons », dit le maire.\n",
            Lang::Fr,
        ),
    ] {
        assert!(guessed(text, lang).is_empty(), "{text}");
    }
}

/// Whatever its verb, a clause that a colon ends right before a quote proposes its subject
/// (`guesscolon`).
#[test]
fn a_colon_proposes_the_subject() {
    let text = "Obras\nEl puente lleva dos años cerrado. El ministro, con una media sonrisa, prometió volver el año que viene: «Para entonces estará abierto».\n";
    assert_eq!(
        proposed_by(text, Lang::Es, "guesscolon"),
        ["El ministro"],
        "{text}"
    );
    // The feminine forms of functions are functions too.
    let text = text.replace("El ministro", "La ministra");
    assert_eq!(
        proposed_by(&text, Lang::Es, "guesscolon"),
        ["La ministra"],
        "{text}"
    );
}

/// The sentence before a quote without attribution proposes the subject of its reporting
/// clause whatever it names (`prevsent`): a company or a union as well as a person.
#[test]
fn the_sentence_before_proposes_its_subject() {
    for (text, lang, want) in [
        ("Fábrica\nLa planta cerrará en marzo. La empresa anunció el cierre el lunes. «No había otra salida».\n", Lang::Es, "La empresa"),
        ("Fábrica\nA fábrica fecha em março. O sindicato contestou a decisão na segunda-feira. «É uma traição».\n", Lang::Pt, "O sindicato"),
        ("Plant\nThe plant will close in March. The company announced the closure on Monday. “There was no other way.”\n", Lang::En, "The company"),
    ] {
        assert_eq!(proposed_by(text, lang, "prevsent"), [want], "{text}");
    }
}
