# krant-Oberflächentexte: Deutsch. Englisch ist die Referenz und die Rückfallsprache.

## Kopfzeile und Statusleiste

header-reading-time = { $minutes ->
    [one] 1 Min. Lesezeit
   *[other] { $minutes } Min. Lesezeit
}
header-language-guess = { $language }?
status-section = Abschnitt { $current } von { $total }
status-no-sections = Keine Abschnitte
status-percent = { $percent }%
status-left = { $minutes ->
    [0] am Ende
    [one] noch 1 Minute
   *[other] noch { $minutes } Minuten
}
status-hints = ? Hilfe · q Beenden
status-neutralised = { $count ->
    [one] 1 verborgenes Zeichen als Markierung angezeigt
   *[other] { $count } verborgene Zeichen als Markierung angezeigt
}
status-replaced = { $count ->
    [one] 1 ungültiges Byte ersetzt
   *[other] { $count } ungültige Bytes ersetzt
}
status-analysing = wird analysiert… { $percent }%
status-opening = Artikel wird ganz gelesen… { $percent }%
status-highlight-off = Hervorhebung aus

## Suche

search-prompt = Suche:
search-count = Treffer { $current } von { $total }
search-none = kein Treffer
search-hint = { key-enter } übernehmen · { key-esc } löschen

## Inhaltsverzeichnis

toc-title = Inhalt
toc-lead = Anfang

## Analysebereiche

quotes-title = Zitate ({ $count })
entities-title = Entitäten ({ $count })
panel-empty = nichts gefunden
panel-analysing = wird analysiert…
speaker-unknown = Sprecher unbekannt
mentions = { $count ->
    [one] 1 Erwähnung
   *[other] { $count } Erwähnungen
}
kind-person = Personen
kind-organization = Organisationen
kind-place = Orte
kind-other = Andere Namen
kind-money = Geldbeträge
kind-number = Zahlen
kind-date = Daten

## Sprachnamen

lang-nl = Niederländisch
lang-en = Englisch
lang-de = Deutsch
lang-fr = Französisch
lang-es = Spanisch
lang-pt = Portugiesisch

## Sprachauswahl

switcher-title = Sprache für Oberfläche und Artikel
switcher-hint = 1–9 oder { key-enter } wählen · { key-esc } schließen
switcher-unavailable = nicht verfügbar

## Hilfe

