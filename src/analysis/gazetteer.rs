//! A small gazetteer of places (countries, capitals, regions, seas) and well-known
//! organisations in the six languages, with common abbreviations as aliases.
//! Each line: `key|form|form|…`; the first form is the display name. Forms are matched
//! case-insensitively on whole words, with hyphens and spaces alike.

use std::collections::HashMap;
use std::sync::OnceLock;

const PLACES: &str = "\
us|United States|Verenigde Staten|VS|Vereinigte Staaten|USA|US|U.S.|États-Unis|Etats-Unis|Estados Unidos|EE. UU.|EEUU|EUA|Amerika|America
uk|United Kingdom|Verenigd Koninkrijk|VK|Vereinigtes Königreich|UK|Royaume-Uni|Reino Unido|Groot-Brittannië|Great Britain|Britain|Großbritannien|Grande-Bretagne|Gran Bretaña|Grã-Bretanha
nl|Nederland|Netherlands|Niederlande|Pays-Bas|Países Bajos|Países Baixos|Holland|Holanda
be|België|Belgium|Belgien|Belgique|Bélgica
de|Duitsland|Germany|Deutschland|Allemagne|Alemania|Alemanha
fr|Frankrijk|France|Frankreich|Francia|França
es|Spanje|Spain|Spanien|Espagne|España|Espanha
pt|Portugal
it|Italië|Italy|Italien|Italie|Italia|Itália
at|Oostenrijk|Austria|Österreich|Autriche|Áustria
ch|Zwitserland|Switzerland|Schweiz|Suisse|Suiza|Suíça
pl|Polen|Poland|Pologne|Polonia|Polónia|Polônia
gr|Griekenland|Greece|Griechenland|Grèce|Grecia|Grécia
se|Zweden|Sweden|Schweden|Suède|Suecia|Suécia
no|Noorwegen|Norway|Norwegen|Norvège|Noruega
dk|Denemarken|Denmark|Dänemark|Danemark|Dinamarca
fi|Finland|Finnland|Finlande|Finlandia|Finlândia
ie|Ierland|Ireland|Irland|Irlande|Irlanda
lu|Luxemburg|Luxembourg|Luxemburgo
hu|Hongarije|Hungary|Ungarn|Hongrie|Hungría|Hungria
cz|Tsjechië|Czech Republic|Czechia|Tschechien|République tchèque|Chequia|República Checa|Chéquia
ro|Roemenië|Romania|Rumänien|Roumanie|Rumania|Roménia|Romênia
ua|Oekraïne|Ukraine|Ucrania|Ucrânia
by|Wit-Rusland|Belarus|Belarus|Weißrussland|Biélorussie|Bielorrusia|Bielorrússia
ru|Rusland|Russia|Russland|Russie|Rusia|Rússia
tr|Turkije|Turkey|Türkei|Turquie|Turquía|Turquia
cn|China|Chine|Volksrepubliek China
tw|Taiwan|Taïwan|Taiwán
jp|Japan|Japon|Japón|Japão
kp|Noord-Korea|North Korea|Nordkorea|Corée du Nord|Corea del Norte|Coreia do Norte
kr|Zuid-Korea|South Korea|Südkorea|Corée du Sud|Corea del Sur|Coreia do Sul
korea|Korea|Corée|Corea|Coreia
in|India|Indien|Inde|Índia
pk|Pakistan|Paquistán|Paquistão
af|Afghanistan|Afganistán|Afeganistão
ir|Iran|Irán|Irão|Irã
iq|Irak|Iraq|Iraque
sy|Syrië|Syria|Syrien|Syrie|Siria|Síria
il|Israël|Israel
ps|Palestina|Palestine|Palästina|Palestinian territories
lb|Libanon|Lebanon|Liban|Líbano
jo|Jordanië|Jordan|Jordanien|Jordanie|Jordania|Jordânia
sa|Saoedi-Arabië|Saudi Arabia|Saudi-Arabien|Arabie saoudite|Arabia Saudí|Arabia Saudita|Arábia Saudita
ye|Jemen|Yemen|Yémen|Iémen
eg|Egypte|Egypt|Ägypten|Égypte|Egipto|Egito
ly|Libië|Libya|Libyen|Libye|Libia|Líbia
ma|Marokko|Morocco|Maroc|Marruecos|Marrocos
dz|Algerije|Algeria|Algerien|Algérie|Argelia|Argélia
ng|Nigeria|Nigéria
za|Zuid-Afrika|South Africa|Südafrika|Afrique du Sud|Sudáfrica|África do Sul
ke|Kenia|Kenya|Quénia|Quênia
et|Ethiopië|Ethiopia|Äthiopien|Éthiopie|Etiopía|Etiópia
sd|Soedan|Sudan|Soudan|Sudão
ao|Angola
mz|Mozambique|Mosambik|Moçambique
cv|Kaapverdië|Cape Verde|Kap Verde|Cap-Vert|Cabo Verde
br|Brazilië|Brazil|Brasilien|Brésil|Brasil
ar|Argentinië|Argentina|Argentinien|Argentine
mx|Mexico|Mexiko|Mexique|México
ca|Canada|Kanada|Canadá
co|Colombia|Kolumbien|Colombie|Colômbia
ve|Venezuela
cl|Chili|Chile
pe|Peru|Pérou|Perú
cu|Cuba|Kuba
au|Australië|Australia|Australien|Australie|Austrália
id|Indonesië|Indonesia|Indonesien|Indonésie|Indonésia
ph|Filipijnen|Philippines|Philippinen|Filipinas
vn|Vietnam|Viëtnam|Viêt Nam|Vietnã|Vietname
th|Thailand|Thaïlande|Tailandia|Tailândia
mm|Myanmar|Birma|Burma
washington|Washington
london|Londen|London|Londres
berlin|Berlijn|Berlin|Berlim|Berlín
paris|Parijs|Paris|París
madrid|Madrid
lisbon|Lissabon|Lisbon|Lisbonne|Lisboa
amsterdam|Amsterdam|Ámsterdam|Amesterdão
rotterdam|Rotterdam|Róterdam|Roterdão
thehague|Den Haag|The Hague|Den Haag|La Haye|La Haya|Haia
brussels|Brussel|Brussels|Brüssel|Bruxelles|Bruselas|Bruxelas
antwerp|Antwerpen|Antwerp|Anvers|Amberes|Antuérpia
rome|Rome|Rom|Roma
vienna|Wenen|Vienna|Wien|Vienne|Viena
warsaw|Warschau|Warsaw|Varsovie|Varsovia|Varsóvia
athens|Athene|Athens|Athen|Athènes|Atenas
beijing|Peking|Beijing|Pékin|Pekín|Pequim
moscow|Moskou|Moscow|Moskau|Moscou|Moscú
tokyo|Tokio|Tokyo|Tóquio
pyongyang|Pyongyang|Pjöngjang|Pyongyang
seoul|Seoul|Séoul|Seúl
kyiv|Kyiv|Kiev|Kiew|Kyïv|Kiev|Kiev
ankara|Ankara|Ancara
tehran|Teheran|Tehran|Téhéran|Teherán|Teerã|Teerão
baghdad|Bagdad|Baghdad|Bagdá|Bagdade
jerusalem|Jeruzalem|Jerusalem|Jérusalem|Jerusalén|Jerusalém
telaviv|Tel Aviv|Tel-Aviv
gaza|Gaza|Gazastrook|Gaza Strip|Gazastreifen|bande de Gaza|Franja de Gaza|Faixa de Gaza
westbank|Westelijke Jordaanoever|West Bank|Westjordanland|Cisjordanie|Cisjordania|Cisjordânia
cairo|Caïro|Cairo|Kairo|Le Caire|El Cairo
damascus|Damascus|Damaskus|Damas|Damasco
beirut|Beiroet|Beirut|Beyrouth|Beirute
kabul|Kabul|Kaboul|Cabul
islamabad|Islamabad
newdelhi|New Delhi|Neu-Delhi|New Delhi|Nueva Delhi|Nova Deli
taipei|Taipei|Taipé
hongkong|Hongkong|Hong Kong
newyork|New York|Nueva York|Nova Iorque
losangeles|Los Angeles
ottawa|Ottawa
canberra|Canberra
brasilia|Brasília|Brasilia
buenosaires|Buenos Aires
saopaulo|São Paulo|Sao Paulo
rio|Rio de Janeiro
geneva|Genève|Geneva|Genf|Ginebra|Genebra
strasbourg|Straatsburg|Strasbourg|Straßburg|Estrasburgo
frankfurt|Frankfurt|Francfort|Fráncfort
munich|München|Munich|Múnich|Munique
hamburg|Hamburg|Hambourg|Hamburgo
barcelona|Barcelona|Barcelone
porto|Porto|Oporto
prague|Praag|Prague|Prag|Praga
budapest|Boedapest|Budapest|Budapeste
stockholm|Stockholm|Estocolmo|Estocolmo
oslo|Oslo
copenhagen|Kopenhagen|Copenhagen|Copenhague|Copenhaga
helsinki|Helsinki|Helsínquia
dublin|Dublin|Dublín
luanda|Luanda
maputo|Maputo
europe|Europa|Europe
asia|Azië|Asia|Asien|Asie|Ásia
africa|Afrika|Africa|Afrique|África
neasia|Noordoost-Azië|Northeast Asia|North-East Asia|Nordostasien|Asie du Nord-Est|Noreste de Asia|Nordeste Asiático|Ásia Nordeste
seasia|Zuidoost-Azië|Southeast Asia|Südostasien|Asie du Sud-Est|Sudeste Asiático|Sudeste da Ásia
mideast|Midden-Oosten|Middle East|Nahost|Naher Osten|Nahen Osten|Moyen-Orient|Oriente Medio|Oriente Próximo|Médio Oriente|Oriente Médio
latam|Latijns-Amerika|Latin America|Lateinamerika|Amérique latine|América Latina
pacific|Stille Oceaan|Pacific|Pacific Ocean|Pazifik|Pazifischer Ozean|Pacifique|océan Pacifique|Pacífico|Océano Pacífico|Oceano Pacífico
atlantic|Atlantische Oceaan|Atlantic|Atlantic Ocean|Atlantik|Atlantique|Atlántico|Atlântico
scs|Zuid-Chinese Zee|South China Sea|Südchinesisches Meer|Südchinesischen Meer|mer de Chine méridionale|Mar de China Meridional|Mar da China Meridional|Mar do Sul da China
mediterranean|Middellandse Zee|Mediterranean|Mittelmeer|Méditerranée|Mediterráneo|Mediterrâneo
northsea|Noordzee|North Sea|Nordsee|mer du Nord|Mar del Norte|Mar do Norte
baltic|Oostzee|Baltic Sea|Ostsee|mer Baltique|Mar Báltico
blacksea|Zwarte Zee|Black Sea|Schwarzes Meer|Schwarzen Meer|mer Noire|Mar Negro
redsea|Rode Zee|Red Sea|Rotes Meer|Roten Meer|mer Rouge|Mar Rojo|Mar Vermelho
balkans|Balkan|Balkans|Balcanes|Balcãs
caucasus|Kaukasus|Caucasus|Caucase|Cáucaso
crimea|Krim|Crimea|Crimée|Crimeia
siberia|Siberië|Siberia|Sibirien|Sibérie|Sibéria
tibet|Tibet|Tíbet
xinjiang|Xinjiang
kashmir|Kasjmir|Kashmir|Kaschmir|Cachemire|Cachemira|Caxemira
catalonia|Catalonië|Catalonia|Katalonien|Catalogne|Cataluña|Catalunha
bavaria|Beieren|Bavaria|Bayern|Bavière|Baviera
flanders|Vlaanderen|Flanders|Flandern|Flandre|Flandes|Flandres
scotland|Schotland|Scotland|Schottland|Écosse|Escocia|Escócia
california|Californië|California|Kalifornien|Californie|Califórnia
texas|Texas
florida|Florida|Floride
";

