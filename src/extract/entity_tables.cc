#include "extract/entity_tables.h"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include <algorithm>

#include "extract/name_key.h"
#include "text/document.h"
#include "text/tokenizer.h"
#include "util/file.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace veille {
namespace {

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    const size_t next = s.find(sep, pos);
    out.push_back(s.substr(pos, next == std::string_view::npos ? s.size() - pos : next - pos));
    if (next == std::string_view::npos) break;
    pos = next + 1;
  }
  return out;
}

// Splits a |-separated list of forms; a "[a|b]" context prefix stays whole.
std::vector<std::string_view> SplitForms(std::string_view s) {
  std::vector<std::string_view> out;
  size_t begin = 0;
  int depth = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] == '[') ++depth;
    if (i < s.size() && s[i] == ']') --depth;
    if (i == s.size() || (s[i] == '|' && depth <= 0)) {
      out.push_back(s.substr(begin, i - begin));
      begin = i + 1;
    }
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Calls fn(line_number, columns) for every non-comment, non-empty line.
template <typename Fn>
void ForEachRow(std::string_view content, Fn fn) {
  size_t pos = 0;
  int line_number = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    ++line_number;
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    fn(line_number, Split(line, '\t'));
  }
}

// Reads a table and calls fn(line, columns) -> Status for every row; a row
// with fewer than `min_columns` columns, or the first error of fn, stops it
// with a message naming the file and line.
template <typename Fn>
Status ForEachRowOf(const std::string& path, const char* what, size_t min_columns,
                    const char* expected, Fn fn) {
  std::string content;
  if (!ReadFileToString(path, &content)) return Status::NotFound(path + ": cannot read " + what);
  Status status;
  ForEachRow(content, [&](int line, const std::vector<std::string_view>& cols) {
    if (!status.ok()) return;
    if (cols.size() < min_columns) {
      status = Status::InvalidArgument(fmt::format("{}:{}: expected {}", path, line, expected));
      return;
    }
    Status row = fn(line, cols);
    if (!row.ok()) status = std::move(row);
  });
  return status;
}

EntityType ParseType(std::string_view s, bool* ok) {
  *ok = true;
  if (s == "person") return EntityType::kPerson;
  if (s == "place") return EntityType::kPlace;
  if (s == "organization") return EntityType::kOrganization;
  if (s == "outlet") return EntityType::kOutlet;
  if (s == "group") return EntityType::kGroup;
  *ok = false;
  return EntityType::kPerson;
}

std::string Lower(std::string_view s) {
  std::string out;
  utf8::AppendLower(s, &out);
  return out;
}

bool StartsLowercase(std::string_view s) {
  size_t len = 0;
  const char32_t c = utf8::Decode(s, 0, &len);
  return u_islower(static_cast<UChar32>(c)) != 0;
}

}  // namespace

uint64_t EntityTables::Extend(uint64_t hash, uint64_t word_hash, bool hyphen) {
  hash ^= word_hash + 0x9E3779B97F4A7C15ull + (hash << 6) + (hash >> 2);
  hash *= 0xFF51AFD7ED558CCDull;
  hash ^= hyphen ? 0xC4CEB9FE1A85EC53ull : 0x2545F4914F6CDD1Dull;
  return hash ^ (hash >> 29);
}

uint64_t EntityTables::WordHash(std::string_view match_form) { return Hash64(match_form); }

