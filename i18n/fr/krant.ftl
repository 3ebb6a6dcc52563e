# Textes de l'interface de krant : français. L'anglais sert de référence et de langue de repli.

## En-tête et barre d'état

header-reading-time = { $minutes ->
    [one] { $minutes } min de lecture
   *[other] { $minutes } min de lecture
}
header-language-guess = { $language } ?
status-section = Section { $current } sur { $total }
status-no-sections = Aucune section
status-percent = { $percent } %
status-left = { $minutes ->
    [0] à la fin
    [one] { $minutes } minute restante
   *[other] { $minutes } minutes restantes
}
status-hints = ? aide · q quitter
status-neutralised = { $count ->
    [one] { $count } caractère caché affiché comme marqueur
   *[other] { $count } caractères cachés affichés comme marqueurs
}
status-replaced = { $count ->
    [one] { $count } octet invalide remplacé
   *[other] { $count } octets invalides remplacés
}
status-analysing = analyse en cours… { $percent } %
status-opening = lecture de tout l’article… { $percent } %
status-highlight-off = surlignage désactivé

## Recherche

search-prompt = Rechercher :
search-count = résultat { $current } sur { $total }
search-none = aucun résultat
search-hint = { key-enter } conserver · { key-esc } effacer

## Sommaire

toc-title = Sommaire
toc-lead = Début

## Panneaux d'analyse

quotes-title = Citations ({ $count })
entities-title = Entités ({ $count })
panel-empty = aucun élément trouvé
panel-analysing = analyse en cours…
speaker-unknown = auteur inconnu
mentions = { $count ->
    [one] { $count } mention
   *[other] { $count } mentions
}
kind-person = Personnes
kind-organization = Organisations
kind-place = Lieux
kind-other = Autres noms
kind-money = Montants
kind-number = Nombres
kind-date = Dates

## Noms des langues

lang-nl = Néerlandais
lang-en = Anglais
lang-de = Allemand
lang-fr = Français
lang-es = Espagnol
lang-pt = Portugais

## Sélecteur de langue

switcher-title = Langue de l'interface et de l'article
switcher-hint = 1–9 ou { key-enter } choisir · { key-esc } fermer
switcher-unavailable = non disponible

## Aide