const ORGS: &str = "\
eu|Europese Unie|European Union|Europäische Union|Union européenne|Unión Europea|União Europeia|EU|UE
un|Verenigde Naties|United Nations|Vereinte Nationen|Nations unies|Naciones Unidas|Nações Unidas|VN|UN|ONU|UNO
nato|NAVO|NATO|OTAN
who|Wereldgezondheidsorganisatie|World Health Organization|Weltgesundheitsorganisation|Organisation mondiale de la santé|Organización Mundial de la Salud|Organização Mundial da Saúde|WHO|WGO|OMS
imf|Internationaal Monetair Fonds|International Monetary Fund|Internationaler Währungsfonds|Fonds monétaire international|Fondo Monetario Internacional|Fundo Monetário Internacional|IMF|IWF|FMI
ecb|Europese Centrale Bank|European Central Bank|Europäische Zentralbank|Banque centrale européenne|Banco Central Europeo|Banco Central Europeu|ECB|EZB|BCE
pentagon|Pentagon|Pentágono
kremlin|Kremlin|Kreml
whitehouse|Witte Huis|White House|Weißes Haus|Weißen Haus|Maison Blanche|Casa Blanca|Casa Branca
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazKind {
    Place,
    Org,
}

#[derive(Debug)]
pub struct Entry {
    pub key: &'static str,
    pub display: &'static str,
    pub kind: GazKind,
}

