#include "ingest/html_extractor.h"

#include <fmt/format.h>
#include <gumbo.h>
#include <simdjson.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "ingest/dates.h"
#include "ingest/html_text.h"
#include "util/utf8.h"

namespace veille {
namespace {

// Past this estimated depth of unclosed elements, Gumbo's tree construction
// turns quadratic (seconds per megabyte); such pages are refused instead.
constexpr uint32_t kMaxNesting = 20000;
// A paragraph shorter than this (in characters) does not vote for its container.
constexpr uint32_t kMinParagraphChars = 25;
// Blocks whose link text is more than this share of their text are link lists.
constexpr double kMaxBlockLinkDensity = 0.5;
// Short blocks are compared with the furniture phrases of the rules.
constexpr size_t kMaxPhraseBytes = 80;

uint32_t CountCodePoints(std::string_view s) {
  uint32_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// ---------------------------------------------------------------------------
// Gumbo helpers

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

const char* Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a == nullptr ? nullptr : a->value;
}

// Lowercase element name, also for custom elements ("amp-ad").
std::string TagName(const GumboNode* node) {
  const GumboElement& e = node->v.element;
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  GumboStringPiece piece = e.original_tag;
  if (piece.length == 0) return "";
  gumbo_tag_from_original_text(&piece);
  return AsciiLower(std::string_view(piece.data, piece.length));
}

// Elements that start a new block of text (HTML flow content that is not
// phrasing content).
bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_P: case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_HGROUP: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_LI: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_LEGEND: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

bool IsHeadingTag(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 ||
         tag == GUMBO_TAG_H4 || tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// Elements whose text is never prose, wherever they are.
bool IsNonText(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
         tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH;
}

bool IsHidden(const GumboNode* node) {
  if (Attr(node, "hidden") != nullptr) return true;
  if (const char* aria = Attr(node, "aria-hidden"); aria && AsciiLower(aria) == "true") return true;
  if (const char* style = Attr(node, "style")) {
    std::string s;
    for (const char* p = style; *p; ++p) {
      if (!IsHtmlSpace(*p)) s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(*p))));
    }
    return s.find("display:none") != std::string::npos ||
           s.find("visibility:hidden") != std::string::npos;
  }
  return false;
}

// Calls fn(word) for each lowercase word of a class or id value: split at
// anything but letters and digits, and between a lowercase and an uppercase
// letter ("shareButtons" is "share", "buttons").
template <typename Fn>
void ForEachClassWord(std::string_view value, Fn fn) {
  std::string word;
  for (size_t i = 0; i <= value.size(); ++i) {
    const char c = i < value.size() ? value[i] : ' ';
    const bool alnum = std::isalnum(static_cast<unsigned char>(c)) != 0;
    const bool camel = alnum && std::isupper(static_cast<unsigned char>(c)) && i > 0 &&
                       std::islower(static_cast<unsigned char>(value[i - 1]));
    if ((!alnum || camel) && !word.empty()) {
      fn(std::string_view(word));
      word.clear();
    }
    if (alnum) word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
}

bool ClassOrIdMatches(const GumboNode* node, const WordSet& words) {
  if (words.empty()) return false;
  bool found = false;
  for (const char* name : {"class", "id"}) {
    if (const char* value = Attr(node, name)) {
      ForEachClassWord(value, [&](std::string_view w) { found = found || words.Matches(w); });
    }
  }
  return found;
}

// A cheap upper bound of how deep unclosed elements nest, from the tags
// alone: elements whose end tag is optional or that are void do not count.
uint32_t EstimateNesting(std::string_view html, size_t* where) {
  static const std::unordered_set<std::string> kNotNesting = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup",
      "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp", "html", "head", "body",
      "!doctype"};
  uint32_t depth = 0, max_depth = 0;
  std::string name;
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    ++pos;
    if (html.substr(pos, 3) == "!--") {
      const size_t end = html.find("-->", pos);
      if (end == std::string_view::npos) break;
      pos = end + 3;
      continue;
    }
    const bool closing = pos < html.size() && html[pos] == '/';
    if (closing) ++pos;
    name.clear();
    while (pos < html.size() && name.size() < 16 &&
           (std::isalnum(static_cast<unsigned char>(html[pos])) || html[pos] == '-' || html[pos] == '!')) {
      name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[pos]))));
      ++pos;
    }
    if (name.empty() || kNotNesting.count(name)) continue;
    if (closing) {
      if (depth > 0 && name != "script" && name != "style") --depth;
      continue;
    }
    if (name == "script" || name == "style") {  // raw text up to the end tag
      const size_t end = html.find("</", pos);
      if (end == std::string_view::npos) break;
      pos = end;
      continue;
    }
    const size_t close = html.find('>', pos);
    if (close != std::string_view::npos && close > 0 && html[close - 1] == '/') continue;
    if (++depth > max_depth) {
      max_depth = depth;
      if (max_depth > kMaxNesting) {
        *where = pos;
        return max_depth;
      }
    }
  }
  return max_depth;
}

// ---------------------------------------------------------------------------
// Text with provenance

// A stretch of built text and where it comes from in the HTML. When the two
// lengths are equal the stretch maps byte for byte.
struct Piece {
  uint32_t text = 0;
  uint32_t text_len = 0;
  uint32_t src = 0;
  uint32_t src_len = 0;
  bool positional() const { return text_len == src_len; }
};

void AddPiece(std::vector<Piece>* pieces, const Piece& p) {
  if (!pieces->empty()) {
    Piece& last = pieces->back();
    if (last.text + last.text_len == p.text) {
      if (last.positional() && p.positional() && last.src + last.src_len == p.src) {
        last.text_len += p.text_len;
        last.src_len += p.src_len;
        return;
      }
      // Several runs of one replaced source (a node Gumbo decoded differently).
      if (!last.positional() && !p.positional() && last.src == p.src &&
          last.src_len == p.src_len && last.text_len + p.text_len != last.src_len) {
        last.text_len += p.text_len;
        return;
      }
    }
  }
  pieces->push_back(p);
}

