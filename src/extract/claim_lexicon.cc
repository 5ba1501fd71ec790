#include "extract/claim_lexicon.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/tsv.h"
#include "util/utf8.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

bool ParseQualifier(std::string_view name, Qualifier* out) {
  static constexpr std::pair<std::string_view, Qualifier> kNames[] = {
      {"exact", Qualifier::kExact},     {"at_least", Qualifier::kAtLeast},
      {"more_than", Qualifier::kMoreThan}, {"up_to", Qualifier::kUpTo},
      {"about", Qualifier::kAbout},     {"less_than", Qualifier::kLessThan}};
  for (const auto& [n, q] : kNames) {
    if (n == name) {
      *out = q;
      return true;
    }
  }
  return false;
}

bool ParseRelation(std::string_view name, CitationRelation* out) {
  static constexpr std::pair<std::string_view, CitationRelation> kNames[] = {
      {"according_to", CitationRelation::kAccordingTo},
      {"reported_by", CitationRelation::kReportedBy},
      {"told", CitationRelation::kTold},
      {"posted_on", CitationRelation::kPostedOn},
      {"quoted_from", CitationRelation::kQuotedFrom}};
  for (const auto& [n, r] : kNames) {
    if (n == name) {
      *out = r;
      return true;
    }
  }
  return false;
}

struct KindName {
  std::string_view name;
  CueKind kind;
};
constexpr KindName kKinds[] = {
    {"cardinal", CueKind::kCardinal},
    {"scale", CueKind::kScale},
    {"vague", CueKind::kVague},
    {"fraction", CueKind::kFraction},
    {"half", CueKind::kHalf},
    {"qualifier", CueKind::kQualifier},
    {"qualifier_verb", CueKind::kQualifierVerb},
    {"qualifier_after", CueKind::kQualifierAfter},
    {"percent", CueKind::kPercent},
    {"currency_symbol", CueKind::kCurrencySymbol},
    {"month", CueKind::kMonth},
    {"year_word", CueKind::kYearWord},
    {"time_prep", CueKind::kTimePrep},
    {"hour", CueKind::kHour},
    {"time_after", CueKind::kTimeAfter},
    {"page", CueKind::kPage},
    {"age_before", CueKind::kAgeBefore},
    {"age_after", CueKind::kAgeAfter},
    {"identifier_before", CueKind::kIdentifierBefore},
    {"count_noun", CueKind::kCountNoun},
    {"of", CueKind::kOf},
    {"prenominal", CueKind::kPrenominal},
    {"stop", CueKind::kStop},
    {"source", CueKind::kSource},
    {"speech", CueKind::kSpeech},
    {"aux", CueKind::kAux},
    {"pronoun", CueKind::kPronoun},
    {"honorific", CueKind::kHonorific},
    {"connector", CueKind::kConnector},
    {"determiner", CueKind::kDeterminer},
    {"relative", CueKind::kRelative},
    {"adverbial", CueKind::kAdverbial},
    {"event", CueKind::kEvent},
    {"cite_before", CueKind::kCiteBefore},
    {"cite_after", CueKind::kCiteAfter},
    {"cite_gap", CueKind::kCiteGap},
    {"platform_prep", CueKind::kPlatformPrep},
    {"share", CueKind::kShare},
    {"alias_link", CueKind::kAliasLink},
    {"place_prep", CueKind::kPlacePrep},
    {"subordinator", CueKind::kSubordinator},
    {"unit", CueKind::kUnit},
};

bool ParseDouble(const std::string& s, double* out) {
  try {
    size_t used = 0;
    *out = std::stod(s, &used);
    return used == s.size();
  } catch (...) {
    return false;
  }
}

}  // namespace

