//! Acceptance tests on the bundled Dutch sample and on short articles written for these tests
//! in each of the six languages.

use super::*;

/// Blocks: the non-empty lines of `text`, without a trailing list of language names.
pub fn line_blocks(text: &str) -> Vec<Range<usize>> {
    let mut v = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let t = line.trim();
        if !t.is_empty() && Lang::from_label(t).is_none() {
            v.push(pos..pos + line.len());
        }
        pos += line.len() + 1;
    }
    v
}

const SAMPLE: &str = include_str!("../../assets/sample.txt");

fn find<'a>(a: &'a Analysis, kind: EntityKind, name: &str) -> Option<&'a Entity> {
    a.entities.iter().find(|e| e.kind == kind && e.name == name)
}

fn has(a: &Analysis, kind: EntityKind, name: &str) -> bool {
    find(a, kind, name).is_some()
}

fn speaker_of<'a>(a: &'a Analysis, quote_start: &str) -> Option<&'a str> {
    a.quotes
        .iter()
        .find(|q| q.text.starts_with(quote_start))
        .and_then(|q| q.speaker.as_ref())
        .map(|s| s.name.as_str())
}

fn check_offsets(text: &str, a: &Analysis) {
    for q in &a.quotes {
        assert_eq!(&text[q.start..q.end], q.text);
        if let Some(s) = &q.speaker {
            assert!(text.get(s.start..s.end).is_some());
        }
    }
    for e in &a.entities {
        for m in &e.mentions {
            assert!(text.get(m.start..m.end).is_some_and(|s| !s.is_empty()));
        }
    }
}

fn run(text: &str, lang: Lang) -> Analysis {
    let a = analyze(text, &line_blocks(text), lang);
    check_offsets(text, &a);
    a
}

/// The sample has nine quoted passages, read by hand:
/// 1. 'vijandige houding' — KCNA's own words about Washington, quoted as a fragment inside
///    the report of what North Korea said ("beschreef de sancties als …"): a partial quote,
///    which the annotated news corpus also counts as direct speech. It is the one short
///    phrase of the article; it is speech by the same rule that makes German „innere
///    Angelegenheit“ speech (a lower-case fragment in a sentence that reports someone's words).
/// 2. 'de VS niet moet verwachten …' — the statement (KCNA's), a full clause.
/// 3. and 4. Park Ji-young, split around "zei defensie-analist Park Ji-young".
/// 5. and 6. General Brunson, split around "verklaarde generaal Brunson".
/// 7. Claus Soong ("legt uit dat '…'"), two sentences.
/// 8. 'een destructieve kracht …' — Soong again, introduced by "Hij voegt eraan toe".
/// 9. The regional diplomat, introduced by a colon.
///
/// So nine direct quotes and no scare quote; the apostrophes of 's werelds, regio's and
/// wapenprogramma's open or close nothing.
#[test]
fn sample_quotes_and_speakers() {
    let a = run(SAMPLE, Lang::Nl);
    let direct: Vec<&Quote> = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect();
    assert_eq!(direct.len(), 9, "{:#?}", a.quotes);
    assert_eq!(a.quotes.len(), 9);
    for q in &a.quotes {
        for trap in ["s werelds", "regio's", "programma's"] {
            assert!(!q.text.contains(trap), "{:?}", q.text);
        }
    }
    assert!(speaker_of(&a, "de VS niet moet").is_some());
    assert_eq!(
        speaker_of(&a, "Dit vertegenwoordigt"),
        Some("Park Ji-young")
    );
    assert_eq!(
        speaker_of(&a, "Zuid-Korea verandert"),
        Some("Park Ji-young")
    );
    assert_eq!(speaker_of(&a, "Onze troepen"), Some("Xavier Brunson"));
    assert_eq!(
        speaker_of(&a, "Het strategische landschap"),
        Some("Xavier Brunson")
    );
    assert_eq!(
        speaker_of(&a, "de militaire samenwerking"),
        Some("Claus Soong")
    );
    assert_eq!(
        speaker_of(&a, "een destructieve kracht"),
        Some("Claus Soong")
    );
    assert_eq!(
        speaker_of(&a, "We zijn getuige"),
        Some("een regionale diplomaat")
    );
    // The pronoun itself is where the attribution refers to Soong.
    let soong2 = a
        .quotes
        .iter()
        .find(|q| q.text.starts_with("een destructieve"))
        .and_then(|q| q.speaker.clone());
    assert_eq!(soong2.map(|s| &SAMPLE[s.start..s.end]), Some("Hij"));
    let park = a
        .quotes
        .iter()
        .find(|q| q.text.starts_with("Dit vert"))
        .and_then(|q| q.speaker.clone());
    assert_eq!(park.map(|s| &SAMPLE[s.start..s.end]), Some("Park Ji-young"));
    // Quote ranges exclude the marks.
    let q = &a.quotes[2];
    assert_eq!(&SAMPLE[q.start - 1..q.start], "'");
}

#[test]
fn sample_entities() {
    let a = run(SAMPLE, Lang::Nl);
    use EntityKind::*;
    for p in ["Trump", "Park Ji-young", "Xavier Brunson", "Claus Soong"] {
        assert!(has(&a, Person, p), "person {p}");
    }
    for o in ["Merics-instituut", "Congres"] {
        assert!(has(&a, Organization, o), "organisation {o}");
    }
    for p in [
        "Verenigde Staten",
        "Noord-Korea",
        "Zuid-Korea",
        "China",
        "Rusland",
        "Pyongyang",
        "Seoul",
        "Noordoost-Azië",
        "Europa",
        "Stille Oceaan",
        "Zuid-Chinese Zee",
    ] {
        assert!(has(&a, Place, p), "place {p}");
    }
    // VS and Verenigde Staten are one entity.
    let us = find(&a, Place, "Verenigde Staten")
        .map(|e| e.mentions.len())
        .unwrap_or(0);
    assert!(us >= 5, "{us}");
    // generaal Xavier Brunson = Brunson.
    assert_eq!(
        find(&a, Person, "Xavier Brunson").map(|e| e.mentions.len()),
        Some(2)
    );
    let value = |k, surface: &str| {
        a.entities
            .iter()
            .find(|e| e.kind == k && e.mentions.iter().any(|m| &SAMPLE[m.range()] == surface))
            .and_then(|e| e.value.clone())
    };
    assert_eq!(
        value(Money, "$3 miljard").as_deref(),
        Some("3000000000 USD")
    );
    assert_eq!(
        value(Money, "$350 miljard").as_deref(),
        Some("350000000000 USD")
    );
    assert_eq!(value(Number, "28.500").as_deref(), Some("28500"));
    assert_eq!(value(Date, "2025").as_deref(), Some("2025"));
}

/// What a reader finds in the sample and the analysis does not (yet): the statistical model
/// decides, and the rules that got these right cost precision on annotated news (see
/// `entities::find`). Run with `cargo test -- --ignored` to see where it stands.
#[test]
#[ignore = "known misses of the model on the sample"]
fn sample_entities_the_model_misses() {
    let a = run(SAMPLE, Lang::Nl);
    // `minister van Defensie Hegseth`: the model takes `Defensie Hegseth` as one organisation.
    assert!(has(&a, EntityKind::Person, "Hegseth"));
    // `KCNA-nieuwsagentschap`: the model keeps the compound, as the annotated news does.
    assert!(has(&a, EntityKind::Organization, "KCNA"));
    // `Washingtons 'vijandige houding'`: the genitive is tagged `other`.
    assert!(has(&a, EntityKind::Place, "Washington"));
    // The statement (`De verklaring`) speaks for KCNA.
    assert_eq!(speaker_of(&a, "de VS niet moet"), Some("KCNA"));
}

const EN: &str = "Flooding closed the port of Rotterdam on Monday, and shipping firms warned of delays.
“We have never seen water this high in March,” said Maria Jansen, a harbour official. “It will take days to pump it out.”
According to the Dutch Ministry of Infrastructure, repairs will cost $1.2 billion.
Prime minister Dick Schoof visited the docks. He told reporters that the government would “not leave anyone behind”.
The so-called “water plan” was first proposed in 2021.";

