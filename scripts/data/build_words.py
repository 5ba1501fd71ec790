#!/usr/bin/env python3
"""Build one normalised word list (data/generated/words/<lang>.txt).

Usage: build_words.py [--keep-capitalized] OUT SOURCE [SOURCE ...]

Each SOURCE is one of
  list:PATH          a plain word list, one word per line (e.g. /usr/share/dict/french)
  stems:DIC          the stems of a hunspell .dic file (the /FLAGS and morphology are stripped)
  unmunch:DIC:AFF    every form of a hunspell dictionary, expanded by `unmunch`
                     (Debian package hunspell-tools)
  exclude:TSV:LANG   words to remove from the result: the lines "LANG<TAB>word" of a
                     hand-written file (data/lexicon/wordlist_exclude.tsv)

Entries of hunspell sources (stems:, unmunch:) that are acronyms (all upper case: "CAN") or
affix fragments (French "po:sfx"/"po:pfx" entries) are skipped, and so are capitalised
entries (proper nouns such as fr "Yes", "To") unless --keep-capitalized is given (German,
where every noun is capitalised). Plain word lists (list:) are taken as they are.

Normalisation of every word, in this order:
  - Unicode NFC, then str.lower() (Unicode-aware), then NFC again;
  - typographic apostrophes (U+2019, U+02BC) become ASCII ';
  - a word is kept only if it is letters, optionally joined by single internal
    apostrophes or hyphens ("week-end", "aujourd'hui", "аб'юрація");
    anything with a digit, a dot, a space, a leading/trailing ' or - is dropped.
The output is unique, sorted bytewise (== code-point order), UTF-8, "\n"-terminated.
Python 3 standard library only.
"""
import os
import re
import subprocess
import sys
import unicodedata

# letters = any Unicode letter (\w minus digits and underscore)
WORD_RE = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
APOS = str.maketrans({"\u2019": "'", "\u02bc": "'"})


def normalise(word):
    w = unicodedata.normalize("NFC", word.strip()).translate(APOS)
    w = unicodedata.normalize("NFC", w.lower())
    return w if WORD_RE.fullmatch(w) else None


def read_list(path):
    with open(path, encoding="utf-8", errors="strict") as f:
        for line in f:
            yield line


def read_stems(dic):
    with open(dic, encoding="utf-8", errors="replace") as f:
        first = True
        for line in f:
            if first:  # the first line of a .dic is the entry count
                first = False
                if line.strip().isdigit():
                    continue
            line = line.rstrip("\n")
            if not line or line[0] in "#/\t ":
                continue
            if " po:sfx" in line or " po:pfx" in line:  # affix fragments (hunspell-fr)
                continue
            # "word/FLAGS morph fields" or "word morph fields"; "\/" is an escaped slash
            word = re.split(r"(?<!\\)/|\s", line, maxsplit=1)[0].replace("\\/", "/")
            yield word


def read_unmunch(dic, aff):
    proc = subprocess.run(["unmunch", dic, aff], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, check=True)
    for line in proc.stdout.decode("utf-8", errors="replace").splitlines():
        # unmunch sometimes prints "form/CONTFLAGS|": keep the form only
        yield line.split("/", 1)[0]


def is_proper_or_acronym(word, keep_capitalized):
    w = word.strip()
    if not w:
        return False
    if len(w) > 1 and w.isupper():
        return True
    return not keep_capitalized and w[0].isupper()


def main(argv):
    keep_capitalized = "--keep-capitalized" in argv
    argv = [a for a in argv if a != "--keep-capitalized"]
    if len(argv) < 3:
        sys.exit(__doc__)
    out = argv[1]
    words = set()
    excluded = set()
    for src in argv[2:]:
        kind, _, rest = src.partition(":")
        if kind == "exclude":
            path, lang = rest.rsplit(":", 1)
            with open(path, encoding="utf-8") as f:
                for line in f:
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) >= 2 and cols[0] == lang:
                        w = normalise(cols[1])
                        if w:
                            excluded.add(w)
            continue
        if kind == "list":
            it = read_list(rest)
        elif kind == "stems":
            it = read_stems(rest)
        elif kind == "unmunch":
            dic, aff = rest.split(":")
            it = read_unmunch(dic, aff)
        else:
            sys.exit(f"build_words.py: unknown source kind {src!r}")
        n_before = len(words)
        n_in = 0
        hunspell_src = kind in ("stems", "unmunch")
        n_skipped = 0
        for raw in it:
            n_in += 1
            if hunspell_src and is_proper_or_acronym(raw, keep_capitalized):
                n_skipped += 1
                continue
            w = normalise(raw)
            if w:
                words.add(w)
        print(f"    {os.path.basename(out)}: {src}: {n_in} lines read, "
              f"{n_skipped} proper nouns/acronyms skipped, {len(words) - n_before} new words",
              file=sys.stderr)
    removed = words & excluded
    words -= excluded
    if excluded:
        print(f"    {os.path.basename(out)}: {len(removed)} words removed by the exclusion list",
              file=sys.stderr)
    if not words:
        sys.exit(f"build_words.py: no word at all for {out}")
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(sorted(words)))
        f.write("\n")
    os.replace(tmp, out)


if __name__ == "__main__":
    main(sys.argv)