Result<std::unique_ptr<ClaimLexicon>> ClaimLexicon::Load(const std::string& data_dir) {
  std::unique_ptr<ClaimLexicon> lexicon(new ClaimLexicon());
  const fs::path dir = fs::path(data_dir) / "claims";
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    return Status::NotFound(fmt::format("{}: claims cue directory not found", dir.string()));
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& path : files) {
    const std::string stem = path.stem().string();
    if (stem == "common") continue;
    if (lexicon->languages_.size() >= 31) {
      return Status::InvalidArgument(fmt::format("{}: more than 31 languages", dir.string()));
    }
    LanguageRules rules;
    rules.code = stem;
    lexicon->languages_.push_back(rules);
  }
  for (const fs::path& path : files) {
    const std::string stem = path.stem().string();
    const int language = stem == "common" ? -1 : lexicon->LanguageIndex(stem);
    Status status = lexicon->LoadFile(path.string(), language);
    if (!status.ok()) return status;
  }
  Status status =
      lexicon->LoadFunctionWords((fs::path(data_dir) / "lexicon" / "function_words.tsv").string());
  if (!status.ok()) return status;
  return lexicon;
}

Status ClaimLexicon::LoadFile(const std::string& path, int language) {
  const uint32_t mask = language < 0 ? ~0u : (1u << language);
  LanguageRules* rules = language < 0 ? nullptr : &languages_[language];
  return ForEachTsvRow(path, [&](int line_number, std::vector<std::string> cols,
                                 const std::string& line) -> Status {
    while (!cols.empty() && cols.back().empty()) cols.pop_back();
    auto error = [&](std::string_view what) {
      return Status::InvalidArgument(fmt::format("{}:{}: {}: \"{}\"", path, line_number, what, line));
    };
    if (cols.size() < 2) return error("expected kind<TAB>phrase");
    const std::string& kind_name = cols[0];
    const std::string& phrase = cols[1];
    if (kind_name == "decimal" || kind_name == "np" || kind_name == "np_stop_suffix" ||
        kind_name == "np_plural_suffix" ||
        kind_name == "pronoun_suffix") {
      if (rules == nullptr) return error("language setting in common.tsv");
      if (kind_name == "decimal") {
        if (phrase != "," && phrase != ".") return error("decimal mark must be , or .");
        rules->decimal_mark = phrase[0];
      } else if (kind_name == "np") {
        if (phrase == "head_last") {
          rules->head_last = true;
        } else if (phrase == "head_last_capitalized") {
          rules->head_last = true;
          rules->capitalized_nouns = true;
        } else if (phrase != "head_first") {
          return error("np must be head_first, head_last or head_last_capitalized");
        }
      } else if (kind_name == "np_stop_suffix") {
        rules->stop_suffixes.push_back(phrase);
      } else if (kind_name == "np_plural_suffix") {
        rules->plural_suffixes.push_back(phrase);
      } else {
        rules->pronoun_suffixes.push_back(phrase);
      }
      return Status::Ok();
    }
    if (kind_name == "scale_suffix") {
      CueEntry entry;
      entry.kind = CueKind::kScale;
      entry.language = language;
      if (cols.size() < 3 || !ParseDouble(cols[2], &entry.value)) return error("bad scale value");
      entry.needs_currency = cols.size() > 3 && cols[3] == "currency";
      scale_suffixes_[phrase] = entry;
      return Status::Ok();
    }
    if (kind_name == "range") {
      const size_t bar = phrase.find('|');
      if (bar == std::string::npos) return error("range must be first|second");
      for (int half = 0; half < 2; ++half) {
        CueEntry entry;
        entry.kind = half == 0 ? CueKind::kRangeStart : CueKind::kRangeMid;
        entry.language = language;
        // Both halves share a label so a start only pairs with its own middle.
        entry.label = phrase;
        const std::string part = half == 0 ? phrase.substr(0, bar) : phrase.substr(bar + 1);
        const int id = phrases_.Add(part, mask);
        if (id < 0) return error("empty range half");
        entries_.resize(phrases_.size());
        entries_[id] = entry;
      }
      return Status::Ok();
    }
    const KindName* kind = nullptr;
    for (const KindName& k : kKinds) {
      if (k.name == kind_name) kind = &k;
    }
    if (kind == nullptr) return error("unknown kind");
    CueEntry entry;
    entry.kind = kind->kind;
    entry.language = language;
    switch (entry.kind) {
      case CueKind::kCardinal:
      case CueKind::kScale:
      case CueKind::kFraction:
      case CueKind::kHalf:
        if (cols.size() < 3 || !ParseDouble(cols[2], &entry.value)) return error("bad value");
        break;
      case CueKind::kVague:
        if (cols.size() < 4 || !ParseDouble(cols[2], &entry.value) ||
            !ParseQualifier(cols[3], &entry.qualifier)) {
          return error("vague needs value and qualifier");
        }
        break;
      case CueKind::kQualifier:
      case CueKind::kQualifierVerb:
      case CueKind::kQualifierAfter:
        if (cols.size() < 3 || !ParseQualifier(cols[2], &entry.qualifier)) {
          return error("bad qualifier");
        }
        break;
      case CueKind::kCiteBefore:
      case CueKind::kCiteAfter:
        if (cols.size() < 3 || !ParseRelation(cols[2], &entry.relation)) {
          return error("bad relation");
        }
        break;
      case CueKind::kEvent:
      case CueKind::kCurrencySymbol:
        if (cols.size() < 3) return error("missing label");
        entry.label = cols[2];
        break;
      default:
        break;
    }
    const int id = phrases_.Add(phrase, mask);
    if (id < 0) return error("empty phrase");
    entries_.resize(phrases_.size());
    entries_[id] = entry;
    if ((entry.kind == CueKind::kCardinal || entry.kind == CueKind::kScale) &&
        phrase.find_first_of(" '") == std::string::npos) {
      std::string lower;
      utf8::AppendLower(phrase, &lower);
      number_words_[lower].push_back(static_cast<uint32_t>(id));
    }
    return Status::Ok();
  });
}

