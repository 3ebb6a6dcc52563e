#!/usr/bin/env python3
"""Makes a large web page from a real one, for timing reader mode: the page's long paragraphs
(over 200 characters of text) are repeated after the last of them until the page has SIZE bytes.

    python3 tools/big_page.py PAGE.html SIZE OUT.html     # SIZE in bytes, e.g. 2100000
"""
import re
import sys

PARAGRAPH = re.compile(r'<p[ >](?:(?!</?p[ >]).)*?</p>', re.S)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    src, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(src, encoding='utf-8', errors='replace') as f:
        html = f.read()
    paras = [m for m in PARAGRAPH.finditer(html) if len(re.sub(r'<[^>]*>', '', m.group(0))) > 200]
    if not paras:
        sys.exit(f'{src}: no paragraph of over 200 characters')
    extra, total, n = [], len(html), 0
    while total < size:
        p = paras[n % len(paras)].group(0)
        extra.append(p)
        total += len(p)
        n += 1
    at = paras[-1].end()
    with open(out, 'w', encoding='utf-8') as f:
        f.write(html[:at] + ''.join(extra) + html[at:])


if __name__ == '__main__':
    main()
