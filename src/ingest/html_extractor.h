// The main text of an HTML page without its boilerplate, and its metadata.
//
// Readability-style: page furniture (scripts, navigation, share bars, cookie
// banners, comments, related links...) is dropped by tag and by class/id
// words listed in data/ingest/html_boilerplate.txt; the remaining paragraph
// containers are scored by text length, commas and link density; the best
// container's paragraphs, headings, block quotes and list items are kept in
// document order. Every piece of the text keeps where it came from.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ingest/decode.h"
#include "veille/article.h"
#include "veille/status.h"

namespace veille {

// A set of lowercase class/id words; an entry ending in '*' matches a prefix.
class WordSet {
 public:
  void Add(std::string_view entry);
  bool Matches(std::string_view word) const;
  bool empty() const { return exact_.empty() && prefixes_.empty(); }

 private:
  std::unordered_set<std::string> exact_;
  std::vector<std::string> prefixes_;
};

// What tells an article from page furniture; see data/ingest/html_boilerplate.txt.
struct HtmlRules {
  std::unordered_set<std::string> drop_tags;  // lowercase element names
  WordSet drop_words;                         // class/id words of boilerplate
  WordSet positive_words;                     // class/id words of article content
  WordSet negative_words;                     // class/id words of secondary content
  std::unordered_set<std::string> phrases;    // lowercase blocks that are only furniture
  std::vector<std::string> date_meta;         // <meta> names giving the date, best first
  std::vector<std::string> author_meta;       // <meta> names giving the author, best first

  // Parses the rule file's text; `origin` names it in error messages.
  static Result<HtmlRules> Parse(std::string_view text, const std::string& origin);
};

struct HtmlExtractOptions {
  // Search the page for the element that holds the article. When false (feed
  // fragments), every block of the body that is not boilerplate is kept.
  bool find_main_container = true;
  // A whole page: read its title and metadata. False for fragments (feed
  // item content), whose text is only their blocks.
  bool whole_page = true;
};

// What Extract() found. `text` is the title, a blank line, then the
// paragraphs separated by blank lines (no title line when there is none).
struct ExtractedHtml {
  std::string text;
  std::string title;
  std::string date;  // ISO 8601, see NormalizeDate()
  std::string author;
  std::string outlet;
  std::string url;
  std::string language;  // primary language subtag, lowercase
  // Where each stretch of `text` comes from; `raw` offsets are into the HTML
  // given to Extract(), not yet into the input bytes.
  std::vector<TextAnchor> anchors;
};

// Immutable once built; Extract() is thread-safe.
class HtmlExtractor {
 public:
  explicit HtmlExtractor(HtmlRules rules) : rules_(std::move(rules)) {}

  // Loads DATA_DIR/ingest/html_boilerplate.txt.
  static Result<std::unique_ptr<HtmlExtractor>> Load(const std::string& data_dir);

  // Extracts from a page in UTF-8. Broken markup still yields text; an empty
  // main text is an error ("no article text found"), and so is markup nested
  // deeper than the parser can handle in reasonable time.
  Status Extract(std::string_view html, const HtmlExtractOptions& options,
                 ExtractedHtml* out) const;

  const HtmlRules& rules() const { return rules_; }

 private:
  HtmlRules rules_;
};

// Rewrites anchors whose `raw` offsets are into decoded.text (as Extract()
// returns them) into anchors into the input bytes `decoded` came from.
// `text_size` is the size of the text the anchors cover.
std::vector<TextAnchor> MapAnchorsToInput(const std::vector<TextAnchor>& anchors,
                                          size_t text_size, const DecodedMarkup& decoded);

// The charset a page declares in its first bytes (<meta charset>, <meta
// http-equiv="Content-Type">, or an XML declaration), or "".
std::string FindDeclaredCharset(std::string_view head);

}  // namespace veille
