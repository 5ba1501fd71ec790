#include "extract/entity_recognizer.h"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "extract/name_key.h"
#include "util/utf8.h"

namespace veille {
namespace {

using WC = EntityTables::WordClass;

enum class Source : uint8_t { kTable, kInstitution, kGeneric };

// Cue flags found around a mention.
enum Cue : uint16_t {
  kCuePerson = 1 << 0,
  kCuePlace = 1 << 1,
  kCueWeakPlace = 1 << 2,
  kCueOrg = 1 << 3,
  kCueGroup = 1 << 4,
  kCueRegion = 1 << 5,
  kCueCity = 1 << 6,
  kCueByline = 1 << 7,
};

constexpr int kMaxCandidates = 8;

struct Mention {
  uint32_t first = 0;  // pieces [first, last)
  uint32_t last = 0;
  Source source = Source::kTable;
  uint16_t cues = 0;
  std::array<Alias, kMaxCandidates> candidates;
  int candidate_count = 0;
  // Institution mentions: kind, and the country named inside or before it.
  int32_t institution = -1;
  std::string country;
  int32_t possessive_piece = -1;  // "Ukraine's Energy Ministry": the piece of "Ukraine"
  // Generic mentions.
  EntityType type = EntityType::kPerson;
  bool typed = false;
  // Result.
  int32_t entry = -1;  // resolved table entry
  std::string id;      // for entries made up here (unknown names, institutions)
  std::string name;
  EntityType out_type = EntityType::kPerson;
  bool demonym = false;
  bool dropped = false;
};

// Piece flags computed once per article.
enum PieceFlag : uint8_t {
  kSentenceStart = 1 << 0,  // first word of a sentence, or right after an opening quote or colon
  kHeadline = 1 << 1,       // inside a headline-case line
  kLineStart = 1 << 2,
  kCapsLine = 1 << 3,  // inside a line written in capitals
};

class EntityPass {
 public:
  EntityPass(const EntityTables& t, const WordLexicon& lexicon, const Document& doc, Analysis* out)
      : t_(t), lexicon_(lexicon), doc_(doc), out_(out) {}

  void Go() {
    BuildPieces(doc_, &pieces_, &scratch_);
    if (pieces_.empty()) return;
    lang_ = WordLexicon::LanguageIndex(doc_.language);
    en_ = WordLexicon::LanguageIndex("en");
    MarkPieces();
    covered_.assign(pieces_.size(), -1);
    FindMinistries();
    FindTableMatches();
    FindGenericNames();
    Cover();
    FindCues();
    ResolveTableMentions();
    ResolveInstitutions();
    ResolveGenericMentions();
    Emit();
    Summarize();
  }

 private:
  // ---- pieces -------------------------------------------------------------

  std::string_view PieceText(uint32_t i) const {
    return doc_.text.substr(pieces_[i].start, pieces_[i].end - pieces_[i].start);
  }
  uint32_t Classes(uint32_t i) const { return t_.WordClasses(pieces_[i].hash); }
  bool Is(uint32_t i, uint32_t cls) const { return i < pieces_.size() && (Classes(i) & cls); }
  const Token& TokenOf(uint32_t i) const { return doc_.tokens[pieces_[i].token]; }
  bool NewlineBefore(uint32_t i) const {
    return !pieces_[i].hyphen && TokenOf(i).Has(kNewlineBefore);
  }
  bool IsPunct(uint32_t i, std::string_view what) const {
    return i < pieces_.size() && !pieces_[i].word && PieceText(i) == what;
  }

  // Classes of the phrase of `n` pieces starting at i.
  uint32_t PhraseClassesAt(uint32_t i, int n) const {
    if (n == 1) return Classes(i);
    if (i + n > pieces_.size()) return 0;
    uint64_t h = EntityTables::Start();
    for (int k = 0; k < n; ++k) {
      h = EntityTables::Extend(h, pieces_[i + k].hash, k > 0 && pieces_[i + k].hyphen);
    }
    return t_.PhraseClasses(h);
  }

  // Length of the longest phrase of class `cls` ending right before piece
  // `end` (0 if none).
  int PhraseEndingAt(uint32_t end, uint32_t cls) const {
    for (int n = std::min<int>(t_.max_phrase_words(), static_cast<int>(end)); n >= 1; --n) {
      if (PhraseClassesAt(end - n, n) & cls) return n;
    }
    return 0;
  }
  // Length of the longest phrase of class `cls` starting at piece `begin`.
  int PhraseStartingAt(uint32_t begin, uint32_t cls) const {
    const int room = static_cast<int>(pieces_.size() - begin);
    for (int n = std::min(t_.max_phrase_words(), room); n >= 1; --n) {
      if (PhraseClassesAt(begin, n) & cls) return n;
    }
    return 0;
  }

  // True when the word is an ordinary word of the article's language (or of
  // English) or a function word: then a capital only marks a sentence start.
  bool IsCommonWord(uint32_t i) {
    scratch_.clear();
    utf8::AppendLower(PieceText(i), &scratch_);
    for (int lang : {lang_, en_}) {
      if (lang == WordLexicon::kNone) continue;
      if (lexicon_.FunctionWeight(lang, scratch_) > 0 || lexicon_.InDictionary(lang, scratch_)) {
        return true;
      }
    }
    return false;
  }

  bool IsFunctionWord(uint32_t i) {
    if (lang_ == WordLexicon::kNone) return false;
    scratch_.clear();
    utf8::AppendLower(PieceText(i), &scratch_);
    return lexicon_.FunctionWeight(lang_, scratch_) > 0;
  }