#[test]
fn english_article() {
    let a = run(EN, Lang::En);
    let direct: Vec<_> = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect();
    assert_eq!(direct.len(), 3, "{:#?}", a.quotes);
    assert_eq!(speaker_of(&a, "We have never"), Some("Maria Jansen"));
    assert_eq!(speaker_of(&a, "It will take"), Some("Maria Jansen"));
    assert_eq!(speaker_of(&a, "not leave anyone"), Some("Dick Schoof"));
    let plan = a
        .quotes
        .iter()
        .find(|q| q.text == "water plan")
        .map(|q| q.kind);
    assert_eq!(plan, Some(QuoteKind::Scare));
    assert!(has(&a, EntityKind::Place, "Rotterdam"));
    assert!(has(&a, EntityKind::Person, "Dick Schoof"));
    assert!(a
        .entities
        .iter()
        .any(|e| e.value.as_deref() == Some("1200000000 USD")));
    assert!(a
        .entities
        .iter()
        .any(|e| e.value.as_deref() == Some("2021")));
}

const DE: &str = "Die Bundesregierung hat am Dienstag neue Hilfen für die Landwirtschaft beschlossen.
„Wir lassen die Bauern in dieser Krise nicht allein“, sagte Landwirtschaftsminister Cem Özdemir in Berlin.
Der Bauernverband reagierte zurückhaltend. Verbandspräsident Joachim Rukwied erklärte: „Das Geld kommt zu spät und reicht nicht.“
Er fügte hinzu, man werde die Pläne „genau prüfen“.
Insgesamt sollen 350 Milliarden Dollar über zehn Jahre fließen, so das Ministerium.";

#[test]
fn german_article() {
    let a = run(DE, Lang::De);
    let direct: Vec<_> = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect();
    assert_eq!(direct.len(), 3, "{:#?}", a.quotes);
    assert_eq!(speaker_of(&a, "Wir lassen"), Some("Cem Özdemir"));
    assert_eq!(speaker_of(&a, "Das Geld"), Some("Joachim Rukwied"));
    assert_eq!(speaker_of(&a, "genau prüfen"), Some("Joachim Rukwied"));
    assert!(has(&a, EntityKind::Place, "Berlin"));
    assert!(has(&a, EntityKind::Person, "Cem Özdemir"));
    assert!(a
        .entities
        .iter()
        .any(|e| e.value.as_deref() == Some("350000000000 USD")));
}

fn speaker_span<'a>(text: &'a str, a: &Analysis, quote_start: &str) -> Option<&'a str> {
    a.quotes
        .iter()
        .find(|q| q.text.starts_with(quote_start))
        .and_then(|q| q.speaker.as_ref())
        .and_then(|s| text.get(s.start..s.end))
}

/// German attribution patterns: a parenthesis after the subject, a passive with and without
/// its agent, a relative pronoun before a verb that follows the quote, an adverbial phrase
/// before an inverted reporting verb, and names inside a quote that a pronoun skips.
#[test]
fn german_speaker_patterns() {
    let text = "Die Ministerin Anna Berger (SPD) äußerte Bedenken und sagte: „Wir brauchen mehr Zeit für die Reform.“
Der Verband wurde von vielen Kritikern als „völlig überfordert“ bezeichnet.
Die Pläne, die als „unausgegoren“ beschrieben wurden, liegen seit Montag vor.
Der Vorsitzende der Partei, der die Reform als „großen Fehler“ bezeichnete, trat zurück.
„Wir bleiben hart“, mit diesen Worten meldete sich die Gewerkschaftschefin Eva Lind zu Wort.
Die Sprecherin Maria Koch sagte: „Der Kanzler Peter Brandt hat uns enttäuscht.“ Danach betonte sie: „Wir geben nicht auf.“";
    let a = run(text, Lang::De);
    let span = |q: &str| speaker_span(text, &a, q);
    assert!(
        span("Wir brauchen").is_some_and(|s| s.contains("Anna Berger")),
        "{:#?}",
        a.quotes
    );
    assert_eq!(span("völlig überfordert"), Some("vielen Kritikern"));
    assert_eq!(span("unausgegoren"), None);
    assert_eq!(span("großen Fehler"), Some("der"));
    assert!(speaker_of(&a, "großen Fehler").is_some_and(|n| n.contains("Vorsitzende")));
    assert!(span("Wir bleiben").is_some_and(|s| s.contains("Eva Lind")));
    assert_eq!(span("Wir geben"), Some("sie"));
    assert_ne!(speaker_of(&a, "Wir geben"), Some("Peter Brandt"));
}

const FR: &str = "Le gouvernement français a présenté mercredi un plan pour l'énergie.
Selon l'économiste Thomas Piketty, « ce plan ne suffira pas à protéger les ménages ».
« Nous devons réduire notre dépendance au gaz russe », a déclaré la ministre Agnès Pannier-Runacher devant l'Assemblée nationale.
« C'est une étape », a-t-elle ajouté à Paris.
Le coût total atteindrait 3 milliards de dollars, soit environ 28 500 euros par commune.";

#[test]
fn french_article() {
    let a = run(FR, Lang::Fr);
    let direct: Vec<_> = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect();
    assert_eq!(direct.len(), 3, "{:#?}", a.quotes);
    assert_eq!(
        speaker_of(&a, "Nous devons"),
        Some("Agnès Pannier-Runacher")
    );
    assert_eq!(speaker_of(&a, "ce plan"), Some("Thomas Piketty"));
    assert_eq!(speaker_of(&a, "C'est une"), Some("Agnès Pannier-Runacher"));
    assert!(has(&a, EntityKind::Place, "Paris"));
    assert!(a
        .entities
        .iter()
        .any(|e| e.value.as_deref() == Some("3000000000 USD")));
    assert!(a
        .entities
        .iter()
        .any(|e| e.value.as_deref() == Some("28500 EUR")));
}

const ES: &str =
    "El Gobierno de España aprobó ayer un paquete de ayudas para los agricultores de Andalucía.
«Es una respuesta urgente a una sequía histórica», dijo el ministro Luis Planas en Madrid.
Según la Comisión Europea, la sequía ha costado 3.000 millones de euros desde 2022.
Los sindicatos agrarios critican la medida. «Llega tarde», afirmó su portavoz, Ana López.";

#[test]
fn spanish_article() {
    let a = run(ES, Lang::Es);
    assert_eq!(speaker_of(&a, "Es una respuesta"), Some("Luis Planas"));
    assert_eq!(speaker_of(&a, "Llega tarde"), Some("Ana López"));
    let direct: Vec<_> = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect();
    assert_eq!(direct.len(), 2, "{:#?}", a.quotes);
    assert!(has(&a, EntityKind::Place, "Madrid"));
    assert!(has(&a, EntityKind::Person, "Luis Planas"));
    assert!(a
        .entities
        .iter()
        .any(|e| e.value.as_deref() == Some("3000000000 EUR")));
    assert!(a
        .entities
        .iter()
        .any(|e| e.value.as_deref() == Some("2022")));
}

const PT: &str = "O Governo de Portugal anunciou um novo plano para a habitação em Lisboa.
“Queremos que os jovens possam ficar nas cidades”, disse o primeiro-ministro Luís Montenegro.
Segundo a associação de inquilinos, “o plano chega tarde demais para muitas famílias”.
O investimento total será de 2,5 mil milhões de euros até 2030.";

#[test]
fn portuguese_article() {
    let a = run(PT, Lang::Pt);
    let direct: Vec<_> = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect();
    assert_eq!(direct.len(), 2, "{:#?}", a.quotes);
    assert_eq!(speaker_of(&a, "Queremos"), Some("Luís Montenegro"));
    assert_eq!(
        speaker_of(&a, "o plano chega"),
        Some("a associação de inquilinos")
    );
    assert!(has(&a, EntityKind::Place, "Lisboa"));
    assert!(a
        .entities
        .iter()
        .any(|e| e.value.as_deref() == Some("2500000000 EUR")));
}

const NL: &str = "Het kabinet wil de belasting op vliegtickets in 2026 verhogen.
'Vliegen is te goedkoop geworden,' zei staatssecretaris Anna de Vries. 'Dat moet anders.'
Volgens de ANWB is dat 'een slecht idee'.
De maatregel moet jaarlijks € 2,5 miljoen opleveren.";

#[test]
fn dutch_article() {
    let a = run(NL, Lang::Nl);
    assert_eq!(speaker_of(&a, "Vliegen is"), Some("Anna de Vries"));
    assert_eq!(speaker_of(&a, "Dat moet"), Some("Anna de Vries"));
    assert_eq!(speaker_of(&a, "een slecht idee"), Some("ANWB"));
    assert!(has(&a, EntityKind::Organization, "ANWB"));
    assert!(a
        .entities
        .iter()
        .any(|e| e.value.as_deref() == Some("2500000 EUR")));
}

