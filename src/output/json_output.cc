#include "output/json_output.h"

#include "util/json_writer.h"

namespace veille {
namespace {

void WriteSpan(JsonWriter& w, Span s) {
  w.Key("start").Uint(s.start).Key("end").Uint(s.end);
}

void WriteOptionalSpan(JsonWriter& w, const char* key, const std::optional<std::string>& value,
                       Span span) {
  w.Key(key);
  if (!value || span.empty()) {
    w.Null();
  } else {
    w.BeginObject();
    WriteSpan(w, span);
    w.EndObject();
  }
}

}  // namespace

void AppendArticleJson(const Article& article, const Analysis& a, std::string* out) {
  const std::string_view text = article.text;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("schema_version").Int(kSchemaVersion);
  w.Key("id").String(article.id);
  w.Key("source").BeginObject();
  w.Key("path").String(article.source.path);
  w.Key("line");
  if (article.source.line > 0) {
    w.Uint(article.source.line);
  } else {
    w.Null();
  }
  w.Key("sha256").String(article.source.sha256);
  w.Key("format").String(article.source.format);
  w.Key("encoding").String(article.source.encoding);
  w.Key("bytes").Uint(article.RawBytes().size());
  w.Key("offset");
  article.source.offset ? w.Uint(*article.source.offset) : w.Null();
  if (!article.source.anchors.empty()) {
    w.Key("anchors").BeginArray();
    for (const TextAnchor& anchor : article.source.anchors) {
      w.BeginArray().Uint(anchor.text).Uint(anchor.raw).Uint(anchor.raw_length).EndArray();
    }
    w.EndArray();
  }
  w.EndObject();
  w.Key("url");
  article.url.empty() ? w.Null() : w.String(article.url);
  w.Key("outlet");
  article.outlet.empty() ? w.Null() : w.String(article.outlet);
  w.Key("title").OptionalString(a.title);
  WriteOptionalSpan(w, "title_span", a.title, a.title_span);
  w.Key("byline").OptionalString(a.byline);
  WriteOptionalSpan(w, "byline_span", a.byline, a.byline_span);
  w.Key("date").OptionalString(a.date);
  w.Key("language").String(a.language);
  w.Key("language_confidence").Double(static_cast<double>(static_cast<int>(a.language_confidence * 1000)) / 1000);
  w.Key("text_bytes").Uint(text.size());

  w.Key("paragraphs").BeginArray();
  for (const Paragraph& p : a.paragraphs) {
    w.BeginObject();
    WriteSpan(w, p.span);
    w.EndObject();
  }
  w.EndArray();

  w.Key("sentences").BeginArray();
  for (const Sentence& s : a.sentences) {
    w.BeginObject();
    WriteSpan(w, s.span);
    w.Key("language").String(s.language);
    w.EndObject();
  }
  w.EndArray();

  w.Key("language_spans").BeginArray();
  for (const LanguageSpan& s : a.language_spans) {
    w.BeginObject();
    WriteSpan(w, s.span);
    w.Key("language").String(s.language);
    w.Key("text").String(s.span.In(text));
    w.EndObject();
  }
  w.EndArray();

  w.Key("entities").BeginArray();
  for (const Entity& e : a.entities) {
    w.BeginObject();
    WriteSpan(w, e.span);
    w.Key("text").String(e.span.In(text));
    w.Key("type").String(EntityTypeName(e.type));
    w.Key("id").String(e.id);
    w.Key("name").String(e.name);
    if (e.demonym) w.Key("demonym").Bool(true);
    w.EndObject();
  }
  w.EndArray();

  w.Key("entity_summary").BeginArray();
  for (const EntitySummaryItem& e : a.entity_summary) {
    w.BeginObject();
    w.Key("id").String(e.id);
    w.Key("name").String(e.name);
    w.Key("type").String(EntityTypeName(e.type));
    w.Key("mentions").Int(e.mentions);
    w.Key("salience").Double(e.salience);
    w.EndObject();
  }
  w.EndArray();

  w.Key("quotes").BeginArray();
  for (const Quote& q : a.quotes) {
    w.BeginObject();
    WriteSpan(w, q.span);
    w.Key("text").String(q.span.In(text));
    w.Key("kind").String(QuoteKindName(q.kind));
    w.Key("speaker").OptionalString(q.speaker);
    w.Key("speaker_id");
    q.speaker_id.empty() ? w.Null() : w.String(q.speaker_id);
    w.Key("speaker_start");
    q.speaker ? w.Uint(q.speaker_span.start) : w.Null();
    w.Key("speaker_end");
    q.speaker ? w.Uint(q.speaker_span.end) : w.Null();
    w.Key("cue");
    q.cue.empty() ? w.Null() : w.String(q.cue);
    w.Key("via").OptionalString(q.via);
    w.EndObject();
  }
  w.EndArray();

  w.Key("claims").BeginArray();
  for (const Claim& c : a.claims) {
    w.BeginObject();
    WriteSpan(w, c.span);
    w.Key("text").String(c.span.In(text));
    w.Key("value").Double(c.value);
    w.Key("low");
    c.low ? w.Double(*c.low) : w.Null();
    w.Key("high");
    c.high ? w.Double(*c.high) : w.Null();
    w.Key("qualifier").String(QualifierName(c.qualifier));
    w.Key("counted").String(c.counted);
    w.Key("event").OptionalString(c.event);
    w.Key("by").OptionalString(c.by);
    w.Key("by_id");
    c.by_id.empty() ? w.Null() : w.String(c.by_id);
    w.Key("when").OptionalString(c.when);
    w.EndObject();
  }
  w.EndArray();

  w.Key("citations").BeginArray();
  for (const Citation& c : a.citations) {
    w.BeginObject();
    WriteSpan(w, c.span);
    w.Key("surface").String(c.span.In(text));
    w.Key("outlet").String(c.outlet);
    w.Key("outlet_name").String(c.outlet_name);
    w.Key("relation").String(CitationRelationName(c.relation));
    w.Key("mangled").Bool(c.mangled);
    w.EndObject();
  }
  w.EndArray();

  w.Key("quality").BeginObject();
  w.Key("score").Double(static_cast<double>(static_cast<int>(a.quality.score * 1000)) / 1000);
  w.Key("verdict").String(a.quality.verdict);
  w.Key("signals").BeginArray();
  for (const QualitySignal& s : a.quality.signals) {
    w.BeginObject();
    w.Key("kind").String(s.kind);
    WriteSpan(w, s.span);
    w.Key("text").String(s.span.In(text));
    w.Key("weight").Double(s.weight);
    w.Key("why").String(s.why);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();

  w.EndObject();
}

}  // namespace veille
