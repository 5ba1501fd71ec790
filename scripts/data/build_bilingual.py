#!/usr/bin/env python3
"""Build the French-English lexicon data/generated/bilingual/fr_en.tsv.

Usage: build_bilingual.py OUT FRA_ENG_BASE ENG_FRA_BASE [EXTRA_TSV ...]

FRA_ENG_BASE / ENG_FRA_BASE are dictd databases without extension
(/usr/share/dictd/freedict-fra-eng -> .index + .dict.dz, Debian packages
dict-freedict-fra-eng and dict-freedict-eng-fra). EXTRA_TSV are hand-written
"fr<TAB>en" files (data/bilingual/fr_en_extra.tsv), '#' starts a comment.

Output: one "fr<TAB>en" pair per line, both sides lowercased (NFC), at most
MAX_WORDS words each side, both directions merged, deduplicated, sorted
bytewise. No header line. Python 3 standard library only.

dictd entry format (FreeDict, TEI converted):
    headword /ipa/ <pos>
    1. translation, translation; translation
    2.  [domain] translation (gloss)
Labels in [] and glosses in () are dropped; "to go" -> "go" on the English
side and "se rendre" / "s'adapter" also give "rendre" / "adapter".
"""
import gzip
import os
import re
import sys
import unicodedata

MAX_WORDS = 3
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
B64_VAL = {c: i for i, c in enumerate(B64)}
TERM_RE = re.compile(r"[^\W\d_]+(?:['\- ][^\W\d_]+)*")
TRANS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2019": "'", "\u02bc": "'", "\u00a0": " "})


def b64(s):
    n = 0
    for c in s:
        n = n * 64 + B64_VAL[c]
    return n


def clean(term):
    t = unicodedata.normalize("NFC", term).translate(TRANS)
    t = re.sub(r"\[[^\]]*\]|\([^)]*\)|<[^>]*>|/[^/]*/", " ", t)
    t = unicodedata.normalize("NFC", " ".join(t.split()).lower()).strip(" .!?-'")
    if not t or not TERM_RE.fullmatch(t) or len(t.split()) > MAX_WORDS:
        return None
    return t


def entries(base):
    """yield (headword, [translations]) of a dictd database"""
    with open(base + ".index", encoding="utf-8") as f:
        index = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    with gzip.open(base + ".dict.dz", "rb") as f:
        data = f.read()
    for hw, off, length in index:
        if hw.startswith("00database") or hw.startswith("00-database"):
            continue
        body = data[b64(off):b64(off) + b64(length)].decode("utf-8", errors="replace")
        lines = body.split("\n")
        # first line: "headword /ipa/ <pos>"; the headword is the part before " /" or " <"
        head = re.split(r" /| <", lines[0], maxsplit=1)[0] or hw
        trans = []
        for line in lines[1:]:
            line = re.sub(r"^\s*\d+\.\s*", "", line).strip()
            if not line:
                continue
            line = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", line)
            trans.extend(p for p in re.split(r"[,;]", line))
        yield head, trans


def fr_variants(t):
    yield t
    for pre in ("se ", "s'"):
        if t.startswith(pre) and len(t) > len(pre) + 2:
            yield t[len(pre):]


def en_variants(t):
    yield t
    if t.startswith("to ") and len(t) > 5:
        yield t[3:]


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__)
    out, fra_eng, eng_fra, extras = argv[1], argv[2], argv[3], argv[4:]
    pairs = set()

    def add(fr, en):
        fr, en = clean(fr), clean(en)
        if fr and en:
            for f in fr_variants(fr):
                for e in en_variants(en):
                    pairs.add((f, e))

    counts = {}
    for base, fr_first in ((fra_eng, True), (eng_fra, False)):
        n = 0
        for head, trans in entries(base):
            n += 1
            for t in trans:
                if fr_first:
                    add(head, t)
                else:
                    add(t, head)
        counts[os.path.basename(base)] = n
    for path in extras:
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                line = line.split("#", 1)[0].rstrip()
                if not line.strip():
                    continue
                cols = line.split("\t")
                if len(cols) != 2:
                    sys.exit(f"{path}:{lineno}: expected 'fr<TAB>en', got {line!r}")
                for en in cols[1].split("|"):
                    add(cols[0], en)
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for fr, en in sorted(pairs, key=lambda p: (p[0].encode(), p[1].encode())):
            f.write(f"{fr}\t{en}\n")
    os.replace(tmp, out)
    print("    fr_en.tsv: headwords " + ", ".join(f"{k} {v}" for k, v in counts.items())
          + f"; {len(pairs)} pairs", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