#[test]
fn never_panics_on_odd_input() {
    let inputs = [
        "",
        "'",
        "„",
        "« »",
        "'s",
        "\"\"\"",
        "'a' 'b",
        "€",
        "$",
        "12.",
        "1,",
        "Ö'Ä„“",
        "He said: “\n“\n“",
        "日本語の'テスト'です。「引用」",
        "e\u{301}'x'\u{200b}",
    ];
    for t in inputs {
        let blocks = line_blocks(t);
        for lang in Lang::ALL {
            let a = analyze(t, &blocks, lang);
            check_offsets(t, &a);
        }
        // Out-of-range and mid-character blocks are ignored, not trusted.
        #[allow(clippy::reversed_empty_ranges)]
        let odd = [0..t.len() + 5, 1..2, 3..1];
        let _ = analyze(t, &odd, Lang::Nl);
    }
}

#[test]
#[ignore]
fn debug_sample() {
    let a = analyze(SAMPLE, &line_blocks(SAMPLE), Lang::Nl);
    for q in &a.quotes {
        eprintln!(
            "{:?} {:?} <- {:?}",
            q.kind,
            q.text,
            q.speaker
                .as_ref()
                .map(|s| (&s.name, &SAMPLE[s.start..s.end]))
        );
    }
    for e in &a.entities {
        eprintln!(
            "{:?} {:?} {:?} {:?}",
            e.kind,
            e.name,
            e.value,
            e.mentions
                .iter()
                .map(|m| &SAMPLE[m.start..m.end])
                .collect::<Vec<_>>()
        );
    }
}

/// Throughput in release mode: `cargo test --release --lib analysis::tests::speed -- --ignored --nocapture`.
#[test]
#[ignore]
fn speed() {
    let mut big = String::new();
    while big.len() < 5_000_000 {
        big.push_str(SAMPLE.trim_end_matches(|c: char| {
            c.is_alphabetic() || c.is_whitespace() || c == 'ç' || c == 'ê' || c == 'ñ'
        }));
        big.push_str("\n\n");
    }
    let blocks = line_blocks(&big);
    let t = std::time::Instant::now();
    let a = analyze(&big, &blocks, Lang::Nl);
    let s = t.elapsed().as_secs_f64();
    println!(
        "articles: {:.1} MB/s ({} quotes)",
        big.len() as f64 / s / 1e6,
        a.quotes.len()
    );
    // One huge paragraph full of unbalanced marks and quotes.
    let mut huge = String::new();
    while huge.len() < 5_000_000 {
        huge.push_str("'Dit is het,' zei Jan de Vries. „Und Berlin “ 'x ‘y « z Washington's 'n 28.500 $3 miljard ");
    }
    let t = std::time::Instant::now();
    let whole: Vec<Range<usize>> = std::iter::once(0..huge.len()).collect();
    let a = analyze(&huge, &whole, Lang::Nl);
    let s = t.elapsed().as_secs_f64();
    println!(
        "one paragraph: {:.1} MB/s ({} quotes)",
        huge.len() as f64 / s / 1e6,
        a.quotes.len()
    );
}

/// German attribution patterns, each sentence written for this test:
/// 1. `nach Angaben des Ministeriums` names the source (its genitive).
/// 2. `heißt es in der Erklärung`: the document speaks.
/// 3. `Am Montag äußerte sich der Sprecher`: a time phrase opens the clause, the subject
///    follows the verb.
/// 4. `Die Polizei hatte den Bericht als „falsch“ zurückgewiesen`: no reporting verb before
///    the quote, the clause's subject speaks.
/// 5. `Der Minister nannte den Plan einen Fehler. … sei ein „Wortbruch“`: reported speech
///    (subjunctive) in the next sentence belongs to the reporting sentence's subject.
///
/// Names used as nouns are not speech: `die „Kampagne für ein Freies Tibet“` after an
/// article, `(„Bewegung für ein besseres Ungarn“)` as a gloss, `laut „news.example.org“`.
#[test]
fn german_attribution_patterns() {
    let text = "Die Preise steigen nach Angaben des Ministeriums „stärker als erwartet“.
„Wir prüfen alle Möglichkeiten“, heißt es in der Erklärung der Regierung.
Am Montag äußerte sich der Sprecher des Konzerns: „Die Lage ist ernst.“
Die Polizei hatte den Bericht umgehend als „völlig falsch“ zurückgewiesen.
Der Minister nannte den Plan einen Fehler. Dieser sei ein „klarer Wortbruch“.
Die „Kampagne für ein Freies Tibet“ berichtete über einen Marsch.
In der Partei Jobbik („Bewegung für ein besseres Ungarn“) gibt es Streit, laut „news.example.org“.";
    let a = run(text, Lang::De);
    let direct: Vec<&str> = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| q.text.as_str())
        .collect();
    assert_eq!(
        direct,
        [
            "stärker als erwartet",
            "Wir prüfen alle Möglichkeiten",
            "Die Lage ist ernst.",
            "völlig falsch",
            "klarer Wortbruch"
        ],
        "{:#?}",
        a.quotes
    );
    let span = |start: &str| speaker_span(text, &a, start);
    assert_eq!(span("stärker"), Some("des Ministeriums"));
    assert!(span("Wir prüfen").is_some_and(|s| s.contains("Erklärung")));
    assert!(span("Die Lage").is_some_and(|s| s.starts_with("der Sprecher")));
    assert_eq!(span("völlig falsch"), Some("Die Polizei"));
    assert_eq!(span("klarer"), Some("Der Minister"));
}

/// German detection: what somebody calls something is their word (`nannte den Plan einen
/// „…“`, `bezeichnete … als „…“`, `sprach von einer „…“`, slogans); names and titles are not
/// (`Der Name lautet „…“`, `die sich „…“ nennt`, `… e.V.`, a name with its acronym, codes,
/// titles listed after a title, `als „…“ bezeichnet wird`).
#[test]
fn german_detection_patterns() {
    let text = "Die Ministerin nannte den Entwurf einen „Rückschritt“.
Der Verband bezeichnete die Pläne als „Betrug am Bürger“.
Ein Sprecher der Stadt sprach von einer „Katastrophe für die Region“.
Die Demonstranten skandierten Parolen wie „Hände weg vom Park“.
Der neue Name des Vereins lautet „Freunde des Waldes“.
Die Gruppe, die sich „Grüne Hand“ nennt, lud ein.
Eingeladen hatte der „Förderkreis Alte Mühle e.V.“ am Sonntag.
Es sprach ein Vertreter der „Liga für Freie Wiesen (LFW)“ am Abend.
Die Loks vom Typ „B4“ fahren nicht mehr.
Er spielte in „Der Wald“ oder „Am Ende kommt der Regen“ mit.
Ein Strom, der als „Gezeitenwind“ bezeichnet wird, bildet sich.
Am Samstag wurde die „5. Lichterwoche“ eröffnet, in der Halle „St. Florian“.
Eine Schule, die sich als „Schule der Vielfalt“ präsentiert, lud ein.
Das Bündnis „United Front“ (übersetzt etwa: „Vereinigte Front“) rief auf.";
    let a = run(text, Lang::De);
    let direct: Vec<&str> = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| q.text.as_str())
        .collect();
    assert_eq!(
        direct,
        [
            "Rückschritt",
            "Betrug am Bürger",
            "Katastrophe für die Region",
            "Hände weg vom Park"
        ],
        "{:#?}",
        a.quotes
    );
    assert_eq!(speaker_of(&a, "Rückschritt"), Some("Die Ministerin"));
}

/// German speakers: a name after the verb is its object unless it ends the clause before the
/// quote (`würdigte Kluncker als „…“`); a short quoted name does not cut the clause that
/// names the speaker (`Ein Sprecher der „Grünen Liga“ nannte …`); an unattributed quote in a
/// paragraph goes to the speaker attributed there before, not to a name mentioned since.
#[test]
fn german_speaker_continuity() {
    let text = "Der Vorsitzende der Gewerkschaft würdigte Hans Klinger heute als „eine große Persönlichkeit“.
Ein Sprecher der „Grünen Liga“ bezeichnete den Plan als „völlig verfehlt“.
Die Ministerin Anna Berger sagte: „Wir werden das prüfen.“ Sie hatte zuvor mit Paul Wendt telefoniert. „Eine Entscheidung fällt im Mai.“";
    let a = run(text, Lang::De);
    let span = |start: &str| speaker_span(text, &a, start);
    assert!(
        span("eine große").is_some_and(|s| !s.contains("Klinger")),
        "{:#?}",
        a.quotes
    );
    assert_eq!(
        span("völlig verfehlt"),
        Some("Ein Sprecher der „Grünen Liga“"),
        "{:#?}",
        a.quotes
    );
    assert_eq!(speaker_of(&a, "Eine Entscheidung"), Some("Anna Berger"));
}

