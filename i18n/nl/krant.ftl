# krant-interfaceteksten: Nederlands. Engels is de referentie en de terugvaltaal.

## Kopregel en statusbalk

header-reading-time = { $minutes ->
    [one] 1 min leestijd
   *[other] { $minutes } min leestijd
}
header-language-guess = { $language }?
status-section = Sectie { $current } van { $total }
status-no-sections = Geen secties
status-percent = { $percent }%
status-left = { $minutes ->
    [0] aan het eind
    [one] nog 1 minuut
   *[other] nog { $minutes } minuten
}
status-hints = ? hulp · q afsluiten
status-neutralised = { $count ->
    [one] 1 verborgen teken als markering getoond
   *[other] { $count } verborgen tekens als markering getoond
}
status-replaced = { $count ->
    [one] 1 ongeldige byte vervangen
   *[other] { $count } ongeldige bytes vervangen
}
status-analysing = analyseren… { $percent }%
status-opening = hele artikel inlezen… { $percent }%
status-highlight-off = markeren uit

## Zoeken

search-prompt = Zoeken:
search-count = treffer { $current } van { $total }
search-none = geen treffers
search-hint = { key-enter } behouden · { key-esc } wissen

## Inhoudsopgave

toc-title = Inhoud
toc-lead = Begin

## Analysepanelen

quotes-title = Citaten ({ $count })
entities-title = Entiteiten ({ $count })
panel-empty = niets gevonden
panel-analysing = analyseren…
speaker-unknown = onbekende spreker
mentions = { $count ->
    [one] 1 vermelding
   *[other] { $count } vermeldingen
}
kind-person = Personen
kind-organization = Organisaties
kind-place = Plaatsen
kind-other = Overige namen
kind-money = Bedragen
kind-number = Getallen
kind-date = Datums

## Taalnamen

lang-nl = Nederlands
lang-en = Engels
lang-de = Duits
lang-fr = Frans
lang-es = Spaans
lang-pt = Portugees

## Taalkeuze

switcher-title = Taal van interface en artikel
switcher-hint = 1–9 of { key-enter } kiezen · { key-esc } sluiten
switcher-unavailable = niet beschikbaar

## Hulp

