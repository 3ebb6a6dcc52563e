#!/usr/bin/env python3
"""Prints the first names of the 1990 US census frequency tables that the English list
(`assets/lexicon/en/first_names.tsv`) lacks, with their gender, as lines of that file.

    python3 tools/census_first_names.py DIR /usr/share/dict/words

DIR holds the tables `dist.male.first`, `dist.female.first` and `dist.all.last` (name, percent
of people, cumulative percent, rank): the Census Bureau's, public domain; the `names` package on
PyPI ships them. A name is kept when its gender is clear (it stands in one table only, or is at
least ten times as frequent in one as in the other), it is more often a first name than a
surname (`Jackson`, `Warren` are left out), it is not a lower-case word of the word list
(`faith`, `summer`, `major`), and it is not a title, pronoun or other word of the English
lexicon.
"""
import os
import sys

LEX = os.path.join(os.path.dirname(__file__), "..", "assets", "lexicon", "en")


def table(path):
    out = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                out[parts[0].lower()] = float(parts[1])
    return out


def lexicon_words():
    """Every word of the English lexicon's files (first column), lower case."""
    words = set()
    for name in os.listdir(LEX):
        if name == "first_names.tsv":
            continue
        with open(os.path.join(LEX, name)) as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                for w in line.split("\t")[0].split():
                    words.add(w.lower().rstrip("."))
    return words


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    tables = sys.argv[1]
    male = table(os.path.join(tables, "dist.male.first"))
    female = table(os.path.join(tables, "dist.female.first"))
    last = table(os.path.join(tables, "dist.all.last"))
    with open(sys.argv[2]) as f:
        dictionary = {w.strip() for w in f if w[:1].islower()}
    have = set()
    with open(os.path.join(LEX, "first_names.tsv")) as f:
        for line in f:
            if not line.startswith("#") and "\t" in line:
                have.add(line.split("\t")[0])
    reserved = lexicon_words()
    for name in sorted(set(male) | set(female)):
        m, w = male.get(name, 0.0), female.get(name, 0.0)
        if m >= 10 * w:
            gender = "m"
        elif w >= 10 * m:
            gender = "f"
        else:
            continue
        if last.get(name, 0.0) >= max(m, w):
            continue
        if name in have or name in dictionary or name in reserved or len(name) < 3:
            continue
        print(f"{name}\t{gender}")


if __name__ == "__main__":
    main()
