#!/usr/bin/env python3
"""Prints what krant makes of one HTML page as the JSON object web_score.py --json reads:
{"text", "byline", "date", "lang", "alternates"}, from `krant --dump` and `krant --analyze`.

    python3 ../shared/tools/web_score.py --data ../shared/web --set moz --json \
        'python3 tools/web_json.py target/release/krant {html}'
"""
import json
import subprocess
import sys


def main():
    krant, page = sys.argv[1], sys.argv[2]
    text = subprocess.run([krant, "--dump", page], capture_output=True, check=True).stdout
    analysis = subprocess.run([krant, "--analyze", page], capture_output=True, check=True).stdout
    source = json.loads(analysis).get("source") or {}
    json.dump(
        {
            "text": text.decode("utf-8", "replace"),
            "byline": source.get("byline"),
            "date": source.get("published"),
            "lang": source.get("lang"),
            "alternates": source.get("alternates") or [],
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