struct Block {
  std::string text;
  std::vector<Piece> pieces;  // text offsets relative to this block
  uint32_t chars = 0;
  uint32_t link_chars = 0;
  GumboTag tag = GUMBO_TAG_UNKNOWN;  // innermost block element around its first text

  // The stretch [begin, end) of this block; a cut inside a replaced unit
  // widens to the whole unit.
  Block Slice(size_t begin, size_t end) const {
    Block out;
    out.tag = tag;
    for (const Piece& p : pieces) {
      const size_t p_end = p.text + p.text_len;
      if (p_end <= begin || p.text >= end) continue;
      Piece q = p;
      if (p.positional()) {
        const size_t from = std::max<size_t>(p.text, begin);
        const size_t to = std::min(p_end, end);
        q.src = p.src + static_cast<uint32_t>(from - p.text);
        q.text_len = q.src_len = static_cast<uint32_t>(to - from);
        q.text = static_cast<uint32_t>(from);
      }
      const uint32_t at = static_cast<uint32_t>(out.text.size());
      out.text.append(text, q.text, q.text_len);
      q.text = at;
      AddPiece(&out.pieces, q);
    }
    out.chars = CountCodePoints(out.text);
    return out;
  }
};

// One unit of decoded HTML source: text, or a run of white space.
struct Unit {
  bool space = false;
  uint32_t src = 0;
  uint32_t src_len = 0;
  uint32_t dec = 0;  // in the decoded buffer
  uint32_t dec_len = 0;
};

// Decodes HTML source text (a text node's or an attribute value's) starting
// at page offset `base`: references decoded, stray tags skipped, CR LF and CR
// read as LF, as the HTML parser does.
void DecodeSource(std::string_view source, uint32_t base, bool attribute, std::string* decoded,
                  std::vector<Unit>* units) {
  decoded->clear();
  units->clear();
  auto dec_pos = [&] { return static_cast<uint32_t>(decoded->size()); };
  size_t i = 0;
  while (i < source.size()) {
    const char c = source[i];
    const uint32_t src = base + static_cast<uint32_t>(i);
    if (IsHtmlSpace(c)) {
      size_t j = i;
      const uint32_t start = dec_pos();
      while (j < source.size() && IsHtmlSpace(source[j])) {
        if (source[j] == '\r') {
          if (j + 1 >= source.size() || source[j + 1] != '\n') decoded->push_back('\n');
        } else {
          decoded->push_back(source[j]);
        }
        ++j;
      }
      units->push_back({true, src, static_cast<uint32_t>(j - i), start, dec_pos() - start});
      i = j;
    } else if (c == '&') {
      const uint32_t start = dec_pos();
      const size_t used = DecodeCharReference(source, i, attribute, decoded);
      if (used == 0) {
        decoded->push_back('&');
        units->push_back({false, src, 1, start, 1});
        ++i;
        continue;
      }
      const bool space = dec_pos() - start == 1 && IsHtmlSpace((*decoded)[start]);
      units->push_back({space, src, static_cast<uint32_t>(used), start, dec_pos() - start});
      i += used;
    } else if (c == '<' && !attribute && i + 1 < source.size() &&
               (std::isalpha(static_cast<unsigned char>(source[i + 1])) || source[i + 1] == '/' ||
                source[i + 1] == '!' || source[i + 1] == '?')) {
      const size_t close = source.find('>', i);  // a tag the parser ignored
      i = close == std::string_view::npos ? source.size() : close + 1;
    } else if (c == '\0') {
      ++i;
    } else {
      size_t j = i + 1;
      while (j < source.size() && !IsHtmlSpace(source[j]) && source[j] != '&' &&
             source[j] != '<' && source[j] != '\0') {
        ++j;
      }
      const uint32_t start = dec_pos();
      decoded->append(source, i, j - i);
      units->push_back({false, src, static_cast<uint32_t>(j - i), start, dec_pos() - start});
      i = j;
    }
  }
}

// Builds blocks of text: white space collapsed, <br> kept as a line break.
class BlockBuilder {
 public:
  // Appends `source` (decoded by the HTML parser as `parsed`) from page
  // offset `base`. When our decoding disagrees with the parser's, the
  // parser's text is used and every piece points at the whole source.
  void AddSource(std::string_view source, uint32_t base, std::string_view parsed,
                 bool attribute, bool in_link) {
    DecodeSource(source, base, attribute, &decoded_, &units_);
    if (decoded_ != parsed) {
      decoded_.assign(parsed);
      units_.clear();
      size_t i = 0;
      while (i < parsed.size()) {
        const bool space = IsHtmlSpace(parsed[i]);
        size_t j = i;
        while (j < parsed.size() && IsHtmlSpace(parsed[j]) == space) ++j;
        units_.push_back({space, base, static_cast<uint32_t>(source.size()),
                          static_cast<uint32_t>(i), static_cast<uint32_t>(j - i)});
        i = j;
      }
    }
    for (const Unit& u : units_) {
      if (u.space) {
        Space(u.src, u.src_len);
      } else {
        Text(std::string_view(decoded_).substr(u.dec, u.dec_len), u.src, u.src_len, in_link);
      }
    }
  }

  void Text(std::string_view text, uint32_t src, uint32_t src_len, bool in_link) {
    if (block_.text.empty()) block_.tag = tag_;
    if (pending_break_) {
      Emit("\n", break_src_, break_len_);
      ++block_.chars;
    } else if (pending_space_ && !block_.text.empty()) {
      Emit(" ", space_src_, space_len_);
      ++block_.chars;
    }
    pending_break_ = pending_space_ = false;
    Emit(text, src, src_len);
    const uint32_t chars = CountCodePoints(text);
    block_.chars += chars;
    if (in_link) block_.link_chars += chars;
  }

  void Space(uint32_t src, uint32_t src_len) {
    if (block_.text.empty() || pending_break_ || pending_space_) return;
    pending_space_ = true;
    space_src_ = src;
    space_len_ = src_len;
  }

