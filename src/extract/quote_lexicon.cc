#include "extract/quote_lexicon.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>

#include "extract/data_phrase.h"
#include "util/tsv.h"

namespace veille {
namespace {

struct KindName {
  std::string_view name;
  LexKind kind;
};
// Kinds whose rows are "kind <TAB> forms": every form gets the same entry.
constexpr std::array<KindName, 20> kSimpleKinds = {{
    {"aux", LexKind::kAux},
    {"that", LexKind::kThat},
    {"np_prep", LexKind::kNpPrep},
    {"place_prep", LexKind::kPlacePrep},
    {"prep", LexKind::kPrep},
    {"boundary", LexKind::kBoundary},
    {"coordination", LexKind::kCoordination},
    {"adverb", LexKind::kAdverb},
    {"clitic", LexKind::kClitic},
    {"agent_prep", LexKind::kAgentPrep},
    {"clause_stop", LexKind::kClauseStop},
    {"doc_noun", LexKind::kDocNoun},
    {"via_marker", LexKind::kViaMarker},
    {"interview", LexKind::kInterview},
    {"tail_intro", LexKind::kTailIntro},
    {"partial_marker", LexKind::kPartialMarker},
    {"according", LexKind::kAccording},
    {"relative", LexKind::kRelative},
    {"copula", LexKind::kCopula},
    {"name_link", LexKind::kNameLink},
}};

// The folded byte at s[i] and how many bytes it stands for: U+2019 and
// U+02BC become "'". On the hot path: compares bytes, never calls memcmp.
inline size_t FoldStep(std::string_view s, size_t i, char* out) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x99) {
    *out = '\'';
    return 3;
  }
  if (c == 0xCA && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC) {
    *out = '\'';
    return 2;
  }
  *out = s[i];
  return 1;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The folded tokens of a data phrase; "{P}" stays a pronoun slot.
std::vector<std::string> PhraseWords(std::string_view text) {
  std::vector<std::string> words;
  for (const std::string& piece : SplitFields(std::string(text), ' ')) {
    if (piece.empty()) continue;
    if (piece == "{P}") {
      words.emplace_back(piece);
      continue;
    }
    for (std::string& w : PhraseTokens(piece)) words.push_back(std::move(w));
  }
  return words;
}

bool ParseGenderNumber(std::string_view s, GenderNumber* gn) {
  if (s.empty() || (s[0] != 'm' && s[0] != 'f' && s[0] != 'x')) return false;
  gn->gender = s[0];
  gn->number = 's';
  if (s.size() == 1) return true;
  if (s.size() != 3 || s[1] != '.' || (s[2] != 's' && s[2] != 'p')) return false;
  gn->number = s[2];
  return true;
}

}  // namespace