void BuildPieces(const Document& doc, std::vector<Piece>* pieces, std::string* scratch) {
  pieces->clear();
  pieces->reserve(doc.tokens.size() + doc.tokens.size() / 8);
  for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
    const Token& token = doc.tokens[t];
    const std::string_view surface = doc.Text(token);
    const bool word = token.kind == TokenKind::kWord;
    // Cut words at internal hyphens (not at the apostrophe of "'s").
    size_t begin = 0;
    bool hyphen = false;
    while (true) {
      size_t cut = std::string_view::npos;
      size_t cut_len = 0;
      if (word) {
        for (size_t i = begin + 1; i < surface.size(); ++i) {
          if (surface[i] == '-') {
            cut = i;
            cut_len = 1;
            break;
          }
          if (surface.compare(i, 3, "\xE2\x80\x90") == 0 || surface.compare(i, 3, "\xE2\x80\x91") == 0) {
            cut = i;
            cut_len = 3;
            break;
          }
        }
      }
      const size_t end = cut == std::string_view::npos ? surface.size() : cut;
      Piece p;
      p.start = token.start + static_cast<uint32_t>(begin);
      p.end = token.start + static_cast<uint32_t>(end);
      p.token = t;
      p.hyphen = hyphen;
      p.word = word && !token.Has(kHasDigit);
      const std::string_view text = surface.substr(begin, end - begin);
      scratch->clear();
      AppendMatchForm(text, scratch);
      p.hash = EntityTables::WordHash(*scratch);
      if (word) {
        int letters = 0, upper = 0;
        size_t len = 0;
        bool first = true;
        for (size_t i = 0; i < text.size(); i += len) {
          const UChar32 c = static_cast<UChar32>(utf8::Decode(text, i, &len));
          if (!u_isalpha(c)) continue;
          ++letters;
          const bool is_upper = u_isupper(c) || u_istitle(c);
          upper += is_upper;
          if (first) p.upper = is_upper;
          first = false;
        }
        p.caps = letters >= 1 && upper == letters && (letters >= 2 || text.size() <= 2 ||
                                                      token.Has(kDottedAcronym));
      }
      pieces->push_back(p);
      if (cut == std::string_view::npos) break;
      begin = cut + cut_len;
      hyphen = true;
      if (begin >= surface.size()) break;
    }
  }
}

// Builds the tables; kept out of the header.
class EntityTablesBuilder {
 public:
  explicit EntityTablesBuilder(EntityTables* t) : t_(t) {}

  // Splits an alias into pieces with the article tokenizer.
  void PiecesOf(std::string_view text, std::vector<Piece>* pieces) {
    Document doc;
    doc.text = text;
    Tokenize(&doc);
    BuildPieces(doc, pieces, &scratch_);
  }

  uint64_t HashPieces(const std::vector<Piece>& pieces, size_t begin, size_t end) const {
    uint64_t h = EntityTables::Start();
    for (size_t i = begin; i < end; ++i) {
      h = EntityTables::Extend(h, pieces[i].hash, i > begin && pieces[i].hyphen);
    }
    return h;
  }

  uint64_t HashText(std::string_view text) {
    std::vector<Piece> pieces;
    PiecesOf(text, &pieces);
    return HashPieces(pieces, 0, pieces.size());
  }

  uint32_t AddEntry(EntityEntry entry) {
    auto it = t_->by_id_.find(entry.id);
    if (it != t_->by_id_.end()) return it->second;
    const uint32_t index = static_cast<uint32_t>(t_->entries_.size());
    entry.name_key = NameKey(entry.name);
    t_->by_id_.emplace(entry.id, index);
    t_->entries_.push_back(std::move(entry));
    t_->parents_.push_back(-1);
    return index;
  }

  // Indexes one written form. `form` may start with "[a|b] " to require one
  // of the words a, b just before the name.
  void AddAlias(std::string_view form, uint32_t target, uint16_t flags) {
    form = Trim(form);
    int32_t context = -1;
    if (!form.empty() && form[0] == '[') {
      const size_t close = form.find(']');
      if (close == std::string_view::npos) return;
      std::vector<uint64_t> words;
      for (std::string_view w : Split(form.substr(1, close - 1), '|')) {
        scratch_.clear();
        AppendMatchForm(Trim(w), &scratch_);
        words.push_back(EntityTables::WordHash(scratch_));
      }
      context = static_cast<int32_t>(t_->contexts_.size());
      t_->contexts_.push_back(std::move(words));
      form = Trim(form.substr(close + 1));
    }
    if (form.empty()) return;
    std::vector<Piece> pieces;
    PiecesOf(form, &pieces);
    // A leading article is not part of a name: "la Crimée" is written "Crimée".
    size_t skip = 0;
    while (skip + 1 < pieces.size() && !pieces[skip].upper && pieces[skip + 1].upper &&
           (t_->WordClasses(pieces[skip].hash) & EntityTables::kLink)) {
      ++skip;
    }
    if (skip > 0) pieces.erase(pieces.begin(), pieces.begin() + static_cast<long>(skip));
    if (pieces.empty() || pieces.size() > 31) return;
    Alias alias;
    alias.target = target;
    alias.flags = flags;
    alias.words = static_cast<uint8_t>(pieces.size());
    alias.before = context;
    for (size_t i = 0; i < pieces.size(); ++i) {
      if (pieces[i].upper) alias.upper_mask |= 1u << i;
      if (pieces[i].caps && pieces[i].word) alias.caps_mask |= 1u << i;
    }
    uint64_t h = EntityTables::Start();
    for (size_t i = 0; i < pieces.size(); ++i) {
      if (i > 0) t_->prefixes_.insert(h);
      h = EntityTables::Extend(h, pieces[i].hash, i > 0 && pieces[i].hyphen);
    }
    auto& list = t_->aliases_[h];
    for (const Alias& a : list) {
      if (a.target == alias.target && a.flags == alias.flags && a.upper_mask == alias.upper_mask &&
          a.caps_mask == alias.caps_mask && a.before == alias.before && a.words == alias.words) {
        return;
      }
    }
    list.push_back(alias);
    ++t_->alias_count_;
  }

