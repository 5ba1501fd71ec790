#include "extract/speaker_resolver.h"

#include <algorithm>

namespace veille {
namespace {

// How far back a role or pronoun looks for its antecedent, in mentions: the
// bound keeps the finder linear on articles with thousands of names.
constexpr int kMaxLookBack = 300;
constexpr size_t kMinSharedPrefix = 5;

MentionType TypeOf(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return MentionType::kPerson;
    case EntityType::kOrganization:
    case EntityType::kGroup:
      return MentionType::kOrg;
    case EntityType::kOutlet:
      return MentionType::kOutlet;
    case EntityType::kPlace:
      return MentionType::kPlace;
  }
  return MentionType::kUnknown;
}

MentionType TypeOf(RoleType type) {
  switch (type) {
    case RoleType::kPerson:
      return MentionType::kPerson;
    case RoleType::kOrg:
      return MentionType::kOrg;
    case RoleType::kOutlet:
      return MentionType::kOutlet;
  }
  return MentionType::kUnknown;
}

// "tchétchène" and "Tchétchénie", "installé" and "installés": one stem.
bool SameStem(std::string_view a, std::string_view b) {
  if (a == b) return true;
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n >= kMinSharedPrefix;
}

}  // namespace

SpeakerResolver::SpeakerResolver(const NpReader& reader, const Analysis& analysis)
    : np_(reader), c_(reader.context()), analysis_(analysis) {}

bool SpeakerResolver::Skipped(uint32_t token) const {
  const Token& t = c_.tok(token);
  for (const Span& s : {analysis_.title_span, analysis_.byline_span}) {
    if (!s.empty() && t.start >= s.start && t.end <= s.end) return true;
  }
  return false;
}

uint64_t SpeakerResolver::NameKey(uint32_t token) const {
  return FoldedHash(c_.Lower(token));
}

int32_t SpeakerResolver::NewReferent(uint32_t begin, uint32_t end, MentionType type,
                                     bool is_name) {
  Referent r;
  r.begin = begin;
  r.end = end;
  r.type = type;
  r.is_name = is_name;
  referents_.push_back(r);
  return static_cast<int32_t>(referents_.size() - 1);
}

