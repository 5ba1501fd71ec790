// The name tables of the entity stage, loaded once from the data directory:
// places (gazetteer), demonyms, curated people/organizations/groups, outlets,
// context-resolved institutions, given names and the typing lexicon.
//
// Every alias is tokenized like article text and stored under the hash of its
// words' match forms (name_key.h), so lookup in an article is one hash probe
// per word. Immutable after Load; thread-safe for reads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "veille/analysis.h"
#include "veille/status.h"

namespace veille {

enum class PlaceKind : uint8_t { kNone, kCountry, kRegion, kCity, kOther };

// One canonical entity: a place, person, organization, outlet or group.
struct EntityEntry {
  std::string id;
  std::string name;  // canonical English name
  EntityType type = EntityType::kPerson;
  std::string country;  // ISO 3166-1 alpha-2, lowercase; "" when none
  PlaceKind place_kind = PlaceKind::kNone;
  uint32_t population = 0;
  std::string name_key;  // NameKey(name)
};

enum AliasFlag : uint16_t {
  kAliasDemonym = 1 << 0,      // "russe", "Chechen": an adjective or noun of a place
  kAliasRegionBase = 1 << 1,   // "Koursk" from "région de Koursk": the region only with a cue
  kAliasInstitution = 1 << 2,  // "Parlement": resolved by country context
  kAliasMangled = 1 << 3,      // a mistranslated outlet name ("RIA Novelty")
};

// One way of writing an entity, as a sequence of words.
struct Alias {
  uint32_t target = 0;      // entry index, or institution kind index with kAliasInstitution
  uint16_t flags = 0;
  uint8_t words = 0;        // number of words (pieces) in the alias
  uint32_t upper_mask = 0;  // word i must be capitalized in the text
  uint32_t caps_mask = 0;   // word i must be all capitals ("AP", "PAS", "X")
  int32_t before = -1;      // index into Tables::contexts: required previous word forms
};

// A kind of institution whose identity depends on the country it belongs to
// (a parliament, a ministry of defence, an electoral commission).
struct InstitutionKind {
  std::string kind;      // "parliament", "ministry:defence"
  std::string name_template;  // "Parliament of {country}"
  std::unordered_map<std::string, uint32_t> by_country;  // country -> entry index
};

class EntityTables {
 public:
  static Result<std::unique_ptr<EntityTables>> Load(const std::string& data_dir);

  // Hash of a sequence of match forms: Start() then Extend() per word;
  // `hyphen` says the word is glued to the previous one by a hyphen.
  static uint64_t Start() { return 0x9E3779B97F4A7C15ull; }
  static uint64_t Extend(uint64_t hash, uint64_t word_hash, bool hyphen);
  static uint64_t WordHash(std::string_view match_form);

  // Aliases stored under `hash`, or nullptr.
  const std::vector<Alias>* Find(uint64_t hash) const;
  // True when some alias continues after the words hashed into `hash`.
  bool IsPrefix(uint64_t hash) const { return prefixes_.count(hash) != 0; }

  const EntityEntry& entry(uint32_t i) const { return entries_[i]; }
  size_t entry_count() const { return entries_.size(); }
  int32_t FindId(std::string_view id) const;
  const InstitutionKind& institution(uint32_t i) const { return institutions_[i]; }
  // The place entry of a country code, or -1.
  int32_t CountryEntry(std::string_view country) const;
  // The parent place of a place entry, or -1.
  int32_t Parent(uint32_t entry) const { return parents_[entry]; }
  // Entries whose name or alias has this NameKey skeleton (near matches).
  const std::vector<std::pair<std::string, uint32_t>>* FindSkeleton(std::string_view skeleton) const;
  // The place a bare name means when no cue says otherwise (place_senses.tsv).
  int32_t BareSense(uint64_t word_sequence_hash) const;
  const std::vector<uint64_t>& contexts(int32_t i) const { return contexts_[i]; }

  // Word classes of lexicon.tsv, by the WordHash of their match form.
  enum WordClass : uint32_t {
    kHonorific = 1 << 0,
    kTitle = 1 << 1,
    kParticle = 1 << 2,
    kPersonAfter = 1 << 3,
    kPlaceBefore = 1 << 4,
    kPlacePrep = 1 << 5,
    kRegionWord = 1 << 6,
    kCityWord = 1 << 7,
    kOrgHead = 1 << 8,
    kGroupHead = 1 << 9,
    kGroupBefore = 1 << 10,
    kByline = 1 << 11,
    kGluedPrefix = 1 << 12,
    kNotName = 1 << 13,
    kGivenName = 1 << 14,
    kMinistryHead = 1 << 15,    // ministère, ministry, ministero
    kMinistryLink = 1 << 16,    // de, de la, of, della... inside ministry names
    kPortfolio = 1 << 17,       // first word of a portfolio (défense, energy)
    kLink = 1 << 18,            // de, of, della: between a generic word and a name
    kCoordinator = 1 << 19,     // et, and: between names of a list
  };
  // Classes of a single word (by WordHash of its match form).
  uint32_t WordClasses(uint64_t word_hash) const;
  // Classes of a multiword phrase (hash built with Start/Extend).
  uint32_t PhraseClasses(uint64_t phrase_hash) const;
  // Longest phrase of class `cls` among the known phrase lengths (<= 4 words).
  int max_phrase_words() const { return max_phrase_words_; }

  // Portfolios: phrase hash -> portfolio name ("defence").
  const std::string* Portfolio(uint64_t phrase_hash) const;
  // The institution kind index of "ministry:<portfolio>", or -1.
  int32_t MinistryKind(std::string_view portfolio) const;

  size_t alias_count() const { return alias_count_; }

 private:
  friend class EntityTablesBuilder;
  std::vector<EntityEntry> entries_;
  std::vector<int32_t> parents_;
  std::unordered_map<std::string, uint32_t> by_id_;
  std::unordered_map<std::string, uint32_t> countries_;
  std::unordered_map<uint64_t, std::vector<Alias>> aliases_;
  std::unordered_set<uint64_t> prefixes_;
  std::unordered_map<std::string, std::vector<std::pair<std::string, uint32_t>>> skeletons_;
  std::unordered_map<uint64_t, uint32_t> bare_senses_;
  std::unordered_map<uint64_t, uint32_t> word_classes_;
  std::unordered_map<uint64_t, uint32_t> phrase_classes_;
  std::unordered_map<uint64_t, std::string> portfolios_;
  std::vector<InstitutionKind> institutions_;
  std::unordered_map<std::string, uint32_t> institution_index_;
  std::vector<std::vector<uint64_t>> contexts_;
  int max_phrase_words_ = 1;
  size_t alias_count_ = 0;
};

// Splits `text` into the words the tables compare: tokens of the tokenizer,
// with hyphenated words cut at their hyphens ("Kremlin-backed" -> "Kremlin",
// "-backed"). Used for aliases at load time and for articles.
struct Piece {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t token = 0;       // index of the token it comes from
  uint64_t hash = 0;        // WordHash of its match form
  bool hyphen = false;      // glued to the previous piece by a hyphen
  bool word = false;        // a letter word (not number or punctuation)
  bool upper = false;       // first letter upper case
  bool caps = false;        // all letters upper case (two or more, or one capital letter alone)
};

struct Document;

// Fills `pieces` from the document's tokens (see Piece). `scratch` is reused
// for match forms.
void BuildPieces(const Document& doc, std::vector<Piece>* pieces, std::string* scratch);

}  // namespace veille
