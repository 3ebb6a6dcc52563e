# krant interface strings: English, the reference and the fallback for every other language.

## Header and status bar

header-reading-time = { $minutes ->
    [one] 1 min read
   *[other] { $minutes } min read
}
header-language-guess = { $language }?
status-section = Section { $current } of { $total }
status-no-sections = No sections
status-percent = { $percent }%
status-left = { $minutes ->
    [0] at the end
    [one] 1 minute left
   *[other] { $minutes } minutes left
}
status-hints = ? help · q quit
status-neutralised = { $count ->
    [one] 1 hidden character shown as a marker
   *[other] { $count } hidden characters shown as markers
}
status-replaced = { $count ->
    [one] 1 invalid byte replaced
   *[other] { $count } invalid bytes replaced
}
status-analysing = analysing… { $percent }%
status-opening = reading the whole article… { $percent }%
status-highlight-off = highlighting off

## Search

search-prompt = Search:
search-count = match { $current } of { $total }
search-none = no match
search-hint = { key-enter } keep · { key-esc } clear

## Table of contents

toc-title = Contents
toc-lead = Beginning

## Analysis panels

quotes-title = Quotes ({ $count })
entities-title = Entities ({ $count })
panel-empty = nothing found
panel-analysing = analysing…
speaker-unknown = unknown speaker
mentions = { $count ->
    [one] 1 mention
   *[other] { $count } mentions
}
kind-person = People
kind-organization = Organisations
kind-place = Places
kind-other = Other names
kind-money = Money
kind-number = Numbers
kind-date = Dates

## Language names

lang-nl = Dutch
lang-en = English
lang-de = German
lang-fr = French
lang-es = Spanish
lang-pt = Portuguese

## Language switcher

switcher-title = Interface and article language
switcher-hint = 1–9 or { key-enter } choose · { key-esc } close
switcher-unavailable = not available

## Help