void SpeakerResolver::Build() {
  mention_of_token_.assign(c_.size(), -1);
  bool has_entities = false;
  for (const Entity& e : analysis_.entities) has_entities |= e.type != EntityType::kPlace;
  if (has_entities) {
    AddEntityMentions();
  } else {
    AddNameMentions();
  }
  AddRoleMentions();
  std::stable_sort(mentions_.begin(), mentions_.end(),
                   [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  std::fill(mention_of_token_.begin(), mention_of_token_.end(), -1);
  for (int32_t m = 0; m < static_cast<int32_t>(mentions_.size()); ++m) {
    for (uint32_t t = mentions_[m].begin; t < mentions_[m].end; ++t) {
      if (mention_of_token_[t] < 0 || !mentions_[mention_of_token_[t]].is_name) {
        mention_of_token_[t] = m;
      }
    }
  }
  LinkRolesToNames();
  MarkSubjects();
  ResolveDefiniteRoles();
  ChainSubjectPronouns();
}

void SpeakerResolver::AddEntityMentions() {
  for (const Entity& e : analysis_.entities) {
    if (e.demonym || e.type == EntityType::kPlace) continue;
    const uint32_t b = c_.doc.TokenAt(e.span.start);
    const uint32_t end = c_.doc.TokenAt(e.span.end);
    if (b >= end || end > c_.size() || c_.InQuote(b) || Skipped(b)) continue;
    const MentionType type = TypeOf(e.type);
    const int32_t r = KnownReferent(e.id, e.name, b, end, type);
    Referent& ref = referents_[r];
    if (end - b > ref.end - ref.begin) {
      ref.begin = b;
      ref.end = end;
    }
    AddNameMention(b, end, r, type);
  }
  // Catalogued outlets the entity stage did not report.
  for (uint32_t i = 0; i < c_.size(); ++i) {
    if (mention_of_token_[i] >= 0 || c_.InQuote(i) || Skipped(i)) continue;
    const auto match = c_.OutletFrom(i, c_.SentenceEnd(i));
    if (!match) continue;
    const uint32_t end = match.end;
    AddNameMention(i, end, OutletReferent(*match.outlet, i, end), MentionType::kOutlet);
    i = end - 1;
  }
}

int32_t SpeakerResolver::KnownReferent(std::string_view id, std::string_view name,
                                       uint32_t begin, uint32_t end, MentionType type) {
  const auto it = by_entity_id_.find(id);
  if (it != by_entity_id_.end()) return it->second;
  const int32_t r = NewReferent(begin, end, type, true);
  referents_[r].entity_id = id;
  referents_[r].entity_name = name;
  by_entity_id_.emplace(id, r);
  return r;
}

int32_t SpeakerResolver::OutletReferent(const Outlet& outlet, uint32_t begin,
                                        uint32_t end) {
  return KnownReferent(outlet.id, outlet.name, begin, end, MentionType::kOutlet);
}

void SpeakerResolver::AddNameMention(uint32_t begin, uint32_t end, int32_t referent,
                                     MentionType type) {
  Mention m;
  m.begin = begin;
  m.end = end;
  m.head = end - 1;
  m.referent = referent;
  m.type = type;
  m.is_name = true;
  mentions_.push_back(m);
  for (uint32_t t = begin; t < end; ++t) {
    mention_of_token_[t] = static_cast<int32_t>(mentions_.size() - 1);
  }
}

void SpeakerResolver::AddNameMentions() {
  for (const SentenceRange& s : c_.doc.sentences) {
    uint32_t i = s.first_token;
    while (i < s.end_token) {
      if (c_.InQuote(i) || Skipped(i)) {
        ++i;
        continue;
      }
      // "Agence internationale de l'énergie atomique (AIEA)": the acronym
      // names what stands before it.
      if (c_.IsPunct(i, "(") && i + 2 < s.end_token && c_.tok(i + 1).Has(kAllCaps) &&
          c_.IsPunct(i + 2, ")") && i > s.first_token) {
        const Np np = np_.Left(i - 1, s.first_token);
        if (np.ok()) {
          uint32_t b = np.begin;
          while (b < np.end && c_.Is(b, LexKind::kDet)) ++b;
          int32_t r = -1;
          for (uint32_t t = b; t < np.end && r < 0; ++t) {
            const int32_t m = mention_of_token_[t];
            if (m >= 0 && mentions_[m].is_name) r = mentions_[m].referent;
          }
          if (r < 0) {
            r = NewReferent(b, np.end, MentionType::kOrg, true);
          } else if (np.end - b > referents_[r].end - referents_[r].begin) {
            referents_[r].begin = b;
            referents_[r].end = np.end;
            if (referents_[r].type == MentionType::kUnknown ||
                referents_[r].type == MentionType::kPlace) {
              referents_[r].type = MentionType::kOrg;
            }
          }
          by_acronym_[NameKey(i + 1)] = r;
          AddNameMention(i + 1, i + 2, r, referents_[r].type);
        }
        i += 3;
        continue;
      }
      if (const auto outlet = c_.OutletFrom(i, s.end_token)) {
        AddNameMention(i, outlet.end, OutletReferent(*outlet.outlet, i, outlet.end),
                       MentionType::kOutlet);
        i = outlet.end;
        continue;
      }
      if (const auto honorific = c_.Find(i, s.end_token, LexKind::kHonorific)) {
        i += honorific.length;  // "M. Grossi": the name starts after
        continue;
      }
      if (!np_.StartsName(i)) {
        ++i;
        continue;
      }
      const NameRun run =
          np_.ReadNameRun(i, s.end_token, np_.FollowsTitleComplement(i, s.first_token));
      const uint32_t e = run.end;
      const uint32_t name_begin = run.name_begin;
      const bool org = run.org;
      GenderNumber gn;
      gn.gender = run.gender;
      // "Regional officials": an adjective before a role is not a name.
      if (name_begin >= e || (e - name_begin == 1 && e < s.end_token &&
                              c_.Is(e, LexKind::kRole) && !c_.IsCapitalized(e))) {
        i = e;
        continue;
      }
      // What kind of name: persons follow a title, an honorific or nothing;
      // places and institutions follow an article or a preposition.
      MentionType type = MentionType::kUnknown;
      uint32_t p = i;
      if (p >= s.first_token + 2 && c_.IsPunct(p - 1, ".") &&
          c_.Find(p - 2, p, LexKind::kHonorific).length == 2) {
        p -= 2;
      }
      const auto honorific = p > s.first_token ? c_.Find(p - 1, p, LexKind::kHonorific)
                                               : QuoteLexicon::Match{};
      if (org) {
        type = MentionType::kOrg;
      } else if (p != i || honorific) {
        type = MentionType::kPerson;
        const LexEntry* h =
            honorific ? honorific.entry : c_.Find(p, p + 2, LexKind::kHonorific).entry;
        if (h != nullptr && h->gn.gender != 'x') gn.gender = h->gn.gender;
      } else if (name_begin > i) {
        type = MentionType::kPerson;
      } else if (e - i == 1 && c_.tok(i).Has(kAllCaps)) {
        type = MentionType::kOrg;
      } else if (i > s.first_token &&
                 (c_.Is(i - 1, LexKind::kDet) || c_.Is(i - 1, LexKind::kPrep))) {
        type = MentionType::kPlace;
      } else if (i > s.first_token && c_.Is(i - 1, LexKind::kRole)) {
        const LexEntry* role = c_.Find(i - 1, i, LexKind::kRole).entry;
        type = TypeOf(role->role_type);
        if (role->gn.gender != 'x') gn.gender = role->gn.gender;
        if (i > s.first_token + 1) {
          const auto det = c_.Find(i - 2, i - 1, LexKind::kDet);
          if (det && det.entry->gn.gender != 'x' && gn.gender == 'x')
            gn.gender = det.entry->gn.gender;
        }
      }
      const uint64_t last_key = NameKey(e - 1);
      int32_t r = -1;
      if (type == MentionType::kPerson || type == MentionType::kUnknown) {
        if (e - name_begin == 1) {
          if (auto it = by_acronym_.find(last_key); it != by_acronym_.end())
            r = it->second;
          if (auto it = by_first_token_.find(last_key);
              r < 0 && it != by_first_token_.end())
            r = it->second;
        }
        if (auto it = by_surname_.find(last_key); r < 0 && it != by_surname_.end())
          r = it->second;
      } else if (type == MentionType::kOrg && e - name_begin == 1) {
        if (auto it = by_acronym_.find(last_key); it != by_acronym_.end()) r = it->second;
      }
      if (r < 0) {
        r = NewReferent(name_begin, e, type, true);
      } else {
        Referent& ref = referents_[r];
        if (e - name_begin > ref.end - ref.begin) {
          ref.begin = name_begin;
          ref.end = e;
        }
        if (type == MentionType::kPerson && ref.type == MentionType::kUnknown)
          ref.type = type;
      }
      if (gn.gender != 'x' && referents_[r].gn.gender == 'x')
        referents_[r].gn.gender = gn.gender;
      if (type == MentionType::kPerson || type == MentionType::kUnknown) {
        if (referents_[r].type != MentionType::kOrg) by_surname_[last_key] = r;
      }
      if (type == MentionType::kOrg && e - name_begin >= 2) {
        by_first_token_.emplace(NameKey(name_begin), r);
      }
      AddNameMention(name_begin, e, r, type);
      // A title inside the run ("President Alexander Stubb") is also a role
      // mention of the same person, for later "the president".
      for (uint32_t t = i; t < name_begin; ++t) {
        if (!c_.Is(t, LexKind::kRole)) continue;
        Mention m;
        m.begin = t;
        m.end = t + 1;
        m.head = t;
        m.referent = r;
        m.type = MentionType::kPerson;
        m.role = c_.Find(t, t + 1, LexKind::kRole).entry;
        m.gn = m.role->gn;
        mentions_.push_back(m);
      }
      i = e;
    }
  }
}

void SpeakerResolver::AddRoleMentions() {
  for (const SentenceRange& s : c_.doc.sentences) {
    uint32_t covered =
        s.first_token;  // "l'administration militaire": one phrase, one head
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      if (c_.InQuote(i) || Skipped(i) || mention_of_token_[i] >= 0 || i < covered)
        continue;
      if (!c_.Is(i, LexKind::kRole)) continue;
      if (c_.IsCapitalized(i) && i != s.first_token) continue;
      // The determiner, over at most three adjectives ("A Malian security official").
      uint32_t b = i;
      for (int back = 0; back < 3 && b > s.first_token; ++back) {
        const uint32_t j = b - 1;
        if (c_.Is(j, LexKind::kDet)) {
          b = j;
          if (j > s.first_token && c_.Is(j - 1, LexKind::kDet)) b = j - 1;
          break;
        }
        if (!c_.IsWord(j) || c_.IsFunctionWord(j) || np_.CueAt(j, j + 1).ok() ||
            (mention_of_token_[j] >= 0 && !c_.IsCapitalized(j))) {
          break;
        }
        b = j;
      }
      const Np np = np_.Right(b, s.end_token);
      Mention m;
      m.begin = b;
      m.end = std::max(np.end, i + 1);
      m.head = i;
      m.role = c_.Find(i, i + 1, LexKind::kRole).entry;
      m.type = TypeOf(m.role->role_type);
      m.gn = m.role->gn;
      if (np.ok() && np.gn.gender != 'x' && m.gn.gender == 'x')
        m.gn.gender = np.gn.gender;
      m.definite = np.has_det &&
                   (np.det == DetKind::kDefinite || np.det == DetKind::kDemonstrative);
      mentions_.push_back(m);
      covered = m.end;
    }
  }
}

int32_t SpeakerResolver::MentionAt(uint32_t token) const {
  return token < mention_of_token_.size() ? mention_of_token_[token] : -1;
}

void SpeakerResolver::LinkRolesToNames() {
  for (Mention& r : mentions_) {
    if (r.is_name || r.referent >= 0) continue;
    int32_t name = -1;
    // (a) "la présidente Maia Sandu": a name after the role, no preposition between.
    for (uint32_t t = r.head + 1; t < r.end && name < 0; ++t) {
      if (c_.Is(t, LexKind::kNpPrep) || c_.Is(t, LexKind::kPrep) ||
          c_.Is(t, LexKind::kPlacePrep))
        break;
      const int32_t m = MentionAt(t);
      if (m >= 0 && mentions_[m].is_name && mentions_[m].type != MentionType::kPlace)
        name = m;
    }
    // (b) "Le Premier ministre, Irakli Kobakhidze, ...", "Ofgem's chief
    // executive, Jonathan Brearley, ...".
    uint32_t comma = r.end;
    while (comma < c_.size() && comma < r.end + 2 && c_.IsWord(comma) &&
           !c_.IsCapitalized(comma) && !c_.IsFunctionWord(comma)) {
      ++comma;
    }
    if (name < 0 && comma + 1 < c_.size() && c_.IsComma(comma)) {
      const int32_t m = MentionAt(comma + 1);
      if (m >= 0 && mentions_[m].is_name && mentions_[m].begin == comma + 1 &&
          mentions_[m].type != MentionType::kPlace &&
          (mentions_[m].end >= c_.size() || c_.IsComma(mentions_[m].end) ||
           c_.sentence_final[mentions_[m].end])) {
        name = m;
      }
    }
    // (c) "Rafael Grossi, directeur général de l'AIEA", "Vladimir Rogov, l'un des
    // responsables".
    if (name < 0) {
      uint32_t k = r.begin;
      for (int back = 0; back < 3 && k > 0 && !c_.IsComma(k - 1); ++back) {
        if (!c_.Is(k - 1, LexKind::kDet)) break;
        --k;
      }
      if (k >= 2 && c_.IsComma(k - 1)) {
        const int32_t m = MentionAt(k - 2);
        if (m >= 0 && mentions_[m].is_name && mentions_[m].end == k - 1 &&
            mentions_[m].type != MentionType::kPlace &&
            mentions_[m].type != MentionType::kOutlet) {
          name = m;
        }
      }
    }
    if (name < 0) continue;
    r.referent = mentions_[name].referent;
    Referent& ref = referents_[r.referent];
    if (ref.gn.gender == 'x' && r.gn.gender != 'x' && r.gn.number == 's')
      ref.gn.gender = r.gn.gender;
    if (ref.type == MentionType::kUnknown) ref.type = r.type;
  }
}

bool SpeakerResolver::SharesQualifier(const Mention& a, const Mention& b) const {
  auto content = [&](const Mention& m, uint32_t t) {
    if (t == m.head || !c_.IsWord(t) || c_.Is(t, LexKind::kDet) ||
        c_.Is(t, LexKind::kNpPrep) || c_.Is(t, LexKind::kPrep)) {
      return false;
    }
    const int32_t n = MentionAt(t);
    return n < 0 || !mentions_[n].is_name || mentions_[n].type == MentionType::kPlace;
  };
  for (uint32_t x = a.begin; x < a.end; ++x) {
    if (!content(a, x)) continue;
    for (uint32_t y = b.begin; y < b.end; ++y) {
      if (content(b, y) && SameStem(c_.Lower(x), c_.Lower(y))) return true;
    }
  }
  return false;
}

void SpeakerResolver::ResolveDefiniteRoles() {
  for (int32_t i = 0; i < static_cast<int32_t>(mentions_.size()); ++i) {
    Mention& r = mentions_[i];
    if (r.is_name || r.referent >= 0) continue;
    int32_t found = -1;
    if (r.definite && r.gn.number == 's') {
      bool has_qualifier = false;
      for (uint32_t t = r.begin; t < r.end && !has_qualifier; ++t) {
        has_qualifier = t != r.head && c_.IsWord(t) && !c_.Is(t, LexKind::kDet) &&
                        !c_.Is(t, LexKind::kNpPrep) && !c_.Is(t, LexKind::kPrep);
      }
      // The same role mentioned before: "le soldat" after "un soldat russe".
      for (int32_t j = i - 1, n = 0; j >= 0 && n < kMaxLookBack && found < 0; --j, ++n) {
        const Mention& m = mentions_[j];
        if (m.role == nullptr || m.referent < 0 || m.role->group != r.role->group)
          continue;
        if (m.gn.number == 'p' && !referents_[m.referent].is_name) continue;
        if (has_qualifier && !SharesQualifier(r, m)) continue;
        found = m.referent;
      }
      // Else the last name that fits: "le président russe" after "Vladimir
      // Poutine" (a known person before a name of unknown kind),
      // "l'agence onusienne" after "Agence internationale ...".
      int32_t unknown = -1;
      for (int32_t j = i - 1, n = 0; j >= 0 && n < kMaxLookBack && found < 0; --j, ++n) {
        const Mention& m = mentions_[j];
        if (!m.is_name || m.referent < 0) continue;
        const Referent& ref = referents_[m.referent];
        if (r.type == MentionType::kPerson) {
          if (!r.gn.Agrees(GenderNumber{ref.gn.gender, 's'})) continue;
          // A name of unknown kind counts when it looks like a person's: a
          // subject, or a first name and a surname ("la région de Koursk" does not).
          if (ref.type == MentionType::kPerson || (ref.type == MentionType::kUnknown &&
                                                   (m.subject || m.end - m.begin >= 2))) {
            found = m.referent;
          }
          if (ref.type == MentionType::kUnknown && unknown < 0) unknown = m.referent;
        } else if (r.type == MentionType::kOutlet) {
          if (ref.type == MentionType::kOutlet) found = m.referent;
        } else if (ref.type == MentionType::kOrg) {
          for (uint32_t t = ref.begin; t < ref.end && found < 0; ++t) {
            if (SameStem(c_.Lower(t), c_.Lower(r.head))) found = m.referent;
          }
        }
      }
      if (found < 0) found = unknown;
    }
    if (found < 0) {
      found = NewReferent(r.begin, r.end, r.type, false);
      referents_[found].gn = r.gn;
    }
    r.referent = found;
  }
}

void SpeakerResolver::ChainSubjectPronouns() {
  // A subject pronoun continues a chain: "Kadyrov has long urged Moscow ...
  // he has urged Moscow ... He has even criticised": each "he" is resolved in
  // order and stands for its antecedent afterwards.
  for (const SentenceRange& s : c_.doc.sentences) {
    if (s.first_token >= s.end_token || c_.InQuote(s.first_token)) continue;
    const Np np = np_.ClauseFirst(s.first_token, s.end_token);
    if (np.kind == NpKind::kPronoun)
      NoteSpeaker(ResolvePronoun(np.gn, np.begin, -1), np.begin);
  }
}

void SpeakerResolver::MarkSubjects() {
  for (const SentenceRange& s : c_.doc.sentences) {
    if (s.first_token >= s.end_token || c_.InQuote(s.first_token)) continue;
    const Np np = np_.ClauseFirst(s.first_token, s.end_token);
    int32_t m = -1;
    if (np.kind == NpKind::kName) m = MentionAt(np.name_begin);
    if (np.kind == NpKind::kRole) m = MentionAt(np.role_token);
    if (m >= 0) mentions_[m].subject = true;
  }
}

void SpeakerResolver::NoteSpeaker(int32_t referent, uint32_t position) {
  if (referent < 0) return;
  notes_.push_back({position, referent});
  // Kept sorted by position: jobs arrive almost in order.
  for (size_t i = notes_.size() - 1; i > 0 && notes_[i - 1].position > notes_[i].position;
       --i) {
    std::swap(notes_[i - 1], notes_[i]);
  }
}

int32_t SpeakerResolver::ResolvePronoun(GenderNumber gn, uint32_t position,
                                        int32_t exclude) const {
  auto compatible = [&](int32_t referent, GenderNumber mention_gn,
                        MentionType mention_type) {
    if (referent < 0 || referent == exclude) return false;
    const Referent& ref = referents_[referent];
    if (mention_type == MentionType::kPlace || ref.type == MentionType::kPlace)
      return false;
    if (gn.number == 's') {
      if (ref.type != MentionType::kPerson && ref.type != MentionType::kUnknown)
        return false;
      if (mention_gn.number != 's') return false;
    } else if (mention_gn.number != 'p' && ref.type == MentionType::kPerson) {
      return false;
    }
    const char gender = ref.gn.gender != 'x' ? ref.gn.gender : mention_gn.gender;
    return gn.gender == 'x' || gender == 'x' || gender == gn.gender;
  };
  // Walk mentions and speaker notes backwards together.
  auto m_it = std::lower_bound(mentions_.begin(), mentions_.end(), position,
                               [](const Mention& m, uint32_t p) { return m.begin < p; });
  auto n_it = std::lower_bound(notes_.begin(), notes_.end(), position,
                               [](const Note& n, uint32_t p) { return n.position < p; });
  // The nearest sentence with a compatible candidate decides; inside it, a
  // candidate of the pronoun's gender, a subject or speaker, and a known
  // person beat a bare name of unknown kind ("l'exemple de Grozny").
  int32_t best = -1;
  int best_score = -1;
  uint32_t best_sentence = 0;
  for (int examined = 0; examined < kMaxLookBack; ++examined) {
    const bool has_m = m_it != mentions_.begin();
    const bool has_n = n_it != notes_.begin();
    if (!has_m && !has_n) break;
    const bool take_note =
        has_n && (!has_m || std::prev(n_it)->position >= std::prev(m_it)->begin);
    int32_t referent;
    uint32_t pos;
    bool subject;
    GenderNumber mgn;
    MentionType mtype = MentionType::kUnknown;
    if (take_note) {
      --n_it;
      referent = n_it->referent;
      pos = n_it->position;
      subject = true;
      mgn = referents_[referent].gn;
    } else {
      --m_it;
      referent = m_it->referent;
      pos = m_it->begin;
      subject = m_it->subject;
      mgn = m_it->role != nullptr ? m_it->gn : GenderNumber{};
      mtype = m_it->type;
    }
    if (pos >= c_.size()) continue;
    const uint32_t sentence = c_.sentence_of[pos];
    if (best >= 0 && sentence != best_sentence) break;
    if (!compatible(referent, mgn, mtype)) continue;
    const Referent& ref = referents_[referent];
    const char gender = ref.gn.gender != 'x' ? ref.gn.gender : mgn.gender;
    const int score = (gn.gender != 'x' && gender == gn.gender ? 2 : 0) +
                      (subject ? 1 : 0) + (ref.type == MentionType::kPerson ? 1 : 0);
    if (best < 0) best_sentence = sentence;
    if (score > best_score) {
      best = referent;
      best_score = score;
    }
  }
  return best;
}

int32_t SpeakerResolver::Resolve(const Np& np, int32_t exclude) {
  switch (np.kind) {
    case NpKind::kNone:
      return -1;
    case NpKind::kPronoun:
      return ResolvePronoun(np.gn, np.begin, exclude);
    case NpKind::kName: {
      for (uint32_t t = np.name_begin; t < np.name_end; ++t) {
        const int32_t m = MentionAt(t);
        if (m < 0 || !mentions_[m].is_name) continue;
        // An organisation named by "ministère de l'Intérieur" is more than its
        // "Intérieur".
        if (np.org_name && mentions_[m].begin > np.name_begin &&
            mentions_[m].type != MentionType::kOutlet &&
            referents_[mentions_[m].referent].entity_id.empty()) {
          break;
        }
        return mentions_[m].referent;
      }
      const int32_t r =
          NewReferent(np.name_begin, np.name_end,
                      np.org_name ? MentionType::kOrg : MentionType::kPerson, true);
      referents_[r].gn = np.gn;
      return r;
    }
    case NpKind::kRole: {
      const int32_t m = MentionAt(np.role_token);
      if (m >= 0 && mentions_[m].referent >= 0) return mentions_[m].referent;
      const int32_t r = NewReferent(np.begin, np.end, TypeOf(np.role->role_type), false);
      referents_[r].gn = np.gn;
      return r;
    }
    case NpKind::kOther: {
      const int32_t r = NewReferent(np.begin, np.end, MentionType::kUnknown, false);
      referents_[r].gn = np.gn;
      return r;
    }
    case NpKind::kQuoted: {
      const MarkedQuote& q = c_.marks[np.quote];
      if (const auto outlet = c_.OutletFrom(q.first_token, q.end_token)) {
        return OutletReferent(*outlet.outlet, q.first_token, q.end_token);
      }
      const int32_t m = MentionAt(q.first_token);
      if (m >= 0 && mentions_[m].is_name) return mentions_[m].referent;
      return NewReferent(q.first_token, q.end_token, MentionType::kUnknown, true);
    }
  }
  return -1;
}

int32_t SpeakerResolver::OutletAt(uint32_t i, uint32_t end, uint32_t* length) const {
  uint32_t j = i;
  while (j < end && j < i + 2 && c_.Is(j, LexKind::kDet)) ++j;
  if (j >= end) return -1;
  const int32_t m = MentionAt(j);
  if (m < 0 || mentions_[m].referent < 0) return -1;
  const Referent& ref = referents_[mentions_[m].referent];
  if (ref.type != MentionType::kOutlet || ref.entity_id.empty()) return -1;
  *length = mentions_[m].end - i;
  return mentions_[m].referent;
}

std::string SpeakerResolver::Display(int32_t r) const {
  const Referent& ref = referents_[r];
  if (!ref.entity_name.empty()) return std::string(ref.entity_name);
  if (!ref.text.empty()) return std::string(ref.text);
  return std::string(c_.doc.Text(DisplaySpan(r)));
}

Span SpeakerResolver::DisplaySpan(int32_t r) const {
  const Referent& ref = referents_[r];
  if (ref.begin >= ref.end) return {};
  uint32_t end = ref.end;
  while (end > ref.begin + 1 && c_.tok(end - 1).kind == TokenKind::kPunct) --end;
  return {c_.tok(ref.begin).start, c_.tok(end - 1).end};
}

}  // namespace veille