/// German speakers named after the quote (`„…“ Das musste Minister X einräumen.`) and by
/// `dem Bericht zufolge`.
#[test]
fn german_speaker_references() {
    let text =
        "„Ja, es gibt Zumutungen.“ Das musste Finanzminister Peter Steinmann am Montag einräumen.
Die Ursache seien dem Bericht zufolge „technische Probleme“ gewesen.";
    let a = run(text, Lang::De);
    assert_eq!(
        speaker_of(&a, "Ja, es gibt"),
        Some("Peter Steinmann"),
        "{:#?}",
        a.quotes
    );
    let q = a.quotes.iter().find(|q| q.text == "technische Probleme");
    let span = q
        .and_then(|q| q.speaker.as_ref())
        .and_then(|s| text.get(s.start..s.end));
    assert_eq!(span, Some("dem Bericht"), "{:#?}", a.quotes);
}

/// German speakers: a place word that qualifies a noun speaks with it (`des Berliner
/// Verfassungsschutzes`), and `nach Bewertung von X` names a source like `nach Angaben`.
#[test]
fn german_speaker_qualified_names() {
    let text = "Nach Angaben des Berliner Verfassungsschutzes gebe es „keinen Anlass zur Sorge“.
Das Verfahren sei nach Bewertung von Polizei und Staatsanwaltschaft „noch nicht abgeschlossen“.";
    let a = run(text, Lang::De);
    let span = |start: &str| speaker_span(text, &a, start);
    assert_eq!(
        span("keinen Anlass"),
        Some("des Berliner Verfassungsschutzes"),
        "{:#?}",
        a.quotes
    );
    assert!(
        span("noch nicht").is_some_and(|s| s.contains("Polizei")),
        "{:#?}",
        a.quotes
    );
}

/// German: an apposition missing its closing comma does not hide the name before it
/// (`Tom Berger, Präsident des Verbands (XYV) nannte …`); adverbs after a verb are no
/// subject (`„…“ stellte aber gleichzeitig fest`).
#[test]
fn german_speaker_appositions() {
    let text = "Tom Berger, Präsident des Deutschen Segelverbands (DSV) nannte die Bewerbung „sehr respektabel“.
Der Trainer lobte die Mannschaft. „Wir sind bereit“ stellte aber gleichzeitig fest, dass noch Arbeit wartet.";
    let a = run(text, Lang::De);
    let span = |start: &str| speaker_span(text, &a, start);
    assert!(
        span("sehr respektabel").is_some_and(|s| s.contains("Berger")),
        "{:#?}",
        a.quotes
    );
    assert!(
        !span("Wir sind").is_some_and(|s| s.contains("gleichzeitig")),
        "{:#?}",
        a.quotes
    );
}

/// German sources and subjects: a source in quote marks (`laut „Nordpost“`); a main clause
/// before the comma has its own subject (`Ministerin X wies das zurück, die Sprecherin Y
/// erklärte: „…“`). (Who speaks a quote standing alone after a sentence opened by an
/// organisation, `Wirtschaft: Die Partei will … . „…“`, is the ranker's to choose: the rule
/// that said the organisation fires on no German training quote.)
#[test]
fn german_speaker_sources_and_clauses() {
    let text = "Laut „Nordpost“ zeichnet die Regierung das Bild eines „gefährlichen Nachbarn“.
Kulturministerin Karla Sommer wies diese Behauptung zurück, die Sprecherin der Fraktion, Petra Winter, erklärte: „Das ist völlig falsch.“
Wirtschaft: Die SPD will am Kurs festhalten. „Wir wollen eine starke Wirtschaft. Das ist unser Ziel.“";
    let a = run(text, Lang::De);
    assert_eq!(
        speaker_of(&a, "gefährlichen"),
        Some("Nordpost"),
        "{:#?}",
        a.quotes
    );
    assert!(
        speaker_of(&a, "Das ist völlig").is_some_and(|s| s.contains("Winter")),
        "{:#?}",
        a.quotes
    );
}

/// German quoting clauses after the quote: the one quoted after `zitiert` speaks, not the
/// one who quotes (`zitierte man X`, `zitiert nordpost.de Sprecher X`); a source in quote
/// marks right after the verb (`schrieb „Die Woche“`).
#[test]
fn german_speaker_quoting_clauses() {
    let text = "Der Hafen blieb geschlossen. „Wir warten auf das Schiff“, zitierte man den Lotsen Jonas Feldmann aus Emden.
Die Demonstration war friedlich. „Es kamen mehr als erwartet“, zitiert nordpost.de Polizeisprecher Udo Brandt.
Der Maler Otto Kern starb im Winter. „Er war ein stiller Meister“,   schrieb „Die Woche“ in einem Nachruf.
Die Gewerkschaft Erwin Lang verhandelte lange. Die Kosten sollen „durch mehr Effizienz“ sinken, so heißt es in einer gemeinsamen Erklärung der Betriebsräte.";
    let a = run(text, Lang::De);
    let span = |q: &str| speaker_span(text, &a, q);
    assert!(
        span("Wir warten").is_some_and(|s| s.contains("Jonas Feldmann")),
        "{:#?}",
        a.quotes
    );
    assert!(
        span("Es kamen").is_some_and(|s| s.contains("Udo Brandt")),
        "{:#?}",
        a.quotes
    );
    assert_eq!(span("Er war ein"), Some("„Die Woche“"), "{:#?}", a.quotes);
    // The document before `hatte es geheißen` and before a relative clause.
    let text = "Der Sprecher Karl Brenner äußerte sich am Morgen. In einer Mitteilung des Stadtrats vom Montag hatte es geheißen: „Die Brücke bleibt gesperrt.“
Die Ministerin Eva Roth reiste ab. Im Schreiben, das der Verband am Freitag verschickte, heißt es: „Wir lehnen den Plan ab.“";
    let a = run(text, Lang::De);
    let span = |q: &str| speaker_span(text, &a, q);
    assert_eq!(
        span("Die Brücke"),
        Some("einer Mitteilung des Stadtrats vom Montag"),
        "{:#?}",
        a.quotes
    );
    assert!(
        span("Wir lehnen").is_some_and(|s| s.contains("Schreiben")),
        "{:#?}",
        a.quotes
    );
    // Reported speech goes back to a reporting verb whose subject holds a name.
    let text = "Am Treffen nehmen 30 Staaten teil. Die Deutsche Rundschau berichtet in ihrer Ausgabe von 35 Staaten. Dort sei man sich über einen Plan einig geworden. Dieser bestehe aus „strengen“ Regeln.";
    let a = run(text, Lang::De);
    assert!(
        speaker_span(text, &a, "strengen").is_some_and(|s| s.contains("Rundschau")),
        "{:#?}",
        a.quotes
    );
}

/// Speaker patterns outside German, on invented sentences: pro-drop verbs, incises inside
/// the marks, impersonal and anonymous attributions, subjects after an opening phrase,
/// appositions before the verb, and terms the writer also uses without marks.
#[test]
fn romance_and_english_speaker_patterns() {
    // Who speaks: (article, language, quote start, speaker as written).
    for (text, lang, quote, want) in [
        // Spanish and Portuguese: a verb without subject after the quote.
        ("Presupuesto\nLa alcaldesa Marta Gil presentó ayer el plan de obras. «Es un paso necesario para la ciudad», añadió.\n", Lang::Es, "Es un paso", "Marta Gil"),
        ("Futebol\nO treinador elogiou a equipa depois do jogo. «Fomos melhores do início ao fim», sublinhou.\n", Lang::Pt, "Fomos", "O treinador"),
        // `Como señaló X que …:` — after `como` the subject follows the verb, and the verb of a
        // relative clause is not the cue.
        ("Puerto\nComo señaló una portavoz del puerto que pidió no ser citada: «El tráfico no volverá a ser el de antes».\n", Lang::Es, "El tráfico", "una portavoz del puerto"),
        // Incises inside one pair of marks.
        ("Obras\n«No vamos a ceder —advierte Pablo Soler— ni un solo metro de la plaza».\n", Lang::Es, "No vamos", "Pablo Soler"),
        ("Budget\nLe maire Jean Morel a présenté le budget lundi. « Nous tiendrons, a-t-il assuré, tous nos engagements. »\n", Lang::Fr, "Nous tiendrons", "il"),
        // The subject after an opening phrase, and a name before its apposition.
        ("Schools\nIn a statement, the district said it had “completely overhauled” its rules.\n", Lang::En, "completely", "the district"),
        ("Procès\nMarie Durand, avocate au barreau de Lyon, dénonce « une procédure bâclée » devant la cour.\n", Lang::Fr, "une procédure", "Marie Durand"),
    ] {
        let a = run(text, lang);
        assert_eq!(speaker_span(text, &a, quote), Some(want), "{text}: {:#?}", a.quotes);
    }
    // Impersonal attributions and writing without an author name nobody.
    for (text, lang, quote) in [
        ("Grève\nLe cortège a traversé la ville. « On ne lâchera rien », entendait-on dans les rangs.\n", Lang::Fr, "On ne"),
        ("Protesta\nLos vecinos cortaron la calle. «Queremos vivir aquí», se leía en una pancarta.\n", Lang::Es, "Queremos"),
        ("Protesto\nOs moradores cortaram a rua. «Basta de promessas», ouvia-se junto à câmara.\n", Lang::Pt, "Basta"),
        ("Debat\nDe minister verdedigde het plan. 'Dit is pure onzin', klonk het in de zaal.\n", Lang::Nl, "Dit is"),
        ("Closure\nThe library closed on Monday. A sign on the door read: “Closed until further notice. Thank you for your patience.”\n", Lang::En, "Closed until"),
    ] {
        let a = run(text, lang);
        let q = a.quotes.iter().find(|q| q.text.starts_with(quote));
        assert!(q.is_some_and(|q| q.speaker.is_none()), "{text}: {q:?}");
    }
    // A term the article uses without marks is not a quote.
    let es = "Las zonas verdes crecen en Sevilla\nEl plan crea más «zonas verdes» en los barrios del sur, según el ayuntamiento.\n";
    let a = run(es, Lang::Es);
    assert!(a
        .quotes
        .iter()
        .all(|q| !q.text.starts_with("zonas") || q.kind == QuoteKind::Scare));
}

