#!/usr/bin/env python3
"""Turns an article written with inline quote markup into the JSON of `tests/quotes/`.

    python3 tools/quotes_markup.py ARTICLE.txt [...]   # writes ARTICLE.json beside each

The article is plain text: a headline on the first line, then one paragraph per line. Marks:

    {{q3}}“We will not wait,”{{/}}       quote 3, its marks included (several spans: the same
                                        id again, as for an attribution inside one pair of marks)
    {{s3}}Sen. Laura Bianchi{{/}}        the speaker mention of quote 3
    {{s3,4}}Bianchi{{/}}                 one mention that is the speaker of quotes 3 and 4
    {{s5|Sen. Laura Bianchi}}she{{/}}    a pronoun speaker and the person it stands for
    {{c3}}said{{/}}                      the cue of quote 3 (an id may have several spans)

`{{/}}` closes the innermost open mark. A quote without an `s` mark has no speaker. Offsets are
code points into the text without the marks, end exclusive, as `tests/quotes/README.md` says.
"""

import json
import re
import sys

TAG = re.compile(r"\{\{(/?)([^}]*)\}\}")


def parse(marked):
    text = []
    pos = 0  # code points of plain text so far
    stack = []
    spans = []  # (kind, ids, referent, begin, end)
    last = 0
    for m in TAG.finditer(marked):
        chunk = marked[last:m.start()]
        text.append(chunk)
        pos += len(chunk)
        last = m.end()
        closing, body = m.group(1), m.group(2)
        if closing:
            if not stack:
                raise ValueError(f"{{{{/}}}} without an open mark near {marked[max(0, m.start() - 40):m.end()]!r}")
            kind, ids, referent, begin = stack.pop()
            spans.append((kind, ids, referent, begin, pos))
            continue
        head, _, referent = body.partition("|")
        kind, ids = head[:1], head[1:]
        if kind not in "qsc" or not ids:
            raise ValueError(f"unknown mark {{{{{body}}}}}")
        stack.append((kind, [int(i) for i in ids.split(",")], referent or None, pos))
    if stack:
        raise ValueError(f"unclosed mark {stack[-1][:2]}")
    text.append(marked[last:])
    return "".join(text), spans


def annotations(text, spans):
    quotes = sorted({i for k, ids, _, _, _ in spans if k == "q" for i in ids})
    out = []

    def part(kind, qid):
        mine = sorted((b, e, r) for k, ids, r, b, e in spans if k == kind and qid in ids)
        return {
            "spans": [{"charBegin": b, "charEnd": e} for b, e, _ in mine],
            "text": " ".join(text[b:e] for b, e, _ in mine),
        }, next((r for _, _, r in mine if r), None)

    for qid in quotes:
        quote, _ = part("q", qid)
        speaker, referent = part("s", qid)
        cue, _ = part("c", qid)
        a = {"type": "Direct", "quote": quote, "speaker": speaker, "cue": cue}
        if referent:
            a["referent"] = {"text": referent}
        out.append(a)
    out.sort(key=lambda a: a["quote"]["spans"][0]["charBegin"])
    for k, ids, _, _, _ in spans:
        for i in ids:
            if i not in quotes:
                raise ValueError(f"mark {k}{i} for a quote that is not marked")
    return out


def main(paths):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            marked = f.read()
        text, spans = parse(marked)
        doc = {
            "documentName": path.rsplit("/", 1)[-1].rsplit(".", 1)[0],
            "originalText": text,
            "annotations": annotations(text, spans),
        }
        out = path.rsplit(".", 1)[0] + ".json"
        with open(out, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(f"{out}: {len(doc['annotations'])} quotes")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