  void MarkPieces() {
    flags_.assign(pieces_.size(), 0);
    sentence_.assign(pieces_.size(), 0);
    paragraph_.assign(pieces_.size(), 0);
    // Sentences and paragraphs by token.
    std::vector<uint32_t> token_sentence(doc_.tokens.size(), 0);
    for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
      const SentenceRange& r = doc_.sentences[s];
      for (uint32_t t = r.first_token; t < r.end_token && t < token_sentence.size(); ++t) {
        token_sentence[t] = s;
      }
    }
    uint32_t paragraph = 0;
    for (uint32_t i = 0; i < pieces_.size(); ++i) {
      const uint32_t t = pieces_[i].token;
      sentence_[i] = token_sentence[t];
      while (paragraph + 1 < doc_.paragraphs.size() &&
             doc_.paragraphs[paragraph].end <= pieces_[i].start) {
        ++paragraph;
      }
      paragraph_[i] = paragraph;
    }
    // Sentence starts: the first word of a sentence or of a line, and a word
    // right after an opening quote, a colon or a dash.
    bool expect_start = true;
    uint32_t last_sentence = UINT32_MAX;
    for (uint32_t i = 0; i < pieces_.size(); ++i) {
      if (sentence_[i] != last_sentence || NewlineBefore(i)) {
        expect_start = true;
        last_sentence = sentence_[i];
      }
      if (NewlineBefore(i) || i == 0) flags_[i] |= kLineStart;
      if (pieces_[i].word) {
        if (expect_start && !pieces_[i].hyphen) flags_[i] |= kSentenceStart;
        expect_start = false;
      } else if (!pieces_[i].hyphen) {
        const std::string_view p = PieceText(i);
        size_t len = 0;
        const char32_t c = utf8::Decode(p, 0, &len);
        if (c == 0xAB || c == 0x201C || c == 0x201E || c == 0x2018 || c == '"' || c == ':' ||
            c == 0x2014 || c == 0x2013 || c == '(' || c == '[' || c == '\'') {
          expect_start = true;
        }
      }
    }
    // Headline-case and all-capitals lines.
    uint32_t line_begin = 0;
    for (uint32_t i = 1; i <= pieces_.size(); ++i) {
      if (i < pieces_.size() && !(flags_[i] & kLineStart)) continue;
      int words = 0, capitalized = 0, caps = 0;
      for (uint32_t k = line_begin; k < i; ++k) {
        if (!pieces_[k].word || pieces_[k].hyphen) continue;
        ++words;
        capitalized += pieces_[k].upper;
        caps += pieces_[k].caps && PieceText(k).size() > 1;
      }
      const bool headline = words >= 4 && capitalized * 10 >= words * 7;
      const bool caps_line = words >= 1 && caps == words;
      if (headline || caps_line) {
        for (uint32_t k = line_begin; k < i; ++k) {
          flags_[k] |= (headline ? kHeadline : 0) | (caps_line ? kCapsLine : 0);
        }
      }
      line_begin = i;
    }
  }

  // ---- table matches ------------------------------------------------------

  bool CaseOk(const Alias& a, uint32_t i) const {
    for (uint32_t k = 0; k < a.words; ++k) {
      const Piece& p = pieces_[i + k];
      const bool caps_line = flags_[i + k] & kCapsLine;
      if ((a.caps_mask >> k) & 1) {
        if (!p.caps) return false;
      } else if ((a.upper_mask >> k) & 1) {
        if (!p.upper) return false;
      } else if (p.caps && p.word && !caps_line && PieceText(i + k).size() > 1 &&
                 !(flags_[i + k] & kHeadline)) {
        // A lowercase alias word written in capitals is an acronym, not it.
        return false;
      }
    }
    return true;
  }

  bool ContextOk(const Alias& a, uint32_t i) const {
    if (a.before < 0) return true;
    if (i == 0) return false;
    const auto& words = t_.contexts(a.before);
    return std::find(words.begin(), words.end(), pieces_[i - 1].hash) != words.end();
  }

  // Longest alias match starting at piece i: fills `m` and returns its end.
  uint32_t MatchAt(uint32_t i, Mention* m) const {
    uint64_t h = EntityTables::Start();
    uint32_t best_end = 0;
    for (uint32_t j = i; j < pieces_.size() && j < i + 31; ++j) {
      if (j > i && NewlineBefore(j)) break;
      h = EntityTables::Extend(h, pieces_[j].hash, j > i && pieces_[j].hyphen);
      if (const std::vector<Alias>* list = t_.Find(h)) {
        int count = 0;
        std::array<Alias, kMaxCandidates> found;
        for (const Alias& a : *list) {
          if (a.words != j - i + 1 || !CaseOk(a, i) || !ContextOk(a, i)) continue;
          if (count < kMaxCandidates) found[count++] = a;
        }
        // A match may end inside a hyphenated word only before a lowercase
        // part ("Kremlin-backed"), not inside a compound name ("Ust-Luga").
        const bool cut_inside = j + 1 < pieces_.size() && pieces_[j + 1].hyphen &&
                                pieces_[j + 1].upper && pieces_[j + 1].word;
        if (count > 0 && !cut_inside) {
          best_end = j + 1;
          m->candidates = found;
          m->candidate_count = count;
        }
      }
      if (!t_.IsPrefix(h)) break;
    }
    return best_end;
  }

  // "prorusse", "antirusse": a demonym glued to a prefix.
  uint32_t MatchGluedDemonym(uint32_t i, Mention* m) {
    if (!pieces_[i].word || pieces_[i].upper) return 0;
    scratch_.clear();
    AppendMatchForm(PieceText(i), &scratch_);
    const std::string form = scratch_;
    for (size_t n = 3; n <= 4 && n + 3 < form.size(); ++n) {
      if (!(t_.WordClasses(EntityTables::WordHash(form.substr(0, n))) & WC::kGluedPrefix)) continue;
      const uint64_t h = EntityTables::Extend(EntityTables::Start(),
                                              EntityTables::WordHash(form.substr(n)), false);
      const std::vector<Alias>* list = t_.Find(h);
      if (list == nullptr) continue;
      for (const Alias& a : *list) {
        if (a.words == 1 && (a.flags & kAliasDemonym) && m->candidate_count < kMaxCandidates) {
          m->candidates[m->candidate_count++] = a;
        }
      }
      if (m->candidate_count > 0) return i + 1;
    }
    return 0;
  }