  // A <br>; returns true when it is the second in a row, which ends the
  // paragraph (the caller then takes the block).
  bool LineBreak(uint32_t src, uint32_t src_len) {
    if (block_.text.empty()) return false;
    if (pending_break_) return true;
    pending_break_ = true;
    pending_space_ = false;
    break_src_ = src;
    break_len_ = src_len;
    return false;
  }

  void set_tag(GumboTag tag) { tag_ = tag; }
  bool empty() const { return block_.text.empty(); }

  Block Take() {
    Block out = std::move(block_);
    block_ = Block();
    pending_space_ = pending_break_ = false;
    return out;
  }

 private:
  void Emit(std::string_view text, uint32_t src, uint32_t src_len) {
    AddPiece(&block_.pieces, {static_cast<uint32_t>(block_.text.size()),
                              static_cast<uint32_t>(text.size()), src, src_len});
    block_.text.append(text);
  }

  Block block_;
  GumboTag tag_ = GUMBO_TAG_UNKNOWN;
  bool pending_space_ = false;
  uint32_t space_src_ = 0, space_len_ = 0;
  bool pending_break_ = false;
  uint32_t break_src_ = 0, break_len_ = 0;
  std::string decoded_;
  std::vector<Unit> units_;
};

// ---------------------------------------------------------------------------
// JSON-LD

struct JsonLd {
  std::string date, author, outlet, headline, language, url;
};

bool IsArticleType(std::string_view type) {
  return type.ends_with("Article") || type == "BlogPosting" || type == "LiveBlogPosting" ||
         type == "Report" || type == "SocialMediaPosting";
}

std::string JsonString(simdjson::dom::element value) {
  std::string_view s;
  if (!value.get(s)) return std::string(s);
  return "";
}

// Names of an author value: "Name", {"name": ...}, or an array of those.
std::string JsonNames(simdjson::dom::element value, int depth) {
  if (depth > 3) return "";
  std::string_view s;
  if (!value.get(s)) return CollapseWhitespace(s);
  simdjson::dom::object object;
  if (!value.get(object)) {
    simdjson::dom::element name;
    if (!object["name"].get(name)) return JsonNames(name, depth + 1);
    return "";
  }
  simdjson::dom::array array;
  std::string names;
  if (!value.get(array)) {
    for (simdjson::dom::element item : array) {
      std::string name = JsonNames(item, depth + 1);
      if (name.empty() || names.find(name) != std::string::npos) continue;
      if (!names.empty()) names += ", ";
      names += name;
    }
  }
  return names;
}

// Fills the empty fields of *out from the objects of `value`, first from
// objects typed as articles when `articles_only`.
void VisitJsonLd(simdjson::dom::element value, bool articles_only, int depth, JsonLd* out) {
  if (depth > 12) return;
  simdjson::dom::array array;
  if (!value.get(array)) {
    for (simdjson::dom::element item : array) VisitJsonLd(item, articles_only, depth + 1, out);
    return;
  }
  simdjson::dom::object object;
  if (value.get(object)) return;
  bool is_article = false;
  simdjson::dom::element type;
  if (!object["@type"].get(type)) {
    std::string_view t;
    simdjson::dom::array types;
    if (!type.get(t)) {
      is_article = IsArticleType(t);
    } else if (!type.get(types)) {
      for (simdjson::dom::element item : types) {
        if (!item.get(t) && IsArticleType(t)) is_article = true;
      }
    }
  }
  if (is_article || !articles_only) {
    simdjson::dom::element field;
    auto fill = [&](const char* key, std::string* target) {
      if (target->empty() && !object[key].get(field)) *target = JsonString(field);
    };
    fill("datePublished", &out->date);
    fill("headline", &out->headline);
    fill("inLanguage", &out->language);
    fill("url", &out->url);
    if (out->author.empty() && !object["author"].get(field)) out->author = JsonNames(field, 0);
    if (out->outlet.empty() && !object["publisher"].get(field)) {
      simdjson::dom::element name;
      if (!field["name"].get(name)) out->outlet = JsonString(name);
    }
  }
  for (auto [key, child] : object) {
    if (key == "author" || key == "publisher") continue;
    VisitJsonLd(child, articles_only, depth + 1, out);
  }
}

void ReadJsonLd(std::string_view json, JsonLd* out) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(json.data(), json.size(), true).get(root)) return;
  JsonLd found;
  VisitJsonLd(root, true, 0, &found);
  VisitJsonLd(root, false, 0, &found);
  for (auto [field, target] : {std::pair{&found.date, &out->date}, {&found.author, &out->author},
                               {&found.outlet, &out->outlet}, {&found.headline, &out->headline},
                               {&found.language, &out->language}, {&found.url, &out->url}}) {
    if (target->empty()) *target = *field;
  }
}

// Strips leading and trailing characters that are not letters or digits.
std::string_view TrimToAlnum(std::string_view s) {
  while (!s.empty()) {
    size_t len = 0;
    if (u_isalnum(static_cast<UChar32>(utf8::Decode(s, 0, &len)))) break;
    s.remove_prefix(len);
  }
  while (!s.empty()) {
    size_t len = 0;
    if (u_isalnum(static_cast<UChar32>(utf8::DecodeBefore(s, s.size(), &len)))) break;
    s.remove_suffix(len);
  }
  return s;
}

bool EndsSentence(std::string_view text) {
  for (const std::string_view end : {".", "!", "?", "\u2026", "\u00BB", "\u201D", "\""}) {
    if (text.ends_with(end)) return true;
  }
  return false;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  std::string la, lb;
  utf8::AppendLower(a, &la);
  utf8::AppendLower(b, &lb);
  return la == lb;
}

// ---------------------------------------------------------------------------
// One extraction

struct Node {
  const GumboNode* gumbo = nullptr;
  int32_t parent = -1;
  uint32_t end = 0;  // one past the last descendant
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  bool is_text = false;
  bool drop_tag = false;    // dropped by its tag, or hidden
  bool drop_class = false;  // dropped by its class or id words
  bool removed = false;     // dropped, or inside a dropped element
  bool in_link = false;
  bool candidate = false;
  bool block_child = false;  // has a child element that starts a block
  uint32_t own_chars = 0;  // text nodes: code points, white space runs counted once
  uint32_t own_commas = 0;
  uint32_t chars = 0;  // inside, not counting removed elements
  uint32_t link_chars = 0;
  uint32_t commas = 0;
  double score = 0;
};

