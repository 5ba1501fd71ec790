// The result of analysing one article: everything `veille analyze` prints.
//
// All spans are [start, end) byte offsets into Article::text. Text fields that
// merely repeat a span's bytes are not stored; the JSON writer slices them from
// the article when printing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "veille/span.h"

namespace veille {

inline constexpr int kSchemaVersion = 1;

struct Paragraph {
  Span span;
};

struct Sentence {
  Span span;
  std::string language;  // ISO 639-1, the document language when undecided
  float language_confidence = 0;
};

// A stretch of another language inside a sentence ("as well as" in French).
struct LanguageSpan {
  Span span;
  std::string language;
};

enum class EntityType { kPerson, kPlace, kOrganization, kOutlet, kGroup };
const char* EntityTypeName(EntityType type);

struct Entity {
  Span span;
  EntityType type = EntityType::kPerson;
  std::string id;    // stable canonical id, e.g. "person:vladimir-putin", "place:ru-ce"
  std::string name;  // canonical English name
  bool demonym = false;  // "russe", "Chechen": an adjective or noun linked to a place
};

struct EntitySummaryItem {
  std::string id;
  std::string name;
  EntityType type = EntityType::kPerson;
  int mentions = 0;
  double salience = 0;
};

enum class QuoteKind { kDirect, kPartial, kReported };
const char* QuoteKindName(QuoteKind kind);

struct Quote {
  Span span;  // the quoted words, marks excluded
  QuoteKind kind = QuoteKind::kDirect;
  std::optional<std::string> speaker;  // as written (or the resolved antecedent)
  std::string speaker_id;               // canonical entity id when known
  Span speaker_span;                    // where the speaker is named or resolved from
  std::string cue;                      // "a déclaré", "said", "selon"
  std::optional<std::string> via;       // outlet or channel: "TASS", "Telegram"
};

enum class Qualifier { kExact, kAtLeast, kMoreThan, kUpTo, kAbout, kLessThan };
const char* QualifierName(Qualifier qualifier);

struct Claim {
  Span span;
  double value = 0;
  std::optional<double> low;
  std::optional<double> high;
  Qualifier qualifier = Qualifier::kExact;
  std::string counted;                 // what is counted, as written
  std::optional<std::string> event;    // killed, wounded, deployed...
  std::optional<std::string> by;       // who asserts it; null = the article itself
  std::string by_id;
  std::optional<std::string> when;
};

enum class CitationRelation { kAccordingTo, kReportedBy, kTold, kPostedOn, kQuotedFrom };
const char* CitationRelationName(CitationRelation relation);

struct Citation {
  Span span;
  std::string outlet;       // canonical outlet id, e.g. "outlet:washington-post"
  std::string outlet_name;  // canonical display name
  CitationRelation relation = CitationRelation::kReportedBy;
  bool mangled = false;     // a word-by-word mistranslation ("Washington Put up")
};

struct QualitySignal {
  std::string kind;  // foreign_insertion, mangled_name, fake_bio, boilerplate, ...
  Span span;
  double weight = 0;
  std::string why;
};

struct Quality {
  double score = 1.0;
  std::string verdict = "clean";  // clean | suspect | auto_translated | content_farm
  std::vector<QualitySignal> signals;
};

struct Analysis {
  std::string language;  // ISO 639-1, "und" when undetermined
  double language_confidence = 0;

  // Title, byline and date: the span when found in the text, or the supplied
  // metadata (then the span is empty).
  std::optional<std::string> title;
  Span title_span;
  std::optional<std::string> byline;
  Span byline_span;
  std::optional<std::string> date;  // ISO 8601 date
  Span date_span;

  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<LanguageSpan> language_spans;
  std::vector<Entity> entities;
  std::vector<EntitySummaryItem> entity_summary;
  std::vector<Quote> quotes;
  std::vector<Claim> claims;
  std::vector<Citation> citations;
  Quality quality;

  // Empties every field but keeps vector capacity, so a worker can reuse it.
  void Clear();
};

}  // namespace veille