  void FindTableMatches() {
    // The longest match at every start, then the leftmost-longest cover.
    for (uint32_t i = 0; i < pieces_.size(); ++i) {
      if (!pieces_[i].word) continue;
      // A name does not start inside a capitalized compound ("Ust-Luga").
      if (pieces_[i].hyphen && i > 0 && pieces_[i - 1].upper) continue;
      Mention m;
      uint32_t end = MatchAt(i, &m);
      if (end == 0) end = MatchGluedDemonym(i, &m);
      if (end == 0) continue;
      // "По его словам", "Le": a function word starting a sentence is not a name.
      if (end == i + 1 && (flags_[i] & (kSentenceStart | kLineStart)) && !pieces_[i].caps &&
          IsFunctionWord(i)) {
        continue;
      }
      // "East Shield", "Nord": a word that is never a name alone.
      if (end == i + 1 && (Classes(i) & WC::kNotName)) continue;
      m.first = i;
      m.last = end;
      // Regions named explicitly anywhere, even inside a longer name
      // ("Legislative Duma of Khabarovsk Krai"), decide bare names later.
      for (int c = 0; c < m.candidate_count; ++c) {
        const Alias& a = m.candidates[c];
        if (!(a.flags & (kAliasRegionBase | kAliasInstitution | kAliasDemonym)) &&
            t_.entry(a.target).place_kind == PlaceKind::kRegion && m.candidate_count == 1) {
          explicit_regions_.insert(a.target);
        }
      }
      table_.push_back(std::move(m));
    }
  }

  // ---- ministries ---------------------------------------------------------

  // A demonym alias covering exactly piece i: its place's country.
  std::string DemonymCountry(uint32_t i) const {
    if (i >= pieces_.size()) return "";
    const uint64_t h = EntityTables::Extend(EntityTables::Start(), pieces_[i].hash, false);
    const std::vector<Alias>* list = t_.Find(h);
    if (list == nullptr) return "";
    for (const Alias& a : *list) {
      if (a.words != 1 || !CaseOk(a, i)) continue;
      const EntityEntry& e = t_.entry(a.target);
      if (e.type != EntityType::kPlace) continue;
      if ((a.flags & kAliasDemonym) || (e.place_kind == PlaceKind::kCountry && pieces_[i].caps)) {
        return e.country;
      }
    }
    return "";
  }

  // Portfolio phrase at i: its length and name.
  int PortfolioAt(uint32_t i, const std::string** portfolio) const {
    if (i >= pieces_.size() || !(Classes(i) & WC::kPortfolio)) return 0;
    const int room = static_cast<int>(pieces_.size() - i);
    for (int n = std::min(4, room); n >= 1; --n) {
      uint64_t h = EntityTables::Start();
      for (int k = 0; k < n; ++k) {
        h = EntityTables::Extend(h, pieces_[i + k].hash, k > 0 && pieces_[i + k].hyphen);
      }
      if (const std::string* p = t_.Portfolio(h)) {
        *portfolio = p;
        return n;
      }
    }
    return 0;
  }

  uint32_t SkipLinks(uint32_t j) const {
    while (j < pieces_.size() && (Is(j, WC::kMinistryLink) || Is(j, WC::kLink))) ++j;
    return j;
  }

  void AddMinistry(uint32_t first, uint32_t last, const std::string& portfolio,
                   std::string country) {
    const int32_t kind = t_.MinistryKind(portfolio);
    if (kind < 0) return;
    Mention m;
    m.first = first;
    m.last = last;
    m.source = Source::kInstitution;
    m.institution = kind;
    m.country = std::move(country);
    if (first >= 2 && !pieces_[first - 1].word && (PieceText(first - 1) == "'s" ||
                                                  PieceText(first - 1) == "\xE2\x80\x99s")) {
      m.possessive_piece = static_cast<int32_t>(first - 2);
    }
    ministries_.push_back(std::move(m));
  }

  void FindMinistries() {
    for (uint32_t i = 0; i < pieces_.size(); ++i) {
      if (!pieces_[i].word) continue;
      const std::string* portfolio = nullptr;
      if (Is(i, WC::kMinistryHead)) {
        // ministère [ukrainien] de l'Énergie [ukrainien]; Ministry of [the] Interior
        uint32_t j = i + 1;
        std::string country = DemonymCountry(j);
        if (!country.empty()) ++j;
        const uint32_t links = SkipLinks(j);
        if (links == j) continue;
        const int n = PortfolioAt(links, &portfolio);
        if (n == 0) continue;
        // English needs "Ministry" capitalized: "the ministry of energy" is generic.
        const bool english_head = (PieceText(i) == "Ministry" || PieceText(i) == "ministry");
        if (english_head && !pieces_[i].upper) continue;
        j = links + n;
        // "... et des Affaires étrangères"
        if (Is(j, WC::kCoordinator)) {
          const std::string* second = nullptr;
          const uint32_t k = SkipLinks(j + 1);
          const int n2 = PortfolioAt(k, &second);
          if (n2 > 0) j = k + n2;
        }
        if (country.empty()) {
          country = DemonymCountry(j);
          if (!country.empty()) ++j;
        }
        uint32_t first = i;
        if (i > 0 && pieces_[i].upper) {
          const std::string before = DemonymCountry(i - 1);
          if (!before.empty() && pieces_[i - 1].upper) {
            first = i - 1;
            if (country.empty()) country = before;
          }
        }
        AddMinistry(first, j, *portfolio, country);
        i = j - 1;
        continue;
      }
      // [British] Defence Ministry
      const int n = PortfolioAt(i, &portfolio);
      if (n > 0 && pieces_[i].upper && Is(i + n, WC::kMinistryHead) && pieces_[i + n].upper) {
        uint32_t first = i;
        std::string country;
        if (i > 0) country = DemonymCountry(i - 1);
        if (!country.empty() && pieces_[i - 1].upper) first = i - 1;
        AddMinistry(first, i + n + 1, *portfolio, country);
        i += n;
      }
    }
  }

  // ---- generic names --------------------------------------------------------

  bool IsNameWord(uint32_t i) const {
    const Piece& p = pieces_[i];
    return p.word && p.upper && !(p.caps && PieceText(i).size() > 1 && !(flags_[i] & kHeadline));
  }