/// Job titles before a name are no name of their own (`Police Superintendent Frank Novak` names
/// one person, not an organisation and a person).
#[test]
fn job_titles_before_names_are_no_entities() {
    let en = "Shooting in Millbrook\n\nPolice Superintendent Frank Novak said the suspect was arrested on Tuesday. Assistant Prosecutor Dana Whitfield said charges would follow.\n\nHouse Speaker Deborah King called the vote a disgrace. County Commissioner Paul Stevens was not available.\n";
    let a = run(en, Lang::En);
    for p in [
        "Frank Novak",
        "Dana Whitfield",
        "Deborah King",
        "Paul Stevens",
    ] {
        assert!(has(&a, EntityKind::Person, p), "{p}: {:#?}", a.entities);
    }
    for t in [
        "Police Superintendent",
        "Assistant Prosecutor",
        "House Speaker",
        "County Commissioner",
    ] {
        assert!(
            !a.entities.iter().any(|e| e.name == t),
            "{t}: {:#?}",
            a.entities
        );
    }
}

/// A German genitive (`Südkoreas`, `Deutschlands`) is shown by its base form when the gazetteer
/// knows it or the article names it so; the mention stays as written.
#[test]
fn german_genitives_are_named_in_the_base_form() {
    let de = "Gipfel in Seoul\n\nDie Regierung Südkoreas hat am Montag die Gespräche fortgesetzt. Südkorea will die Zusammenarbeit ausbauen, sagte der Sprecher. Auch die Rolle Deutschlands wurde besprochen.\n";
    let a = run(de, Lang::De);
    let korea = find(&a, EntityKind::Place, "Südkorea").map(|e| e.mentions.len());
    assert_eq!(korea, Some(2), "{:#?}", a.entities);
    assert!(
        has(&a, EntityKind::Place, "Deutschland"),
        "{:#?}",
        a.entities
    );
    assert!(
        !a.entities.iter().any(|e| e.name.ends_with("koreas")),
        "{:#?}",
        a.entities
    );
}

/// A name in apposition after a title is a person; a list after a title is not.
#[test]
fn names_in_apposition_after_titles() {
    for (text, lang, person) in [
        (
            "Le ministre français de l'Intérieur, Delmaret, s'est rendu à Lyon mardi.\n",
            Lang::Fr,
            "Delmaret",
        ),
        (
            "El secretario de Comercio, Ruiz Tarrago, viajó a Lima el lunes.\n",
            Lang::Es,
            "Ruiz Tarrago",
        ),
        (
            "The Transport Secretary, Emma Rudd, said the line would reopen.\n",
            Lang::En,
            "Emma Rudd",
        ),
    ] {
        let a = run(text, lang);
        assert!(
            has(&a, EntityKind::Person, person),
            "{person}: {:#?}",
            a.entities
        );
    }
    let a = run(
        "Viennent ensuite, dans un premier temps, Oruro, Potosí et Sucre.\n",
        Lang::Fr,
    );
    assert!(
        !a.entities
            .iter()
            .any(|e| e.kind == EntityKind::Person && e.name == "Oruro"),
        "{:#?}",
        a.entities
    );
}

/// After `so-called` and its kin in every language the quote marks a term, not speech.
#[test]
fn so_called_terms_are_not_speech() {
    for (text, lang) in [
        ("Nieuws\nVossen mogen volgens het zogenoemde ‘vossenplan’ alleen in de winter worden gevangen.\n", Lang::Nl),
        ("Nachrichten\nDie Stadt plant einen sogenannter „Klimabonus“ für Mieter.\n", Lang::De),
        ("Noticias\nEl ayuntamiento prepara el denominado «plan verde» para el centro.\n", Lang::Es),
        ("Notícias\nA prefeitura prepara o chamado “plano verde” para o centro.\n", Lang::Pt),
    ] {
        let a = run(text, lang);
        assert!(
            a.quotes.iter().all(|q| q.kind != QuoteKind::Direct),
            "{text}: {:#?}",
            a.quotes
        );
    }
}

/// Direct speech or not, by where the quote stands (the first quote of each text):
/// - headlines quote in single marks: a phrase in them is somebody's words; a name in single
///   marks stays a name, and single marks in the body follow the other rules;
/// - a phrase somebody speaks of is their word (`hablando de «…»`, `falam em «…»`); what
///   people in general speak of is not (`se habla del “…”`);
/// - American English sets a sentence's period inside the marks, after a name too (`calls
///   “Next Drive.”`): the name is no speech for it;
/// - what a colon introduces is said or written, even when it reads like a name (a banner),
///   and a word that names a quote as a title (`palabra`, `llamado`) names nothing before a
///   colon.
#[test]
fn quote_kinds_by_place() {
    for (text, lang, want) in [
        ("Navy chief says delays leave fleet ‘stretched thin’\nThe admiral spoke on Thursday.\n", Lang::En, true),
        ("Senators call insulin prices 'indefensible' at hearing\nThe hearing ran late.\n", Lang::En, true),
        ("Festival opens with ‘The Long Night’\nThe film is new.\n", Lang::En, false),
        ("Nieuws\nVossen mogen volgens het zogenoemde ‘vossenplan’ alleen in de winter worden gevangen.\n", Lang::Nl, false),
        ("Huelga\nEl edil, en cambio, salió de la reunión hablando de «un paso atrás». Nadie más habló.\n", Lang::Es, true),
        ("Agua\nLas presas están bajas. En los pueblos de la zona ya se habla del “día seco”. El servicio vuelve el lunes.\n", Lang::Es, false),
        ("Tomar\nA câmara aprovou os parquímetros e os comerciantes falam em «machadada». A obra começa em março.\n", Lang::Pt, true),
        ("Plant\nThe plant will close. The closing is part of a restructuring the company calls “Next Drive.” Workers were told on Monday.\n", Lang::En, false),
        ("Buurthuis\nOp een spandoek aan de balustrade stond: 'Blijf van De Kolk af'. De raad besluit later.\n", Lang::Nl, true),
        ("Juicio\nSanchis se limitó a decir en su última palabra: «Yo solo quise lo mejor para mi pueblo».\n", Lang::Es, true),
        ("Universidades\nCarbajal concluyó con un llamado: «Que el Gobierno decida si quiere universidades públicas o no».\n", Lang::Es, true),
    ] {
        let a = run(text, lang);
        let direct = a.quotes.first().is_some_and(|q| q.kind == QuoteKind::Direct);
        assert_eq!(direct, want, "{text}: {:#?}", a.quotes);
    }
}

/// German inverted subjects: in `Der Zeitung sagte Filep Karma: „…“` the name after the verb
/// speaks, not the dative phrase before it.
#[test]
fn german_dative_first() {
    let text = "Der ehemalige Beamte Filep Karma sitzt seit Mai im Gefängnis von Abepura.
Der englisch-sprachigen Zeitung sagte Filep Karma: „Ich gebe nicht auf.“";
    let a = run(text, Lang::De);
    let span = |start: &str| speaker_span(text, &a, start);
    assert_eq!(span("Ich gebe"), Some("Filep Karma"), "{:#?}", a.quotes);
}

