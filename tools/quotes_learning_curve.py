#!/usr/bin/env python3
"""How the speaker ranker's accuracy grows with its training articles.

    python3 tools/quotes_learning_curve.py --train DIR [--train DIR ...] [--with DIR ...]
        --test DIR [--test DIR ...] [--fractions 0.25,0.5,0.75,1] [--draws 3]
        [--seeds 7,101,2029] [--eval target/release/krant-eval]

For each fraction, `--draws` random subsets of the documents of the `--train` directories
(by document, the same subsets on every run) are linked into a temporary directory; the
ranker is trained on the subset plus every `--with` directory (`krant-eval quotes SUBSET
--with DIR ... --test DIR ...`) and scored on each `--test` directory, for each seed. It
prints the mean number of quotes right per test directory and fraction, beside what the
rules alone (the cascade) get, which no fraction changes: the rules are not retrained.
"""

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile

LINE = re.compile(
    r"^(?P<dir>\S+): ranker trained on .*? [0-9.]+% \((?P<right>\d+)/(?P<total>\d+)\); "
    r"the cascade alone [0-9.]+% \((?P<cascade>\d+)/"
)


def documents(dirs):
    out = []
    for d in dirs:
        out.extend(
            os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".json")
        )
    return out


def run(args, subset_dir, seed):
    cmd = [args.eval, "quotes", subset_dir, "--seed", str(seed)]
    for d in args.with_:
        cmd += ["--with", d]
    for d in args.test:
        cmd += ["--test", d]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    scores = {}
    for line in out.splitlines():
        m = LINE.match(line)
        if m:
            scores[m["dir"]] = (int(m["right"]), int(m["total"]), int(m["cascade"]))
    return scores


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--train", action="append", required=True)
    p.add_argument("--with", dest="with_", action="append", default=[])
    p.add_argument("--test", action="append", required=True)
    p.add_argument("--fractions", default="0.25,0.5,0.75,1")
    p.add_argument("--draws", type=int, default=3)
    p.add_argument("--seeds", default="7,101,2029")
    p.add_argument("--eval", default="target/release/krant-eval")
    args = p.parse_args()
    docs = documents(args.train)
    seeds = [int(s) for s in args.seeds.split(",")]
    print(f"{len(docs)} training documents; seeds {args.seeds}")
    for frac in (float(f) for f in args.fractions.split(",")):
        draws = 1 if frac >= 1 else args.draws
        sums, cascade = {}, {}
        for draw in range(draws):
            pick = docs[:]
            random.Random(1000 * draw + round(frac * 100)).shuffle(pick)
            pick = pick[: max(1, round(len(docs) * frac))]
            with tempfile.TemporaryDirectory() as tmp:
                for i, f in enumerate(pick):
                    os.symlink(os.path.abspath(f), os.path.join(tmp, f"{i:05}.json"))
                for seed in seeds:
                    for d, (right, total, casc) in run(args, tmp, seed).items():
                        sums[d] = sums.get(d, 0) + right
                        cascade[d] = (casc, total)
        runs = draws * len(seeds)
        for d in args.test:
            if d in sums:
                casc, total = cascade[d]
                print(
                    f"{frac:>5} ({round(len(docs) * frac)} documents) {d}: ranker "
                    f"{sums[d] / runs:.1f}/{total}, rules alone {casc}/{total}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
