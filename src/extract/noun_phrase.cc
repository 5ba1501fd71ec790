#include "extract/noun_phrase.h"

#include <algorithm>

namespace veille {
namespace {

constexpr uint32_t kMaxPhraseTokens = 14;
constexpr int kMaxVerbChain = 3;

bool Better(const Np& a, const Np& b) {
  auto rank = [](const Np& np) {
    switch (np.kind) {
      case NpKind::kName:
        return 4;
      case NpKind::kRole:
        return 3;
      case NpKind::kPronoun:
        return 2;
      case NpKind::kQuoted:
        return 2;
      case NpKind::kOther:
        return 1;
      case NpKind::kNone:
        return 0;
    }
    return 0;
  };
  return rank(a) > rank(b);
}

}  // namespace

uint32_t NpReader::SkipAdverbs(uint32_t i, uint32_t end) const {
  while (i < end && c_.Is(i, LexKind::kAdverb)) ++i;
  return i;
}

uint32_t NpReader::PreviousComma(uint32_t j, uint32_t limit) const {
  while (j > limit) {
    --j;
    if (c_.InQuote(j)) return kNoToken;
    if (c_.IsComma(j)) return j;
  }
  return kNoToken;
}

bool NpReader::StartsAdverbial(uint32_t i) const {
  if (c_.Is(i, LexKind::kPrep) || c_.Is(i, LexKind::kAdverb) ||
      c_.StartsPhrase(i, LexKind::kAccording)) {
    return true;
  }
  if (!c_.IsWord(i)) return false;
  const std::string_view lower = c_.Lower(i);
  if (c_.lex.LooksLikeGerund(lower)) return true;
  // "Interrogé par le Guardian, ...": a participle with its complement.
  return c_.lex.LooksLikeParticiple(lower) && i + 1 < c_.size() &&
         (c_.Is(i + 1, LexKind::kPrep) || c_.Is(i + 1, LexKind::kNpPrep));
}

bool NpReader::StartsName(uint32_t i) const {
  if (!c_.IsCapitalized(i) || c_.tok(i).Has(kElided)) return false;  // "C'est", "L'armée"
  if (c_.IsFunctionWord(i)) return false;
  return !(i == c_.SentenceBegin(i) && StartsAdverbial(i));  // "Interrogé par ..."
}

bool NpReader::FollowsTitleComplement(uint32_t i, uint32_t limit) const {
  uint32_t b = i;
  while (b > limit && c_.Is(b - 1, LexKind::kDet)) --b;
  if (b < limit + 2 || !c_.Is(b - 1, LexKind::kNpPrep)) return false;
  const auto role = c_.Find(b - 2, b - 1, LexKind::kRole);
  return role && role.entry->role_type == RoleType::kPerson;
}

NameRun NpReader::ReadNameRun(uint32_t i, uint32_t end, bool after_complement) const {
  NameRun run;
  run.begin = i;
  uint32_t e = i + 1;
  while (e < end) {
    if (c_.IsCapitalized(e) && !c_.tok(e).Has(kElided)) {
      ++e;
    } else if (e + 1 < end && c_.Is(e, LexKind::kNameLink) && c_.IsCapitalized(e + 1)) {
      e += 2;
    } else if (e + 2 < end && c_.Is(e, LexKind::kNameLink) &&
               c_.Is(e + 1, LexKind::kDet) && c_.IsCapitalized(e + 2)) {
      e += 3;  // "Ministry of the Interior"
    } else {
      break;
    }
  }
  run.end = e;
  run.name_begin = i;
  // "Agence internationale de l'énergie atomique", "Commission européenne":
  // where adjectives follow the noun, an organisation's name goes on in
  // lowercase after its capitalized head.
  bool org_head = false;
  for (uint32_t t = i; t < e; ++t) {
    const auto role = c_.Find(t, t + 1, LexKind::kRole);
    org_head |= role && role.entry->role_type != RoleType::kPerson;
  }
  if (org_head && !c_.lex.head_final()) {
    uint32_t x = e;
    while (x < end && x < e + 6 && c_.IsWord(x) && !c_.IsCapitalized(x) &&
           !EndsPhrase(x, i) &&
           !(c_.Is(x, LexKind::kPrep) && !c_.Is(x, LexKind::kNpPrep)) &&
           !(c_.Is(x, LexKind::kDet) && !c_.Is(x - 1, LexKind::kNpPrep))) {
      ++x;
    }
    while (x > e && (c_.Is(x - 1, LexKind::kNpPrep) || c_.Is(x - 1, LexKind::kDet))) --x;
    run.end = e = x;
  }
  for (uint32_t t = i; t < e; ++t) {
    if (const auto h = c_.Find(t, e, LexKind::kHonorific)) {
      run.name_begin = t + h.length;
      if (h.entry->gn.gender != 'x') run.gender = h.entry->gn.gender;
      continue;
    }
    if (!IsRoleWord(t)) continue;
    const LexEntry* role = c_.Find(t, t + 1, LexKind::kRole).entry;
    if (role->role_type != RoleType::kPerson) {
      run.org = true;
    } else if (!run.org) {
      run.name_begin = t + 1;  // "Prime Minister | Keir Starmer"
      if (role->gn.gender != 'x') run.gender = role->gn.gender;
    }
  }
  if (run.org) run.name_begin = i;
  while (run.name_begin < e && !c_.IsCapitalized(run.name_begin)) ++run.name_begin;
  // "le président de la Tchétchénie Ramzan Kadyrov", "ministro degli Esteri
  // Antonio Tajani": the first capitalized words complete the title.
  if (!run.org && after_complement && e - run.name_begin >= 3) run.name_begin = e - 2;
  return run;
}

Cue NpReader::CueAt(uint32_t i, uint32_t end, bool allow_infinitive) const {
  auto make = [](uint32_t b, uint32_t e, const LexEntry* verb) {
    Cue out;
    out.begin = b;
    out.end = e;
    out.verb = verb;
    return out;
  };
  Cue cue;
  if (i >= end || i >= c_.size() || !c_.IsWord(i)) return cue;
  // Verbs are lowercase inside a sentence; a capitalized token is a name.
  if (c_.tok(i).Has(kCapitalized) && c_.SentenceBegin(i) != i) return cue;
  // After a determiner, "annonce" and "report" are nouns. An elided "l'" may
  // also be an object pronoun: "Il l'affirme".
  // "It is reported that", "il est rapporté que": a passive names nobody.
  for (uint32_t b = i; b > 0 && b + 3 > i; --b) {
    if (c_.Is(b - 1, LexKind::kCopula)) return cue;
    if (!c_.Is(b - 1, LexKind::kAdverb)) break;
  }
  const auto det = i > 0 ? c_.Find(i - 1, i, LexKind::kDet) : QuoteLexicon::Match{};
  if (det && det.entry->det != DetKind::kQuantifier) {  // "others say" is a verb
    const bool clitic = c_.Is(i - 1, LexKind::kClitic) && i > 1 &&
                        (c_.Is(i - 2, LexKind::kPronoun) || c_.IsCapitalized(i - 2));
    if (!clitic) return cue;
  }
  if (auto inv = c_.Find(i, end, LexKind::kInvertedAux)) {
    const uint32_t k = SkipAdverbs(i + inv.length, end);
    if (auto p = c_.Find(k, end, LexKind::kParticiple)) {
      Cue out = make(i, k + p.length, p.entry);
      out.inverted = true;
      out.pronoun = inv.entry->gn;
      return out;
    }
  }
  if (auto aux = c_.Find(i, end, LexKind::kAux)) {
    const uint32_t k = SkipAdverbs(i + aux.length, end);
    if (auto p = c_.Find(k, end, LexKind::kParticiple))
      return make(i, k + p.length, p.entry);
  }
  GenderNumber pronoun;
  if (const LexEntry* verb = c_.lex.InvertedSimpleForm(c_.Lower(i), &pronoun)) {
    Cue out = make(i, i + 1, verb);
    out.inverted = true;
    out.pronoun = pronoun;
    return out;
  }
  if (auto simple = c_.Find(i, end, LexKind::kVerbSimple)) {
    return make(i, i + simple.length, simple.entry);
  }
  if (allow_infinitive) {
    if (auto inf = c_.Find(i, end, LexKind::kInfinitive)) {
      Cue out = make(i, i + inf.length, inf.entry);
      out.infinitive = true;
      return out;
    }
  }
  return cue;
}

// True when the lowercase word at `i` cannot continue a noun phrase that
// started at `phrase_begin`: a conjunction, an auxiliary, a verb, an adverb.
bool NpReader::EndsPhrase(uint32_t i, uint32_t phrase_begin) const {
  if (i == phrase_begin) return false;
  if (c_.Is(i, LexKind::kBoundary) || c_.Is(i, LexKind::kThat) ||
      c_.Is(i, LexKind::kCopula) || c_.Is(i, LexKind::kCoordination) ||
      c_.Is(i, LexKind::kAux) || c_.Is(i, LexKind::kInvertedAux) ||
      c_.Is(i, LexKind::kAdverb)) {
    return true;
  }
  // A speech verb ends the phrase ("Analysts | estimate that"), unless a
  // determiner or a possessive makes it a noun ("the agency's estimates").
  if (CueAt(i, i + 1).ok() && c_.Lower(i - 1) != "'s" &&
      c_.Lower(i - 1) != "\xE2\x80\x99s") {
    return true;
  }
  // "Il l'a dit": an object pronoun before a verb.
  if (c_.Is(i, LexKind::kClitic) && i + 1 < c_.size() &&
      (c_.Is(i + 1, LexKind::kAux) || CueAt(i + 1, i + 2).ok())) {
    return true;
  }
  return false;
}

Np NpReader::Right(uint32_t i, uint32_t end) const {
  end = std::min(end, c_.size());
  if (i >= end) return {};
  if (c_.Is(i, LexKind::kPronoun) && (i + 1 >= end || !c_.IsWord(i + 1) ||
                                      EndsPhrase(i + 1, i) || CueAt(i + 1, end).ok())) {
    return Analyze(i, i + 1);
  }
  bool role_seen = false;
  bool complement = false;  // after "de", "of": the complement's own words
  uint32_t k = i;
  while (k < end && k - i < kMaxPhraseTokens) {
    const Token& t = c_.tok(k);
    if (c_.InQuote(k) != c_.InQuote(i)) break;
    if (t.kind == TokenKind::kPunct) {
      // "Agency (IAEA)": an acronym in brackets stays with its name.
      if (c_.Text(k) == "(" && k > i && k + 2 < end && c_.IsCapitalized(k + 1) &&
          c_.IsPunct(k + 2, ")")) {
        k += 3;
        continue;
      }
      // The period of an honorific: "M. Bardella", "Dr. Ellis".
      if (c_.Text(k) == "." && k > i &&
          c_.Find(k - 1, k + 1, LexKind::kHonorific).length == 2) {
        ++k;
        continue;
      }
      break;
    }
    if (t.kind == TokenKind::kNumber) {
      ++k;
      continue;
    }
    if (t.kind != TokenKind::kWord) break;
    if (!c_.IsCapitalized(k)) {
      if (EndsPhrase(k, i)) break;
      // A determiner starts another phrase ("au journal | le départ"), except
      // inside a complement ("de | l'énergie") or doubled ("L'une").
      if (k > i && c_.Is(k, LexKind::kDet) && !c_.Is(k, LexKind::kNpPrep) &&
          !c_.Is(k - 1, LexKind::kNpPrep) && !c_.Is(k - 1, LexKind::kPrep) &&
          !(k == i + 1 && c_.Is(i, LexKind::kDet))) {
        break;
      }
      const bool np_prep = c_.Is(k, LexKind::kNpPrep);
      if (np_prep) {
        if (k + 1 >= end || !c_.IsWord(k + 1) || k == i) break;
        complement = true;
      } else if (role_seen && !complement && c_.lex.head_final() &&
                 !c_.Is(k, LexKind::kPrep) && !IsRoleWord(k)) {
        break;  // "My son | phoned me"
      } else if (c_.Is(k, LexKind::kPrep) &&
                 !(k == i && c_.Is(k, LexKind::kDet))) {  // "au"
        const bool place = role_seen && c_.Is(k, LexKind::kPlacePrep) && k + 1 < end &&
                           c_.IsCapitalized(k + 1);
        const bool agent = k > i && c_.Is(k, LexKind::kAgentPrep) &&
                           c_.lex.LooksLikeParticiple(c_.Lower(k - 1));
        if (!place && !agent) break;
      } else if (role_seen && !IsRoleWord(k) && c_.lex.LooksLikeParticiple(c_.Lower(k)) &&
                 k + 1 < end && c_.Is(k + 1, LexKind::kPrep) &&
                 !c_.Is(k + 1, LexKind::kAgentPrep)) {
        break;  // "un soldat russe | déployé dans la région", but "son fils aîné"
      }
    }
    if (IsRoleWord(k)) role_seen = true;
    ++k;
  }
  if (k == i) return {};
  return Analyze(i, k);
}

Np NpReader::Left(uint32_t last, uint32_t limit) const {
  if (last >= c_.size() || last < limit) return {};
  uint32_t b = last + 1;
  while (b > limit && last + 1 - b < kMaxPhraseTokens) {
    const uint32_t j = b - 1;
    const Token& t = c_.tok(j);
    if (c_.InQuote(j) != c_.InQuote(last)) break;
    if (t.kind == TokenKind::kPunct) {
      if (c_.IsPunct(j, ")") && j >= limit + 2 && c_.IsPunct(j - 2, "(")) {
        b = j - 2;
        continue;
      }
      if (c_.Text(j) == "." && j > limit &&
          c_.Find(j - 1, j + 1, LexKind::kHonorific).length == 2) {
        b = j - 1;
        continue;
      }
      break;
    }
    if (t.kind == TokenKind::kNumber) {
      b = j;
      continue;
    }
    if (t.kind != TokenKind::kWord) break;
    if (!c_.IsCapitalized(j) || j == c_.SentenceBegin(j)) {
      if (c_.Is(j, LexKind::kDet)) {
        b = j;
        if (j > limit && c_.Is(j - 1, LexKind::kDet)) b = j - 1;  // "L'une"
        // A determiner inside a prepositional phrase of the noun phrase:
        // "un soldat déployé dans | la région", "la présidente de | l'institution".
        const uint32_t d = b;
        if (d >= limit + 2 &&
            (c_.Is(d - 1, LexKind::kNpPrep) || c_.Is(d - 1, LexKind::kPrep)) &&
            c_.IsWord(d - 2) && !c_.IsFunctionWord(d - 2) && !CueAt(d - 2, d - 1).ok()) {
          b = d - 1;
          continue;
        }
        break;
      }
      if (j != c_.SentenceBegin(j) || !c_.IsCapitalized(j)) {
        if (c_.Is(j, LexKind::kNpPrep) || c_.Is(j, LexKind::kPrep)) {
          if (j > limit && c_.IsWord(j - 1) && !c_.Is(j - 1, LexKind::kBoundary) &&
              !c_.Is(j - 1, LexKind::kPrep) && !c_.Is(j - 1, LexKind::kAux) &&
              !CueAt(j - 1, j).ok()) {
            b = j;
            continue;
          }
          break;
        }
        if (c_.Is(j, LexKind::kBoundary) || c_.Is(j, LexKind::kThat) ||
            c_.Is(j, LexKind::kCoordination) || c_.Is(j, LexKind::kAux) ||
            c_.Is(j, LexKind::kAdverb) || c_.Is(j, LexKind::kCopula)) {
          break;
        }
        if (!IsRoleWord(j) && !c_.Is(j, LexKind::kDocNoun) && CueAt(j, j + 1).ok()) break;
        if (c_.Is(j, LexKind::kClitic) && !c_.Is(j, LexKind::kPronoun)) break;
      }
    }
    b = j;
  }
  if (b > last) return {};
  return Right(b, last + 1);
}

Np NpReader::Analyze(uint32_t begin, uint32_t end) const {
  Np np;
  np.begin = begin;
  np.end = end;
  if (begin >= end) return np;
  if (end - begin == 1 && c_.Is(begin, LexKind::kPronoun)) {
    const auto m = c_.Find(begin, end, LexKind::kPronoun);
    np.kind = NpKind::kPronoun;
    np.pronoun = m.entry;
    np.gn = m.entry->gn;
    return np;
  }
  uint32_t k = begin;
  if (auto h = c_.Find(k, end, LexKind::kHonorific)) {
    np.honorific = true;
    np.gn.gender = h.entry->gn.gender;
    k += h.length;
  }
  if (auto d = c_.Find(k, end, LexKind::kDet)) {
    np.has_det = true;
    np.det = d.entry->det;
    if (d.entry->gn.gender != 'x') np.gn.gender = d.entry->gn.gender;
    if (d.entry->gn.number == 'p') np.gn.number = 'p';
    k += d.length;
  }
  // Role head: the first role noun.
  for (uint32_t i = k; i < end; ++i) {
    if (IsRoleWord(i)) {
      np.role_token = i;
      np.role = c_.Find(i, i + 1, LexKind::kRole).entry;
      if (np.role->gn.gender != 'x') np.gn.gender = np.role->gn.gender;
      np.gn.number = np.role->gn.number;
      break;
    }
  }
  // Name runs: capitalized words joined by "de", "of", "l'".
  NameRun runs[8];
  int run_count = 0;
  for (uint32_t i = k; i < end && run_count < 8;) {
    if (!StartsName(i)) {
      ++i;
      continue;
    }
    runs[run_count] = ReadNameRun(i, end, FollowsTitleComplement(i, k));
    i = runs[run_count++].end;
  }
  // The name is the last run that neither modifies what follows it
  // ("Kremlin spokesman", "Lomov's colleague") nor completes a noun with a
  // preposition ("une mère de famille d'Argoun", "X from the Institute of
  // Political Studies"), except a long run after a person's title, which
  // ends with the person's names ("le président de la Tchétchénie Ramzan Kadyrov").
  int chosen = -1;
  int complement_run = -1;
  for (int r = run_count - 1; r >= 0; --r) {
    const NameRun& run = runs[r];
    bool before_role = np.role_token != kNoToken && np.role_token >= run.end;
    for (uint32_t t = run.end; before_role && t < np.role_token; ++t) {
      before_role = c_.IsWord(t) && !c_.IsCapitalized(t) && !c_.IsFunctionWord(t);
    }
    const bool modifier =
        before_role || (run.end < end && (c_.Lower(run.end) == "'s" ||
                                          c_.Lower(run.end) == "\xE2\x80\x99s"));
    uint32_t before = run.begin;
    while (before > k && c_.Is(before - 1, LexKind::kDet)) --before;
    const bool complement = before > k && (c_.Is(before - 1, LexKind::kNpPrep) ||
                                           c_.Is(before - 1, LexKind::kPlacePrep) ||
                                           c_.Is(before - 1, LexKind::kPrep));
    if (modifier && (r < run_count - 1 || before_role)) continue;
    if (complement) {
      bool linked = false;
      for (uint32_t t = run.begin; t < run.end; ++t)
        linked |= c_.Is(t, LexKind::kNameLink);
      const bool titled_person =
          np.role != nullptr && np.role->role_type == RoleType::kPerson &&
          np.role_token < run.begin && !linked && run.end - run.begin >= 3;
      if (!titled_person) {
        if (complement_run < 0) complement_run = r;
        continue;
      }
    }
    chosen = r;
    break;
  }
  // An organisation named by its role noun and a complement: "ministère de
  // l'Intérieur", "ministero delle Infrastrutture", "Banque d'Espagne".
  if (chosen < 0 && complement_run >= 0 && np.role != nullptr &&
      np.role->role_type != RoleType::kPerson &&
      np.role_token < runs[complement_run].begin) {
    np.kind = NpKind::kName;
    np.name_begin = np.role_token;
    np.name_end = runs[complement_run].end;
    np.org_name = true;
    return np;
  }
  if (chosen >= 0) {
    const NameRun& run = runs[chosen];
    bool org = run.org;
    uint32_t name_begin = run.name_begin;
    if (np.gn.gender == 'x') np.gn.gender = run.gender;
    if (name_begin < run.end) {
      np.kind = NpKind::kName;
      np.name_begin = name_begin;
      np.name_end = run.end;
      np.org_name = org;
      return np;
    }
  }
  if (np.role != nullptr) {
    np.kind = NpKind::kRole;
  } else if (np.has_det || np.honorific) {
    np.kind = NpKind::kOther;
  }
  return np;
}

Np NpReader::ClauseFirst(uint32_t begin, uint32_t end) const {
  uint32_t k = begin;
  for (int hops = 0; hops < 3 && k < end && StartsAdverbial(k); ++hops) {
    uint32_t c = k;
    while (c < end && !(c_.IsComma(c) && !c_.InQuote(c))) ++c;
    if (c >= end) break;
    k = c + 1;
  }
  Np np = Right(k, end);
  if ((np.kind == NpKind::kRole || np.kind == NpKind::kOther) && np.end + 1 < end &&
      c_.IsComma(np.end) && c_.IsCapitalized(np.end + 1)) {
    const Np name = Right(np.end + 1, end);
    if (name.kind == NpKind::kName && name.end < end && c_.IsComma(name.end)) return name;
  }
  return np;
}

Np NpReader::Apposition(uint32_t comma, uint32_t limit, int hops) const {
  const uint32_t k = PreviousComma(comma, limit);
  if (k == kNoToken) return comma > limit ? Left(comma - 1, limit) : Np{};
  // The parenthetical between the two commas.
  Np named;
  Np role;
  if (k + 1 < comma) {
    if (c_.IsCapitalized(k + 1) && !c_.IsFunctionWord(k + 1)) {
      Np a = Right(k + 1, comma);
      if (a.kind == NpKind::kName && a.end == comma) named = a;
    } else if (c_.Is(k + 1, LexKind::kDet) || IsRoleWord(k + 1)) {
      Np r = Right(k + 1, comma);
      if (r.kind == NpKind::kRole) role = r;
    }
  }
  if (named.ok()) return named;
  Np before;
  if (k > limit && !c_.IsComma(k - 1)) before = Left(k - 1, limit);
  // The phrase before is itself a parenthetical ("X, en conflit avec le
  // parti, le Rêve géorgien, a écrit"): hop over it.
  if ((!before.ok() || before.kind == NpKind::kOther) && hops > 1 &&
      PreviousComma(k, limit) != kNoToken) {
    const Np further = Apposition(k, limit, hops - 1);
    if (Better(further, before)) before = further;
  }
  if (before.kind == NpKind::kName) return before;
  // "Her neighbour, a retired teacher, said": the indefinite role says more.
  if (role.ok() && role.has_det && role.det == DetKind::kIndefinite &&
      (before.kind != NpKind::kRole || before.det != DetKind::kIndefinite)) {
    return role;
  }
  if (before.ok()) return before;
  return role;
}

Np NpReader::Subject(uint32_t cue_begin, uint32_t limit, bool infinitive) const {
  if (cue_begin == 0 || cue_begin <= limit) return {};
  int64_t j = static_cast<int64_t>(cue_begin) - 1;
  // Adverbs and, right before the verb, object pronouns ("Il l'a annoncé").
  auto skippable = [&](uint32_t i) {
    return c_.Is(i, LexKind::kAdverb) || c_.Is(i, LexKind::kClitic);
  };
  while (j >= limit && skippable(static_cast<uint32_t>(j))) --j;
  if (infinitive) {
    if (j >= limit && (c_.Is(static_cast<uint32_t>(j), LexKind::kNpPrep) ||
                       c_.Is(static_cast<uint32_t>(j), LexKind::kPrep))) {
      --j;
    }
    for (int n = 0; n < kMaxVerbChain && j >= limit; ++n) {
      const uint32_t u = static_cast<uint32_t>(j);
      if (!c_.IsWord(u) || c_.IsCapitalized(u) || c_.Is(u, LexKind::kDet) ||
          IsRoleWord(u) || c_.Is(u, LexKind::kPronoun) || c_.Is(u, LexKind::kBoundary)) {
        break;
      }
      --j;
    }
  }
  if (j < limit) return {};
  const uint32_t u = static_cast<uint32_t>(j);
  if (c_.Is(u, LexKind::kCoordination)) return ClauseFirst(limit, u);
  // "le média russe Vyorstka, qui a rapporté que": the phrase before "qui".
  if (c_.Is(u, LexKind::kRelative)) {
    if (u > limit && c_.IsComma(u - 1)) return u - 1 > limit ? Left(u - 2, limit) : Np{};
    return u > limit ? Left(u - 1, limit) : Np{};
  }
  // "..., insisting: “...”", "..., affirmant que": the main clause's subject.
  if (c_.IsComma(u) && c_.lex.LooksLikeGerund(c_.Lower(cue_begin)))
    return ClauseFirst(limit, u);
  if (c_.IsComma(u)) return Apposition(u, limit, 3);
  Np np = Left(u, limit);
  if (np.kind == NpKind::kNone || np.kind == NpKind::kOther) {
    Np first = ClauseFirst(limit, cue_begin);
    if (Better(first, np) && first.end <= cue_begin) return first;
  }
  return np;
}

}  // namespace veille
