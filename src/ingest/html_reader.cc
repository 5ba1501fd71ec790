#include "ingest/html_reader.h"

#include <cctype>

#include "ingest/decode.h"
#include "ingest/html_text.h"
#include "ingest/reader.h"
#include "util/hash.h"

namespace veille {

Status MakeHtmlArticle(std::string_view bytes, std::string_view charset, const std::string& path,
                       const HtmlExtractor& extractor, Article* article) {
  DecodedMarkup decoded;
  Status status = DecodeMarkup(bytes, charset.empty() ? FindDeclaredCharset(bytes) : charset,
                               &decoded);
  if (!status.ok()) return status;
  ExtractedHtml page;
  status = extractor.Extract(decoded.text, HtmlExtractOptions(), &page);
  if (!status.ok()) return status;
  article->source.anchors = MapAnchorsToInput(page.anchors, page.text.size(), decoded);
  article->text = std::move(page.text);
  article->raw.assign(bytes);
  article->id = ArticleIdFromText(article->text);
  article->title = std::move(page.title);
  article->url = std::move(page.url);
  article->date = std::move(page.date);
  article->outlet = std::move(page.outlet);
  article->language = std::move(page.language);
  article->author = std::move(page.author);
  article->source.path = path;
  article->source.line = 0;
  article->source.format = "html";
  article->source.encoding = decoded.encoding;
  article->source.sha256 = Sha256Hex(bytes);
  return Status::Ok();
}

bool LooksLikeHtml(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  while (true) {
    while (!head.empty() && IsHtmlSpace(head.front())) head.remove_prefix(1);
    if (head.starts_with("<!--")) {
      const size_t end = head.find("-->");
      if (end == std::string_view::npos) return false;
      head.remove_prefix(end + 3);
    } else if (head.starts_with("<?")) {
      const size_t end = head.find("?>");
      if (end == std::string_view::npos) return false;
      head.remove_prefix(end + 2);
    } else {
      break;
    }
  }
  std::string start(head.substr(0, 15));
  for (char& c : start) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (start.starts_with("<!doctype html")) return true;
  return start.starts_with("<html") && start.size() > 5 && (IsHtmlSpace(start[5]) || start[5] == '>');
}

}  // namespace veille
