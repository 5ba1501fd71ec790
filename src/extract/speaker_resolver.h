// Who a speaker phrase denotes: the people, organisations and outlets an
// article mentions, grouped into referents ("Kadyrov" and "Ramzan Kadyrov",
// "le chef tchétchène" after "Ramzan Kadyrov", "the official" after "A Malian
// security official"), and the resolution of pronouns and role phrases to
// them.
//
// When an earlier stage filled Analysis::entities, its person, organisation,
// outlet and group mentions are the names (their ids and canonical names are
// reused); otherwise names are read from capitalized runs, with surnames
// resolved to the fullest earlier form and acronyms to the name they were
// introduced with ("Agence internationale de l'énergie atomique (AIEA)").
// Role phrases always come from the quote lexicon. Per call; not shared
// between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/noun_phrase.h"
#include "veille/analysis.h"

namespace veille {

enum class MentionType : uint8_t { kPerson, kOrg, kOutlet, kPlace, kUnknown };

struct Referent {
  uint32_t begin = 0;  // tokens of its fullest written name, or of its role phrase
  uint32_t end = 0;
  MentionType type = MentionType::kUnknown;
  GenderNumber gn;
  bool is_name = false;  // false: a description ("un soldat russe", "Regional officials")
  std::string_view entity_id;    // from Analysis::entities, or an outlet id
  std::string_view entity_name;  // canonical name, when known
  std::string_view text;  // display text when it is not a token range (a quote's content)
};

struct Mention {
  uint32_t begin =
      0;  // tokens: the name without titles, or the role phrase with its determiner
  uint32_t end = 0;
  uint32_t head = 0;  // the role noun, or the name's last token
  int32_t referent = -1;
  MentionType type = MentionType::kUnknown;
  bool is_name = false;
  bool subject = false;  // the first noun phrase of its clause
  const LexEntry* role = nullptr;
  bool definite = false;
  GenderNumber gn;
};

class SpeakerResolver {
 public:
  // Names in the title and the byline (analysis.title_span, byline_span) are
  // never antecedents.
  SpeakerResolver(const NpReader& reader, const Analysis& analysis);

  // Reads every mention of the document. Call once, before the rest.
  void Build();

  // The referent of a speaker phrase found at an attribution, or -1.
  // `exclude`: a referent a pronoun cannot denote (the outer speaker of a
  // nested quote).
  int32_t Resolve(const Np& np, int32_t exclude);
  // Remembers that `referent` spoke at token `position`: pronouns prefer speakers.
  void NoteSpeaker(int32_t referent, uint32_t position);
  // An outlet named at token `i` (a catalogued form, an outlet entity, or a
  // role such as "le journal" resolved to one): its referent, or -1.
  int32_t OutletAt(uint32_t i, uint32_t end, uint32_t* length) const;

  const Referent& referent(int32_t r) const { return referents_[r]; }
  // The speaker as printed: the canonical name when known, else as written.
  std::string Display(int32_t r) const;
  Span DisplaySpan(int32_t r) const;

 private:
  struct Note {
    uint32_t position;
    int32_t referent;
  };
  void AddEntityMentions();
  void AddNameMentions();
  void AddRoleMentions();
  void LinkRolesToNames();
  void ResolveDefiniteRoles();
  void MarkSubjects();
  void ChainSubjectPronouns();
  int32_t NewReferent(uint32_t begin, uint32_t end, MentionType type, bool is_name);
  // The referent of an entity or outlet id, created at [begin, end) the first time.
  int32_t KnownReferent(std::string_view id, std::string_view name, uint32_t begin,
                        uint32_t end, MentionType type);
  int32_t OutletReferent(const Outlet& outlet, uint32_t begin, uint32_t end);
  void AddNameMention(uint32_t begin, uint32_t end, int32_t referent, MentionType type);
  int32_t ResolvePronoun(GenderNumber gn, uint32_t position, int32_t exclude) const;
  int32_t MentionAt(uint32_t token) const;
  bool SharesQualifier(const Mention& a, const Mention& b) const;
  bool Skipped(uint32_t token) const;
  uint64_t NameKey(uint32_t token) const;

  const NpReader& np_;
  const QuoteContext& c_;
  const Analysis& analysis_;
  std::vector<Mention> mentions_;  // by begin
  std::vector<Referent> referents_;
  std::vector<Note> notes_;
  std::unordered_map<uint64_t, int32_t> by_surname_;      // person names by last token
  std::unordered_map<uint64_t, int32_t> by_first_token_;  // organisations by first token
  std::unordered_map<uint64_t, int32_t> by_acronym_;
  std::unordered_map<std::string_view, int32_t> by_entity_id_;
  std::vector<int32_t> mention_of_token_;  // token -> mention covering it, or -1
};

}  // namespace veille