/// German sentences whose full stop lost its space (`im Bundesanzeiger.Mats Schönauer
/// schreibt`): the reporting sentence after it still has its own subject.
#[test]
fn german_speaker_after_a_joined_full_stop() {
    let text = "Solche Aufrufe stehen seit Jahren im Bundesanzeiger, wenn ein Gerichtsbeschluss nicht zugestellt werden kann.Mats Schönauer schreibt dazu in seinem Blog: „Die Geschichte ist alt.“";
    let a = run(text, Lang::De);
    assert_eq!(
        speaker_span(text, &a, "Die Geschichte"),
        Some("Mats Schönauer"),
        "{:#?}",
        a.quotes
    );
}

/// German: an unattributed quote goes to a person who is the subject of a sentence after the
/// last speaker's (`Seine Frau, Anna Berger, war eingeweiht. „…“`), not back to that speaker.
#[test]
fn german_speaker_subject_since_the_last_speaker() {
    let text = "„Ich trete zurück“, sagte der Minister. Seine Frau, Anna Berger, war nach eigenem Bekunden seit langem eingeweiht. „Er wünscht sich mehr Ruhe.“";
    let a = run(text, Lang::De);
    assert_eq!(
        speaker_of(&a, "Er wünscht"),
        Some("Anna Berger"),
        "{:#?}",
        a.quotes
    );
}

/// German quotes that stand somewhere: the text that bears them speaks (`Auf dem Banner war
/// die Losung „…“ zu lesen`, `ein Schild, auf dem geschrieben stand: „…“`, `In dem Brief fand
/// sich der Satz „…“`).
#[test]
fn german_speaker_text_that_bears_the_quote() {
    let text = "Die Kundgebung blieb ruhig. Auf dem großen Banner war die Losung „Wir bleiben hier“ zu lesen.
Am Eingang hing ein Schild, auf dem geschrieben stand: „Zutritt nur für Mitglieder.“
Die Polizei fand einen Brief. In dem Brief fand sich der Satz „Es tut mir leid“.";
    let a = run(text, Lang::De);
    let span = |q: &str| speaker_span(text, &a, q);
    assert!(
        span("Wir bleiben").is_some_and(|s| s.contains("Banner")),
        "{:#?}",
        a.quotes
    );
    assert_eq!(span("Zutritt nur"), Some("ein Schild"), "{:#?}", a.quotes);
    assert!(
        span("Es tut mir").is_some_and(|s| s.contains("Brief")),
        "{:#?}",
        a.quotes
    );
}

/// German `wie` clauses: `Wie X berichtet, …` names the source unless the main clause has its
/// own reporting verb with a person after it (`Wie der Sender berichtet, gab Sprecher Y dem
/// Sender eine Stellungnahme: „…“`).
#[test]
fn german_speaker_main_clause_after_a_wie_clause() {
    let text = "Wie der Fernsehsender Kanal Neun berichtet, gab Regierungssprecher Paul Wendt dem Sender eine Stellungnahme: „Wunderbar.“
Wie der Minister Karl Brenner erklärte, sieht die Regierung darin „eine große Chance“.";
    let a = run(text, Lang::De);
    assert_eq!(
        speaker_of(&a, "Wunderbar"),
        Some("Paul Wendt"),
        "{:#?}",
        a.quotes
    );
    assert_eq!(
        speaker_of(&a, "eine große"),
        Some("Karl Brenner"),
        "{:#?}",
        a.quotes
    );
}

/// German: a relative pronoun that opens the clause of the reporting verb stands for the
/// phrase before its comma (`tausende Demonstranten, die unter anderem riefen: „…“`), not an
/// article (`Er sagte, die neue Regierung erklärte: „…“`).
#[test]
fn german_speaker_relative_pronoun_subject() {
    let text = "Der Kandidat Omar Said blieb zu Hause. Am Abend kamen tausende Demonstranten, die unter anderem riefen: „Said, hol unsere Stimmen zurück!“";
    let a = run(text, Lang::De);
    assert_eq!(
        speaker_span(text, &a, "Said, hol"),
        Some("die"),
        "{:#?}",
        a.quotes
    );
    assert!(
        speaker_of(&a, "Said, hol").is_some_and(|s| s.contains("Demonstranten")),
        "{:#?}",
        a.quotes
    );
    let text = "Am Morgen hieß es, die neue Regierung erklärte: „Wir sind bereit.“";
    let a = run(text, Lang::De);
    assert!(
        speaker_span(text, &a, "Wir sind").is_some_and(|s| s.contains("Regierung")),
        "{:#?}",
        a.quotes
    );
}

/// German `nach` with a name in the genitive before the source noun (`Nach Schäubles Idee
/// soll …`, `nach Müllers Willen`): the name is the source.
#[test]
fn german_speaker_nach_with_a_genitive_name() {
    let text = "Innenminister Karl Brenner will das Verfahren ändern. Der Rat tagt am Montag. Nach Brenners Idee soll „im Zweifel die Mehrheit entscheidend“ sein.";
    let a = run(text, Lang::De);
    assert!(
        speaker_span(text, &a, "im Zweifel").is_some_and(|s| s.starts_with("Brenners")),
        "{:#?}",
        a.quotes
    );
}

/// German `rechtfertigen … als „…“` reports like `bezeichnen … als`.
#[test]
fn german_speaker_justifies_as() {
    let text = "Die Raketen trafen den Konvoi am Morgen. In einem Bericht rechtfertigte das Verteidigungsministerium den Angriff als „reine Notwehr“.";
    let a = run(text, Lang::De);
    assert!(
        speaker_span(text, &a, "reine Notwehr")
            .is_some_and(|s| s.contains("Verteidigungsministerium")),
        "{:#?}",
        a.quotes
    );
}

/// German reporting clauses after the quote with `wissen wollen` (`„…“, wollen die
/// Demonstranten seit Tagen wissen`) and `meinen` (`„…“, meinen die beiden Mitglieder`).
#[test]
fn german_speaker_wants_to_know_and_means() {
    let text = "Der Kandidat Omar Said verlor die Wahl.
„Wo ist meine Stimme?“, wollen die Demonstranten in der Hauptstadt seit Tagen wissen.
Die Partei Grüne Mitte verlor zwei Mitglieder. „Die Koalition bricht alle Versprechen“, meinen die beiden Mitglieder Jan Berg und Paul Stein.";
    let a = run(text, Lang::De);
    let span = |q: &str| speaker_span(text, &a, q);
    assert!(
        span("Wo ist").is_some_and(|s| s.contains("Demonstranten")),
        "{:#?}",
        a.quotes
    );
    assert!(
        span("Die Koalition").is_some_and(|s| s.contains("Mitglieder") || s.contains("Jan Berg")),
        "{:#?}",
        a.quotes
    );
}

/// German passives: the agent after `von` speaks (`Es wurde von seinem Sohn die Vermutung
/// geäußert, …`), but not with `zitiert`, where the one quoted is the subject (`wird X auf
/// der Internetseite von Y zitiert`).
#[test]
fn german_speaker_agent_of_a_passive() {
    let text = "Der Prozess beginnt im Mai. Es wurde von Lehmanns Sohn die Vermutung geäußert, man suche nur „ein schnelles Urteil“.
Zur neuen Aufgabe wird Karl Brenner auf der Internetseite von Eintracht Hofheim wie folgt zitiert: „Ich freue mich.“";
    let a = run(text, Lang::De);
    let span = |q: &str| speaker_span(text, &a, q);
    assert!(
        span("ein schnelles").is_some_and(|s| s.contains("Sohn")),
        "{:#?}",
        a.quotes
    );
    assert_eq!(span("Ich freue"), Some("Karl Brenner"), "{:#?}", a.quotes);
}

/// German verb-last clauses with a short phrase between the quote and the verb (`der die
/// Maßnahme als „Kapitulation“ vor den Randalierern sieht`).
#[test]
fn german_speaker_verb_last_after_a_phrase() {
    let text = "Die Scheiben der Bahn sind seit kurzem beklebt. Kritik kommt vom Fahrgastverband Pro Bahn, der diese Maßnahme als „Kapitulation“ vor den Randalierern sieht.";
    let a = run(text, Lang::De);
    assert!(
        speaker_of(&a, "Kapitulation").is_some_and(|s| s.contains("Pro Bahn")),
        "{:#?}",
        a.quotes
    );
}