help-title = Keys
help-close = { key-esc } or ? closes this help
help-line = j k ↓ ↑  one line
help-page = { key-space } { key-pgdn } b { key-pgup }  one page
help-half = d u  half a page
help-ends = g { key-home } G { key-end }  top, bottom
help-sections = ] [  next, previous section
help-focus = { key-tab } { key-shift }-{ key-tab }  contents, article, panels
help-enter = { key-enter }  go to the selected entry
help-toc = t  show or hide the contents
help-panels = p  show or hide quotes and entities
help-highlight = h  highlighting on or off
help-search = /  search · n N  next, previous match
help-language = L  choose the language
help-back = { key-backspace }  back to the article before
help-links = o  the links: open one
help-quit = q { key-ctrl }-C  quit · { key-ctrl }-Z  suspend
help-quit-feeds = q  back to the list · { key-ctrl }-C  quit · { key-ctrl }-Z  suspend

## Notices

too-small = Terminal too small ({ $width }×{ $height })
notice-state-corrupt = Settings file was damaged; it was set aside and defaults are used
notice-state-newer = Settings were written by a newer krant; they are used but not overwritten
notice-state-readonly = Settings cannot be saved here; running without saving
notice-version-missing = This article has no { $language } version; the interface switched
notice-analysis-failed = The analysis stopped on an internal error; the article reads on

## Errors

error-not-found = { $path }: no such file
error-directory = { $path }: is a directory, not an article
error-not-regular = { $path }: not a regular file
error-unreadable = { $path }: cannot be read ({ $reason })
error-binary = { $path }: looks like a binary file, not an article
error-too-large = { $path }: too large ({ $size } bytes; at most { $limit })
error-stdin-terminal = standard input is a terminal: pipe an article into krant -
error-usage = { $message }; see krant --help
error-output = cannot write the output ({ $reason })
error-terminal = cannot use the terminal ({ $reason })
reason-permission-denied = permission denied
reason-storage-full = no space left on the device

## Key names (the help and the hints above use them)

key-space = Space
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

## Quotation marks around a quote

quote-open = “
quote-close = ”

## Command line: krant --help and usage errors (option names such as --dump stay as they are)

cli-about = read a news article in the terminal, with its quotes and named entities
cli-usage = usage: krant [{ cli-options }] [{ cli-file }]
cli-options = OPTIONS
cli-file = FILE
cli-number = N
cli-code = CODE
cli-help-file = the article to open (plain text, or an http(s) address); - reads standard input; without { cli-file } the feed list opens when there are subscriptions, else the bundled sample article
cli-help-dump = print the formatted article as plain text and exit (also what happens when standard output is not a terminal)
cli-help-width = wrap --dump output at { cli-number } columns (default { $default })
cli-help-analyze = print the article's structure, quotes and entities as JSON
cli-help-lang = interface language: nl, en, de, fr, es or pt
cli-help-help = show this help
cli-help-version = show the version
cli-help-keys = keys: press ? in the reader
cli-unknown-option = unknown option { $option }
cli-missing-value = { $option } needs a value
cli-bad-width = { $option } takes a number from { $min } to { $max }, not { quote-open }{ $value }{ quote-close }
cli-bad-lang = { $option } takes nl, en, de, fr, es or pt, not { quote-open }{ $value }{ quote-close }
cli-second-file = { $file }: only one article at a time

# Web pages
error-fetch = { $url }: { $reason }
loading = Loading { $url } … { $kilobytes } KB
fetch-bad-url = not a web address
fetch-host-not-found = host not found
fetch-connect = could not connect
fetch-tls = secure connection failed
fetch-timeout = timed out
fetch-status = the server answered { $code }
fetch-too-large = larger than { $megabytes } MB
fetch-redirects = too many redirects
fetch-not-text = not a web page or text ({ $type })
fetch-cancelled = cancelled
fetch-network = network error

# Links
links-title = Links ({ $count })
links-none = no links in this article
links-hint = 1–9 or { key-enter } opens · { key-esc } closes
links-unsupported = cannot open { $target } here

## Feeds
cli-feed = FEED
cli-help-list = print the title, link and items of { cli-feed } (a file or an http(s) address) as JSON
feed-not-a-feed = { $source }: not a feed (RSS, Atom or JSON Feed)
feed-broken = { $source }: the feed is damaged and cannot be read
cli-help-add = subscribe to { cli-feed } (an http(s) address or a file), or to the feed a web page names
cli-help-remove = unsubscribe from the feed at URL
cli-help-import = subscribe to the feeds of an OPML file or of newsboat's urls file, with their tags
cli-help-export = print the subscriptions as OPML, with their tags
feeds-added = { $url }: subscribed ({ $title })
feeds-already = { $url }: already subscribed ({ $title })
feeds-removed = { $url }: unsubscribed
feeds-not-subscribed = { $url }: not subscribed
feeds-imported = subscriptions read: { $count }; new: { $new }
feeds-not-a-list = { $path }: neither OPML nor a list of feed addresses
feeds-no-feed = { $source }: not a feed, and the page names none
feeds-db-moved = the feed database was damaged: it was moved to { $path } and a new one started
feeds-db-newer = the feed database was written by a newer krant and is left as it is
feeds-db-error = the feed database cannot be used: { $reason }

## The feed screens and refreshing
cli-help-refresh = fetch every subscription and print one line on what came
feeds-title = { $count ->
    [one] 1 feed
   *[other] { $count } feeds
}
feeds-unread = { $count } unread
feeds-never = never refreshed
feeds-hint = ? help · { key-enter } open · r refresh · R all · / search · q quit
items-hint = ? help · { key-enter } read · s star · A all read · / search · q back
items-count = { $count ->
    [one] 1 item
   *[other] { $count } items
}
items-empty = no items yet: r fetches them
items-untitled = (untitled)
feeds-loading = reading…
feeds-refreshing = refreshing { $done } of { $total }
feeds-search-prompt = Search all items:
feeds-search-hint = { key-enter } search · { key-esc } cancel
feeds-search-title = Search: { $query }
feeds-search-none = no item holds these words
feeds-no-text = This item has no text.
feeds-item-gone = this item is no longer there
refresh-not-a-feed = not a feed
refresh-broken = the feed is damaged
refresh-unreadable = the file cannot be read
refresh-store = the feed database could not be written
refresh-summary = feeds refreshed: { $feeds }; new items: { $new }; unchanged: { $unchanged }; failed: { $failed }
feeds-reader-hints = ? help · q back to the list
feeds-help-move = j k ↓ ↑  next, previous row
feeds-help-page = { key-space } b  one page
feeds-help-open = { key-enter }  open the feed, read the item
feeds-help-back = q { key-backspace } { key-esc }  back
feeds-help-refresh = r R  refresh this feed, every feed
feeds-help-unread = n  next unread
feeds-help-all-read = A  mark the feed read
feeds-help-star = s  star or unstar the item
feeds-help-search = /  search every item
feeds-help-quit = q  on the feed list: quit