  // Capitalized runs not covered by a table match, typed by their context.
  void FindGenericNames() {
    std::vector<int8_t> taken(pieces_.size(), 0);
    std::vector<int32_t> demonym_at(pieces_.size(), -1);
    std::vector<int32_t> single_at(pieces_.size(), -1);
    std::vector<int32_t> starting_at(pieces_.size(), -1);
    for (size_t index = 0; index < table_.size(); ++index) {
      starting_at[table_[index].first] = static_cast<int32_t>(index);
    }
    for (size_t index = 0; index < table_.size(); ++index) {
      const Mention& m = table_[index];
      for (uint32_t k = m.first; k < m.last; ++k) taken[k] = 1;
      bool demonym = m.last == m.first + 1 && pieces_[m.first].upper && m.candidate_count > 0;
      for (int c = 0; c < m.candidate_count; ++c) {
        demonym &= (m.candidates[c].flags & kAliasDemonym) != 0;
      }
      if (demonym) demonym_at[m.first] = static_cast<int32_t>(index);
      if (m.last == m.first + 1) single_at[m.first] = static_cast<int32_t>(index);
    }
    for (const Mention& m : ministries_) {
      for (uint32_t k = m.first; k < m.last; ++k) taken[k] = 1;
    }
    uint32_t i = 0;
    while (i < pieces_.size()) {
      // "Cher Vladimir Vladimirovitch", "Jordan Smith": a given name that
      // is also a place starts a person's name when a name word follows.
      if (taken[i] && demonym_at[i] < 0 && single_at[i] >= 0 && (Classes(i) & WC::kGivenName) &&
          i + 1 < pieces_.size() && !taken[i + 1] && IsNameWord(i + 1) && !NewlineBefore(i + 1) &&
          !IsCommonWord(i + 1)) {
        table_[single_at[i]].dropped = true;
        taken[i] = 0;
      }
      if (taken[i] || !IsNameWord(i) || pieces_[i].hyphen) {
        ++i;
        continue;
      }
      // The run: name words of whole tokens, with particles between them.
      uint32_t end = i;
      bool org = false;
      while (end < pieces_.size()) {
        if (end > i && (Classes(end - 1) & WC::kOrgHead)) org = true;
        // Organizations continue over "of", "for", "de": "Institute of
        // Political Studies", "University of Leeds" (a place inside is theirs).
        if (org && end > i && (Classes(end) & (WC::kLink | WC::kParticle | WC::kMinistryLink)) &&
            !pieces_[end].upper && end + 1 < pieces_.size() && !NewlineBefore(end + 1) &&
            sentence_[end + 1] == sentence_[i]) {
          uint32_t next = end + 1;
          if (Is(next, WC::kLink) && !pieces_[next].upper) ++next;  // "of the"
          if (next < pieces_.size() && pieces_[next].upper && pieces_[next].word) {
            if (taken[next] && starting_at[next] >= 0) {
              Mention& inner = table_[starting_at[next]];
              bool place = inner.candidate_count > 0;
              for (int c = 0; c < inner.candidate_count; ++c) {
                place &= t_.entry(inner.candidates[c].target).type == EntityType::kPlace;
              }
              if (place && inner.first == next) {
                inner.dropped = true;
                for (uint32_t k = inner.first; k < inner.last; ++k) taken[k] = 0;
              }
            }
            if (!taken[next]) {
              end = next;
              continue;
            }
          }
        }
        if (end > i && NewlineBefore(end)) break;
        if (end > i && sentence_[end] != sentence_[i]) break;
        // "Pavlove Pole": a capitalized demonym noun right after an unknown
        // name word belongs to that name, not to Poland.
        if (taken[end] && end > i && demonym_at[end] >= 0 && !pieces_[end].hyphen &&
            !IsCommonWord(end - 1)) {
          table_[demonym_at[end]].dropped = true;
          taken[end] = 0;
        }
        if (taken[end]) break;
        if (IsNameWord(end) || (pieces_[end].hyphen && end > i)) {
          if (end > i && !pieces_[end].hyphen && (Classes(end) & WC::kNotName)) break;
          ++end;
          continue;
        }
        // particles inside a name: "Ursula von der Leyen", "Ibn Saud"
        uint32_t k = end;
        while (k < pieces_.size() && k - end < 3 && !pieces_[k].upper && pieces_[k].word &&
               (Classes(k) & WC::kParticle) && !taken[k]) {
          ++k;
        }
        if (k > end && k < pieces_.size() && IsNameWord(k) && !taken[k] &&
            !(Classes(k) & WC::kNotName) && sentence_[k] == sentence_[i]) {
          end = k;
          continue;
        }
        break;
      }
      // Do not end inside a hyphenated token whose rest is taken.
      while (end > i && end < pieces_.size() && pieces_[end].hyphen) --end;
      if (end > i) AddGeneric(i, end);
      i = std::max(end, i + 1);
    }
  }

  void AddGeneric(uint32_t first, uint32_t last) {
    uint16_t cues = 0;
    // Leading honorifics, titles and section words are not part of the name.
    while (first < last) {
      const int title = PhraseStartingAt(first, WC::kHonorific | WC::kTitle);
      if (title > 0) {
        if (first + title >= last) return;  // only an honorific or a title: "M."
        cues |= kCuePerson;
        first += title;
        // "M." : the period is a separate token
        while (first < last && !pieces_[first].word) ++first;
        continue;
      }
      const uint32_t cls = Classes(first);
      if (cls & WC::kNotName) {
        const int n = std::max(1, PhraseStartingAt(first, WC::kNotName));
        first += n;
        continue;
      }
      const bool starts = flags_[first] & (kSentenceStart | kHeadline | kLineStart);
      if ((starts || (cls & WC::kParticle)) && !(cls & WC::kGivenName) && IsCommonWord(first)) {
        ++first;
        cues = 0;
        continue;
      }
      break;
    }
    // Split at inner section words ("March", "Monday") and skip hyphen remnants.
    for (uint32_t k = first + 1; k < last; ++k) {
      if (!pieces_[k].hyphen && (Classes(k) & WC::kNotName)) {
        last = k;
        break;
      }
    }
    while (first < last && (pieces_[first].hyphen || !pieces_[first].word)) ++first;
    // Trailing particles are not part of a name.
    while (last > first && !pieces_[last - 1].upper) --last;
    if (first >= last) return;
    // "General Staff", "Secretary General Office": a title before an
    // ordinary word is part of a common noun phrase, not a person's name.
    if ((cues & kCuePerson) && last == first + 1 && !(Classes(first) & WC::kGivenName) &&
        IsCommonWord(first)) {
      return;
    }
    Mention m;
    m.first = first;
    m.last = last;
    m.source = Source::kGeneric;
    m.cues = cues;
    generic_.push_back(std::move(m));
  }

