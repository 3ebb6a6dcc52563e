# Textos da interface do krant: português. O inglês é a referência e o idioma de recurso.

## Cabeçalho e barra de estado

header-reading-time = { $minutes ->
    [one] { $minutes } min de leitura
   *[other] { $minutes } min de leitura
}
header-language-guess = { $language }?
status-section = Secção { $current } de { $total }
status-no-sections = Sem secções
status-percent = { $percent }%
status-left = { $minutes ->
    [0] no fim
    [one] falta { $minutes } minuto
   *[other] faltam { $minutes } minutos
}
status-hints = ? ajuda · q sair
status-neutralised = { $count ->
    [one] { $count } carácter oculto mostrado como marcador
   *[other] { $count } caracteres ocultos mostrados como marcadores
}
status-replaced = { $count ->
    [one] { $count } byte inválido substituído
   *[other] { $count } bytes inválidos substituídos
}
status-analysing = a analisar… { $percent }%
status-opening = a ler o artigo inteiro… { $percent }%
status-highlight-off = realce desligado

## Pesquisa

search-prompt = Pesquisar:
search-count = resultado { $current } de { $total }
search-none = sem resultados
search-hint = { key-enter } manter · { key-esc } limpar

## Índice

toc-title = Índice
toc-lead = Início

## Painéis de análise

quotes-title = Citações ({ $count })
entities-title = Entidades ({ $count })
panel-empty = nada encontrado
panel-analysing = a analisar…
speaker-unknown = autor desconhecido
mentions = { $count ->
    [one] { $count } menção
   *[other] { $count } menções
}
kind-person = Pessoas
kind-organization = Organizações
kind-place = Locais
kind-other = Outros nomes
kind-money = Montantes
kind-number = Números
kind-date = Datas

## Nomes dos idiomas

lang-nl = Neerlandês
lang-en = Inglês
lang-de = Alemão
lang-fr = Francês
lang-es = Espanhol
lang-pt = Português

## Seletor de idioma

switcher-title = Idioma da interface e do artigo
switcher-hint = 1–9 ou { key-enter } escolher · { key-esc } fechar
switcher-unavailable = indisponível

## Ajuda

