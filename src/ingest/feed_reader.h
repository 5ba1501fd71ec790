// Reads RSS (2.0, 1.0, 0.9x) and Atom feeds: one article per item or entry.
#pragma once

#include <string>
#include <string_view>

#include "ingest/html_extractor.h"
#include "ingest/reader.h"

namespace veille {

// Reads a whole feed held in memory and sends one article per item (RSS) or
// entry (Atom) to `sink`, in document order, then the errors. Each article's
// text is the item's title, a blank line, and the text of its
// content:encoded, content, description or summary (HTML through
// `extractor`); its raw bytes are the item's exact XML, source.line the
// item's number (1-based) and source.offset the item's byte offset in the
// feed. XML errors are reported as "XML error at line L, column C: ..."; the
// items before an error are kept, and after an error that stops the parser
// reading resumes at the next item, so one broken item costs only itself.
void ReadFeed(std::string_view bytes, const std::string& path, const ReadOptions& options,
              const HtmlExtractor& extractor, ArticleSink* sink);

// Whether `head` (the first bytes of a file) is an RSS or Atom feed: the
// first element, after an XML declaration, comments and processing
// instructions, is <rss>, <rdf:RDF> or <feed>.
bool LooksLikeFeed(std::string_view head);

}  // namespace veille