  // Adds `form` to the near-match index of `entry`.
  void AddSkeleton(std::string_view form, uint32_t entry) {
    const std::string key = NameKey(form);
    if (key.size() < 5) return;
    auto& list = t_->skeletons_[SkeletonKey(key)];
    for (const auto& [k, e] : list) {
      if (k == key && e == entry) return;
    }
    list.emplace_back(key, entry);
  }

  void AddWordClass(std::string_view phrase, uint32_t cls) {
    // An elided word alone ("l'", "d'", "dell'") is one token in running text.
    if (phrase.find(' ') == std::string_view::npos &&
        (phrase.ends_with("'") || phrase.ends_with("\xE2\x80\x99"))) {
      scratch_.clear();
      AppendMatchForm(phrase, &scratch_);
      t_->word_classes_[EntityTables::WordHash(scratch_)] |= cls;
      return;
    }
    std::vector<Piece> pieces;
    PiecesOf(phrase, &pieces);
    if (pieces.empty()) return;
    if (pieces.size() == 1) {
      t_->word_classes_[pieces[0].hash] |= cls;
      return;
    }
    t_->phrase_classes_[HashPieces(pieces, 0, pieces.size())] |= cls;
    t_->max_phrase_words_ = std::max(t_->max_phrase_words_, static_cast<int>(pieces.size()));
  }

  Status LoadLexicon(const std::string& path) {
    static const std::pair<std::string_view, uint32_t> kKinds[] = {
        {"honorific", EntityTables::kHonorific},     {"title", EntityTables::kTitle},
        {"particle", EntityTables::kParticle},       {"person_after", EntityTables::kPersonAfter},
        {"place_before", EntityTables::kPlaceBefore}, {"place_prep", EntityTables::kPlacePrep},
        {"region_word", EntityTables::kRegionWord},  {"city_word", EntityTables::kCityWord},
        {"org_head", EntityTables::kOrgHead},        {"group_head", EntityTables::kGroupHead},
        {"group_before", EntityTables::kGroupBefore}, {"byline", EntityTables::kByline},
        {"glued_prefix", EntityTables::kGluedPrefix}, {"not_name", EntityTables::kNotName},
        {"link", EntityTables::kLink},               {"coordinator", EntityTables::kCoordinator}};
    return ForEachRowOf(path, "entity lexicon", 3, "kind, lang, words",
                        [&](int line, const std::vector<std::string_view>& cols) {
      uint32_t cls = 0;
      for (const auto& [name, value] : kKinds) {
        if (cols[0] == name) cls = value;
      }
      if (cls == 0) {
        return Status::InvalidArgument(fmt::format("{}:{}: unknown kind '{}'", path, line, cols[0]));
      }
      for (std::string_view w : Split(cols[2], '|')) {
        w = Trim(w);
        if (!w.empty()) AddWordClass(w, cls);
      }
      return Status::Ok();
    });
  }

  Status LoadGivenNames(const std::string& path) {
    return ForEachRowOf(path, "given names", 1, "names",
                        [&](int, const std::vector<std::string_view>& cols) {
      for (std::string_view w : Split(cols[0], '|')) {
        w = Trim(w);
        if (!w.empty()) AddWordClass(w, EntityTables::kGivenName);
      }
      return Status::Ok();
    });
  }