pub struct Gazetteer {
    /// Normalised form (lower case, words joined by one space) to entry index.
    pub forms: HashMap<String, usize>,
    pub entries: Vec<Entry>,
    /// The most words any form has.
    pub max_words: usize,
    /// [`inflection_key`] of each form of several words to entry index (keys two entries
    /// share are left out).
    pub inflected: HashMap<String, usize>,
}

/// Adjective endings an inflected form of a name may have where the list has another
/// (`die Vereinigten Staaten`, `im Vereinigten Königreich` for `Vereinigte Staaten`,
/// `Vereinigtes Königreich`): the German ones of `assets/lexicon/de/adjective_endings.txt`,
/// longest first.
fn endings() -> &'static [&'static str] {
    static ENDINGS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    ENDINGS.get_or_init(|| {
        let mut v = crate::analysis::lexicon::NameWords::of(crate::lang::Lang::De)
            .adjective_endings
            .clone();
        v.sort_by_key(|e| std::cmp::Reverse(e.len()));
        v
    })
}

/// A normalised name of several words with the inflectional ending of each word but the last
/// taken off (of words that keep four letters or more); `None` for a single word, whose
/// ending is not told from its stem this way.
pub fn inflection_key(normalised: &str) -> Option<String> {
    let words: Vec<&str> = normalised.split(' ').collect();
    let (last, init) = words.split_last()?;
    if init.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(normalised.len());
    for w in init {
        let stem = endings()
            .iter()
            .find_map(|e| w.strip_suffix(e).filter(|s| s.chars().count() >= 4))
            .unwrap_or(w);
        out.push_str(stem);
        out.push(' ');
    }
    out.push_str(last);
    Some(out)
}