class Extraction {
 public:
  Extraction(const HtmlRules& rules, std::string_view html, const GumboOutput* output)
      : rules_(rules), html_(html) {
    BuildNodes(output->root);
  }

  Status Run(const HtmlExtractOptions& options, ExtractedHtml* out);

 private:
  void BuildNodes(const GumboNode* root);
  void Propagate();
  void ComputeText();
  void MarkDrops(bool by_class);
  void ReadMetadata(ExtractedHtml* out, Block* title);
  std::vector<uint32_t> FindContainer();
  std::vector<Block> CollectBlocks(const std::vector<uint32_t>& roots, const Block& title);
  Block InlineBlock(uint32_t index);
  Block AttributeBlock(const GumboAttribute* attribute);
  double ClassWeight(const GumboNode* node) const;
  double Adjusted(uint32_t i) const {
    const Node& n = nodes_[i];
    return n.chars == 0 ? n.score : n.score * (1.0 - static_cast<double>(n.link_chars) / n.chars);
  }
  bool HasBlockChild(uint32_t i) const { return nodes_[i].block_child; }
  bool InsideTags(uint32_t i, std::initializer_list<GumboTag> tags) const;
  uint32_t Offset(const char* p) const {
    if (p < html_.data() || p > html_.data() + html_.size()) return 0;
    return static_cast<uint32_t>(p - html_.data());
  }

  const HtmlRules& rules_;
  std::string_view html_;
  std::vector<Node> nodes_;
  int32_t body_ = -1;
};

void Extraction::BuildNodes(const GumboNode* root) {
  std::vector<std::pair<const GumboNode*, int32_t>> stack = {{root, -1}};
  while (!stack.empty()) {
    const auto [g, parent] = stack.back();
    stack.pop_back();
    if (g->type == GUMBO_NODE_COMMENT) continue;
    Node n;
    n.gumbo = g;
    n.parent = parent;
    const auto index = static_cast<int32_t>(nodes_.size());
    if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
      n.tag = g->type == GUMBO_NODE_TEMPLATE ? GUMBO_TAG_TEMPLATE : g->v.element.tag;
      if (n.tag == GUMBO_TAG_BODY && body_ < 0) body_ = index;
      const GumboVector& children = g->v.element.children;
      for (unsigned k = children.length; k > 0; --k) {
        stack.push_back({static_cast<const GumboNode*>(children.data[k - 1]), index});
      }
    } else if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE ||
               g->type == GUMBO_NODE_CDATA) {
      n.is_text = true;
      bool space = false;
      for (const char* p = g->v.text.text; *p; ++p) {
        const unsigned char c = static_cast<unsigned char>(*p);
        if (IsHtmlSpace(*p)) {
          space = true;
          continue;
        }
        if (space && n.own_chars > 0) ++n.own_chars;
        space = false;
        n.own_chars += (c & 0xC0) != 0x80;
        if (c == ',' || (c == 0xEF && p[1] == '\xBC' && p[2] == '\x8C')) ++n.own_commas;
      }
    } else {
      continue;
    }
    nodes_.push_back(n);
  }
  std::vector<uint32_t> size(nodes_.size(), 1);
  for (size_t i = nodes_.size(); i-- > 1;) size[nodes_[i].parent] += size[i];
  for (size_t i = 0; i < nodes_.size(); ++i) nodes_[i].end = static_cast<uint32_t>(i + size[i]);
  if (body_ < 0) body_ = 0;
}

void Extraction::Propagate() {
  for (Node& n : nodes_) {
    const Node* parent = n.parent >= 0 ? &nodes_[n.parent] : nullptr;
    n.removed = n.drop_tag || n.drop_class || (parent != nullptr && parent->removed);
    n.in_link = n.tag == GUMBO_TAG_A || (parent != nullptr && parent->in_link);
  }
}

void Extraction::ComputeText() {
  for (Node& n : nodes_) {
    n.block_child = false;
    n.chars = n.is_text ? n.own_chars : 0;
    n.commas = n.is_text ? n.own_commas : 0;
    n.link_chars = n.is_text && n.in_link ? n.own_chars : 0;
  }
  for (size_t i = nodes_.size(); i-- > 1;) {
    const Node& n = nodes_[i];
    if (n.removed) continue;
    Node& parent = nodes_[n.parent];
    if (!n.is_text && IsBlockTag(n.tag)) parent.block_child = true;
    parent.chars += n.chars;
    parent.commas += n.commas;
    parent.link_chars += n.link_chars;
  }
}

void Extraction::MarkDrops(bool by_class) {
  for (Node& n : nodes_) {
    n.drop_class = false;
    if (n.is_text) continue;
    n.drop_tag = IsNonText(n.tag) || rules_.drop_tags.count(TagName(n.gumbo)) > 0 ||
                 IsHidden(n.gumbo);
  }
  // An <article>'s own <header> holds its headline, standfirst and byline.
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    Node& n = nodes_[i];
    if (n.tag == GUMBO_TAG_HEADER && n.drop_tag && !IsHidden(n.gumbo) &&
        InsideTags(i, {GUMBO_TAG_ARTICLE})) {
      n.drop_tag = false;
    }
  }
  Propagate();
  ComputeText();
  if (!by_class) return;
  // An element holding most of the page's text is not boilerplate, whatever
  // its class says ("has-comments", "page-with-sidebar").
  const uint32_t total = nodes_[body_].chars;
  for (Node& n : nodes_) {
    if (n.is_text || n.removed || n.tag == GUMBO_TAG_HTML || n.tag == GUMBO_TAG_BODY) continue;
    if (2 * n.chars >= total && total > 0) continue;
    n.drop_class = ClassOrIdMatches(n.gumbo, rules_.drop_words);
  }
  Propagate();
  ComputeText();
}