/// German: before a colon, the subject of reported speech that is nobody (`Die Pflichten der
/// Union seien festgelegt: „…“`) is reported on; the one who reports speaks.
#[test]
fn german_speaker_reported_subject_before_a_colon() {
    let text = "Zu den Plänen äußerte sich der EU-Kommissar Jan Kowalski. Kowalski bekräftigte das Engagement der Kommission für die Grundrechte. Die Pflichten der Union seien im Vertrag klar festgelegt: „Nationales Recht darf dem Europäischen Recht nicht widersprechen.“";
    let a = run(text, Lang::De);
    assert!(
        speaker_of(&a, "Nationales Recht").is_some_and(|s| s.contains("Kowalski")),
        "{:#?}",
        a.quotes
    );
}

/// German: an agentless passive said in the media is the media's (`In den Medien war … als
/// „…“ bezeichnet worden`).
#[test]
fn german_media_passive() {
    let text = "Die Firma Nordwerk zog am Montag ihr Angebot zurück. In den Medien war der Auftrag schon als „Geschäft des Jahrzehnts“ bezeichnet worden.
Die Betroffenen erfahren nichts davon, schreibt der Verein Datenschutz Nord auf seiner Website. Gerichte dürften ferner nicht angerufen werden.
Die geheimen Klauseln seien „höchst bedenklich“.";
    let a = run(text, Lang::De);
    let span = |start: &str| speaker_span(text, &a, start);
    assert_eq!(span("Geschäft des"), Some("den Medien"), "{:#?}", a.quotes);
}

/// German speakers, one case a row: (article, the quote's first words, a word of the
/// speaker's span). Each row's comment says what it checks.
#[test]
fn german_speaker_spans() {
    let table: &[(&str, &str, &str)] = &[
        // German: a place inside the phrase after its head noun only says where (`die Demonstranten
        // vom Frankfurter Hauptbahnhof`); the phrase speaks, not the place.
        ("Am Samstag zogen die Demonstranten vom Leipziger Hauptbahnhof bis zum Rathaus und riefen dabei Parolen wie „Freiheit statt Angst“.", "Freiheit statt", "Demonstranten"),
        // German dates: the full stop of `am 14. Dezember` ends no sentence and breaks no phrase,
        // so the document before a relative clause with a date still speaks.
        ("Im letzten Absatz der Verfügung, die der Firma am 14. Dezember 2010 zugestellt wurde, heißt es: „Die Firma darf nichts sagen.“", "Die Firma", "Verfügung"),
        // German: a source (`dem Bericht zufolge`, `laut X`) before a reporting verb whose subject is
        // nobody names who speaks (`Der Grund waren dem Bericht zufolge nicht näher bezeichnete „…“`).
        ("Der Grund für die Landung waren dem Bericht zufolge nicht näher bezeichnete „technische Probleme“, die zur Rückkehr zwangen.", "technische", "Bericht"),
        // German: a short quoted name after the quote belongs to the clause that attributes it
        // (`„…“ wird der Franzose im Fachblatt „Sportwelt“ zitiert`).
        ("Teamchef Pierre Lambert stellt sich vor seinen Fahrer: „Er ist immer noch der Meister. Die Schuld liegt bei uns“ wird der Franzose im Fachblatt „Sportwelt Heute“ zitiert. Er glaubt an das Team.", "Er ist immer", "Franzose"),
        // German: a person in apposition to the subject before the verb is its name, not the
        // person after the verb (`Das Staatsoberhaupt, die Königin Elisabeth II., bat Premier X, …`).
        ("Das Staatsoberhaupt Neuseelands, die britische Königin Elisabeth II., bat Premierminister Tom Berg, ihre „tiefe Anteilnahme“ zu übermitteln.", "tiefe Anteilnahme", "Elisabeth"),
        // German groups that speak include campaigns, teams, boards and foundations (`Bergs
        // Kampagne warf Weber vor, nur ein „…“ zu sein`): the subject, not the person after the verb.
        ("Weber verzichtet auf staatliche Gelder. Bergs Kampagne dagegen warf Tom Weber vor, er habe damit gezeigt, nur ein „typischer Politiker“ zu sein.", "typischer", "Kampagne"),
    ];
    for &(text, quote, want) in table {
        let a = run(text, Lang::De);
        assert!(
            speaker_span(text, &a, quote).is_some_and(|s| s.contains(want)),
            "{quote}: {:#?}",
            a.quotes
        );
    }
}

/// A named storm is an event, `other`, whatever kind the model gave the span.
#[test]
fn named_storms_are_other() {
    let text =
        "Weather\nStorm Elowen brought winds of 90 mph to the coast of Cornwall on Monday.\n";
    let a = run(text, Lang::En);
    assert!(
        has(&a, EntityKind::Other, "Storm Elowen"),
        "{:#?}",
        a.entities
    );
}

/// One fixture per row: (language, article, quote start, speaker name wanted).
type SpeakerCase = (Lang, &'static str, &'static str, &'static str);

fn check_speakers(table: &[SpeakerCase]) {
    for &(lang, text, quote, want) in table {
        let a = run(text, lang);
        assert_eq!(speaker_of(&a, quote), Some(want), "{text}: {:#?}", a.quotes);
    }
}

/// Honorifics and titles are never speakers on their own: the abbreviation's full stop ends
/// neither the sentence nor the name, and the name after it speaks.
#[test]
fn speaker_titles_before_names() {
    check_speakers(&[
        (Lang::En, "Farm bill\nThe panel voted on Tuesday. “It is ready,” said Sen. Ben Sasse, the chairman.\n", "It is ready", "Ben Sasse"),
        (Lang::En, "Roads\nThe House voted. “Fix them now,” said Rep. Grace Holloway, who wrote the bill.\n", "Fix them", "Grace Holloway"),
        (Lang::En, "Budget\nThe state is short of money. Gov. Judith Rourke said: “We will cut nothing.”\n", "We will cut", "Judith Rourke"),
        (Lang::En, "Trade\nThe hearing ran late. “Tariffs are a tool,” Dr. Priya Natarajan told the committee.\n", "Tariffs", "Priya Natarajan"),
        (Lang::En, "Army\nThe general spoke first. “We are stretched,” Lt. Gen. Owen Pruitt told the panel.\n", "We are", "Owen Pruitt"),
        (Lang::De, "Krise\nDie Lage ist ernst. „Wir handeln jetzt“, sagte Dr. Anna Berger am Montag.\n", "Wir handeln", "Anna Berger"),
        (Lang::Fr, "Budget\nLe conseil a voté. « Nous tiendrons », a déclaré Mme Claire Vasseur lundi.\n", "Nous tiendrons", "Claire Vasseur"),
        (Lang::Es, "Obras\nEl pleno aprobó el plan. «Es un paso necesario», dijo la Sra. Marta Gil.\n", "Es un paso", "Marta Gil"),
        (Lang::En, "Bridges\nThe bill passed. Asked about it, the White House press secretary, Mr. Daniel Ruiz, said: “The president supports it.”\n", "The president", "Daniel Ruiz"),
        (Lang::En, "Maps\nThe governor signed it in April over objections from Senate Minority Leader Nia Hughes, who called it “the most cynical map this state has seen.”\n", "the most cynical", "Nia Hughes"),
    ]);
}

/// French attributions inside one pair of marks with a compound verb and a described
/// subject (`a plaidé son avocate, Me X,`, `a fait valoir le président …, X,`), and an
/// inverted pronoun after an object pronoun (`lui a-t-il lancé`), which is no name.
#[test]
fn french_incises_and_object_pronouns() {
    check_speakers(&[
        (Lang::Fr, "Procès\nLe tribunal a entendu l'accusé. « Mon client n'est pas un escroc, a plaidé son avocate, Me Hélène Vasseur, c'est un homme débordé. »\n", "Mon client", "Hélène Vasseur"),
        (Lang::Fr, "Budget\nLe conseil a voté mardi. « Un gel de taxes, ce n'est pas un cadeau, a fait valoir le président de la commission, Stéphane Caron, c'est un engagement. »\n", "Un gel", "Stéphane Caron"),
    ]);
    let text = "Hockey\nL'entraîneur Marc Dion s'est tourné vers Loïc Pasquier. « Tu m'expliqueras ce que tu faisais là ! » lui a-t-il lancé.\n";
    let a = run(text, Lang::Fr);
    let name = speaker_of(&a, "Tu m'expliqueras");
    assert!(name.is_some_and(|n| !n.contains("a-t-il")), "{name:?}");
}

/// A name in the English possessive owns the noun after it: the person in apposition to that
/// noun speaks (`Cantrell’s spokeswoman, Tara Jennings`), not the possessor.
#[test]
fn the_possessor_is_not_the_speaker() {
    check_speakers(&[
        (Lang::En, "Maps\nAttorney General Phil Cantrell defended the map. Cantrell’s spokeswoman, Tara Jennings, said the governor had “spent more time campaigning than governing.”\n", "spent more", "Tara Jennings"),
    ]);
}

/// A speaker described by a noun phrase ends before an auxiliary that follows it: not `The
/// mayor had`.
#[test]
fn speaker_descriptions_end_before_an_auxiliary() {
    check_speakers(&[
        (Lang::En, "Deal\nThe bill passed on Monday. The mayor had called it “a fair deal for every county.”\n", "a fair deal", "The mayor"),
    ]);
}

/// A German description runs over a genitive link to the link's noun (`der Sprecher von der
/// mexikanischen Regierung`), not to its article.
#[test]
fn german_descriptions_run_to_the_linked_noun() {
    check_speakers(&[
        (Lang::De, "Krise\nDie Lage ist ernst. „Wir handeln jetzt“, sagte der Sprecher von der mexikanischen Regierung am Montag.\n", "Wir handeln", "der Sprecher von der mexikanischen Regierung"),
    ]);
}

/// A pronoun with a gender goes to the last person of that gender (a gendered title or a
/// known first name tells it), not to the last person named.
#[test]
fn speaker_pronouns_agree_in_gender() {
    check_speakers(&[
        (Lang::En, "Debate\nSen. Paul Kendrick defended the bill. Asked about Laura Bianchi’s amendment, he said: “It would gut the program.”\n", "It would gut", "Paul Kendrick"),
        (Lang::En, "Debate\nMayor Denise Carver met Victor Mendes on Tuesday. Afterward, she said the two had “agreed on more than the headlines suggest.”\n", "agreed on", "Denise Carver"),
        (Lang::En, "Hearing\nMrs. Kaja Lowe asked for more time. Mr. Remi Briggs refused. “That is simply not true,” she replied.\n", "That is simply", "Kaja Lowe"),
        (Lang::En, "Hearing\nSen. Kaja Lowe, who chairs the panel, said she would wait. Rep. Remi Briggs said he disagreed. “That is simply not true,” she replied.\n", "That is simply", "Kaja Lowe"),
        (Lang::Fr, "Procès\nL'avocate Marie Durand a plaidé après Jean Morel. « La procédure est bâclée », a-t-elle dit.\n", "La procédure", "Marie Durand"),
    ]);
}

/// A country named by an inflected German form and by an abbreviation is one place, shown as
/// the article writes it (not as the list's display name in another language).
#[test]
fn inflected_and_abbreviated_country_names_are_one_place() {
    let text = "Die Vereinigten Staaten haben die Sanktionen verschärft.\n\
                Nordkorea warf den USA eine feindselige Haltung vor.\n\
                Seoul begrüßte die Entscheidung der USA.";
    let a = run(text, Lang::De);
    let places: Vec<(&str, usize)> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Place)
        .map(|e| (e.name.as_str(), e.mentions.len()))
        .collect();
    assert!(places.contains(&("Vereinigten Staaten", 3)), "{places:?}");
    assert!(
        !places.iter().any(|(n, _)| *n == "United States"),
        "{places:?}"
    );
}

