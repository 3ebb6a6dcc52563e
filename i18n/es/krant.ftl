# Textos de la interfaz de krant: español. El inglés es la referencia y el idioma de reserva.

## Cabecera y barra de estado

header-reading-time = { $minutes ->
    [one] 1 min de lectura
   *[other] { $minutes } min de lectura
}
header-language-guess = ¿{ $language }?
status-section = Sección { $current } de { $total }
status-no-sections = Sin secciones
status-percent = { $percent }%
status-left = { $minutes ->
    [0] al final
    [one] queda 1 minuto
   *[other] quedan { $minutes } minutos
}
status-hints = ? ayuda · q salir
status-neutralised = { $count ->
    [one] 1 carácter oculto mostrado como marca
   *[other] { $count } caracteres ocultos mostrados como marcas
}
status-replaced = { $count ->
    [one] 1 byte no válido sustituido
   *[other] { $count } bytes no válidos sustituidos
}
status-analysing = analizando… { $percent }%
status-opening = leyendo el artículo entero… { $percent }%
status-highlight-off = resaltado desactivado

## Búsqueda

search-prompt = Buscar:
search-count = resultado { $current } de { $total }
search-none = sin resultados
search-hint = { key-enter } conservar · { key-esc } borrar

## Índice

toc-title = Índice
toc-lead = Inicio

## Paneles de análisis

quotes-title = Citas ({ $count })
entities-title = Entidades ({ $count })
panel-empty = no se encontró nada
panel-analysing = analizando…
speaker-unknown = autor desconocido
mentions = { $count ->
    [one] 1 mención
   *[other] { $count } menciones
}
kind-person = Personas
kind-organization = Organizaciones
kind-place = Lugares
kind-other = Otros nombres
kind-money = Importes
kind-number = Números
kind-date = Fechas

## Nombres de idiomas

lang-nl = Neerlandés
lang-en = Inglés
lang-de = Alemán
lang-fr = Francés
lang-es = Español
lang-pt = Portugués

## Selector de idioma

switcher-title = Idioma de la interfaz y del artículo
switcher-hint = 1–9 o { key-enter } elegir · { key-esc } cerrar
switcher-unavailable = no disponible

## Ayuda