uint64_t FoldedHash(std::string_view lower) {
  uint64_t h = 14695981039346656037ull;
  for (size_t i = 0; i < lower.size();) {
    char c;
    i += FoldStep(lower, i, &c);
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  return h;
}

bool FoldedEquals(std::string_view lower, std::string_view folded) {
  size_t j = 0;
  for (size_t i = 0; i < lower.size();) {
    char c;
    i += FoldStep(lower, i, &c);
    if (j >= folded.size() || folded[j] != c) return false;
    ++j;
  }
  return j == folded.size();
}

Status QuoteLexicon::AddPhrase(std::string_view text, const LexEntry& entry) {
  std::vector<std::string> words = PhraseWords(text);
  if (words.empty() || words[0] == "{P}") return Status::InvalidArgument("empty phrase");
  const uint32_t entry_index = static_cast<uint32_t>(entries_.size());
  entries_.push_back(entry);
  const uint64_t key = FoldedHash(words[0]);
  by_first_word_[key].push_back(static_cast<uint32_t>(phrases_.size()));
  phrases_.push_back({std::move(words), entry_index});
  return Status::Ok();
}

Result<std::unique_ptr<QuoteLexicon>> QuoteLexicon::Load(const std::string& path,
                                                         std::string language) {
  std::unique_ptr<QuoteLexicon> lex(new QuoteLexicon());
  lex->language_ = std::move(language);
  const Status read = ForEachTsvRow(
      path,
      [&](int line_number, const std::vector<std::string>& fields,
          const std::string& line) -> Status {
        auto error = [&](std::string_view what) {
          return Status::InvalidArgument(
              fmt::format("{}:{}: {}: {}", path, line_number, what, line));
        };
        std::vector<std::string_view> cols(fields.begin(), fields.end());
        for (auto& c : cols) c = Trim(c);
        if (cols.size() < 2 || cols[1].empty()) return error("expected kind<TAB>forms");
        const std::string_view kind = cols[0];
        auto add_all = [&](std::string_view forms, const LexEntry& entry) -> Status {
          if (forms == "-") return Status::Ok();
          for (const std::string& field : SplitFields(std::string(forms), '|')) {
            const std::string_view form = Trim(field);
            if (form.empty()) return error("empty form");
            if (Status s = lex->AddPhrase(form, entry); !s.ok())
              return error(s.message());
          }
          return Status::Ok();
        };
        Status status;
        if (kind == "verb") {
          if (cols.size() != 5)
            return error("verb rows have lemma, forms, participles, flags");
          LexEntry entry;
          entry.group = static_cast<uint16_t>(lex->verbs_.size());
          lex->verbs_.emplace_back(cols[1]);
          for (const std::string& field : SplitFields(std::string(cols[4]), ',')) {
            const std::string_view flag = Trim(field);
            if (flag == "direct")
              entry.verb_flags |= kVerbDirect;
            else if (flag == "reported")
              entry.verb_flags |= kVerbReported;
            else if (flag == "zero_that")
              entry.verb_flags |= kVerbZeroThat;
            else if (flag == "addressee")
              entry.verb_flags |= kVerbAddressee;
            else
              return error(fmt::format("unknown verb flag \"{}\"", flag));
          }
          entry.kind = LexKind::kVerbSimple;
          if (status = add_all(cols[2], entry); !status.ok()) return status;
          entry.kind = LexKind::kParticiple;
          if (status = add_all(cols[3], entry); !status.ok()) return status;
          entry.kind = LexKind::kInfinitive;
          status = add_all(cols[1], entry);
        } else if (kind == "inverted_aux" || kind == "pronoun" || kind == "honorific") {
          if (cols.size() != 3)
            return error("expected kind<TAB>forms<TAB>gender[.number]");
          LexEntry entry;
          entry.kind = kind == "pronoun"     ? LexKind::kPronoun
                       : kind == "honorific" ? LexKind::kHonorific
                                             : LexKind::kInvertedAux;
          if (!ParseGenderNumber(cols[2], &entry.gn)) return error("bad gender.number");
          status = add_all(cols[1], entry);
        } else if (kind == "inversion_suffix") {
          if (cols.size() != 3)
            return error("expected inversion_suffix<TAB>suffixes<TAB>gender.number");
          GenderNumber gn;
          if (!ParseGenderNumber(cols[2], &gn)) return error("bad gender.number");
          for (std::string_view s : SplitFields(std::string(cols[1]), '|'))
            lex->inversion_suffixes_.emplace_back(Trim(s), gn);
        } else if (kind == "word_order") {
          if (cols[1] != "head_final" && cols[1] != "head_first") {
            return error("word_order is head_final or head_first");
          }
          lex->head_final_ = cols[1] == "head_final";
        } else if (kind == "participle_suffix" || kind == "gerund_suffix") {
          auto& list = kind == "participle_suffix" ? lex->participle_suffixes_
                                                   : lex->gerund_suffixes_;
          for (std::string_view s : SplitFields(std::string(cols[1]), '|'))
            list.emplace_back(Trim(s));
        } else if (kind == "role") {
          if (cols.size() != 5)
            return error("role rows have singular, plural, type, gender");
          LexEntry entry;
          entry.kind = LexKind::kRole;
          entry.group = static_cast<uint16_t>(lex->roles_.size());
          lex->roles_.push_back(PhraseTokens(cols[1]).front());
          if (cols[3] == "person")
            entry.role_type = RoleType::kPerson;
          else if (cols[3] == "org")
            entry.role_type = RoleType::kOrg;
          else if (cols[3] == "outlet")
            entry.role_type = RoleType::kOutlet;
          else
            return error("role type must be person, org or outlet");
          if (!ParseGenderNumber(cols[4], &entry.gn) || cols[4].size() != 1) {
            return error("role gender must be m, f or x");
          }
          if (status = add_all(cols[1], entry); !status.ok()) return status;
          entry.gn.number = 'p';
          status = add_all(cols[2], entry);
        } else if (kind == "det") {
          if (cols.size() != 3 && cols.size() != 4) {
            return error(
                "expected "
                "det<TAB>forms<TAB>def|indef|poss|dem|quant[<TAB>gender.number]");
          }
          LexEntry entry;
          entry.kind = LexKind::kDet;
          const std::string_view d = cols[2];
          if (d == "def")
            entry.det = DetKind::kDefinite;
          else if (d == "indef")
            entry.det = DetKind::kIndefinite;
          else if (d == "poss")
            entry.det = DetKind::kPossessive;
          else if (d == "dem")
            entry.det = DetKind::kDemonstrative;
          else if (d == "quant")
            entry.det = DetKind::kQuantifier;
          else
            return error("unknown determiner kind");
          if (cols.size() == 4 && !ParseGenderNumber(cols[3], &entry.gn)) {
            return error("bad gender.number");
          }
          status = add_all(cols[1], entry);
        } else {
          const auto it = std::find_if(kSimpleKinds.begin(), kSimpleKinds.end(),
                                       [&](const KindName& k) { return k.name == kind; });
          if (it == kSimpleKinds.end())
            return error(fmt::format("unknown kind \"{}\"", kind));
          if (cols.size() != 2) return error("expected kind<TAB>forms");
          LexEntry entry;
          entry.kind = it->kind;
          status = add_all(cols[1], entry);
        }
        return status;
      });
  if (!read.ok()) return read;
  if (lex->verbs_.empty()) {
    return Status::InvalidArgument(fmt::format("{}: no speech verbs", path));
  }
  std::sort(lex->inversion_suffixes_.begin(), lex->inversion_suffixes_.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  return lex;
}

QuoteLexicon::Match QuoteLexicon::Find(const Document& doc, uint32_t i, uint32_t end,
                                       LexKind kind) const {
  Match best;
  if (i >= end || i >= doc.tokens.size()) return best;
  const auto it = by_first_word_.find(FoldedHash(doc.Lower(doc.tokens[i])));
  if (it == by_first_word_.end()) return best;
  for (uint32_t index : it->second) {
    const Phrase& phrase = phrases_[index];
    const LexEntry& entry = entries_[phrase.entry];
    const uint32_t n = static_cast<uint32_t>(phrase.words.size());
    if (entry.kind != kind || n <= best.length || i + n > end ||
        i + n > doc.tokens.size()) {
      continue;
    }
    bool ok = true;
    uint32_t slot = 0;
    for (uint32_t k = 0; k < n && ok; ++k) {
      if (phrase.words[k] == "{P}") {
        ok = Is(doc, i + k, LexKind::kPronoun);
        slot = i + k;
      } else {
        ok = FoldedEquals(doc.Lower(doc.tokens[i + k]), phrase.words[k]);
      }
    }
    if (ok) best = {n, &entry, slot};
  }
  return best;
}

bool QuoteLexicon::StartsPhrase(const Document& doc, uint32_t i, LexKind kind) const {
  if (i >= doc.tokens.size()) return false;
  const std::string_view lower = doc.Lower(doc.tokens[i]);
  const auto it = by_first_word_.find(FoldedHash(lower));
  if (it == by_first_word_.end()) return false;
  for (uint32_t index : it->second) {
    const Phrase& phrase = phrases_[index];
    if (entries_[phrase.entry].kind == kind && FoldedEquals(lower, phrase.words[0]))
      return true;
  }
  return false;
}

uint64_t QuoteLexicon::TokenKinds(const Document& doc, uint32_t i,
                                  uint64_t* starts) const {
  uint64_t kinds = 0;
  *starts = 0;
  const std::string_view lower = doc.Lower(doc.tokens[i]);
  const auto it = by_first_word_.find(FoldedHash(lower));
  if (it == by_first_word_.end()) return 0;
  for (uint32_t index : it->second) {
    const Phrase& phrase = phrases_[index];
    if (!FoldedEquals(lower, phrase.words[0])) continue;
    const uint64_t bit = uint64_t{1} << static_cast<int>(entries_[phrase.entry].kind);
    *starts |= bit;
    if (phrase.words.size() == 1) kinds |= bit;
  }
  return kinds;
}

const LexEntry* QuoteLexicon::InvertedSimpleForm(std::string_view lower,
                                                 GenderNumber* pronoun) const {
  if (lower.find('-') == std::string_view::npos) return nullptr;
  for (const auto& [suffix, gn] : inversion_suffixes_) {
    if (lower.size() <= suffix.size() || !lower.ends_with(suffix)) continue;
    const std::string_view stem = lower.substr(0, lower.size() - suffix.size());
    const auto it = by_first_word_.find(FoldedHash(stem));
    if (it == by_first_word_.end()) continue;
    for (uint32_t index : it->second) {
      const Phrase& phrase = phrases_[index];
      const LexEntry& entry = entries_[phrase.entry];
      if (entry.kind == LexKind::kVerbSimple && phrase.words.size() == 1 &&
          FoldedEquals(stem, phrase.words[0])) {
        *pronoun = gn;
        return &entry;
      }
    }
  }
  return nullptr;
}

namespace {
bool EndsWithAny(std::string_view lower, const std::vector<std::string>& suffixes) {
  for (const std::string& suffix : suffixes) {
    if (lower.size() >= suffix.size() + 3 && lower.ends_with(suffix)) return true;
  }
  return false;
}
}  // namespace

bool QuoteLexicon::LooksLikeParticiple(std::string_view lower) const {
  return EndsWithAny(lower, participle_suffixes_);
}

bool QuoteLexicon::LooksLikeGerund(std::string_view lower) const {
  return EndsWithAny(lower, gerund_suffixes_);
}

Result<std::unique_ptr<QuoteLexicons>> QuoteLexicons::Load(const std::string& data_dir) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(data_dir) / "quotes";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status::NotFound(
        fmt::format("{}: quote lexicon directory missing", dir.string()));
  }
  std::unique_ptr<QuoteLexicons> all(new QuoteLexicons());
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  }
  if (ec) return Status::IoError(fmt::format("{}: {}", dir.string(), ec.message()));
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::string language = file.stem().string();
    auto lex = QuoteLexicon::Load(file.string(), language);
    if (!lex.ok()) return lex.status();
    all->by_language_.emplace(std::move(language), std::move(lex).value());
  }
  if (all->by_language_.empty()) {
    return Status::NotFound(fmt::format("{}: no quote lexicon (*.tsv)", dir.string()));
  }
  return all;
}

const QuoteLexicon* QuoteLexicons::ForLanguage(std::string_view language) const {
  const auto it = by_language_.find(language);
  return it == by_language_.end() ? nullptr : it->second.get();
}

}  // namespace veille