  // ---- cover: choose non-overlapping mentions -------------------------------

  void Cover() {
    // Ministries first, then the leftmost-longest table matches, then generic
    // names; a generic name that contains an organization head swallows the
    // place inside it ("University of Leeds").
    std::vector<Mention*> all;
    for (Mention& m : ministries_) all.push_back(&m);
    std::vector<Mention*> table;
    for (Mention& m : table_) table.push_back(&m);
    std::stable_sort(table.begin(), table.end(), [](const Mention* a, const Mention* b) {
      if (a->first != b->first) return a->first < b->first;
      return a->last > b->last;
    });
    for (Mention* m : table) all.push_back(m);
    for (Mention& m : generic_) all.push_back(&m);
    for (Mention* m : all) {
      if (m->dropped) continue;
      bool free = true;
      for (uint32_t k = m->first; k < m->last; ++k) free &= covered_[k] < 0;
      if (!free) {
        m->dropped = true;
        continue;
      }
      const int32_t index = static_cast<int32_t>(mentions_.size());
      for (uint32_t k = m->first; k < m->last; ++k) covered_[k] = index;
      mentions_.push_back(m);
    }
    std::sort(mentions_.begin(), mentions_.end(),
              [](const Mention* a, const Mention* b) { return a->first < b->first; });
    for (size_t i = 0; i < mentions_.size(); ++i) {
      for (uint32_t k = mentions_[i]->first; k < mentions_[i]->last; ++k) {
        covered_[k] = static_cast<int32_t>(i);
      }
    }
  }

  // ---- cues ---------------------------------------------------------------

  bool MentionIsPlace(int32_t index) const {
    if (index < 0) return false;
    const Mention* m = mentions_[index];
    if (m->source == Source::kGeneric) return false;
    for (int c = 0; c < m->candidate_count; ++c) {
      if (t_.entry(m->candidates[c].target).type == EntityType::kPlace) return true;
    }
    return false;
  }

  // Walks back from piece `from` over links, commas, coordinators and other
  // place names; returns the class bits of the first other word.
  uint32_t ListCueBefore(uint32_t first) const {
    int32_t j = static_cast<int32_t>(first) - 1;
    for (int steps = 0; j >= 0 && steps < 12; ++steps) {
      if (covered_[j] >= 0 && MentionIsPlace(covered_[j]) && covered_[j] != covered_[first]) {
        j = static_cast<int32_t>(mentions_[covered_[j]]->first) - 1;
        continue;
      }
      const uint32_t cls = Classes(j);
      if (cls & (WC::kRegionWord | WC::kCityWord)) return cls;
      if ((cls & (WC::kLink | WC::kCoordinator)) || IsPunct(j, ",")) {
        --j;
        continue;
      }
      return 0;
    }
    return 0;
  }

  uint32_t ListCueAfter(uint32_t last) const {
    uint32_t j = last;
    for (int steps = 0; j < pieces_.size() && steps < 12; ++steps) {
      if (covered_[j] >= 0 && MentionIsPlace(covered_[j])) {
        j = mentions_[covered_[j]]->last;
        continue;
      }
      const uint32_t cls = Classes(j);
      if ((cls & WC::kRegionWord) && !pieces_[j].upper) return cls;
      if ((cls & WC::kCoordinator) || IsPunct(j, ",")) {
        ++j;
        continue;
      }
      return 0;
    }
    return 0;
  }

  void FindCues() {
    for (size_t index = 0; index < mentions_.size(); ++index) {
      Mention* m = mentions_[index];
      const uint32_t first = m->first;
      const uint32_t before = ListCueBefore(first);
      // "région de Koursk" / "Kursk region" / "les régions de A, de B et de C"
      if (before & WC::kRegionWord) m->cues |= kCueRegion;
      if (before & WC::kCityWord) m->cues |= kCueCity;
      if (ListCueAfter(m->last) & WC::kRegionWord) m->cues |= kCueRegion;
      if (m->source != Source::kGeneric) continue;
      if (first > 0 && PhraseEndingAt(first, WC::kHonorific | WC::kTitle) > 0) m->cues |= kCuePerson;
      if (first > 0 && PhraseEndingAt(first, WC::kPlaceBefore) > 0) m->cues |= kCuePlace;
      if (first > 0 && PhraseEndingAt(first, WC::kGroupBefore) > 0) m->cues |= kCueGroup;
      if (first > 0 && (Classes(first - 1) & WC::kPlacePrep) && !pieces_[first - 1].upper) {
        m->cues |= kCueWeakPlace;
      }
      // Bylines: "By Erik Lund", "Auteur : Mathis Lefebvre" at a line start.
      for (uint32_t k = first; k > 0 && first - k < 4; --k) {
        if (flags_[k - 1] & kLineStart) {
          if (PhraseStartingAt(k - 1, WC::kByline) == static_cast<int>(first - (k - 1))) {
            m->cues |= kCueByline | kCuePerson;
          }
          break;
        }
      }
      const Span byline = out_->byline_span;
      if (!byline.empty() && byline.start <= pieces_[first].start &&
          pieces_[m->last - 1].end <= byline.end) {
        m->cues |= kCueByline | kCuePerson;
      }
      for (uint32_t k = first; k < m->last; ++k) {
        const uint32_t cls = Classes(k);
        if (cls & WC::kOrgHead) m->cues |= kCueOrg;
        if (cls & WC::kGroupHead) m->cues |= kCueGroup;
      }
      // Apposition: "Olena, une enseignante", "Tomas Reiner, a researcher";
      // speech: "Lomov said", "a déclaré Rafael Grossi".
      const uint32_t after = m->last;
      if (IsPunct(after, ",") && after + 2 < pieces_.size() && pieces_[after + 1].word &&
          !pieces_[after + 1].upper) {
        const std::string_view article = PieceText(after + 1);
        if (article == "a" || article == "an" || article == "un" || article == "une" ||
            article == "who" || article == "qui" || article == "ein" || article == "eine") {
          m->cues |= kCuePerson;
        }
      }
      if (after < pieces_.size() && (Classes(after) & WC::kPersonAfter) && !pieces_[after].upper) {
        m->cues |= kCuePerson;
      }
      if (after + 1 < pieces_.size() && (PhraseClassesAt(after, 2) & WC::kPersonAfter)) {
        m->cues |= kCuePerson;
      }
      if (first > 0 && (PhraseEndingAt(first, WC::kPersonAfter) > 0)) m->cues |= kCuePerson;
    }
  }