double Extraction::ClassWeight(const GumboNode* node) const {
  double weight = 0;
  for (const char* name : {"class", "id"}) {
    const char* value = Attr(node, name);
    if (value == nullptr) continue;
    bool positive = false, negative = false;
    ForEachClassWord(value, [&](std::string_view w) {
      positive = positive || rules_.positive_words.Matches(w);
      negative = negative || rules_.negative_words.Matches(w);
    });
    if (negative) weight -= 25;
    if (positive) weight += 25;
  }
  return weight;
}

bool Extraction::InsideTags(uint32_t i, std::initializer_list<GumboTag> tags) const {
  for (int32_t a = nodes_[i].parent; a >= 0; a = nodes_[a].parent) {
    if (std::find(tags.begin(), tags.end(), nodes_[a].tag) != tags.end()) return true;
  }
  return false;
}

Block Extraction::InlineBlock(uint32_t index) {
  BlockBuilder builder;
  for (uint32_t i = index + 1; i < nodes_[index].end; ++i) {
    const Node& n = nodes_[i];
    if (!n.is_text) {
      if (IsNonText(n.tag)) i = n.end - 1;
      if (n.tag == GUMBO_TAG_BR) builder.Space(Offset(n.gumbo->v.element.original_tag.data), 0);
      continue;
    }
    const GumboText& t = n.gumbo->v.text;
    builder.AddSource(std::string_view(t.original_text.data, t.original_text.length),
                      Offset(t.original_text.data), t.text, false, false);
  }
  return builder.Take();
}

Block Extraction::AttributeBlock(const GumboAttribute* attribute) {
  std::string_view source(attribute->original_value.data, attribute->original_value.length);
  uint32_t base = Offset(source.data());
  if (source.size() >= 2 && (source.front() == '"' || source.front() == '\'') &&
      source.back() == source.front()) {
    source = source.substr(1, source.size() - 2);
    ++base;
  }
  BlockBuilder builder;
  builder.AddSource(source, base, attribute->value, true, false);
  return builder.Take();
}

void Extraction::ReadMetadata(ExtractedHtml* out, Block* title) {
  std::unordered_map<std::string, const GumboAttribute*> meta;
  JsonLd json_ld;
  int32_t h1 = -1, title_element = -1, preferred_time = -1, any_time = -1;
  std::string lang, canonical, rel_author;
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    const Node& n = nodes_[i];
    if (n.is_text) continue;
    const GumboNode* g = n.gumbo;
    switch (n.tag) {
      case GUMBO_TAG_HTML:
        if (const char* v = Attr(g, "lang"); v && lang.empty()) lang = v;
        break;
      case GUMBO_TAG_META: {
        const GumboAttribute* content = gumbo_get_attribute(&g->v.element.attributes, "content");
        if (content == nullptr) break;
        for (const char* key : {"property", "name", "itemprop", "http-equiv"}) {
          if (const char* v = Attr(g, key)) meta.emplace(AsciiLower(TrimHtmlSpace(v)), content);
        }
        break;
      }
      case GUMBO_TAG_LINK: {
        const char* rel = Attr(g, "rel");
        const char* href = Attr(g, "href");
        if (rel && href && canonical.empty() && AsciiLower(rel).find("canonical") != std::string::npos) {
          canonical = std::string(TrimHtmlSpace(href));
        }
        break;
      }
      case GUMBO_TAG_TITLE:
        if (title_element < 0) title_element = static_cast<int32_t>(i);
        break;
      case GUMBO_TAG_H1:
        if (h1 < 0 && !InsideTags(i, {GUMBO_TAG_NAV, GUMBO_TAG_FOOTER, GUMBO_TAG_ASIDE})) {
          h1 = static_cast<int32_t>(i);
        }
        break;
      case GUMBO_TAG_TIME:
        if (Attr(g, "datetime") == nullptr ||
            InsideTags(i, {GUMBO_TAG_NAV, GUMBO_TAG_FOOTER, GUMBO_TAG_ASIDE})) {
          break;
        }
        if (any_time < 0) any_time = static_cast<int32_t>(i);
        if (preferred_time < 0 &&
            (Attr(g, "pubdate") != nullptr ||
             AsciiLower(Attr(g, "itemprop") ? Attr(g, "itemprop") : "") == "datepublished" ||
             AsciiLower(Attr(g, "class") ? Attr(g, "class") : "").find("publi") != std::string::npos)) {
          preferred_time = static_cast<int32_t>(i);
        }
        break;
      case GUMBO_TAG_SCRIPT: {
        const char* type = Attr(g, "type");
        if (type == nullptr || AsciiLower(TrimHtmlSpace(type)) != "application/ld+json") break;
        const GumboVector& children = g->v.element.children;
        if (children.length > 0) {
          const auto* child = static_cast<const GumboNode*>(children.data[0]);
          if (child->type == GUMBO_NODE_TEXT) ReadJsonLd(child->v.text.text, &json_ld);
        }
        break;
      }
      case GUMBO_TAG_A:
        if (const char* rel = Attr(g, "rel"); rel && rel_author.empty() && AsciiLower(rel) == "author") {
          rel_author = PlainTextFromHtml(InlineBlock(i).text);
        }
        break;
      default:
        break;
    }
  }
  auto meta_value = [&](const std::string& key) -> std::string {
    auto it = meta.find(key);
    return it == meta.end() ? "" : CollapseWhitespace(it->second->value);
  };

  // Date: the rules' meta names, JSON-LD, then <time datetime>.
  for (const std::string& key : rules_.date_meta) {
    if (out->date.empty()) out->date = NormalizeDate(meta_value(key));
  }
  if (out->date.empty()) out->date = NormalizeDate(json_ld.date);
  for (const int32_t t : {preferred_time, any_time}) {
    if (out->date.empty() && t >= 0) out->date = NormalizeDate(Attr(nodes_[t].gumbo, "datetime"));
  }

  // Author: meta names (not profile URLs), JSON-LD, rel="author".
  for (const std::string& key : rules_.author_meta) {
    std::string value = meta_value(key);
    if (out->author.empty() && value.find("://") == std::string::npos) out->author = value;
  }
  if (out->author.empty()) out->author = json_ld.author;
  if (out->author.empty()) out->author = rel_author;

  out->outlet = meta_value("og:site_name");
  if (out->outlet.empty()) out->outlet = CollapseWhitespace(json_ld.outlet);
  if (out->outlet.empty()) out->outlet = meta_value("application-name");
  out->url = canonical;
  if (out->url.empty()) out->url = meta_value("og:url");
  if (out->url.empty()) out->url = std::string(TrimHtmlSpace(json_ld.url));
  out->language = PrimaryLanguageSubtag(lang);
  for (const std::string& v : {meta_value("content-language"), meta_value("og:locale"), json_ld.language}) {
    if (out->language.empty()) out->language = PrimaryLanguageSubtag(v);
  }

  // Title: og:title, the first <h1>, <title>; without a " | Site" suffix.
  Block heading = h1 >= 0 ? InlineBlock(h1) : Block();
  if (auto it = meta.find("og:title"); it != meta.end()) *title = AttributeBlock(it->second);
  if (title->text.empty()) {
    *title = std::move(heading);
    heading = Block();
  }
  if (title->text.empty() && title_element >= 0) *title = InlineBlock(title_element);
  if (title->text.empty() && !json_ld.headline.empty()) {
    title->text = CollapseWhitespace(json_ld.headline);  // only in a script: no source offsets
    title->pieces = {{0, static_cast<uint32_t>(title->text.size()), 0, 0}};
  }
  static constexpr std::string_view kSeparators[] = {" | ", " - ", " – ", " — ", " · ", " :: "};
  for (const std::string_view sep : kSeparators) {
    const std::string_view text = title->text;
    const size_t pos = text.find(sep);
    if (pos == std::string_view::npos || pos == 0) continue;
    if (!heading.text.empty() && text.substr(0, pos) == heading.text) {
      *title = std::move(heading);  // "Headline | Site" with an <h1> "Headline"
      break;
    }
    if (out->outlet.empty()) continue;
    const size_t last = text.rfind(sep);
    if (EqualsIgnoreCase(TrimHtmlSpace(text.substr(last + sep.size())), out->outlet)) {
      *title = title->Slice(0, last);
      break;
    }
    if (EqualsIgnoreCase(TrimHtmlSpace(text.substr(0, pos)), out->outlet)) {
      *title = title->Slice(pos + sep.size(), text.size());
      break;
    }
  }
  out->title = title->text;
}