help-title = Touches
help-close = { key-esc } ou ? ferme cette aide
help-line = j k ↓ ↑  une ligne
help-page = { key-space } { key-pgdn } b { key-pgup }  une page
help-half = d u  une demi-page
help-ends = g { key-home } G { key-end }  début, fin
help-sections = ] [  section suivante, précédente
help-focus = { key-tab } { key-shift }+{ key-tab }  sommaire, article, panneaux
help-enter = { key-enter }  aller à l'entrée choisie
help-toc = t  afficher ou masquer le sommaire
help-panels = p  afficher ou masquer citations et entités
help-highlight = h  activer ou désactiver le surlignage
help-search = /  rechercher · n N  résultat suivant, précédent
help-language = L  choisir la langue
help-back = { key-backspace }  revenir à l’article précédent
help-links = o  les liens : en ouvrir un
help-quit = q { key-ctrl }+C  quitter · { key-ctrl }+Z  suspendre
help-quit-feeds = q  retour à la liste · { key-ctrl }+C  quitter · { key-ctrl }+Z  suspendre

## Messages

too-small = Terminal trop petit ({ $width }×{ $height })
notice-state-corrupt = Fichier de réglages endommagé ; mis de côté, valeurs par défaut utilisées
notice-state-newer = Réglages écrits par une version plus récente de krant ; ils sont utilisés mais pas écrasés
notice-state-readonly = Impossible d'enregistrer les réglages ici ; krant continue sans enregistrer
notice-version-missing = Article indisponible dans cette langue ({ $language }) ; seule l'interface a changé
notice-analysis-failed = L’analyse s’est arrêtée sur une erreur interne ; l’article reste lisible

## Erreurs

error-not-found = { $path } : fichier introuvable
error-directory = { $path } : c'est un dossier, pas un article
error-not-regular = { $path } : pas un fichier ordinaire
error-unreadable = { $path } : lecture impossible ({ $reason })
error-binary = { $path } : semble être un fichier binaire, pas un article
error-too-large = { $path } : trop volumineux ({ $size } octets ; { $limit } au maximum)
error-stdin-terminal = l'entrée standard est un terminal : redirigez un article vers krant -
error-usage = { $message } ; voir krant --help
error-output = impossible d'écrire la sortie ({ $reason })
error-terminal = impossible d'utiliser le terminal ({ $reason })
reason-permission-denied = permission refusée
reason-storage-full = plus de place sur le périphérique

## Noms des touches (pour l’aide et les indications ci-dessus)

key-space = Espace
key-enter = Entrée
key-tab = Tab
key-shift = Maj
key-esc = Échap
key-pgup = PgPréc
key-pgdn = PgSuiv
key-home = Origine
key-end = Fin
key-ctrl = Ctrl
key-backspace = Retour arrière

## Guillemets autour d’une citation, avec une espace insécable (U+00A0) à l’intérieur

quote-open = { "«\u00A0" }
quote-close = { "\u00A0»" }

## Ligne de commande : krant --help et erreurs d’appel (les noms d’option comme --dump restent tels quels). Avant « : » et « ; », une espace insécable (U+00A0), pour que la ligne ne se coupe pas là.

cli-about = lire un article de presse dans le terminal, avec ses citations et ses entités nommées
cli-usage = utilisation : krant [{ cli-options }] [{ cli-file }]
cli-options = OPTIONS
cli-file = FICHIER
cli-number = N
cli-code = LANGUE
cli-help-file = l'article à ouvrir (texte brut ou adresse http(s)) ; - lit l'entrée standard ; sans { cli-file }, c'est la liste des flux qui s'ouvre s'il y a des abonnements, sinon l'article d'exemple fourni
cli-help-dump = afficher l'article mis en forme en texte brut, puis quitter (c'est aussi ce qui se passe quand la sortie standard n'est pas un terminal)
cli-help-width = couper les lignes de --dump à { cli-number } colonnes (par défaut : { $default })
cli-help-analyze = afficher la structure, les citations et les entités de l'article en JSON
cli-help-lang = langue de l'interface : nl, en, de, fr, es ou pt
cli-help-help = afficher cette aide
cli-help-version = afficher la version
cli-help-keys = touches : appuyez sur ? pendant la lecture
cli-unknown-option = option inconnue : { $option }
cli-missing-value = { $option } attend une valeur
cli-bad-width = { $option } attend un nombre de { $min } à { $max }, pas { quote-open }{ $value }{ quote-close }
cli-bad-lang = { $option } attend nl, en, de, fr, es ou pt, pas { quote-open }{ $value }{ quote-close }
cli-second-file = { $file } : un seul article à la fois

# Pages web
error-fetch = { $url } : { $reason }
loading = Chargement de { $url } … { $kilobytes } ko
fetch-bad-url = ce n'est pas une adresse web
fetch-host-not-found = serveur introuvable
fetch-connect = connexion impossible
fetch-tls = échec de la connexion sécurisée
fetch-timeout = délai dépassé
fetch-status = le serveur a répondu { $code }
fetch-too-large = plus de { $megabytes } Mo
fetch-redirects = trop de redirections
fetch-not-text = ni une page web ni du texte ({ $type })
fetch-cancelled = annulé
fetch-network = erreur réseau

# Links
links-title = Liens ({ $count })
links-none = aucun lien dans cet article
links-hint = 1–9 ou { key-enter } ouvre · { key-esc } ferme
links-unsupported = impossible d’ouvrir { $target } ici

## Feeds
cli-feed = FLUX
cli-help-list = afficher le titre, le lien et les éléments de { cli-feed } (un fichier ou une adresse http(s)) en JSON
feed-not-a-feed = { $source } : ce n'est pas un flux (RSS, Atom ou JSON Feed)
feed-broken = { $source } : le flux est endommagé et ne peut pas être lu
cli-help-add = s'abonner à { cli-feed } (une adresse http(s) ou un fichier), ou au flux que nomme une page web
cli-help-remove = résilier l'abonnement au flux situé à URL
cli-help-import = s'abonner aux flux d'un fichier OPML ou du fichier urls de newsboat, avec leurs étiquettes
cli-help-export = afficher les abonnements en OPML, avec leurs étiquettes
feeds-added = { $url } : abonnement pris ({ $title })
feeds-already = { $url } : déjà abonné ({ $title })
feeds-removed = { $url } : abonnement résilié
feeds-not-subscribed = { $url } : aucun abonnement
feeds-imported = abonnements lus : { $count } ; nouveaux : { $new }
feeds-not-a-list = { $path } : ni de l'OPML ni une liste d'adresses de flux
feeds-no-feed = { $source } : ce n'est pas un flux, et la page n'en nomme aucun
feeds-db-moved = la base de données des flux était endommagée : elle a été déplacée vers { $path } et une nouvelle a été créée
feeds-db-newer = la base de données des flux vient d'un krant plus récent et reste telle quelle
feeds-db-error = la base de données des flux est inutilisable : { $reason }

## The feed screens and refreshing
cli-help-refresh = récupérer tous les abonnements et dire en une ligne ce qui est arrivé
feeds-title = { $count ->
    [one] 1 flux
   *[other] { $count } flux
}
feeds-unread = { $count ->
    [one] { $count } non lu
   *[other] { $count } non lus
}
feeds-never = jamais actualisé
feeds-hint = ? aide · { key-enter } ouvrir · r actualiser · R tous · / chercher · q quitter
items-hint = ? aide · { key-enter } lire · s étoile · A tout lu · / chercher · q retour
items-count = { $count ->
    [one] 1 article
   *[other] { $count } articles
}
items-empty = pas encore d’articles : r les récupère
items-untitled = (sans titre)
feeds-loading = lecture…
feeds-refreshing = actualisation : { $done } sur { $total }
feeds-search-prompt = Chercher dans tous les articles :
feeds-search-hint = { key-enter } chercher · { key-esc } annuler
feeds-search-title = Recherche : { $query }
feeds-search-none = aucun article ne contient ces mots
feeds-no-text = Cet article n’a pas de texte.
feeds-item-gone = cet article n’existe plus
refresh-not-a-feed = pas un flux
refresh-broken = le flux est endommagé
refresh-unreadable = le fichier ne peut pas être lu
refresh-store = la base de données des flux n’a pas pu être écrite
refresh-summary = flux actualisés : { $feeds } ; nouveaux articles : { $new } ; inchangés : { $unchanged } ; en échec : { $failed }
feeds-reader-hints = ? aide · q retour à la liste
feeds-help-move = j k ↓ ↑  ligne suivante, précédente
feeds-help-page = { key-space } b  une page
feeds-help-open = { key-enter }  ouvrir le flux, lire l’article
feeds-help-back = q { key-backspace } { key-esc }  retour
feeds-help-refresh = r R  actualiser ce flux, tous les flux
feeds-help-unread = n  non lu suivant
feeds-help-all-read = A  marquer le flux comme lu
feeds-help-star = s  mettre ou retirer l’étoile
feeds-help-search = /  chercher dans tous les articles
feeds-help-quit = q  dans la liste des flux : quitter