/// Lower-cases and joins the words of `s` (split at spaces, hyphens and full stops) by a space.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for part in s.split([' ', '-', '.', '\u{a0}']) {
        if part.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        for c in part.chars() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

pub fn get() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut g = Gazetteer {
            forms: HashMap::new(),
            entries: Vec::new(),
            max_words: 1,
            inflected: HashMap::new(),
        };
        let mut shared: Vec<String> = Vec::new();
        for (src, kind) in [(PLACES, GazKind::Place), (ORGS, GazKind::Org)] {
            for line in src.lines() {
                let mut parts = line.split('|');
                let Some(key) = parts.next() else { continue };
                let forms: Vec<&'static str> = parts.collect();
                let Some(&display) = forms.first() else {
                    continue;
                };
                let idx = g.entries.len();
                g.entries.push(Entry { key, display, kind });
                for f in forms {
                    let n = normalise(f);
                    g.max_words = g.max_words.max(n.split(' ').count());
                    if let Some(k) = inflection_key(&n) {
                        match g.inflected.get(&k) {
                            Some(&other) if other != idx => shared.push(k),
                            _ => {
                                g.inflected.insert(k, idx);
                            }
                        }
                    }
                    g.forms.entry(n).or_insert(idx);
                }
            }
        }
        for k in shared {
            g.inflected.remove(&k);
        }
        g
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_share_a_key() {
        let g = get();
        let key = |s: &str| g.forms.get(&normalise(s)).map(|&i| g.entries[i].key);
        assert_eq!(key("VS"), key("Verenigde Staten"));
        assert_eq!(key("US"), key("United States"));
        assert_eq!(key("EE. UU."), key("Estados Unidos"));
        assert_eq!(key("Zuid-Chinese Zee"), Some("scs"));
        assert_eq!(key("noordoost-azië"), Some("neasia"));
        assert_eq!(key("Klingon"), None);
    }

    /// An inflected adjective in a name of several words finds the listed form.
    #[test]
    fn inflected_forms_find_the_entry() {
        let g = get();
        let key = |s: &str| {
            inflection_key(&normalise(s))
                .and_then(|k| g.inflected.get(&k))
                .map(|&i| g.entries[i].key)
        };
        assert_eq!(key("Vereinigten Staaten"), Some("us"));
        assert_eq!(key("Vereinigten Königreich"), Some("uk"));
        assert_eq!(key("Vereinten Nationen"), Some("un"));
        assert_eq!(key("Staaten"), None);
        assert_eq!(
            inflection_key("vereinigte staaten"),
            inflection_key("vereinigten staaten")
        );
    }
}