  // Removes generic region words ("région de", "region", "Oblast") from a
  // region name; returns the base name and whether a lowercase generic word
  // (not part of the written name) was found.
  bool RegionBase(std::string_view name, std::string* base, bool* lowercase_word) {
    std::vector<Piece> pieces;
    PiecesOf(name, &pieces);
    int region_at = -1;
    for (size_t i = 0; i < pieces.size(); ++i) {
      if (t_->word_classes_.count(pieces[i].hash) &&
          (t_->word_classes_.at(pieces[i].hash) & EntityTables::kRegionWord)) {
        region_at = static_cast<int>(i);
        break;
      }
    }
    if (region_at < 0) return false;
    *lowercase_word = !pieces[region_at].upper;
    size_t first = 0, last = pieces.size();
    if (region_at == 0) {
      first = 1;
      // skip links: de, d', of, di, della...
      while (first < pieces.size() && !pieces[first].upper) ++first;
    } else if (static_cast<size_t>(region_at) == pieces.size() - 1) {
      last = pieces.size() - 1;
    } else {
      return false;
    }
    if (first >= last) return false;
    *base = std::string(name.substr(pieces[first].start, pieces[last - 1].end - pieces[first].start));
    return true;
  }

  Status LoadPlaces(const std::string& path) {
    std::vector<std::pair<uint32_t, std::string>> parents;
    Status status = ForEachRowOf(path, "gazetteer", 7, "7 columns",
                                 [&](int, const std::vector<std::string_view>& cols) {
      EntityEntry e;
      e.id = std::string(cols[0]);
      e.type = EntityType::kPlace;
      e.place_kind = cols[1] == "country" ? PlaceKind::kCountry
                     : cols[1] == "region" ? PlaceKind::kRegion
                                           : PlaceKind::kCity;
      e.country = Lower(cols[2]);
      e.population = static_cast<uint32_t>(std::strtoul(std::string(cols[4]).c_str(), nullptr, 10));
      e.name = std::string(cols[5]);
      const uint32_t index = AddEntry(std::move(e));
      if (!cols[3].empty()) parents.emplace_back(index, std::string(cols[3]));
      const EntityEntry& entry = t_->entries_[index];
      if (entry.place_kind == PlaceKind::kCountry) t_->countries_[entry.country] = index;
      const bool important = entry.place_kind != PlaceKind::kCity || entry.population >= 50000;
      for (std::string_view name : Split(cols[6], '|')) {
        name = Trim(name);
        if (name.empty()) continue;
        std::string base;
        bool lowercase_word = false;
        if (entry.place_kind == PlaceKind::kRegion && RegionBase(name, &base, &lowercase_word)) {
          AddAlias(base, index, kAliasRegionBase);
          if (lowercase_word) continue;  // "Kursk region": the mention is "Kursk"
        }
        // "est de l'Ukraine", "bande de Gaza": descriptions, not names; the
        // capitalized name inside them is matched on its own.
        if (StartsLowercase(name) && name.find(' ') != std::string_view::npos) continue;
        AddAlias(name, index, 0);
        if (important) AddSkeleton(name, index);
      }
      return Status::Ok();
    });
    for (const auto& [child, parent] : parents) {
      auto it = t_->by_id_.find(parent);
      if (it != t_->by_id_.end()) t_->parents_[child] = static_cast<int32_t>(it->second);
    }
    return status;
  }

  Status LoadDemonyms(const std::string& path) {
    return ForEachRowOf(path, "demonyms", 3, "place id, lang, forms",
                        [&](int, const std::vector<std::string_view>& cols) {
      auto it = t_->by_id_.find(std::string(cols[0]));
      if (it == t_->by_id_.end()) return Status::Ok();  // the data build checks the ids
      for (std::string_view form : Split(cols[2], '|')) AddAlias(form, it->second, kAliasDemonym);
      return Status::Ok();
    });
  }

  Status LoadEntities(const std::string& path) {
    return ForEachRowOf(path, "entity table", 5, "id, type, name, country, forms",
                        [&](int line, const std::vector<std::string_view>& cols) {
      bool ok = false;
      const EntityType type = ParseType(cols[1], &ok);
      if (!ok) {
        return Status::InvalidArgument(fmt::format("{}:{}: unknown type '{}'", path, line, cols[1]));
      }
      EntityEntry e;
      e.id = std::string(cols[0]);
      e.type = type;
      e.name = std::string(cols[2]);
      e.country = cols[3] == "-" ? "" : Lower(cols[3]);
      if (type == EntityType::kPlace) e.place_kind = PlaceKind::kOther;
      const std::string name = e.name;
      auto existing = t_->by_id_.find(e.id);
      uint32_t index;
      if (existing != t_->by_id_.end()) {
        index = existing->second;  // more names for a gazetteer place; the name here wins
        t_->entries_[index].name = name;
        t_->entries_[index].name_key = NameKey(name);
      } else {
        index = AddEntry(std::move(e));
      }
      AddAlias(name, index, 0);
      AddSkeleton(name, index);
      for (std::string_view form : SplitForms(cols[4])) {
        if (Trim(form).empty() || form == "-") continue;
        AddAlias(form, index, 0);
        if (type == EntityType::kPerson || type == EntityType::kPlace) AddSkeleton(form, index);
      }
      if (cols.size() >= 6 && cols[5] != "-") {
        for (std::string_view form : Split(cols[5], '|')) AddAlias(form, index, kAliasDemonym);
      }
      return Status::Ok();
    });
  }