/// A listed organisation written in full and abbreviated is shown in the article's spelling,
/// not by the list's display name in another language (`Wereldgezondheidsorganisatie` in a
/// German article); named only by its abbreviation, it is shown as the abbreviation.
#[test]
fn listed_names_are_shown_as_the_article_writes_them() {
    let de = "Die Weltgesundheitsorganisation warnte am Montag vor einer Pandemie.\n\
              Ein Sprecher der WHO sagte, die Lage sei ernst. Die WHO rief zur Vorsicht auf.";
    let a = run(de, Lang::De);
    let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(
        names.contains(&"Weltgesundheitsorganisation") || names.contains(&"WHO"),
        "{names:?}"
    );
    assert!(
        !names.contains(&"Wereldgezondheidsorganisatie"),
        "{names:?}"
    );
    let en = "Officials in the U.S. said on Monday that exports to Canada would fall.";
    let a = run(en, Lang::En);
    let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"U.S."), "{names:?}");
}

/// The addressee of a reporting verb (`X told Y that …`) neither speaks nor is what a later
/// pronoun stands for.
#[test]
fn speaker_addressees_do_not_speak() {
    check_speakers(&[
        (Lang::En, "Bridges\nThe bill passed. Sen. Edward Lang told Ms. Holloway after the vote that the Senate would “take a hard look at the formula.”\n", "take a hard", "Edward Lang"),
        (Lang::En, "Border\nRep. Arthur Quinlan told Pruitt that the troops “have been a welcome sight.”\n", "have been", "Arthur Quinlan"),
        (Lang::En, "Casinos\nSen. Rosa Delgado told Dr. Priya Natarajan that hotels needed visitors. “When we close a door, they notice,” she said.\n", "When we close", "Rosa Delgado"),
        (Lang::Fr, "Budget\nLe maire Jean Morel a dit à Claire Vasseur que la ville paierait. « Nous tiendrons nos engagements », a-t-il ajouté.\n", "Nous tiendrons", "Jean Morel"),
        (Lang::Es, "Obras\nEl alcalde Pablo Soler dijo a Carmen Villalobos que la obra seguiría. «No vamos a ceder», añadió.\n", "No vamos", "Pablo Soler"),
        (Lang::De, "Krise\nMinister Peter Brandt sagte Anna Berger am Montag: „Wir handeln jetzt.“\n", "Wir handeln", "Peter Brandt"),
    ]);
}

/// Throughput of the speaker rules on an English article full of titles and pronouns, in
/// release mode: `cargo test --release --lib analysis::tests::speed_of_pronouns -- --ignored
/// --nocapture`. A search for the comma after a role that ran to the end of the text made this
/// 0.1 MB/s; bounded, it is about 1.2 MB/s on the shared machine, as fast as before the gender
/// and title rules (1.3).
#[test]
#[ignore]
fn speed_of_pronouns() {
    let mut big = String::from("Hearing\n");
    let mut k = 0;
    while big.len() < 2_000_000 {
        big.push_str(&format!("Mrs. Anna Lee{k} met Mr. Tom Park{k} and Ms. Kaja Moe{k}. Rep. Remi Ortz{k} said he agreed. “We will see,” she said. “No,” he said.\n"));
        k += 1;
    }
    let blocks = line_blocks(&big);
    let t = std::time::Instant::now();
    let a = analyze(&big, &blocks, Lang::En);
    let mb_s = big.len() as f64 / t.elapsed().as_secs_f64() / 1e6;
    println!("pronouns: {mb_s:.2} MB/s ({} quotes)", a.quotes.len());
    assert!(mb_s > 0.4, "{mb_s:.2} MB/s");
}

/// US style names: a person after an abbreviated title (`Gov. Marian Castle`, `Rep. Thomas
/// Bishop`, surnames that are words), no pronoun after a title (`the chairman I would`), and
/// two people the article named in full, joined by `and`, two persons.
#[test]
fn people_after_abbreviated_titles_and_joined_by_and() {
    let text = "Flood\nGov. Marian Castle toured the damage with Mayor Philip Aubuchon on Wednesday. “I have seen a lot of flooding,” she said.\nRep. Thomas Bishop, R-Kan., said an amendment had won him over. Rep. Dale Whitcomb voted no. Bishop and Whitcomb spoke for an hour. “I told the chairman I would not vote for it,” he said.\n";
    let a = run(text, Lang::En);
    let people: Vec<(&str, Vec<&str>)> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| {
            let m = e.mentions.iter().map(|m| &text[m.range()]).collect();
            (e.name.as_str(), m)
        })
        .collect();
    let of = |name: &str| {
        people
            .iter()
            .find(|p| p.0.ends_with(name))
            .map(|p| p.1.clone())
    };
    assert_eq!(
        of("Marian Castle"),
        Some(vec!["Marian Castle"]),
        "{people:?}"
    );
    assert_eq!(
        of("Thomas Bishop"),
        Some(vec!["Thomas Bishop", "Bishop"]),
        "{people:?}"
    );
    assert_eq!(of("Dale Whitcomb").map(|m| m.len()), Some(2), "{people:?}");
    assert!(
        people.iter().all(|p| p.0 != "I" && !p.0.contains(" and ")),
        "{people:?}"
    );
    assert_eq!(speaker_of(&a, "I have seen"), Some("Marian Castle"));
    assert_eq!(speaker_of(&a, "I told the"), Some("Thomas Bishop"));
}