help-title = Teclas
help-close = { key-esc } ou ? fecha esta ajuda
help-line = j k ↓ ↑  uma linha
help-page = { key-space } { key-pgdn } b { key-pgup }  uma página
help-half = d u  meia página
help-ends = g { key-home } G { key-end }  início, fim
help-sections = ] [  secção seguinte, anterior
help-focus = { key-tab } { key-shift }+{ key-tab }  índice, artigo, painéis
help-enter = { key-enter }  ir para a entrada selecionada
help-toc = t  mostrar ou ocultar o índice
help-panels = p  mostrar ou ocultar citações e entidades
help-highlight = h  ligar ou desligar o realce
help-search = /  pesquisar · n N  resultado seguinte, anterior
help-language = L  escolher o idioma
help-back = { key-backspace }  voltar ao artigo anterior
help-links = o  as ligações: abrir uma
help-quit = q { key-ctrl }+C  sair · { key-ctrl }+Z  suspender
help-quit-feeds = q  voltar à lista · { key-ctrl }+C  sair · { key-ctrl }+Z  suspender

## Avisos

too-small = Terminal demasiado pequeno ({ $width }×{ $height })
notice-state-corrupt = O ficheiro de definições estava danificado; foi posto de parte e usam-se as predefinições
notice-state-newer = Definições escritas por uma versão mais recente do krant; são usadas, mas não substituídas
notice-state-readonly = Não é possível guardar as definições aqui; o krant continua sem guardar
notice-version-missing = Este artigo não existe nesse idioma ({ $language }); só a interface mudou de idioma
notice-analysis-failed = A análise parou devido a um erro interno; o artigo continua legível

## Erros

error-not-found = { $path }: ficheiro inexistente
error-directory = { $path }: é um diretório, não um artigo
error-not-regular = { $path }: não é um ficheiro normal
error-unreadable = { $path }: não é possível ler ({ $reason })
error-binary = { $path }: parece um ficheiro binário, não um artigo
error-too-large = { $path }: demasiado grande ({ $size } bytes; máximo { $limit })
error-stdin-terminal = a entrada padrão é um terminal: redirecione um artigo para o krant -
error-usage = { $message }; consulte krant --help
error-output = não é possível escrever a saída ({ $reason })
error-terminal = não é possível usar o terminal ({ $reason })
reason-permission-denied = permissão negada
reason-storage-full = não há espaço no dispositivo

## Nomes das teclas (para a ajuda e as indicações acima; Enter, Tab, Shift, Esc e Ctrl são os nomes usados em português)

key-space = Espaço
key-enter = Enter
key-tab = Tab
key-shift = Shift
key-esc = Esc
key-pgup = Pág↑
key-pgdn = Pág↓
key-home = Início
key-end = Fim
key-ctrl = Ctrl
key-backspace = Retrocesso

## Aspas à volta de uma citação

quote-open = «
quote-close = »

## Linha de comandos: krant --help e erros de utilização (os nomes das opções, como --dump, ficam como estão)

cli-about = ler uma notícia no terminal, com as suas citações e entidades mencionadas
cli-usage = utilização: krant [{ cli-options }] [{ cli-file }]
cli-options = OPÇÕES
cli-file = FICHEIRO
cli-number = N
cli-code = CÓDIGO
cli-help-file = o artigo a abrir (texto simples ou um endereço http(s)); - lê a entrada padrão; sem { cli-file } abre-se a lista de fontes se houver assinaturas, senão o artigo de exemplo incluído
cli-help-dump = escrever o artigo formatado como texto simples e sair (é também o que acontece quando a saída padrão não é um terminal)
cli-help-width = partir as linhas de --dump em { cli-number } colunas (por omissão, { $default })
cli-help-analyze = escrever a estrutura, as citações e as entidades do artigo em JSON
cli-help-lang = idioma da interface: nl, en, de, fr, es ou pt
cli-help-help = mostrar esta ajuda
cli-help-version = mostrar a versão
cli-help-keys = teclas: prima ? durante a leitura
cli-unknown-option = opção desconhecida: { $option }
cli-missing-value = { $option } precisa de um valor
cli-bad-width = { $option } aceita um número de { $min } a { $max }, não { quote-open }{ $value }{ quote-close }
cli-bad-lang = { $option } aceita nl, en, de, fr, es ou pt, não { quote-open }{ $value }{ quote-close }
cli-second-file = { $file }: só se abre um artigo de cada vez

# Páginas web
error-fetch = { $url }: { $reason }
loading = A carregar { $url } … { $kilobytes } kB
fetch-bad-url = não é um endereço web
fetch-host-not-found = servidor não encontrado
fetch-connect = não foi possível ligar
fetch-tls = a ligação segura falhou
fetch-timeout = tempo esgotado
fetch-status = o servidor respondeu { $code }
fetch-too-large = mais de { $megabytes } MB
fetch-redirects = demasiados redirecionamentos
fetch-not-text = não é uma página web nem texto ({ $type })
fetch-cancelled = cancelado
fetch-network = erro de rede

# Links
links-title = Ligações ({ $count })
links-none = este artigo não tem ligações
links-hint = 1–9 ou { key-enter } abre · { key-esc } fecha
links-unsupported = não é possível abrir { $target } aqui

## Feeds
cli-feed = FONTE
cli-help-list = escrever o título, a ligação e as entradas de { cli-feed } (um ficheiro ou um endereço http(s)) em JSON
feed-not-a-feed = { $source }: não é uma fonte de notícias (RSS, Atom ou JSON Feed)
feed-broken = { $source }: a fonte de notícias está danificada e não pode ser lida
cli-help-add = assinar { cli-feed } (um endereço http(s) ou um ficheiro), ou a fonte que uma página web indica
cli-help-remove = cancelar a assinatura da fonte situada em URL
cli-help-import = assinar as fontes de um ficheiro OPML ou do ficheiro urls do newsboat, com as suas etiquetas
cli-help-export = escrever as assinaturas em OPML, com as suas etiquetas
feeds-added = { $url }: assinatura feita ({ $title })
feeds-already = { $url }: já assinada ({ $title })
feeds-removed = { $url }: assinatura cancelada
feeds-not-subscribed = { $url }: sem assinatura
feeds-imported = assinaturas lidas: { $count }; novas: { $new }
feeds-not-a-list = { $path }: nem OPML nem uma lista de endereços de fontes
feeds-no-feed = { $source }: não é uma fonte de notícias, e a página não indica nenhuma
feeds-db-moved = a base de dados das fontes estava danificada: foi movida para { $path } e foi criada uma nova
feeds-db-newer = a base de dados das fontes vem de um krant mais recente e fica como está
feeds-db-error = a base de dados das fontes não pode ser usada: { $reason }

## The feed screens and refreshing
cli-help-refresh = descarregar todas as assinaturas e dizer numa linha o que chegou
feeds-title = { $count ->
    [one] 1 fonte
   *[other] { $count } fontes
}
feeds-unread = { $count } por ler
feeds-never = nunca atualizada
feeds-hint = ? ajuda · { key-enter } abrir · r atualizar · R todas · / pesquisar · q sair
items-hint = ? ajuda · { key-enter } ler · s estrela · A tudo lido · / pesquisar · q voltar
items-count = { $count ->
    [one] 1 entrada
   *[other] { $count } entradas
}
items-empty = ainda sem entradas: r descarrega-as
items-untitled = (sem título)
feeds-loading = a ler…
feeds-refreshing = a atualizar: { $done } de { $total }
feeds-search-prompt = Pesquisar em todas as entradas:
feeds-search-hint = { key-enter } pesquisar · { key-esc } cancelar
feeds-search-title = Pesquisa: { $query }
feeds-search-none = nenhuma entrada contém estas palavras
feeds-no-text = Esta entrada não tem texto.
feeds-item-gone = esta entrada já não existe
refresh-not-a-feed = não é uma fonte
refresh-broken = a fonte está danificada
refresh-unreadable = o ficheiro não pode ser lido
refresh-store = não foi possível escrever na base de dados de fontes
refresh-summary = fontes atualizadas: { $feeds }; entradas novas: { $new }; sem alterações: { $unchanged }; com erro: { $failed }
feeds-reader-hints = ? ajuda · q voltar à lista
feeds-help-move = j k ↓ ↑  linha seguinte, anterior
feeds-help-page = { key-space } b  uma página
feeds-help-open = { key-enter }  abrir a fonte, ler a entrada
feeds-help-back = q { key-backspace } { key-esc }  voltar
feeds-help-refresh = r R  atualizar esta fonte, todas as fontes
feeds-help-unread = n  seguinte por ler
feeds-help-all-read = A  marcar a fonte como lida
feeds-help-star = s  pôr ou tirar a estrela
feeds-help-search = /  pesquisar em todas as entradas
feeds-help-quit = q  na lista de fontes: sair