std::vector<uint32_t> Extraction::FindContainer() {
  // Every paragraph votes for its ancestors, less the further up they are.
  auto vote = [&](uint32_t paragraph, int32_t first_ancestor) {
    const Node& p = nodes_[paragraph];
    const double score = 1.0 + p.commas + std::min<double>(p.chars / 100, 3);
    int32_t a = first_ancestor;
    for (int level = 0; level < 5 && a >= 0 && nodes_[a].tag != GUMBO_TAG_HTML; ++level) {
      Node& ancestor = nodes_[a];
      if (!ancestor.candidate) {
        ancestor.candidate = true;
        switch (ancestor.tag) {
          case GUMBO_TAG_DIV: ancestor.score = 5; break;
          case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: ancestor.score = 3; break;
          case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL:
          case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM:
            ancestor.score = -3;
            break;
          case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
          case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TH:
            ancestor.score = -5;
            break;
          default: ancestor.score = 0; break;
        }
        ancestor.score += ClassWeight(ancestor.gumbo);
      }
      ancestor.score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
      a = ancestor.parent;
    }
  };
  for (Node& n : nodes_) n.candidate = false, n.score = 0;
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    const Node& n = nodes_[i];
    if (n.removed || n.chars < kMinParagraphChars || n.parent < 0) continue;
    const Node& parent = nodes_[n.parent];
    if (n.is_text) {
      // Text written straight into a container, without <p>.
      const bool bare = IsBlockTag(parent.tag) && parent.tag != GUMBO_TAG_P &&
                        parent.tag != GUMBO_TAG_PRE && parent.tag != GUMBO_TAG_TD &&
                        HasBlockChild(static_cast<uint32_t>(n.parent));
      if (bare) vote(i, n.parent);
      continue;
    }
    const bool paragraph =
        n.tag == GUMBO_TAG_P || n.tag == GUMBO_TAG_PRE || n.tag == GUMBO_TAG_TD ||
        ((n.tag == GUMBO_TAG_DIV || n.tag == GUMBO_TAG_SECTION || n.tag == GUMBO_TAG_ARTICLE) &&
         !HasBlockChild(i));
    if (paragraph) vote(i, n.parent);
  }

  std::vector<uint32_t> ranked;
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].candidate) ranked.push_back(i);
  }
  if (ranked.empty()) return {static_cast<uint32_t>(body_)};
  std::stable_sort(ranked.begin(), ranked.end(),
                   [&](uint32_t a, uint32_t b) { return Adjusted(a) > Adjusted(b); });
  uint32_t top = ranked[0];
  const double top_score = Adjusted(top);

  // When several strong candidates sit in one ancestor, the article is that
  // ancestor (paragraphs grouped in sub-containers).
  std::vector<uint32_t> strong;
  for (size_t k = 1; k < ranked.size() && k < 5; ++k) {
    if (Adjusted(ranked[k]) >= 0.75 * top_score) strong.push_back(ranked[k]);
  }
  if (strong.size() >= 3) {
    for (int32_t a = nodes_[top].parent; a >= 0 && a != body_; a = nodes_[a].parent) {
      const auto inside = std::count_if(strong.begin(), strong.end(), [&](uint32_t s) {
        return s > static_cast<uint32_t>(a) && s < nodes_[a].end;
      });
      if (inside >= 3) {
        top = static_cast<uint32_t>(a);
        break;
      }
    }
  }

  // An <article> around the winner is the page's own statement of where the
  // article is: its header holds the standfirst and byline. Not when it
  // holds other articles (a list of teasers) or mostly something else.
  for (int32_t a = static_cast<int32_t>(top); a >= 0 && a != body_; a = nodes_[a].parent) {
    if (nodes_[a].tag != GUMBO_TAG_ARTICLE) continue;
    bool nested = false;
    for (uint32_t j = static_cast<uint32_t>(a) + 1; j < nodes_[a].end && !nested; ++j) {
      nested = nodes_[j].tag == GUMBO_TAG_ARTICLE && !nodes_[j].is_text;
    }
    if (!nested && 2 * nodes_[top].chars >= nodes_[a].chars) return {static_cast<uint32_t>(a)};
    break;
  }

  // Siblings that look like more of the same article join it.
  const int32_t parent = nodes_[top].parent;
  if (parent < 0) return {top};
  const double threshold = std::max(10.0, Adjusted(top) * 0.2);
  const char* top_class = Attr(nodes_[top].gumbo, "class");
  std::vector<uint32_t> roots;
  for (uint32_t j = static_cast<uint32_t>(parent) + 1; j < nodes_[parent].end; j = nodes_[j].end) {
    const Node& s = nodes_[j];
    if (s.is_text || s.removed) continue;
    bool join = j == top;
    if (!join && s.candidate) {
      const char* cls = Attr(s.gumbo, "class");
      const double bonus = top_class && cls && std::string_view(top_class) == cls ? Adjusted(top) * 0.2 : 0;
      join = Adjusted(j) + bonus >= threshold;
    }
    if (!join && s.tag == GUMBO_TAG_P && s.chars > 0) {
      const double density = static_cast<double>(s.link_chars) / s.chars;
      if (s.chars >= 80) {
        join = density < 0.25;
      } else if (density == 0) {
        const std::string text = InlineBlock(j).text;
        join = text.find(". ") != std::string::npos || text.ends_with(".");
      }
    }
    if (join) roots.push_back(j);
  }
  return roots;
}

