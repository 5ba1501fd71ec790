// Reads WARC 1.0/1.1 archives (ISO 28500), plain or as .warc.gz, streaming.
#pragma once

#include <string>
#include <string_view>

#include "ingest/byte_stream.h"
#include "ingest/html_extractor.h"
#include "ingest/reader.h"

namespace veille {

// Reads the records of a WARC stream (already decompressed: pass a
// GzipSource for .warc.gz) and sends one article per page to `sink`:
// `response` records holding an HTTP 2xx response with an HTML or plain text
// payload (chunked transfer coding and gzip/deflate content coding undone),
// and `resource`/`conversion` records with text/html or text/plain content.
// Other records (request, metadata, warcinfo, revisit, images...) are
// skipped. An article's raw bytes are the page (the HTTP payload), its
// source.line the record number (1-based), its source.offset the record's
// byte offset in the file (for .warc.gz, of the gzip member holding it), its
// url the WARC-Target-URI and its date the page's own publication date, else
// the WARC-Date. A record over the article limit is reported and skipped;
// a truncated or corrupt record stops the reading with an error naming the
// record and its offset (for .warc.gz, reading resumes at the next member).
// Holds one record at a time.
void ReadWarc(ByteSource* source, const std::string& path, const ReadOptions& options,
              const HtmlExtractor& extractor, ArticleSink* sink);

// Whether `head` starts a WARC record ("WARC/1.0", "WARC/1.1").
bool LooksLikeWarc(std::string_view head);

}  // namespace veille
