// Builds articles from HTML pages: decoding, main-text extraction, metadata,
// and anchors from the text back to the page's bytes.
#pragma once

#include <string>
#include <string_view>

#include "ingest/html_extractor.h"
#include "veille/article.h"
#include "veille/status.h"

namespace veille {

// Builds an article from the bytes of an HTML page. `charset` is the charset
// a transport declared (an HTTP Content-Type), "" when none: then the page's
// own <meta charset> is used. The article's raw bytes are the page, its text
// the extracted title and paragraphs, with source.anchors and format "html".
// `path` is only recorded, never opened.
Status MakeHtmlArticle(std::string_view bytes, std::string_view charset, const std::string& path,
                       const HtmlExtractor& extractor, Article* article);

// Whether `head` (the first bytes of a file) is an HTML page: after a byte
// order mark, white space, comments and an XML declaration, it starts with
// "<!DOCTYPE html" or "<html" (in any case).
bool LooksLikeHtml(std::string_view head);

}  // namespace veille