std::vector<Block> Extraction::CollectBlocks(const std::vector<uint32_t>& roots,
                                             const Block& title) {
  std::vector<Block> blocks;
  BlockBuilder builder;
  std::vector<std::pair<uint32_t, GumboTag>> open;  // block elements: end index, tag
  auto flush = [&] {
    if (!builder.empty()) blocks.push_back(builder.Take());
  };
  for (const uint32_t root : roots) {
    for (uint32_t i = root; i < nodes_[root].end; ++i) {
      while (!open.empty() && open.back().first <= i) {
        open.pop_back();
        flush();
        builder.set_tag(open.empty() ? GUMBO_TAG_UNKNOWN : open.back().second);
      }
      const Node& n = nodes_[i];
      if (n.removed) {
        i = n.end - 1;
        continue;
      }
      if (n.is_text) {
        const GumboText& t = n.gumbo->v.text;
        builder.AddSource(std::string_view(t.original_text.data, t.original_text.length),
                          Offset(t.original_text.data), t.text, false, n.in_link);
      } else if (n.tag == GUMBO_TAG_BR) {
        const GumboStringPiece& tag = n.gumbo->v.element.original_tag;
        if (builder.LineBreak(Offset(tag.data), static_cast<uint32_t>(tag.length))) flush();
      } else if (IsBlockTag(n.tag)) {
        flush();
        open.push_back({n.end, n.tag});
        builder.set_tag(n.tag);
      }
    }
    while (!open.empty()) open.pop_back();
    flush();
  }

  // Link lists, furniture phrases and a repeat of the title are not text.
  bool title_seen = false;
  std::vector<Block> kept;
  for (Block& b : blocks) {
    if (b.chars == 0 || b.link_chars > kMaxBlockLinkDensity * b.chars) continue;
    if (!title_seen && !title.text.empty() && b.text == title.text) {
      title_seen = true;
      continue;
    }
    // A one-word block ("Region", "Sport") is a label, not prose ("Yes.").
    if (b.text.size() < 30 && b.text.find(' ') == std::string::npos && !IsHeadingTag(b.tag) &&
        !EndsSentence(b.text)) {
      continue;
    }
    if (b.text.size() <= kMaxPhraseBytes) {
      std::string lower;
      utf8::AppendLower(TrimToAlnum(b.text), &lower);
      if (lower.empty() || rules_.phrases.count(lower)) continue;
    }
    kept.push_back(std::move(b));
  }
  return kept;
}

Status Extraction::Run(const HtmlExtractOptions& options, ExtractedHtml* out) {
  Block title;
  std::vector<Block> blocks;
  for (const bool by_class : {true, false}) {
    MarkDrops(by_class);
    if (by_class && options.whole_page) ReadMetadata(out, &title);
    const std::vector<uint32_t> roots =
        options.find_main_container ? FindContainer() : std::vector<uint32_t>{static_cast<uint32_t>(body_)};
    blocks = CollectBlocks(roots, title);
    if (!blocks.empty()) break;
  }
  if (blocks.empty()) return Status::BadInput("no article text found");

  out->text.clear();
  out->anchors.clear();
  auto append = [&](const Block& b) {
    const auto base = static_cast<uint32_t>(out->text.size());
    for (const Piece& p : b.pieces) out->anchors.push_back({base + p.text, p.src, p.src_len});
    out->text += b.text;
  };
  auto separator = [&] {
    uint32_t src = 0;
    if (!out->anchors.empty()) src = out->anchors.back().raw + out->anchors.back().raw_length;
    out->anchors.push_back({static_cast<uint32_t>(out->text.size()), src, 0});
    out->text += "\n\n";
  };
  if (!title.text.empty()) append(title);
  for (const Block& b : blocks) {
    if (!out->text.empty()) separator();
    append(b);
  }
  return Status::Ok();
}

}  // namespace

void WordSet::Add(std::string_view entry) {
  if (entry.ends_with('*')) {
    prefixes_.emplace_back(entry.substr(0, entry.size() - 1));
  } else {
    exact_.emplace(entry);
  }
}