help-title = Tasten
help-close = { key-esc } oder ? schließt diese Hilfe
help-line = j k ↓ ↑  eine Zeile
help-page = { key-space } { key-pgdn } b { key-pgup }  eine Seite
help-half = d u  eine halbe Seite
help-ends = g { key-home } G { key-end }  Anfang, Ende
help-sections = ] [  nächster, vorheriger Abschnitt
help-focus = { key-tab } { key-shift }+{ key-tab }  Inhalt, Artikel, Bereiche
help-enter = { key-enter }  zum gewählten Eintrag springen
help-toc = t  Inhalt ein- oder ausblenden
help-panels = p  Zitate und Entitäten ein- oder ausblenden
help-highlight = h  Hervorhebung ein oder aus
help-search = /  suchen · n N  nächster, vorheriger Treffer
help-language = L  Sprache wählen
help-back = { key-backspace }  zurück zum vorigen Artikel
help-links = o  die Links: einen öffnen
help-quit = q { key-ctrl }+C  beenden · { key-ctrl }+Z  anhalten
help-quit-feeds = q  zurück zur Liste · { key-ctrl }+C  beenden · { key-ctrl }+Z  anhalten

## Hinweise

too-small = Terminal zu klein ({ $width }×{ $height })
notice-state-corrupt = Einstellungsdatei war beschädigt; beiseitegelegt, es gelten die Standardwerte
notice-state-newer = Einstellungen stammen von einer neueren krant-Version; genutzt, aber nicht überschrieben
notice-state-readonly = Einstellungen können hier nicht gespeichert werden; weiter ohne Speichern
notice-version-missing = Diesen Artikel gibt es nicht auf { $language }; nur die Oberfläche wurde umgestellt
notice-analysis-failed = Die Analyse brach mit einem internen Fehler ab; der Artikel bleibt lesbar

## Fehler

error-not-found = { $path }: Datei nicht gefunden
error-directory = { $path }: ist ein Verzeichnis, kein Artikel
error-not-regular = { $path }: keine reguläre Datei
error-unreadable = { $path }: kann nicht gelesen werden ({ $reason })
error-binary = { $path }: scheint eine Binärdatei zu sein, kein Artikel
error-too-large = { $path }: zu groß ({ $size } Bytes; höchstens { $limit })
error-stdin-terminal = Standardeingabe ist ein Terminal: Artikel per Pipe an krant - übergeben
error-usage = { $message }; siehe krant --help
error-output = Ausgabe kann nicht geschrieben werden ({ $reason })
error-terminal = Terminal kann nicht verwendet werden ({ $reason })
reason-permission-denied = keine Berechtigung
reason-storage-full = kein Platz mehr auf dem Gerät

## Tastennamen (für die Hilfe und die Hinweise oben)

key-space = Leertaste
key-enter = Eingabe
key-tab = Tab
key-shift = Umschalt
key-esc = Esc
key-pgup = Bild↑
key-pgdn = Bild↓
key-home = Pos1
key-end = Ende
key-ctrl = Strg
key-backspace = Rücktaste

## Anführungszeichen um ein Zitat

quote-open = „
quote-close = “

## Befehlszeile: krant --help und Aufruffehler (Optionsnamen wie --dump bleiben, wie sie sind)

cli-about = einen Nachrichtenartikel im Terminal lesen, mit seinen Zitaten und Entitäten
cli-usage = Aufruf: krant [{ cli-options }] [{ cli-file }]
cli-options = OPTIONEN
cli-file = DATEI
cli-number = N
cli-code = KÜRZEL
cli-help-file = der zu öffnende Artikel (reiner Text oder eine http(s)-Adresse); - liest die Standardeingabe; ohne { cli-file } öffnet sich die Liste der Nachrichtenquellen, wenn es Abonnements gibt, sonst der mitgelieferte Beispielartikel
cli-help-dump = den formatierten Artikel als reinen Text ausgeben und beenden (so auch, wenn die Standardausgabe kein Terminal ist)
cli-help-width = die Ausgabe von --dump nach { cli-number } Spalten umbrechen (Standard: { $default })
cli-help-analyze = Aufbau, Zitate und Entitäten des Artikels als JSON ausgeben
cli-help-lang = Sprache der Oberfläche: nl, en, de, fr, es oder pt
cli-help-help = diese Hilfe anzeigen
cli-help-version = die Version anzeigen
cli-help-keys = Tasten: ? zeigt sie beim Lesen an
cli-unknown-option = unbekannte Option { $option }
cli-missing-value = { $option } braucht einen Wert
cli-bad-width = { $option } erwartet eine Zahl von { $min } bis { $max }, nicht { quote-open }{ $value }{ quote-close }
cli-bad-lang = { $option } erwartet nl, en, de, fr, es oder pt, nicht { quote-open }{ $value }{ quote-close }
cli-second-file = { $file }: nur ein Artikel auf einmal

# Webseiten
error-fetch = { $url }: { $reason }
loading = { $url } wird geladen … { $kilobytes } kB
fetch-bad-url = keine Webadresse
fetch-host-not-found = Server nicht gefunden
fetch-connect = keine Verbindung möglich
fetch-tls = sichere Verbindung fehlgeschlagen
fetch-timeout = Zeitüberschreitung
fetch-status = der Server antwortete { $code }
fetch-too-large = größer als { $megabytes } MB
fetch-redirects = zu viele Weiterleitungen
fetch-not-text = keine Webseite und kein Text ({ $type })
fetch-cancelled = abgebrochen
fetch-network = Netzwerkfehler

# Links
links-title = Links ({ $count })
links-none = keine Links in diesem Artikel
links-hint = 1–9 oder { key-enter } öffnet · { key-esc } schließt
links-unsupported = { $target } lässt sich hier nicht öffnen

## Feeds
cli-feed = QUELLE
cli-help-list = Titel, Verweis und Einträge von { cli-feed } (eine Datei oder eine http(s)-Adresse) als JSON ausgeben
feed-not-a-feed = { $source }: keine Nachrichtenquelle (RSS, Atom oder JSON Feed)
feed-broken = { $source }: die Nachrichtenquelle ist beschädigt und kann nicht gelesen werden
cli-help-add = { cli-feed } abonnieren (eine http(s)-Adresse oder eine Datei) oder die Nachrichtenquelle, die eine Webseite nennt
cli-help-remove = das Abonnement der Nachrichtenquelle unter URL kündigen
cli-help-import = die Nachrichtenquellen einer OPML-Datei oder der urls-Datei von newsboat abonnieren, mit ihren Schlagwörtern
cli-help-export = die Abonnements als OPML ausgeben, mit ihren Schlagwörtern
feeds-added = { $url }: abonniert ({ $title })
feeds-already = { $url }: schon abonniert ({ $title })
feeds-removed = { $url }: Abonnement gekündigt
feeds-not-subscribed = { $url }: kein Abonnement
feeds-imported = gelesene Abonnements: { $count }; neu: { $new }
feeds-not-a-list = { $path }: weder OPML noch eine Liste von Adressen von Nachrichtenquellen
feeds-no-feed = { $source }: keine Nachrichtenquelle, und die Seite nennt keine
feeds-db-moved = die Datenbank der Nachrichtenquellen war beschädigt: sie wurde nach { $path } verschoben und eine neue angelegt
feeds-db-newer = die Datenbank der Nachrichtenquellen stammt von einem neueren krant und bleibt unverändert
feeds-db-error = die Datenbank der Nachrichtenquellen ist nicht nutzbar: { $reason }

## The feed screens and refreshing
cli-help-refresh = alle Abonnements abrufen und in einer Zeile sagen, was gekommen ist
feeds-title = { $count ->
    [one] 1 Nachrichtenquelle
   *[other] { $count } Nachrichtenquellen
}
feeds-unread = { $count } ungelesen
feeds-never = nie aktualisiert
feeds-hint = ? Hilfe · { key-enter } öffnen · r aktualisieren · R alle · / suchen · q beenden
items-hint = ? Hilfe · { key-enter } lesen · s Stern · A alle gelesen · / suchen · q zurück
items-count = { $count ->
    [one] 1 Beitrag
   *[other] { $count } Beiträge
}
items-empty = noch keine Beiträge: r ruft sie ab
items-untitled = (ohne Titel)
feeds-loading = wird gelesen…
feeds-refreshing = Aktualisierung: { $done } von { $total }
feeds-search-prompt = Alle Beiträge durchsuchen:
feeds-search-hint = { key-enter } suchen · { key-esc } abbrechen
feeds-search-title = Suche: { $query }
feeds-search-none = kein Beitrag enthält diese Wörter
feeds-no-text = Dieser Beitrag hat keinen Text.
feeds-item-gone = diesen Beitrag gibt es nicht mehr
refresh-not-a-feed = keine Nachrichtenquelle
refresh-broken = die Nachrichtenquelle ist beschädigt
refresh-unreadable = die Datei kann nicht gelesen werden
refresh-store = die Datenbank der Nachrichtenquellen konnte nicht geschrieben werden
refresh-summary = Quellen aktualisiert: { $feeds }; neue Beiträge: { $new }; unverändert: { $unchanged }; fehlgeschlagen: { $failed }
feeds-reader-hints = ? Hilfe · q zurück zur Liste
feeds-help-move = j k ↓ ↑  nächste, vorige Zeile
feeds-help-page = { key-space } b  eine Seite
feeds-help-open = { key-enter }  Quelle öffnen, Beitrag lesen
feeds-help-back = q { key-backspace } { key-esc }  zurück
feeds-help-refresh = r R  diese Quelle, alle Quellen aktualisieren
feeds-help-unread = n  nächster ungelesener
feeds-help-all-read = A  Quelle als gelesen markieren
feeds-help-star = s  Stern setzen oder entfernen
feeds-help-search = /  alle Beiträge durchsuchen
feeds-help-quit = q  in der Liste der Quellen: beenden