  // ---- resolution -----------------------------------------------------------

  void Vote(const std::string& country, uint32_t piece, double weight) {
    if (country.empty()) return;
    votes_.push_back({country, piece, weight});
    doc_votes_[country] += weight;
  }

  void VoteEntry(uint32_t entry, uint32_t piece, double weight) {
    const EntityEntry& e = t_.entry(entry);
    if (e.type == EntityType::kPlace && e.place_kind == PlaceKind::kOther && e.country.empty()) return;
    Vote(e.country, piece, weight);
  }

  double VotesFor(const std::string& country, int32_t near_piece) const {
    if (near_piece < 0) {
      auto it = doc_votes_.find(country);
      return it == doc_votes_.end() ? 0 : it->second;
    }
    double total = 0;
    for (const auto& v : votes_) {
      if (v.country != country) continue;
      double w = v.weight;
      if (near_piece >= 0) {
        if (sentence_[v.piece] == sentence_[near_piece]) {
          w *= 6;
        } else if (paragraph_[v.piece] == paragraph_[near_piece]) {
          w *= 2.5;
        }
      }
      total += w;
    }
    return total;
  }

  std::string BestCountry(int32_t near_piece) const {
    std::unordered_map<std::string, double> scores;
    for (const auto& v : votes_) {
      if (scores.count(v.country)) continue;
      scores[v.country] = VotesFor(v.country, near_piece);
    }
    std::string best;
    double best_score = 0;
    for (const auto& [country, score] : scores) {
      if (score > best_score || (score == best_score && country < best)) {
        best = country;
        best_score = score;
      }
    }
    return best;
  }

  bool ExplicitRegion(uint32_t entry) const {
    return explicit_regions_.count(entry) != 0;
  }

  double Score(const Mention& m, const Alias& a, int32_t bare_sense) const {
    const EntityEntry& e = t_.entry(a.target);
    double s = 0;
    const bool region_cue = m.cues & kCueRegion;
    if (a.flags & kAliasRegionBase) {
      if (region_cue) {
        s += 1000;
      } else if (bare_sense == static_cast<int32_t>(a.target)) {
        s += 900;
      } else if (ExplicitRegion(a.target)) {
        s += 500;
      } else {
        s -= 1000;
      }
    } else if (bare_sense == static_cast<int32_t>(a.target) && !region_cue) {
      s += 600;
    }
    if (a.before >= 0) s += 600;  // "the Dnipro": its required context is there
    if ((m.cues & kCueCity) && e.place_kind == PlaceKind::kCity) s += 1000;
    if (region_cue && e.place_kind == PlaceKind::kRegion && !(a.flags & kAliasRegionBase)) s += 800;
    switch (e.place_kind) {
      case PlaceKind::kCountry: s += 300; break;
      case PlaceKind::kCity: s += 200 + 10 * std::log10(1.0 + e.population); break;
      case PlaceKind::kRegion: s += 100; break;
      case PlaceKind::kOther: s += 250; break;
      case PlaceKind::kNone: s += 400; break;  // curated people, organizations, outlets
    }
    if (!e.country.empty()) s += std::min(200.0, 20 * VotesFor(e.country, -1));
    return s;
  }

  // "Cher", "Fier", "Times": a small place whose name is an ordinary word is
  // only taken with a place cue ("à Orange", "in Bath").
  bool IsMinorCommonPlace(const Mention& m, const Alias& a) {
    if (m.last != m.first + 1 || a.before >= 0 || (a.flags & kAliasDemonym)) return false;
    const EntityEntry& e = t_.entry(a.target);
    if (e.type != EntityType::kPlace) return false;
    if (e.place_kind == PlaceKind::kCountry || e.place_kind == PlaceKind::kOther) return false;
    if (e.place_kind == PlaceKind::kCity && e.population >= 200000) return false;
    if (m.cues & (kCueRegion | kCueCity)) return false;
    // The English lists carry lowercased proper names (wales, khabarovsk), so
    // only the other languages' dictionaries say "ordinary word" reliably.
    if (lang_ == WordLexicon::kNone || lang_ == en_) return false;
    scratch_.clear();
    utf8::AppendLower(PieceText(m.first), &scratch_);
    if (!lexicon_.InDictionary(lang_, scratch_)) return false;
    if (m.first > 0 && !pieces_[m.first - 1].upper &&
        ((Classes(m.first - 1) & WC::kPlacePrep) || PhraseEndingAt(m.first, WC::kPlaceBefore) > 0)) {
      return false;
    }
    return true;
  }

  void ResolveTableMentions() {
    // Unambiguous mentions vote for their countries first.
    for (Mention* m : mentions_) {
      if (m->source != Source::kTable || m->candidate_count != 1) continue;
      if (m->candidates[0].flags & kAliasInstitution) continue;
      if (m->candidates[0].flags & kAliasRegionBase) continue;
      VoteEntry(m->candidates[0].target, m->first, 1.0);
    }
    // Regions chosen by a cue count as named explicitly for the whole article.
    for (Mention* m : mentions_) {
      if (m->source != Source::kTable || !(m->cues & kCueRegion)) continue;
      for (int c = 0; c < m->candidate_count; ++c) {
        const Alias& a = m->candidates[c];
        if (t_.entry(a.target).place_kind == PlaceKind::kRegion) explicit_regions_.insert(a.target);
      }
    }
    for (Mention* m : mentions_) {
      if (m->source != Source::kTable) continue;
      uint64_t h = EntityTables::Start();
      for (uint32_t k = m->first; k < m->last; ++k) {
        h = EntityTables::Extend(h, pieces_[k].hash, k > m->first && pieces_[k].hyphen);
      }
      const int32_t sense = t_.BareSense(h);
      int best = -1;
      double best_score = -1e18;
      for (int c = 0; c < m->candidate_count; ++c) {
        const Alias& a = m->candidates[c];
        if (a.flags & kAliasInstitution) {
          if (best < 0) best = c;  // institutions lose to any named entity
          continue;
        }
        const double s = Score(*m, a, sense);
        if (best < 0 || (m->candidates[best].flags & kAliasInstitution) || s > best_score) {
          best = c;
          best_score = s;
        }
      }
      const Alias& chosen = m->candidates[best];
      if (chosen.flags & kAliasInstitution) {
        m->source = Source::kInstitution;
        m->institution = static_cast<int32_t>(chosen.target);
        continue;
      }
      m->entry = static_cast<int32_t>(chosen.target);
      m->demonym = chosen.flags & kAliasDemonym;
      if (IsMinorCommonPlace(*m, chosen)) {
        m->dropped = true;
        continue;
      }
      if (m->candidate_count > 1) VoteEntry(chosen.target, m->first, 1.0);
    }
  }