  // outlets.tsv: id name kind country forms mangled. Forms that start in
  // lower case ("l'agence TASS", "chaîne Telegram") are phrases for the
  // citation finder: the entity is the capitalized core, listed on its own.
  Status LoadOutlets(const std::string& path, bool required) {
    std::string content;
    if (!ReadFileToString(path, &content)) {
      return required ? Status::NotFound(path + ": cannot read outlet catalog") : Status::Ok();
    }
    ForEachRow(content, [&](int, const std::vector<std::string_view>& cols) {
      if (cols.size() < 5) return;
      EntityEntry e;
      e.id = std::string(cols[0]);
      e.type = EntityType::kOutlet;
      e.name = std::string(cols[1]);
      e.country = cols[3] == "-" ? "" : Lower(cols[3]);
      const bool known = t_->by_id_.count(e.id) != 0;
      const uint32_t index = AddEntry(std::move(e));
      if (known && t_->entries_[index].type != EntityType::kOutlet) return;
      AddAlias(t_->entries_[index].name, index, 0);
      for (std::string_view form : Split(cols[4], '|')) {
        form = Trim(form);
        if (form.empty() || form == "-" || StartsLowercase(form)) continue;
        AddAlias(form, index, 0);
      }
      if (cols.size() >= 6) {
        for (std::string_view form : Split(cols[5], '|')) {
          form = Trim(form);
          if (form.empty() || form == "-" || StartsLowercase(form)) continue;
          AddAlias(form, index, kAliasMangled);
        }
      }
    });
    return Status::Ok();
  }

  Status LoadInstitutions(const std::string& path) {
    std::string content;
    if (!ReadFileToString(path, &content)) return Status::NotFound(path + ": cannot read institutions");
    Status status;
    auto kind_index = [&](std::string_view kind) -> uint32_t {
      auto it = t_->institution_index_.find(std::string(kind));
      if (it != t_->institution_index_.end()) return it->second;
      const uint32_t i = static_cast<uint32_t>(t_->institutions_.size());
      t_->institutions_.push_back({std::string(kind), "", {}});
      t_->institution_index_.emplace(std::string(kind), i);
      return i;
    };
    ForEachRow(content, [&](int line, const std::vector<std::string_view>& cols) {
      if (!status.ok()) return;
      const std::string_view what = cols[0];
      auto bad = [&](const char* why) {
        status = Status::InvalidArgument(fmt::format("{}:{}: {}", path, line, why));
      };
      if (what == "institution") {
        if (cols.size() < 4) return bad("institution: expected kind, name template, forms");
        const uint32_t k = kind_index(cols[1]);
        t_->institutions_[k].name_template = std::string(cols[2]);
        for (std::string_view form : Split(cols[3], '|')) {
          if (!Trim(form).empty()) AddAlias(form, k, kAliasInstitution);
        }
      } else if (what == "member") {
        if (cols.size() < 5) return bad("member: expected kind, country, id, name");
        const uint32_t k = kind_index(cols[1]);
        EntityEntry e;
        e.id = std::string(cols[3]);
        e.type = EntityType::kOrganization;
        e.name = std::string(cols[4]);
        e.country = Lower(cols[2]);
        const uint32_t index = AddEntry(std::move(e));
        t_->institutions_[k].by_country[Lower(cols[2])] = index;
        if (cols.size() >= 6) {
          for (std::string_view form : Split(cols[5], '|')) {
            if (!Trim(form).empty()) AddAlias(form, index, 0);
          }
        }
      } else if (what == "portfolio") {
        if (cols.size() < 4) return bad("portfolio: expected name, English name, forms");
        const std::string portfolio(cols[1]);
        const uint32_t k = kind_index("ministry:" + portfolio);
        if (t_->institutions_[k].name_template.empty()) {
          t_->institutions_[k].name_template = fmt::format("Ministry of {} of {{country}}", cols[2]);
        }
        for (std::string_view form : Split(cols[3], '|')) {
          form = Trim(form);
          if (form.empty()) continue;
          std::vector<Piece> pieces;
          PiecesOf(form, &pieces);
          if (pieces.empty()) continue;
          t_->portfolios_[HashPieces(pieces, 0, pieces.size())] = portfolio;
          t_->word_classes_[pieces[0].hash] |= EntityTables::kPortfolio;
          t_->max_phrase_words_ = std::max(t_->max_phrase_words_, static_cast<int>(pieces.size()));
        }
      } else if (what == "ministry_head") {
        for (std::string_view w : Split(cols[1], '|')) AddWordClass(Trim(w), EntityTables::kMinistryHead);
      } else if (what == "ministry_link") {
        for (std::string_view w : Split(cols[1], '|')) AddWordClass(Trim(w), EntityTables::kMinistryLink);
      } else {
        bad("unknown row kind");
      }
    });
    return status;
  }