bool WordSet::Matches(std::string_view word) const {
  if (exact_.count(std::string(word))) return true;
  for (const std::string& prefix : prefixes_) {
    if (word.starts_with(prefix)) return true;
  }
  return false;
}

Result<HtmlRules> HtmlRules::Parse(std::string_view text, const std::string& origin) {
  HtmlRules rules;
  size_t line_number = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = TrimHtmlSpace(line);
    if (line.empty()) continue;
    const size_t space = line.find_first_of(" \t");
    const std::string_view kind = line.substr(0, space);
    const std::string_view value = space == std::string_view::npos ? "" : TrimHtmlSpace(line.substr(space));
    if (value.empty()) {
      return Status::BadInput(fmt::format("{}:{}: rule \"{}\" has no value", origin, line_number, kind));
    }
    const std::string lower = AsciiLower(value);
    if (kind == "tag") {
      rules.drop_tags.insert(lower);
    } else if (kind == "drop") {
      rules.drop_words.Add(lower);
    } else if (kind == "positive") {
      rules.positive_words.Add(lower);
    } else if (kind == "negative") {
      rules.negative_words.Add(lower);
    } else if (kind == "phrase") {
      std::string phrase;
      utf8::AppendLower(value, &phrase);
      rules.phrases.insert(std::move(phrase));
    } else if (kind == "date-meta") {
      rules.date_meta.push_back(lower);
    } else if (kind == "author-meta") {
      rules.author_meta.push_back(lower);
    } else {
      return Status::BadInput(fmt::format("{}:{}: unknown rule \"{}\"", origin, line_number, kind));
    }
  }
  return rules;
}

Result<std::unique_ptr<HtmlExtractor>> HtmlExtractor::Load(const std::string& data_dir) {
  const std::string path = data_dir + "/ingest/html_boilerplate.txt";
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("cannot read {}", path));
  std::ostringstream content;
  content << in.rdbuf();
  auto rules = HtmlRules::Parse(content.str(), path);
  if (!rules.ok()) return rules.status();
  return std::make_unique<HtmlExtractor>(std::move(rules).value());
}

Status HtmlExtractor::Extract(std::string_view html, const HtmlExtractOptions& options,
                              ExtractedHtml* out) const {
  *out = ExtractedHtml();
  size_t where = 0;
  if (EstimateNesting(html, &where) > kMaxNesting) {
    return Status::BadInput(fmt::format(
        "markup nested more than {} elements deep (at byte {}): not parsed", kMaxNesting, where));
  }
  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.max_errors = 0;  // errors are not used; recording them costs memory
  std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
      gumbo_parse_with_options(&gumbo_options, html.data(), html.size()));
  if (output == nullptr || output->root == nullptr) return Status::BadInput("cannot parse HTML");
  Extraction extraction(rules_, html, output.get());
  return extraction.Run(options, out);
}

std::vector<TextAnchor> MapAnchorsToInput(const std::vector<TextAnchor>& anchors,
                                          size_t text_size, const DecodedMarkup& decoded) {
  std::vector<TextAnchor> out;
  if (decoded.to_raw.empty()) {
    out = anchors;
    for (TextAnchor& a : out) a.raw += static_cast<uint32_t>(decoded.bom_length);
    return out;
  }
  std::vector<Piece> pieces;
  const std::string_view source = decoded.text;
  for (size_t k = 0; k < anchors.size(); ++k) {
    const TextAnchor& a = anchors[k];
    const uint32_t text_end = k + 1 < anchors.size() ? anchors[k + 1].text : static_cast<uint32_t>(text_size);
    const uint32_t text_len = text_end - a.text;
    if (text_len != a.raw_length || a.raw_length == 0) {
      // One replaced unit: it maps to the input bytes of its whole source.
      const auto from = static_cast<uint32_t>(decoded.RawOffset(a.raw));
      const auto to = static_cast<uint32_t>(decoded.RawOffset(a.raw + a.raw_length));
      AddPiece(&pieces, {a.text, text_len, from, to - from});
      continue;
    }
    // Copied text: character by character, since a transcoded character has
    // a different size in the input.
    for (uint32_t i = 0; i < text_len;) {
      size_t len = 0;
      utf8::Decode(source, a.raw + i, &len);
      len = std::min<size_t>(len, text_len - i);
      const auto from = static_cast<uint32_t>(decoded.RawOffset(a.raw + i));
      const auto to = static_cast<uint32_t>(decoded.RawOffset(a.raw + i + len));
      AddPiece(&pieces, {a.text + i, static_cast<uint32_t>(len), from, to - from});
      i += static_cast<uint32_t>(len);
    }
  }
  out.reserve(pieces.size());
  for (const Piece& p : pieces) out.push_back({p.text, p.src, p.src_len});
  return out;
}

std::string FindDeclaredCharset(std::string_view head) {
  head = head.substr(0, 4096);
  const std::string lower = AsciiLower(head);
  auto value_after = [&](size_t pos) -> std::string {
    while (pos < lower.size() && (IsHtmlSpace(lower[pos]) || lower[pos] == '=')) ++pos;
    if (pos < lower.size() && (lower[pos] == '"' || lower[pos] == '\'')) ++pos;
    size_t end = pos;
    while (end < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[end])) ||
                                  lower[end] == '-' || lower[end] == '_' || lower[end] == ':' ||
                                  lower[end] == '.')) {
      ++end;
    }
    return lower.substr(pos, end - pos);
  };
  if (lower.starts_with("<?xml")) {
    const size_t end = lower.find("?>");
    const size_t enc = lower.find("encoding", 5);
    if (enc != std::string::npos && enc < end) return value_after(enc + 8);
  }
  size_t pos = 0;
  while ((pos = lower.find("<meta", pos)) != std::string::npos) {
    const size_t end = lower.find('>', pos);
    if (end == std::string::npos) break;
    const size_t charset = lower.find("charset", pos);
    if (charset != std::string::npos && charset < end) {
      std::string value = value_after(charset + 7);
      if (!value.empty()) return value;
    }
    pos = end;
  }
  return "";
}

}  // namespace veille