  void ResolveInstitutions() {
    for (Mention* m : mentions_) {
      if (m->source != Source::kInstitution) continue;
      std::string country = m->country;
      if (country.empty() && m->possessive_piece >= 0 && covered_[m->possessive_piece] >= 0) {
        const Mention* owner = mentions_[covered_[m->possessive_piece]];
        if (owner->entry >= 0) country = t_.entry(owner->entry).country;
      }
      if (country.empty()) country = BestCountry(static_cast<int32_t>(m->first));
      if (country.empty()) {
        m->dropped = true;
        continue;
      }
      const InstitutionKind& kind = t_.institution(m->institution);
      auto it = kind.by_country.find(country);
      if (it != kind.by_country.end()) {
        m->entry = static_cast<int32_t>(it->second);
        continue;
      }
      const int32_t place = t_.CountryEntry(country);
      const std::string country_name = place >= 0 ? t_.entry(place).name : country;
      std::string name = kind.name_template;
      const size_t slot = name.find("{country}");
      if (slot != std::string::npos) name.replace(slot, 9, country_name);
      std::string slug = kind.kind;
      std::replace(slug.begin(), slug.end(), ':', '-');
      m->id = "org:" + slug + "-" + country;
      m->name = std::move(name);
      m->out_type = EntityType::kOrganization;
    }
  }

  std::string Surface(const Mention& m) const {
    std::string s;
    for (uint32_t k = m.first; k < m.last; ++k) {
      if (k > m.first && !pieces_[k].hyphen && pieces_[k].start > pieces_[k - 1].end) s += ' ';
      if (pieces_[k].hyphen) s += '-';
      s += PieceText(k);
    }
    return s;
  }

  // A table entry whose name is a near spelling of `key` (Prokoudine,
  // Tbilissi), or -1.
  int32_t NearEntry(const std::string& key, bool persons_only) const {
    const auto* list = t_.FindSkeleton(SkeletonKey(key));
    if (list == nullptr) return -1;
    int32_t found = -1;
    for (const auto& [k, entry] : *list) {
      if (!NameKeysMatch(k, key)) continue;
      const EntityEntry& e = t_.entry(entry);
      if (persons_only && e.type != EntityType::kPerson) continue;
      if (found >= 0 && found != static_cast<int32_t>(entry)) {
        // Ambiguous: keep the bigger place, else give up.
        const EntityEntry& f = t_.entry(found);
        if (e.type == EntityType::kPlace && f.type == EntityType::kPlace) {
          if (e.population > f.population) found = static_cast<int32_t>(entry);
          continue;
        }
        return -1;
      }
      found = static_cast<int32_t>(entry);
    }
    return found;
  }

  void ResolveGenericMentions() {
    // Full names of people in the article, by the key of their last word.
    struct Known {
      std::string surname_key;
      std::string id;
      std::string name;
      int32_t entry;
    };
    std::vector<Known> people;
    auto remember = [&](const Mention& m, int32_t entry, const std::string& id,
                        const std::string& name) {
      if (m.last - m.first < 2) return;
      std::string key;
      AppendWordNameKey(PieceText(m.last - 1), &key);
      if (key.size() >= 3) people.push_back({key, id, name, entry});
    };
    for (Mention* m : mentions_) {
      if (m->entry >= 0 && t_.entry(m->entry).type == EntityType::kPerson) {
        remember(*m, m->entry, "", "");
      }
    }
    // First pass: typed names and near matches.
    for (Mention* m : mentions_) {
      if (m->source != Source::kGeneric) continue;
      const std::string surface = Surface(*m);
      const std::string key = NameKey(surface);
      if (key.empty()) {
        m->dropped = true;
        continue;
      }
      const int words = static_cast<int>(m->last - m->first);
      const int32_t near =
          IsCyrillic(surface) ? -1 : NearEntry(key, /*persons_only=*/false);
      if (near >= 0) {
        m->entry = near;
        remember(*m, near, "", "");
        continue;
      }
      EntityType type = EntityType::kPerson;
      bool typed = false;
      const bool given = Classes(m->first) & WC::kGivenName;
      bool head_only = words == 1 && (Classes(m->first) & (WC::kOrgHead | WC::kGroupHead));
      if (head_only) {
        typed = false;  // "Institute", "Assemblée" alone are not names
      } else if (m->cues & kCueOrg) {
        type = EntityType::kOrganization;
        typed = true;
      } else if (m->cues & kCueGroup) {
        type = EntityType::kGroup;
        typed = true;
      } else if (m->cues & (kCuePerson | kCueByline)) {
        typed = true;
      } else if (given && words >= 2) {
        typed = true;
      } else if (m->cues & kCuePlace) {
        type = EntityType::kPlace;
        typed = true;
      } else if (words >= 2 && words <= 3) {
        // Foreign personal names: no word of the name is an ordinary word.
        bool all_unknown = true;
        for (uint32_t k = m->first; k < m->last; ++k) {
          if (pieces_[k].word && !pieces_[k].hyphen && IsCommonWord(k)) all_unknown = false;
        }
        typed = all_unknown;
      } else if ((m->cues & kCueWeakPlace) && words == 1 && !IsCommonWord(m->first)) {
        type = EntityType::kPlace;
        typed = true;
      }
      m->typed = typed;
      m->type = type;
      if (typed && type == EntityType::kPerson) {
        m->id = "person:~" + key;
        m->name = surface;
        remember(*m, -1, m->id, m->name);
      }
    }
    // Second pass: surnames take the identity of the full name.
    for (Mention* m : mentions_) {
      if (m->source != Source::kGeneric || m->entry >= 0 || m->dropped) continue;
      const int words = static_cast<int>(m->last - m->first);
      bool linked = false;
      if (words == 1 && (!m->typed || m->type == EntityType::kPerson)) {
        std::string key;
        AppendWordNameKey(PieceText(m->first), &key);
        for (const Known& p : people) {
          if (p.surname_key != key && !NameKeysMatch(p.surname_key, key)) continue;
          if (p.entry >= 0) {
            m->entry = p.entry;
          } else {
            m->id = p.id;
            m->name = p.name;
            m->out_type = EntityType::kPerson;
          }
          linked = true;
          break;
        }
      }
      if (linked) continue;
      if (!m->typed) {
        m->dropped = true;
        continue;
      }
      if (m->type != EntityType::kPerson) {
        const std::string surface = Surface(*m);
        static constexpr const char* kPrefix[] = {"person", "place", "org", "outlet", "group"};
        m->id = fmt::format("{}:~{}", kPrefix[static_cast<int>(m->type)], NameKey(surface));
        m->name = surface;
      }
      m->out_type = m->type;
    }
  }