help-title = Toetsen
help-close = { key-esc } of ? sluit deze hulp
help-line = j k ↓ ↑  één regel
help-page = { key-space } { key-pgdn } b { key-pgup }  één pagina
help-half = d u  halve pagina
help-ends = g { key-home } G { key-end }  begin, einde
help-sections = ] [  volgende, vorige sectie
help-focus = { key-tab } { key-shift }+{ key-tab }  inhoud, artikel, panelen
help-enter = { key-enter }  naar het gekozen item
help-toc = t  inhoud tonen of verbergen
help-panels = p  citaten en entiteiten tonen of verbergen
help-highlight = h  markeren aan of uit
help-search = /  zoeken · n N  volgende, vorige treffer
help-language = L  taal kiezen
help-back = { key-backspace }  terug naar het vorige artikel
help-links = o  de links: open er een
help-quit = q { key-ctrl }+C  afsluiten · { key-ctrl }+Z  pauzeren
help-quit-feeds = q  terug naar de lijst · { key-ctrl }+C  afsluiten · { key-ctrl }+Z  pauzeren

## Meldingen

too-small = Terminal te klein ({ $width }×{ $height })
notice-state-corrupt = Instellingenbestand was beschadigd; apart gezet, standaardwaarden in gebruik
notice-state-newer = Instellingen komen van een nieuwere versie van krant; ze worden gebruikt maar niet overschreven
notice-state-readonly = Instellingen kunnen hier niet worden opgeslagen; verder zonder opslaan
notice-version-missing = Dit artikel bestaat niet in het { $language }; alleen de interface is omgeschakeld
notice-analysis-failed = De analyse stopte door een interne fout; het artikel blijft leesbaar

## Fouten

error-not-found = { $path }: bestand bestaat niet
error-directory = { $path }: is een map, geen artikel
error-not-regular = { $path }: geen gewoon bestand
error-unreadable = { $path }: kan niet worden gelezen ({ $reason })
error-binary = { $path }: lijkt een binair bestand, geen artikel
error-too-large = { $path }: te groot ({ $size } bytes; hoogstens { $limit })
error-stdin-terminal = standaardinvoer is een terminal: stuur een artikel via een pipe naar krant -
error-usage = { $message }; zie krant --help
error-output = kan de uitvoer niet schrijven ({ $reason })
error-terminal = kan de terminal niet gebruiken ({ $reason })
reason-permission-denied = geen toegang
reason-storage-full = geen ruimte meer op het apparaat

## Namen van toetsen (voor de hulp en de hints hierboven; Enter, Tab, Shift, Esc, PgUp, PgDn, Home, End en Ctrl heten in het Nederlands zo)

key-space = Spatie
key-enter = Enter
key-tab = Tab
key-shift = Shift
key-esc = Esc
key-pgup = PgUp
key-pgdn = PgDn
key-home = Home
key-end = End
key-ctrl = Ctrl
key-backspace = Backspace

## Aanhalingstekens rond een citaat

quote-open = “
quote-close = ”

## Opdrachtregel: krant --help en gebruiksfouten (optienamen zoals --dump blijven zoals ze zijn)

cli-about = een nieuwsartikel lezen in de terminal, met de citaten en entiteiten erin
cli-usage = gebruik: krant [{ cli-options }] [{ cli-file }]
cli-options = OPTIES
cli-file = BESTAND
cli-number = N
cli-code = TAAL
cli-help-file = het artikel om te openen (platte tekst of een http(s)-adres); - leest de standaardinvoer; zonder { cli-file } opent de lijst met nieuwsbronnen als er abonnementen zijn, anders het meegeleverde voorbeeldartikel
cli-help-dump = het opgemaakte artikel als platte tekst uitvoeren en stoppen (zo gaat het ook als de standaarduitvoer geen terminal is)
cli-help-width = de uitvoer van --dump afbreken op { cli-number } kolommen (standaard { $default })
cli-help-analyze = de opbouw, citaten en entiteiten van het artikel als JSON uitvoeren
cli-help-lang = taal van de interface: nl, en, de, fr, es of pt
cli-help-help = deze hulp tonen
cli-help-version = de versie tonen
cli-help-keys = toetsen: druk tijdens het lezen op ?
cli-unknown-option = onbekende optie { $option }
cli-missing-value = { $option } heeft een waarde nodig
cli-bad-width = { $option } verwacht een getal van { $min } tot { $max }, niet { quote-open }{ $value }{ quote-close }
cli-bad-lang = { $option } verwacht nl, en, de, fr, es of pt, niet { quote-open }{ $value }{ quote-close }
cli-second-file = { $file }: één artikel tegelijk

# Webpagina's
error-fetch = { $url }: { $reason }
loading = { $url } laden … { $kilobytes } kB
fetch-bad-url = geen webadres
fetch-host-not-found = server niet gevonden
fetch-connect = geen verbinding mogelijk
fetch-tls = beveiligde verbinding mislukt
fetch-timeout = duurde te lang
fetch-status = de server antwoordde { $code }
fetch-too-large = groter dan { $megabytes } MB
fetch-redirects = te veel doorverwijzingen
fetch-not-text = geen webpagina of tekst ({ $type })
fetch-cancelled = afgebroken
fetch-network = netwerkfout

# Links
links-title = Links ({ $count })
links-none = geen links in dit artikel
links-hint = 1–9 of { key-enter } opent · { key-esc } sluit
links-unsupported = { $target } kan hier niet worden geopend

## Feeds
cli-feed = BRON
cli-help-list = titel, koppeling en berichten van { cli-feed } (een bestand of een http(s)-adres) als JSON uitvoeren
feed-not-a-feed = { $source }: geen nieuwsbron (RSS, Atom of JSON Feed)
feed-broken = { $source }: de nieuwsbron is beschadigd en kan niet worden gelezen
cli-help-add = abonneren op { cli-feed } (een http(s)-adres of een bestand), of op de nieuwsbron die een webpagina noemt
cli-help-remove = het abonnement op de nieuwsbron op URL opzeggen
cli-help-import = abonneren op de nieuwsbronnen uit een OPML-bestand of uit het urls-bestand van newsboat, met hun labels
cli-help-export = de abonnementen als OPML uitvoeren, met hun labels
feeds-added = { $url }: geabonneerd ({ $title })
feeds-already = { $url }: al geabonneerd ({ $title })
feeds-removed = { $url }: abonnement opgezegd
feeds-not-subscribed = { $url }: geen abonnement
feeds-imported = abonnementen gelezen: { $count }; nieuw: { $new }
feeds-not-a-list = { $path }: geen OPML en geen lijst met adressen van nieuwsbronnen
feeds-no-feed = { $source }: geen nieuwsbron, en de pagina noemt er geen
feeds-db-moved = de database met nieuwsbronnen was beschadigd: ze is verplaatst naar { $path } en er is een nieuwe begonnen
feeds-db-newer = de database met nieuwsbronnen komt van een nieuwere krant en blijft zoals ze is
feeds-db-error = de database met nieuwsbronnen is onbruikbaar: { $reason }

## The feed screens and refreshing
cli-help-refresh = alle abonnementen ophalen en in één regel zeggen wat er binnenkwam
feeds-title = { $count ->
    [one] 1 nieuwsbron
   *[other] { $count } nieuwsbronnen
}
feeds-unread = { $count } ongelezen
feeds-never = nooit ververst
feeds-hint = ? hulp · { key-enter } openen · r verversen · R alle · / zoeken · q stoppen
items-hint = ? hulp · { key-enter } lezen · s ster · A alles gelezen · / zoeken · q terug
items-count = { $count ->
    [one] 1 bericht
   *[other] { $count } berichten
}
items-empty = nog geen berichten: r haalt ze op
items-untitled = (zonder titel)
feeds-loading = bezig met lezen…
feeds-refreshing = verversen: { $done } van { $total }
feeds-search-prompt = Zoeken in alle berichten:
feeds-search-hint = { key-enter } zoeken · { key-esc } annuleren
feeds-search-title = Zoeken: { $query }
feeds-search-none = geen bericht bevat deze woorden
feeds-no-text = Dit bericht heeft geen tekst.
feeds-item-gone = dit bericht bestaat niet meer
refresh-not-a-feed = geen nieuwsbron
refresh-broken = de nieuwsbron is beschadigd
refresh-unreadable = het bestand kan niet worden gelezen
refresh-store = de database met nieuwsbronnen kon niet worden beschreven
refresh-summary = nieuwsbronnen ververst: { $feeds }; nieuwe berichten: { $new }; ongewijzigd: { $unchanged }; mislukt: { $failed }
feeds-reader-hints = ? hulp · q terug naar de lijst
feeds-help-move = j k ↓ ↑  volgende, vorige regel
feeds-help-page = { key-space } b  een pagina
feeds-help-open = { key-enter }  de nieuwsbron openen, het bericht lezen
feeds-help-back = q { key-backspace } { key-esc }  terug
feeds-help-refresh = r R  deze nieuwsbron, alle nieuwsbronnen verversen
feeds-help-unread = n  volgende ongelezen
feeds-help-all-read = A  de nieuwsbron als gelezen markeren
feeds-help-star = s  ster aan of uit
feeds-help-search = /  in alle berichten zoeken
feeds-help-quit = q  in de lijst met nieuwsbronnen: stoppen
