#include "veille/analysis.h"

namespace veille {

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "person";
    case EntityType::kPlace: return "place";
    case EntityType::kOrganization: return "organization";
    case EntityType::kOutlet: return "outlet";
    case EntityType::kGroup: return "group";
  }
  return "person";
}

const char* QuoteKindName(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kDirect: return "direct";
    case QuoteKind::kPartial: return "partial";
    case QuoteKind::kReported: return "reported";
  }
  return "direct";
}

const char* QualifierName(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::kExact: return "exact";
    case Qualifier::kAtLeast: return "at_least";
    case Qualifier::kMoreThan: return "more_than";
    case Qualifier::kUpTo: return "up_to";
    case Qualifier::kAbout: return "about";
    case Qualifier::kLessThan: return "less_than";
  }
  return "exact";
}

const char* CitationRelationName(CitationRelation relation) {
  switch (relation) {
    case CitationRelation::kAccordingTo: return "according_to";
    case CitationRelation::kReportedBy: return "reported_by";
    case CitationRelation::kTold: return "told";
    case CitationRelation::kPostedOn: return "posted_on";
    case CitationRelation::kQuotedFrom: return "quoted_from";
  }
  return "reported_by";
}

void Analysis::Clear() {
  language.clear();
  language_confidence = 0;
  title.reset();
  title_span = {};
  byline.reset();
  byline_span = {};
  date.reset();
  date_span = {};
  paragraphs.clear();
  sentences.clear();
  language_spans.clear();
  entities.clear();
  entity_summary.clear();
  quotes.clear();
  claims.clear();
  citations.clear();
  quality = Quality();
}

}  // namespace veille