  // ---- output -----------------------------------------------------------------

  void Emit() {
    for (Mention* m : mentions_) {
      if (m->dropped) continue;
      Entity e;
      e.span = {pieces_[m->first].start, pieces_[m->last - 1].end};
      if (m->entry >= 0) {
        const EntityEntry& entry = t_.entry(m->entry);
        e.id = entry.id;
        e.name = entry.name;
        e.type = entry.type;
      } else if (!m->id.empty()) {
        e.id = m->id;
        e.name = m->name;
        e.type = m->out_type;
      } else {
        continue;
      }
      e.demonym = m->demonym;
      out_->entities.push_back(std::move(e));
    }
  }

  void Summarize() {
    struct Item {
      EntitySummaryItem item;
      double score = 0;
      uint32_t first = 0;
    };
    std::vector<Item> items;
    std::unordered_map<std::string, size_t> index;
    const Span title = out_->title_span;
    // The lead: the first paragraph of running text after the title and byline.
    Span lead;
    for (const Span& p : doc_.paragraphs) {
      if (!title.empty() && p.end <= title.end) continue;
      if (!out_->byline_span.empty() && p.end <= out_->byline_span.end) continue;
      if (!out_->date_span.empty() && p.end <= out_->date_span.end) continue;
      if (p.size() < 80) continue;
      lead = p;
      break;
    }
    for (const Entity& e : out_->entities) {
      auto [it, inserted] = index.emplace(e.id, items.size());
      if (inserted) {
        Item item;
        item.item.id = e.id;
        item.item.name = e.name;
        item.item.type = e.type;
        item.first = e.span.start;
        items.push_back(std::move(item));
      }
      Item& item = items[it->second];
      if (!e.demonym) item.item.type = e.type;
      ++item.item.mentions;
      // An author's name in the byline says nothing about the story.
      const Span byline = out_->byline_span;
      if (!byline.empty() && byline.Contains(e.span)) continue;
      double w = e.demonym ? 0.5 : 1.0;
      if (!title.empty() && title.Contains(e.span)) w += 2.0;
      if (!lead.empty() && lead.Contains(e.span)) w += 1.0;
      item.score += w;
    }
    double max_score = 0;
    for (const Item& i : items) max_score = std::max(max_score, i.score);
    // Ties go to who before where: people, then organizations and groups,
    // then places, then outlets; then to the earlier mention.
    auto rank = [](EntityType t) {
      switch (t) {
        case EntityType::kPerson: return 0;
        case EntityType::kOrganization: return 1;
        case EntityType::kGroup: return 1;
        case EntityType::kPlace: return 2;
        case EntityType::kOutlet: return 3;
      }
      return 4;
    };
    std::sort(items.begin(), items.end(), [&](const Item& a, const Item& b) {
      if (a.score != b.score) return a.score > b.score;
      if (rank(a.item.type) != rank(b.item.type)) return rank(a.item.type) < rank(b.item.type);
      return a.first < b.first;
    });
    out_->entity_summary.reserve(items.size());
    for (Item& i : items) {
      i.item.salience = max_score > 0 ? std::round(i.score / max_score * 1000) / 1000 : 0;
      out_->entity_summary.push_back(std::move(i.item));
    }
  }

  struct CountryVote {
    std::string country;
    uint32_t piece;
    double weight;
  };

  const EntityTables& t_;
  const WordLexicon& lexicon_;
  const Document& doc_;
  Analysis* out_;
  int lang_ = WordLexicon::kNone;
  int en_ = WordLexicon::kNone;
  std::string scratch_;
  std::vector<Piece> pieces_;
  std::vector<uint8_t> flags_;
  std::vector<uint32_t> sentence_;
  std::vector<uint32_t> paragraph_;
  std::vector<int32_t> covered_;
  std::vector<Mention> table_;
  std::vector<Mention> ministries_;
  std::vector<Mention> generic_;
  std::vector<Mention*> mentions_;
  std::unordered_set<uint32_t> explicit_regions_;
  std::vector<CountryVote> votes_;
  std::unordered_map<std::string, double> doc_votes_;
};

}  // namespace

Result<std::unique_ptr<EntityRecognizer>> EntityRecognizer::Create(
    const std::string& data_dir, std::shared_ptr<const WordLexicon> lexicon) {
  std::unique_ptr<EntityRecognizer> r(new EntityRecognizer());
  auto tables = EntityTables::Load(data_dir);
  if (!tables.ok()) return tables.status();
  r->tables_ = std::move(tables).value();
  if (lexicon == nullptr) {
    auto loaded = WordLexicon::Load(data_dir);
    if (!loaded.ok()) return loaded.status();
    lexicon = std::move(loaded).value();
  }
  r->lexicon_ = std::move(lexicon);
  return r;
}

void EntityRecognizer::Run(const Document& doc, Analysis* out) const {
  EntityPass(*tables_, *lexicon_, doc, out).Go();
}

}  // namespace veille