Status ClaimLexicon::LoadFunctionWords(const std::string& path) {
  return ForEachTsvRow(path, [&](int, const std::vector<std::string>& cols,
                                 const std::string&) -> Status {
    const int language = cols.size() < 2 ? -1 : LanguageIndex(cols[0]);
    if (language >= 0) function_words_[cols[1]] |= 1u << language;
    return Status::Ok();
  });
}

int ClaimLexicon::LanguageIndex(std::string_view code) const {
  for (size_t i = 0; i < languages_.size(); ++i) {
    if (languages_[i].code == code) return static_cast<int>(i);
  }
  return -1;
}

uint32_t ClaimLexicon::LanguageBit(std::string_view code) const {
  const int index = LanguageIndex(code);
  return index < 0 ? 0 : (1u << index);
}

const LanguageRules* ClaimLexicon::Rules(std::string_view code) const {
  const int index = LanguageIndex(code);
  return index < 0 ? nullptr : &languages_[index];
}

bool ClaimLexicon::IsFunctionWord(std::string_view lower, uint32_t language_mask) const {
  const auto it = function_words_.find(lower);
  return it != function_words_.end() && (it->second & language_mask) != 0;
}

const CueEntry* ClaimLexicon::NumberWord(std::string_view lower, uint32_t language_mask) const {
  const auto it = number_words_.find(lower);
  if (it == number_words_.end()) return nullptr;
  for (const uint32_t id : it->second) {
    const CueEntry& e = entries_[id];
    const uint32_t bit = e.language < 0 ? ~0u : (1u << e.language);
    if ((bit & language_mask) != 0) return &e;
  }
  return nullptr;
}

const CueEntry* ClaimLexicon::ScaleSuffix(std::string_view lower) const {
  const auto it = scale_suffixes_.find(lower);
  return it == scale_suffixes_.end() ? nullptr : &it->second;
}

}  // namespace veille
