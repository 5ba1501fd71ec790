#include "ingest/feed_reader.h"

#include <fmt/format.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <unordered_map>

#include "ingest/dates.h"
#include "ingest/decode.h"
#include "ingest/html_text.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace veille {
namespace {

// After this many restarts (each after an error that stopped the parser) the
// rest of the feed is given up.
constexpr size_t kMaxRestarts = 1000;
// XML errors reported per feed; the rest are counted in one last line.
constexpr size_t kMaxReportedErrors = 10;
// Item content larger than this is searched for its main container like a page.
constexpr size_t kLargeFragment = 16 * 1024;
constexpr size_t kChunk = 4u << 20;

bool KnownNamespace(const xmlChar* uri) {
  if (uri == nullptr) return true;
  static constexpr const char* kNamespaces[] = {
      "http://purl.org/rss/1.0/",
      "http://my.netscape.com/rdf/simple/0.9/",
      "http://backend.userland.com/rss2",
      "http://www.w3.org/2005/Atom",
      "http://purl.org/atom/ns#",
      "http://purl.org/rss/1.0/modules/content/",
      "http://purl.org/dc/elements/1.1/",
      "http://purl.org/dc/terms/"};
  const auto* u = reinterpret_cast<const char*>(uri);
  for (const char* ns : kNamespaces) {
    if (std::strcmp(u, ns) == 0) return true;
  }
  return false;
}

std::string_view View(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

enum class Field {
  kNone, kTitle, kLink, kId, kPublished, kUpdated, kAuthor, kContent, kDescription, kSummary,
};

// Which item field an element is, by its local name.
Field FieldOf(std::string_view local) {
  static constexpr std::pair<std::string_view, Field> kFields[] = {
      {"title", Field::kTitle},         {"link", Field::kLink},
      {"guid", Field::kId},             {"id", Field::kId},
      {"pubDate", Field::kPublished},   {"published", Field::kPublished},
      {"issued", Field::kPublished},    {"date", Field::kPublished},
      {"updated", Field::kUpdated},     {"modified", Field::kUpdated},
      {"author", Field::kAuthor},       {"creator", Field::kAuthor},
      {"encoded", Field::kContent},     {"content", Field::kContent},
      {"description", Field::kDescription}, {"summary", Field::kSummary}};
  for (const auto& [name, field] : kFields) {
    if (local == name) return field;
  }
  return Field::kNone;
}

// The text of one item field, and how to read it.
struct Text {
  std::string value;
  std::string type;     // Atom: text | html | xhtml | a MIME type; "" for RSS
  bool markup = false;  // had child elements: `value` is their XML source
};

struct Item {
  uint64_t number = 0;
  size_t depth = 0;
  int64_t start = -1;  // buffer offset of its '<', -1 when unknown
  int line = 0;
  bool broken = false;
  Text title, content, description, summary;
  std::string link, id, published, updated, language;
  bool id_is_permalink = true;
  std::vector<std::string> authors;
};

// A libxml2 entity standing for an HTML named reference ("&eacute;"), which
// feeds use without declaring it; unknown names become U+FFFD.
struct HtmlEntity {
  ~HtmlEntity() {
    if (entity.orig != nullptr) xmlFree(entity.orig);  // set by libxml2 on redeclaration
  }
  xmlEntity entity;
  std::string name;
  std::string content;
};

class FeedParser {
 public:
  FeedParser(std::string_view bytes, const DecodedMarkup& decoded, const std::string& path,
             const ReadOptions& options, const HtmlExtractor& extractor, ArticleSink* sink)
      : bytes_(bytes), buffer_(decoded.text), decoded_(decoded), path_(path),
        options_(options), extractor_(extractor), sink_(sink) {}

  void Run();

 private:
  struct Open {
    std::string local;
    int64_t start;  // buffer offset of '<', -1 when synthetic or unknown
  };

  // Parses buffer_[resume:] after `prefix` (the start tags of the elements
  // enclosing the items). Returns true when an error stopped the parser.
  bool Parse(size_t resume, const std::string& prefix);
  int64_t Offset() const;
  int64_t TagStart(int64_t offset, const xmlChar* prefix, const xmlChar* local) const;
  void Report(Status status);
  void StartElement(const xmlChar* local, const xmlChar* prefix, const xmlChar* uri,
                    int nb_attributes, const xmlChar** attributes);
  void EndElement(const xmlChar* local);
  void Error(const xmlError* error);
  xmlEntityPtr GetEntity(const xmlChar* name);
  void Finish(Item* item, int64_t end);
  std::string BodyText(const Text& text) const;

  static void OnStart(void* ctx, const xmlChar* local, const xmlChar* prefix, const xmlChar* uri,
                      int, const xmlChar**, int nb_attributes, int,
                      const xmlChar** attributes) {
    static_cast<FeedParser*>(ctx)->StartElement(local, prefix, uri, nb_attributes, attributes);
  }
  static void OnEnd(void* ctx, const xmlChar* local, const xmlChar*, const xmlChar*) {
    static_cast<FeedParser*>(ctx)->EndElement(local);
  }
  static void OnCharacters(void* ctx, const xmlChar* ch, int len) {
    auto* self = static_cast<FeedParser*>(ctx);
    if (self->capture_ != nullptr) self->capture_->append(reinterpret_cast<const char*>(ch), len);
  }
  static void OnError(void* ctx, xmlErrorPtr error) {
    static_cast<FeedParser*>(ctx)->Error(error);
  }
  static xmlEntityPtr OnGetEntity(void* ctx, const xmlChar* name) {
    return static_cast<FeedParser*>(ctx)->GetEntity(name);
  }

  std::string_view bytes_;
  std::string_view buffer_;
  const DecodedMarkup& decoded_;
  const std::string& path_;
  const ReadOptions& options_;
  const HtmlExtractor& extractor_;
  ArticleSink* sink_;

  xmlParserCtxtPtr ctxt_ = nullptr;
  size_t resume_ = 0;       // buffer offset where this parse's input starts
  size_t prefix_size_ = 0;  // synthetic bytes before it
  int base_line_ = 1;       // line and column of buffer_[resume_]
  int base_column_ = 1;
  size_t lines_counted_to_ = 0;  // newlines in buffer_[0:lines_counted_to_] are lines_before_
  size_t lines_before_ = 0;

  std::string format_;    // "rss" or "atom"
  std::string not_feed_;  // the root element when it is not a feed's
  std::vector<Open> open_;
  std::string item_qname_;       // as the first item wrote it ("item", "entry", "atom:entry")
  std::string enclosing_tags_;   // start tags around the first item, for restarts
  std::string channel_title_;
  std::string channel_language_;
  std::unique_ptr<Item> item_;
  uint64_t items_seen_ = 0;
  uint64_t articles_ = 0;

  // The field being read: its text receives the characters.
  Field field_ = Field::kNone;
  size_t field_depth_ = 0;
  int64_t field_inner_start_ = -1;
  std::string field_text_;
  std::string field_type_;
  bool field_markup_ = false;
  std::string author_name_;     // Atom <author><name>
  std::string channel_field_;   // "title" or "language" of the channel, while read
  std::string* capture_ = nullptr;

  int64_t halt_offset_ = 0;
  size_t errors_reported_ = 0;
  size_t errors_skipped_ = 0;
  size_t follow_on_errors_ = 0;
  std::unordered_map<std::string, std::unique_ptr<HtmlEntity>> entities_;
};

int64_t FeedParser::Offset() const {
  const xmlParserInputPtr input = ctxt_->input;
  const auto in_parse = static_cast<int64_t>(input->consumed) + (input->cur - input->base);
  return in_parse - static_cast<int64_t>(prefix_size_) + static_cast<int64_t>(resume_);
}

// The '<' of the start tag the parser just read, checked against its name.
int64_t FeedParser::TagStart(int64_t offset, const xmlChar* prefix, const xmlChar* local) const {
  if (offset <= static_cast<int64_t>(resume_) || offset > static_cast<int64_t>(buffer_.size())) {
    return -1;
  }
  const size_t lt = buffer_.rfind('<', static_cast<size_t>(offset) - 1);
  if (lt == std::string_view::npos || lt < resume_) return -1;
  std::string qname = prefix ? fmt::format("{}:{}", View(prefix), View(local)) : std::string(View(local));
  if (buffer_.substr(lt + 1, qname.size()) != qname) return -1;
  return static_cast<int64_t>(lt);
}

void FeedParser::Report(Status status) {
  if (errors_reported_ >= kMaxReportedErrors) {
    ++errors_skipped_;
    return;
  }
  ++errors_reported_;
  sink_->OnError({path_, 0, std::move(status)});
}

void FeedParser::StartElement(const xmlChar* local_name, const xmlChar* prefix,
                              const xmlChar* uri, int nb_attributes,
                              const xmlChar** attributes) {
  const std::string_view local = View(local_name);
  const int64_t offset = Offset();
  const bool synthetic = offset < static_cast<int64_t>(resume_);
  const int64_t start = synthetic ? -1 : TagStart(offset, prefix, local_name);
  auto attribute = [&](std::string_view name, std::string_view ns_prefix = {}) -> std::string {
    for (int i = 0; i < nb_attributes; ++i) {
      const xmlChar** a = attributes + 5 * i;
      if (View(a[0]) == name && View(a[1]) == ns_prefix) {
        return std::string(reinterpret_cast<const char*>(a[3]), a[4] - a[3]);
      }
    }
    return "";
  };

  if (open_.empty() && format_.empty()) {
    if (local == "rss" || local == "RDF") {
      format_ = "rss";
    } else if (local == "feed") {
      format_ = "atom";
      channel_language_ = attribute("lang", "xml");
    } else {
      not_feed_ = local;
      xmlStopParser(ctxt_);
      return;
    }
  }

  const bool is_item = (local == "item" || local == "entry") && KnownNamespace(uri);
  if (is_item) {
    if (item_ != nullptr) {
      // Items do not nest: the open one lost its end tag.
      Report(Status::BadInput(fmt::format("item {} (line {}) is not closed; skipped",
                                          item_->number, item_->line)));
    }
    if (item_qname_.empty()) {
      item_qname_ = prefix ? fmt::format("{}:{}", View(prefix), local) : std::string(local);
      for (const Open& o : open_) {
        if (o.start < 0) continue;
        const size_t gt = buffer_.find('>', static_cast<size_t>(o.start));
        if (gt == std::string_view::npos) break;
        std::string tag(buffer_.substr(static_cast<size_t>(o.start), gt + 1 - static_cast<size_t>(o.start)));
        std::replace(tag.begin(), tag.end(), '\n', ' ');
        std::replace(tag.begin(), tag.end(), '\r', ' ');
        enclosing_tags_ += tag;
      }
    }
    item_ = std::make_unique<Item>();
    item_->number = ++items_seen_;
    item_->depth = open_.size();
    item_->start = start;
    item_->line = xmlSAX2GetLineNumber(ctxt_) + base_line_ - 1;
    item_->language = attribute("lang", "xml");
    field_ = Field::kNone;
    capture_ = nullptr;
  } else if (item_ != nullptr && open_.size() == item_->depth + 1 && KnownNamespace(uri)) {
    field_ = FieldOf(local);
    field_depth_ = open_.size();
    field_text_.clear();
    field_type_ = attribute("type");
    field_markup_ = false;
    field_inner_start_ = -1;
    capture_ = field_ == Field::kNone ? nullptr : &field_text_;
    if (field_ == Field::kLink && !attribute("href").empty()) {
      const std::string rel = attribute("rel");
      if ((rel.empty() || rel == "alternate") && item_->link.empty()) item_->link = attribute("href");
    }
    if (field_ == Field::kId && attribute("isPermaLink") == "false") item_->id_is_permalink = false;
    if (field_ == Field::kAuthor) author_name_.clear();
    if (offset > 0 && static_cast<size_t>(offset) <= buffer_.size()) {
      const size_t gt = buffer_.find('>', static_cast<size_t>(offset));
      if (gt != std::string_view::npos && buffer_[gt - 1] != '/') field_inner_start_ = static_cast<int64_t>(gt + 1);
    }
  } else if (item_ != nullptr && field_ != Field::kNone && open_.size() > field_depth_) {
    field_markup_ = true;  // child elements: markup inside the field
    if (field_ == Field::kAuthor && local == "name") capture_ = &author_name_;
  } else if (item_ == nullptr && !open_.empty() &&
             (open_.back().local == "channel" || (open_.size() == 1 && format_ == "atom"))) {
    if ((local == "title" && channel_title_.empty()) ||
        (local == "language" && channel_language_.empty())) {
      channel_field_ = local;
      field_text_.clear();
      capture_ = &field_text_;
    }
  }
  open_.push_back({std::string(local), start});
}

void FeedParser::EndElement(const xmlChar* local_name) {
  if (open_.empty()) return;
  open_.pop_back();
  const size_t depth = open_.size();
  if (!channel_field_.empty()) {
    (channel_field_ == "title" ? channel_title_ : channel_language_) = CollapseWhitespace(field_text_);
    channel_field_.clear();
    capture_ = nullptr;
    return;
  }
  if (item_ == nullptr) return;
  if (depth == item_->depth) {
    const int64_t end = Offset();
    std::unique_ptr<Item> item = std::move(item_);
    capture_ = nullptr;
    field_ = Field::kNone;
    if (!item->broken) Finish(item.get(), end);
    return;
  }
  if (field_ != Field::kNone && depth == field_depth_) {
    Text text;
    text.type = field_type_;
    text.markup = field_markup_;
    text.value = std::move(field_text_);
    if (field_markup_ || field_type_ == "xhtml") {
      // Markup inside the field: its XML source is the HTML to read.
      const int64_t end = Offset();
      if (field_inner_start_ >= 0 && end > field_inner_start_ && end <= static_cast<int64_t>(buffer_.size())) {
        const size_t lt = buffer_.rfind('<', static_cast<size_t>(end) - 1);
        if (lt != std::string_view::npos && static_cast<int64_t>(lt) >= field_inner_start_) {
          text.value.assign(buffer_.substr(static_cast<size_t>(field_inner_start_),
                                           lt - static_cast<size_t>(field_inner_start_)));
          text.markup = true;
        }
      }
    }
    Item& item = *item_;
    auto set_text = [](Text* target, Text&& value) {
      if (target->value.empty()) *target = std::move(value);
    };
    auto set = [](std::string* target, std::string value) {
      if (target->empty()) *target = CollapseWhitespace(value);
    };
    switch (field_) {
      case Field::kTitle: set_text(&item.title, std::move(text)); break;
      case Field::kLink: set(&item.link, text.value); break;
      case Field::kId: set(&item.id, text.value); break;
      case Field::kPublished: set(&item.published, text.value); break;
      case Field::kUpdated: set(&item.updated, text.value); break;
      case Field::kAuthor: {
        std::string name = CollapseWhitespace(author_name_.empty() ? text.value : author_name_);
        // RSS writes "email (Name)".
        const size_t open_paren = name.find(" (");
        if (name.find('@') < open_paren && open_paren != std::string::npos && name.ends_with(")")) {
          name = name.substr(open_paren + 2, name.size() - open_paren - 3);
        }
        if (!name.empty() && std::find(item.authors.begin(), item.authors.end(), name) == item.authors.end()) {
          item.authors.push_back(name);
        }
        break;
      }
      case Field::kContent: set_text(&item.content, std::move(text)); break;
      case Field::kDescription: set_text(&item.description, std::move(text)); break;
      case Field::kSummary: set_text(&item.summary, std::move(text)); break;
      case Field::kNone: break;
    }
    field_ = Field::kNone;
    capture_ = nullptr;
    field_text_.clear();
    author_name_.clear();
    return;
  }
  if (field_ == Field::kAuthor && View(local_name) == "name") capture_ = &field_text_;
}

void FeedParser::Error(const xmlError* error) {
  if (error == nullptr || error->level < XML_ERR_FATAL) return;
  halt_offset_ = std::max(halt_offset_, Offset());
  // Errors that follow from one already reported (the rest of a broken item,
  // the end tags of the elements around it) are only counted.
  if ((item_ != nullptr && item_->broken) || (item_ == nullptr && errors_reported_ > 0)) {
    ++follow_on_errors_;
    return;
  }
  const int line = base_line_ + error->line - 1;
  int column = error->int2;
  if (error->line == 1) column = column - static_cast<int>(prefix_size_) + base_column_ - 1;
  std::string message = error->message ? error->message : "unknown error";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  std::string where;
  if (item_ != nullptr) {
    item_->broken = true;
    where = fmt::format(" (item {} skipped)", item_->number);
  }
  const bool at_end = Offset() >= static_cast<int64_t>(buffer_.size());
  Report(Status::BadInput(fmt::format("XML error at line {}, column {}{}: {}{}", line,
                                      std::max(column, 1), at_end ? " (end of file)" : "",
                                      message, where)));
}

xmlEntityPtr FeedParser::GetEntity(const xmlChar* name) {
  if (xmlEntityPtr predefined = xmlGetPredefinedEntity(name)) return predefined;
  // Inside a DTD libxml2 asks whether an entity being declared exists; none
  // does: declarations are never used, so nothing is expanded or fetched.
  if (ctxt_ != nullptr && ctxt_->inSubset != 0) return nullptr;
  const std::string key(View(name));
  auto it = entities_.find(key);
  if (it == entities_.end()) {
    auto holder = std::make_unique<HtmlEntity>();
    holder->name = key;
    const char32_t c = LookupHtmlEntity(key);
    utf8::Append(c == 0 ? utf8::kReplacement : c, &holder->content);
    std::memset(&holder->entity, 0, sizeof holder->entity);
    holder->entity.type = XML_ENTITY_DECL;
    holder->entity.name = reinterpret_cast<const xmlChar*>(holder->name.c_str());
    holder->entity.content = reinterpret_cast<xmlChar*>(holder->content.data());
    holder->entity.length = static_cast<int>(holder->content.size());
    holder->entity.etype = XML_INTERNAL_PREDEFINED_ENTITY;
    it = entities_.emplace(key, std::move(holder)).first;
  }
  return &it->second->entity;
}

std::string FeedParser::BodyText(const Text& text) const {
  const std::string& type = text.type;
  const bool plain = !text.markup && format_ == "atom" &&
                     (type.empty() || type == "text" || (type.starts_with("text/") && type != "text/html"));
  if (plain) {
    // Paragraphs are separated by blank lines; white space inside collapses.
    std::string out;
    size_t pos = 0;
    while (pos < text.value.size()) {
      size_t end = text.value.find("\n\n", pos);
      if (end == std::string::npos) end = text.value.size();
      std::string paragraph = CollapseWhitespace(std::string_view(text.value).substr(pos, end - pos));
      if (!paragraph.empty()) {
        if (!out.empty()) out += "\n\n";
        out += paragraph;
      }
      pos = end + 2;
    }
    return out;
  }
  HtmlExtractOptions options;
  options.whole_page = false;
  options.find_main_container = text.value.size() > kLargeFragment;
  ExtractedHtml page;
  if (!extractor_.Extract(text.value, options, &page).ok()) return "";
  return page.text;
}

void FeedParser::Finish(Item* item, int64_t end) {
  const bool atom_text = format_ == "atom" && (item->title.type.empty() || item->title.type == "text");
  const std::string title = atom_text && !item->title.markup ? CollapseWhitespace(item->title.value)
                                                             : PlainTextFromHtml(item->title.value);
  std::string body;
  for (const Text* t : {&item->content, &item->description, &item->summary}) {
    if (body.empty() && !t->value.empty()) body = BodyText(*t);
  }
  Article article;
  article.text = title;
  if (!body.empty()) article.text += (title.empty() ? "" : "\n\n") + body;
  if (article.text.empty()) {
    Report(Status::BadInput(fmt::format("item {} (line {}) has no title and no text", item->number, item->line)));
    return;
  }
  // The item's own bytes when the parser's offsets check out, else the feed.
  size_t raw_start = 0, raw_end = bytes_.size();
  if (item->start >= 0 && end > item->start && end <= static_cast<int64_t>(buffer_.size()) &&
      buffer_[static_cast<size_t>(end) - 1] == '>') {
    raw_start = decoded_.RawOffset(static_cast<size_t>(item->start));
    raw_end = decoded_.RawOffset(static_cast<size_t>(end));
  }
  if (raw_end - raw_start > options_.max_article_bytes) {
    Report(Status::TooLarge(fmt::format("item {} of {} bytes is over the {} MiB article limit (--max-article-bytes)",
                                        item->number, raw_end - raw_start, options_.max_article_bytes >> 20)));
    return;
  }
  article.raw.assign(bytes_.substr(raw_start, raw_end - raw_start));
  article.title = title;
  article.url = item->link;
  if (article.url.empty() && item->id_is_permalink &&
      (item->id.starts_with("http://") || item->id.starts_with("https://"))) {
    article.url = item->id;
  }
  article.id = !item->id.empty() ? item->id : !item->link.empty() ? item->link : ArticleIdFromText(article.text);
  article.date = NormalizeDate(item->published);
  if (article.date.empty()) article.date = NormalizeDate(item->updated);
  for (const std::string& name : item->authors) {
    if (!article.author.empty()) article.author += ", ";
    article.author += name;
  }
  article.outlet = PlainTextFromHtml(channel_title_);
  const std::string& language = !item->language.empty() ? item->language : channel_language_;
  article.language = PrimaryLanguageSubtag(language);
  article.source.path = path_;
  article.source.line = item->number;
  article.source.offset = raw_start;
  article.source.format = format_;
  article.source.encoding = decoded_.encoding;
  article.source.sha256 = Sha256Hex(article.raw);
  ++articles_;
  sink_->OnArticle(std::move(article));
}

bool FeedParser::Parse(size_t resume, const std::string& prefix) {
  xmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = OnStart;
  sax.endElementNs = OnEnd;
  sax.characters = OnCharacters;
  sax.cdataBlock = OnCharacters;
  sax.ignorableWhitespace = OnCharacters;
  sax.serror = OnError;
  sax.getEntity = OnGetEntity;
  resume_ = resume;
  prefix_size_ = prefix.size();
  open_.clear();
  item_.reset();
  field_ = Field::kNone;
  capture_ = nullptr;
  channel_field_.clear();
  halt_offset_ = static_cast<int64_t>(resume);
  ctxt_ = xmlCreatePushParserCtxt(&sax, this, nullptr, 0, path_.c_str());
  if (ctxt_ == nullptr) {
    Report(Status::Internal("cannot create an XML parser"));
    return false;
  }
  xmlCtxtUseOptions(ctxt_, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_IGNORE_ENC |
                               XML_PARSE_NOWARNING);
  bool halted = false;
  if (!prefix.empty()) xmlParseChunk(ctxt_, prefix.data(), static_cast<int>(prefix.size()), 0);
  for (size_t pos = resume; !halted;) {
    const size_t n = std::min(kChunk, buffer_.size() - pos);
    const bool last = pos + n == buffer_.size();
    xmlParseChunk(ctxt_, buffer_.data() + pos, static_cast<int>(n), last ? 1 : 0);
    pos += n;
    halted = ctxt_->disableSAX != 0;
    if (last) break;
  }
  if (halted) halt_offset_ = std::max(halt_offset_, Offset());
  // libxml2 makes a document to hold the declarations of an internal DTD
  // subset even for SAX; it is ours to free.
  if (ctxt_->myDoc != nullptr) {
    xmlFreeDoc(ctxt_->myDoc);
    ctxt_->myDoc = nullptr;
  }
  xmlFreeParserCtxt(ctxt_);
  ctxt_ = nullptr;
  return halted && not_feed_.empty();
}

void FeedParser::Run() {
  size_t resume = 0;
  std::string prefix;
  for (size_t restarts = 0;; ++restarts) {
    if (!Parse(resume, prefix)) break;
    if (restarts == kMaxRestarts) {
      Report(Status::BadInput(fmt::format("gave up after {} XML errors", restarts)));
      break;
    }
    // Resume at the next item after the error, inside the same enclosing elements.
    const std::string qname = !item_qname_.empty() ? item_qname_ : format_ == "atom" ? "entry" : "item";
    size_t next = static_cast<size_t>(std::max<int64_t>(halt_offset_, static_cast<int64_t>(resume) + 1));
    while ((next = buffer_.find("<" + qname, next)) != std::string_view::npos) {
      const size_t after = next + 1 + qname.size();
      if (after < buffer_.size() && (IsHtmlSpace(buffer_[after]) || buffer_[after] == '>' || buffer_[after] == '/')) break;
      ++next;
    }
    if (next == std::string_view::npos) break;
    prefix = !enclosing_tags_.empty() ? enclosing_tags_
             : format_ == "atom"      ? "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                                      : "<rss><channel>";
    // Line and column of the resume point, for error messages.
    lines_before_ += static_cast<size_t>(std::count(buffer_.begin() + static_cast<std::ptrdiff_t>(lines_counted_to_),
                                                    buffer_.begin() + static_cast<std::ptrdiff_t>(next), '\n'));
    lines_counted_to_ = next;
    base_line_ = 1 + static_cast<int>(lines_before_);
    const size_t line_start = buffer_.rfind('\n', next == 0 ? 0 : next - 1);
    base_column_ = static_cast<int>(next - (line_start == std::string_view::npos ? 0 : line_start + 1)) + 1;
    resume = next;
  }
  if (!not_feed_.empty()) {
    Report(Status::BadInput(fmt::format("not an RSS or Atom feed (root element <{}>)", not_feed_)));
  } else if (format_.empty()) {
    Report(Status::BadInput("not an RSS or Atom feed (no root element)"));
  } else if (items_seen_ == 0) {
    Report(Status::BadInput(fmt::format("{} feed has no items", format_ == "atom" ? "Atom" : "RSS")));
  }
  if (errors_skipped_ + follow_on_errors_ > 0) {
    errors_reported_ = 0;
    Report(Status::BadInput(fmt::format("{} more XML error(s) not shown",
                                        errors_skipped_ + follow_on_errors_)));
  }
}

}  // namespace

void ReadFeed(std::string_view bytes, const std::string& path, const ReadOptions& options,
              const HtmlExtractor& extractor, ArticleSink* sink) {
  std::string_view head = bytes.substr(0, 4096);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  DecodedMarkup decoded;
  Status status = DecodeMarkup(bytes, FindDeclaredCharset(head), &decoded);
  if (!status.ok()) {
    sink->OnError({path, 0, std::move(status)});
    return;
  }
  if (decoded.text.size() > static_cast<size_t>(INT32_MAX)) {
    sink->OnError({path, 0, Status::TooLarge("feed is over 2 GiB")});
    return;
  }
  FeedParser parser(bytes, decoded, path, options, extractor, sink);
  parser.Run();
}

bool LooksLikeFeed(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t pos = 0;
  while (pos < head.size()) {
    while (pos < head.size() && IsHtmlSpace(head[pos])) ++pos;
    if (pos >= head.size() || head[pos] != '<') return false;
    if (head.substr(pos, 4) == "<!--") {
      pos = head.find("-->", pos);
      if (pos == std::string_view::npos) return false;
      pos += 3;
    } else if (head.substr(pos, 2) == "<?" || head.substr(pos, 2) == "<!") {
      pos = head.find('>', pos);
      if (pos == std::string_view::npos) return false;
      ++pos;
    } else {
      size_t end = pos + 1;
      while (end < head.size() && !IsHtmlSpace(head[end]) && head[end] != '>' && head[end] != '/') ++end;
      std::string_view name = head.substr(pos + 1, end - pos - 1);
      if (const size_t colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
      return name == "rss" || name == "RDF" || name == "feed";
    }
  }
  return false;
}

}  // namespace veille