  Status LoadSenses(const std::string& path) {
    return ForEachRowOf(path, "place senses", 2, "names, place id",
                        [&](int line, const std::vector<std::string_view>& cols) {
      auto it = t_->by_id_.find(std::string(Trim(cols[1])));
      if (it == t_->by_id_.end()) {
        return Status::InvalidArgument(fmt::format("{}:{}: unknown place {}", path, line, cols[1]));
      }
      for (std::string_view name : Split(cols[0], '|')) {
        t_->bare_senses_[HashText(Trim(name))] = it->second;
      }
      return Status::Ok();
    });
  }

 private:
  EntityTables* t_;
  std::string scratch_;
};

Result<std::unique_ptr<EntityTables>> EntityTables::Load(const std::string& data_dir) {
  auto tables = std::make_unique<EntityTables>();
  EntityTablesBuilder b(tables.get());
  const std::string dir = data_dir + "/entities/";
  Status s = b.LoadLexicon(dir + "lexicon.tsv");
  if (s.ok()) s = b.LoadGivenNames(dir + "given_names.txt");
  if (s.ok()) s = b.LoadPlaces(data_dir + "/gazetteer/places.tsv");
  if (s.ok()) s = b.LoadDemonyms(data_dir + "/gazetteer/demonyms.tsv");
  if (s.ok()) s = b.LoadEntities(dir + "entities.tsv");
  if (s.ok()) s = b.LoadOutlets(data_dir + "/outlets/outlets.tsv", /*required=*/true);
  if (s.ok()) s = b.LoadInstitutions(dir + "institutions.tsv");
  if (s.ok()) s = b.LoadSenses(dir + "place_senses.tsv");
  if (!s.ok()) return s;
  return tables;
}

const std::vector<Alias>* EntityTables::Find(uint64_t hash) const {
  auto it = aliases_.find(hash);
  return it == aliases_.end() ? nullptr : &it->second;
}

int32_t EntityTables::FindId(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? -1 : static_cast<int32_t>(it->second);
}

int32_t EntityTables::CountryEntry(std::string_view country) const {
  auto it = countries_.find(std::string(country));
  return it == countries_.end() ? -1 : static_cast<int32_t>(it->second);
}

const std::vector<std::pair<std::string, uint32_t>>* EntityTables::FindSkeleton(
    std::string_view skeleton) const {
  auto it = skeletons_.find(std::string(skeleton));
  return it == skeletons_.end() ? nullptr : &it->second;
}

int32_t EntityTables::BareSense(uint64_t hash) const {
  auto it = bare_senses_.find(hash);
  return it == bare_senses_.end() ? -1 : static_cast<int32_t>(it->second);
}

uint32_t EntityTables::WordClasses(uint64_t word_hash) const {
  auto it = word_classes_.find(word_hash);
  return it == word_classes_.end() ? 0 : it->second;
}

uint32_t EntityTables::PhraseClasses(uint64_t phrase_hash) const {
  auto it = phrase_classes_.find(phrase_hash);
  return it == phrase_classes_.end() ? 0 : it->second;
}

const std::string* EntityTables::Portfolio(uint64_t phrase_hash) const {
  auto it = portfolios_.find(phrase_hash);
  return it == portfolios_.end() ? nullptr : &it->second;
}

int32_t EntityTables::MinistryKind(std::string_view portfolio) const {
  auto it = institution_index_.find("ministry:" + std::string(portfolio));
  return it == institution_index_.end() ? -1 : static_cast<int32_t>(it->second);
}

}  // namespace veille
