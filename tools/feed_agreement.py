#!/usr/bin/env python3
"""How far `krant --list` agrees with Python's feedparser on a folder of feeds.

For every file in the folder it runs `krant --list FILE` and `feedparser.parse(FILE)` and
compares the number of entries and their titles, in order. Titles are compared as text: markup
dropped from the titles that feedparser marks as HTML (krant prints text), HTML character
references decoded and runs of white space collapsed. A feed counts as
well-formed when feedparser raises no "bozo" flag (the XML or JSON is sound).

    python3 tools/feed_agreement.py FOLDER [--krant target/debug/krant] [--verbose]

Prints the agreement over well-formed feeds and over all feeds, and the disagreements
grouped by cause.
"""

import argparse
import html
import json
import os
import re
import subprocess
import sys
from collections import defaultdict

try:
    import feedparser
except ImportError:
    sys.exit("feedparser is missing: pip install feedparser")


def norm(title):
    """A title for comparison: references decoded, white space collapsed."""
    if title is None:
        return ""
    return " ".join(html.unescape(title).split())


TAG = re.compile(r"<[^>]*>")


def krant_list(krant, path):
    """The feed as `krant --list` sees it, or None when krant refuses it."""
    run = subprocess.run(
        [krant, "--lang", "en", "--list", path],
        capture_output=True,
        timeout=60,
    )
    if run.returncode != 0:
        return None, run.stderr.decode("utf-8", "replace").strip()
    return json.loads(run.stdout), ""


def text_of(entry):
    """An entry's title as text. feedparser gives a title that is HTML as HTML, and says so
    in `title_detail`; krant gives text, so markup is dropped before comparing."""
    title = entry.get("title")
    kind = (entry.get("title_detail") or {}).get("type", "")
    if title is not None and kind in ("text/html", "application/xhtml+xml"):
        title = TAG.sub("", title)
    return norm(title)


def reference(path):
    """The feed as feedparser sees it: well-formed or not, and the entries' titles (as text),
    and how many of those were HTML."""
    parsed = feedparser.parse(path)
    titles = [text_of(e) for e in parsed.entries]
    return not parsed.bozo, titles


def cause(ours, theirs):
    """Why two lists of titles differ."""
    if len(ours) != len(theirs):
        return "entry count"
    pairs = [(a, b) for a, b in zip(ours, theirs) if a != b]
    if all(norm(TAG.sub("", a)) == norm(TAG.sub("", b)) for a, b in pairs):
        return "markup in a title given as text"
    if all(a == "" for a, _ in pairs):
        return "title missing in krant"
    if all(b == "" for _, b in pairs):
        return "title missing in feedparser"
    return "title text"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--krant", default=os.path.join("target", "debug", "krant"))
    ap.add_argument("--verbose", action="store_true", help="name every disagreeing file")
    args = ap.parse_args()

    files = sorted(
        os.path.join(args.folder, f)
        for f in os.listdir(args.folder)
        if os.path.isfile(os.path.join(args.folder, f))
    )
    counts = {"all": 0, "all_agree": 0, "wf": 0, "wf_agree": 0}
    causes = defaultdict(list)
    for path in files:
        well_formed, theirs = reference(path)
        feed, error = krant_list(args.krant, path)
        counts["all"] += 1
        counts["wf"] += well_formed
        if feed is None:
            why = "krant refuses it: " + error.rsplit(": ", 1)[-1]
        else:
            ours = [norm(i["title"]) for i in feed["items"]]
            why = None if ours == theirs else cause(ours, theirs)
        if why is None:
            counts["all_agree"] += 1
            counts["wf_agree"] += well_formed
        else:
            label = ("well-formed" if well_formed else "ill-formed") + ": " + why
            causes[label].append(os.path.basename(path))

    def pct(a, b):
        return f"{a}/{b} ({100.0 * a / b:.1f} %)" if b else "0/0"

    print(f"well-formed feeds agreeing on entry count and titles: "
          f"{pct(counts['wf_agree'], counts['wf'])}")
    print(f"all feeds agreeing: {pct(counts['all_agree'], counts['all'])}")
    for label, names in sorted(causes.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(names):4d}  {label}")
        if args.verbose:
            for n in names:
                print(f"          {n}")


if __name__ == "__main__":
    main()
