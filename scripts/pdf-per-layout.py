#!/usr/bin/env python3
"""The PDF reader's quality per layout on a typeset set (issue 18).

    python3 scripts/pdf-per-layout.py TYPESET_DIR [TONGWEN]

Reads every `pdf/NNN.pdf` with `tongwen analyze --json` (TONGWEN: the CLI
binary, default target/release/tongwen) and scores it against
`gold/NNN.json`, as `crates/testkit/src/synth/typeset.rs` does, grouped by
the layout `scripts/typeset.mjs` records for each gold article. A found
paragraph cannot be told to a layout unless it matches one, so per layout
this gives recall: the share of gold paragraph starts found, of gold
paragraphs found exactly, and of gold titles found.
"""
import collections
import json
import pathlib
import subprocess
import sys


def visible(s):
    return "".join((s or "").split())


def layout_of(article):
    lay = article.get("layout") or {}
    if lay.get("side"):
        return "two articles side by side, 1-2 columns each"
    return f"{lay.get('columns', '?')} columns"


def main():
    root = pathlib.Path(sys.argv[1])
    cli = sys.argv[2] if len(sys.argv) > 2 else "target/release/tongwen"
    rows = collections.defaultdict(collections.Counter)
    for gold_file in sorted((root / "gold").glob("*.json")):
        pdf = root / "pdf" / (gold_file.stem + ".pdf")
        out = subprocess.run([cli, "analyze", "--json", str(pdf)], capture_output=True, text=True, check=True)
        doc = json.loads(out.stdout)["documents"][0]
        found = []
        for art in doc["articles"]:
            for k, p in enumerate(art["paragraphs"]):
                if p.get("heading"):
                    continue
                dateline = p.get("dateline") or (art.get("dateline") if k == 0 else None)
                found.append(visible(dateline) + visible(p["text"]))
        starts = collections.Counter(t[:20] for t in found)
        whole = collections.Counter(found)
        titles = collections.Counter(visible(a.get("title")) for a in doc["articles"] if a.get("title"))
        for art in json.load(open(gold_file))["articles"]:
            row = rows[layout_of(art)]
            for p in art["paragraphs"]:
                p = visible(p)
                row["paragraphs"] += 1
                if starts[p[:20]] > 0:
                    starts[p[:20]] -= 1
                    row["starts"] += 1
                if whole[p] > 0:
                    whole[p] -= 1
                    row["exact"] += 1
            if art.get("title"):
                row["titles"] += 1
                t = visible(art["title"])
                if titles[t] > 0:
                    titles[t] -= 1
                    row["titles_found"] += 1
    print("| layout | gold paragraphs | starts found | exact | titles found |")
    print("|---|---|---|---|---|")
    for layout in sorted(rows):
        r = rows[layout]
        title = f"{r['titles_found'] / r['titles']:.3f} of {r['titles']}" if r["titles"] else "—"
        print(f"| {layout} | {r['paragraphs']} | {r['starts'] / r['paragraphs']:.3f} | {r['exact'] / r['paragraphs']:.3f} | {title} |")


if __name__ == "__main__":
    main()