help-title = Teclas
help-close = { key-esc } o ? cierra esta ayuda
help-line = j k ↓ ↑  una línea
help-page = { key-space } { key-pgdn } b { key-pgup }  una página
help-half = d u  media página
help-ends = g { key-home } G { key-end }  inicio, final
help-sections = ] [  sección siguiente, anterior
help-focus = { key-tab } { key-shift }+{ key-tab }  índice, artículo, paneles
help-enter = { key-enter }  ir a la entrada seleccionada
help-toc = t  mostrar u ocultar el índice
help-panels = p  mostrar u ocultar citas y entidades
help-highlight = h  activar o desactivar el resaltado
help-search = /  buscar · n N  resultado siguiente, anterior
help-language = L  elegir el idioma
help-back = { key-backspace }  volver al artículo anterior
help-links = o  los enlaces: abrir uno
help-quit = q { key-ctrl }+C  salir · { key-ctrl }+Z  suspender
help-quit-feeds = q  volver a la lista · { key-ctrl }+C  salir · { key-ctrl }+Z  suspender

## Avisos

too-small = Terminal demasiado pequeño ({ $width }×{ $height })
notice-state-corrupt = El archivo de ajustes estaba dañado; se ha apartado y se usan los valores predeterminados
notice-state-newer = Ajustes escritos por una versión más reciente de krant; se usan, pero no se sobrescriben
notice-state-readonly = Aquí no se pueden guardar los ajustes; se continúa sin guardar
notice-version-missing = Este artículo no existe en ese idioma ({ $language }); solo ha cambiado la interfaz
notice-analysis-failed = El análisis se detuvo por un error interno; el artículo sigue legible

## Errores

error-not-found = { $path }: no existe el archivo
error-directory = { $path }: es un directorio, no un artículo
error-not-regular = { $path }: no es un archivo normal
error-unreadable = { $path }: no se puede leer ({ $reason })
error-binary = { $path }: parece un archivo binario, no un artículo
error-too-large = { $path }: demasiado grande ({ $size } bytes; máximo { $limit })
error-stdin-terminal = la entrada estándar es un terminal: redirija un artículo a krant -
error-usage = { $message }; consulte krant --help
error-output = no se puede escribir la salida ({ $reason })
error-terminal = no se puede usar el terminal ({ $reason })
reason-permission-denied = permiso denegado
reason-storage-full = no queda espacio en el dispositivo

## Nombres de las teclas (para la ayuda y las indicaciones de arriba)

key-space = Espacio
key-enter = Intro
key-tab = Tab
key-shift = Mayús
key-esc = Esc
key-pgup = RePág
key-pgdn = AvPág
key-home = Inicio
key-end = Fin
key-ctrl = Ctrl
key-backspace = Retroceso

## Comillas alrededor de una cita

quote-open = «
quote-close = »

## Línea de órdenes: krant --help y errores de uso (los nombres de opción como --dump no se traducen)

cli-about = leer un artículo de prensa en el terminal, con sus citas y entidades nombradas
cli-usage = uso: krant [{ cli-options }] [{ cli-file }]
cli-options = OPCIONES
cli-file = ARCHIVO
cli-number = N
cli-code = CÓDIGO
cli-help-file = el artículo que se abre (texto plano o una dirección http(s)); - lee la entrada estándar; sin { cli-file } se abre la lista de fuentes si hay suscripciones, si no el artículo de ejemplo incluido
cli-help-dump = escribir el artículo formateado como texto plano y salir (también ocurre cuando la salida estándar no es un terminal)
cli-help-width = cortar las líneas de --dump a { cli-number } columnas (por defecto, { $default })
cli-help-analyze = escribir la estructura, las citas y las entidades del artículo en JSON
cli-help-lang = idioma de la interfaz: nl, en, de, fr, es o pt
cli-help-help = mostrar esta ayuda
cli-help-version = mostrar la versión
cli-help-keys = teclas: pulse ? durante la lectura
cli-unknown-option = opción desconocida: { $option }
cli-missing-value = { $option } necesita un valor
cli-bad-width = { $option } admite un número de { $min } a { $max }, no { quote-open }{ $value }{ quote-close }
cli-bad-lang = { $option } admite nl, en, de, fr, es o pt, no { quote-open }{ $value }{ quote-close }
cli-second-file = { $file }: solo se abre un artículo cada vez

# Páginas web
error-fetch = { $url }: { $reason }
loading = Cargando { $url } … { $kilobytes } kB
fetch-bad-url = no es una dirección web
fetch-host-not-found = servidor no encontrado
fetch-connect = no se pudo conectar
fetch-tls = falló la conexión segura
fetch-timeout = se agotó el tiempo de espera
fetch-status = el servidor respondió { $code }
fetch-too-large = más de { $megabytes } MB
fetch-redirects = demasiadas redirecciones
fetch-not-text = no es una página web ni texto ({ $type })
fetch-cancelled = cancelado
fetch-network = error de red

# Links
links-title = Enlaces ({ $count })
links-none = este artículo no tiene enlaces
links-hint = 1–9 o { key-enter } abre · { key-esc } cierra
links-unsupported = no se puede abrir { $target } aquí

## Feeds
cli-feed = FUENTE
cli-help-list = escribir el título, el enlace y las entradas de { cli-feed } (un archivo o una dirección http(s)) en JSON
feed-not-a-feed = { $source }: no es una fuente de noticias (RSS, Atom o JSON Feed)
feed-broken = { $source }: la fuente de noticias está dañada y no se puede leer
cli-help-add = suscribirse a { cli-feed } (una dirección http(s) o un archivo), o a la fuente que nombra una página web
cli-help-remove = cancelar la suscripción a la fuente situada en URL
cli-help-import = suscribirse a las fuentes de un archivo OPML o del archivo urls de newsboat, con sus etiquetas
cli-help-export = escribir las suscripciones en OPML, con sus etiquetas
feeds-added = { $url }: suscripción hecha ({ $title })
feeds-already = { $url }: ya suscrito ({ $title })
feeds-removed = { $url }: suscripción cancelada
feeds-not-subscribed = { $url }: sin suscripción
feeds-imported = suscripciones leídas: { $count }; nuevas: { $new }
feeds-not-a-list = { $path }: ni OPML ni una lista de direcciones de fuentes
feeds-no-feed = { $source }: no es una fuente de noticias, y la página no nombra ninguna
feeds-db-moved = la base de datos de fuentes estaba dañada: se ha movido a { $path } y se ha creado una nueva
feeds-db-newer = la base de datos de fuentes viene de un krant más reciente y se deja como está
feeds-db-error = la base de datos de fuentes no se puede usar: { $reason }

## The feed screens and refreshing
cli-help-refresh = descargar todas las suscripciones y decir en una línea lo que llegó
feeds-title = { $count ->
    [one] 1 fuente
   *[other] { $count } fuentes
}
feeds-unread = { $count } sin leer
feeds-never = nunca actualizada
feeds-hint = ? ayuda · { key-enter } abrir · r actualizar · R todas · / buscar · q salir
items-hint = ? ayuda · { key-enter } leer · s estrella · A todo leído · / buscar · q volver
items-count = { $count ->
    [one] 1 entrada
   *[other] { $count } entradas
}
items-empty = aún no hay entradas: r las descarga
items-untitled = (sin título)
feeds-loading = leyendo…
feeds-refreshing = actualizando: { $done } de { $total }
feeds-search-prompt = Buscar en todas las entradas:
feeds-search-hint = { key-enter } buscar · { key-esc } cancelar
feeds-search-title = Búsqueda: { $query }
feeds-search-none = ninguna entrada contiene estas palabras
feeds-no-text = Esta entrada no tiene texto.
feeds-item-gone = esta entrada ya no existe
refresh-not-a-feed = no es una fuente
refresh-broken = la fuente está dañada
refresh-unreadable = el archivo no se puede leer
refresh-store = no se pudo escribir en la base de datos de fuentes
refresh-summary = fuentes actualizadas: { $feeds }; entradas nuevas: { $new }; sin cambios: { $unchanged }; con errores: { $failed }
feeds-reader-hints = ? ayuda · q volver a la lista
feeds-help-move = j k ↓ ↑  fila siguiente, anterior
feeds-help-page = { key-space } b  una página
feeds-help-open = { key-enter }  abrir la fuente, leer la entrada
feeds-help-back = q { key-backspace } { key-esc }  volver
feeds-help-refresh = r R  actualizar esta fuente, todas las fuentes
feeds-help-unread = n  siguiente sin leer
feeds-help-all-read = A  marcar la fuente como leída
feeds-help-star = s  poner o quitar la estrella
feeds-help-search = /  buscar en todas las entradas
feeds-help-quit = q  en la lista de fuentes: salir
