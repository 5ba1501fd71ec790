// veille analyze PATH... [--format jsonl|pretty] [--clean]
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

#include "commands.h"
#include "output/json_output.h"
#include "output/pretty_output.h"
#include "pipeline/batch_runner.h"
#include "quality/clean_text.h"

namespace veille::cli {
namespace {

struct AnalyzeOptions {
  std::vector<std::string> inputs;
  std::string format = "jsonl";
  std::string input_format = "auto";
  size_t max_article_mib = 32;
  bool clean = false;
};

class PrintingSink : public ResultSink {
 public:
  PrintingSink(bool pretty, bool color, bool clean) : pretty_(pretty), color_(color), clean_(clean) {}

  void Render(const Article& article, const Analysis& analysis, std::string* rendered) override {
    if (clean_) {
      // The article without furniture and bios, then a form-feed line.
      *rendered += CleanArticleText(article.text, analysis);
      *rendered += "\f\n";
    } else if (pretty_) {
      AppendPrettySummary(article, analysis, color_, rendered);
    } else {
      AppendArticleJson(article, analysis, rendered);
      rendered->push_back('\n');
    }
  }

  void Deliver(const Article&, const Analysis&, const std::string& rendered) override {
    // One fwrite per article: a reader of stdout never sees half a JSON line
    // from us unless the process is killed mid-write.
    std::fwrite(rendered.data(), 1, rendered.size(), stdout);
  }

  void OnError(const ReadError& error) override {
    std::fflush(stdout);
    std::fprintf(stderr, "veille: %s\n", error.ToString().c_str());
  }

 private:
  bool pretty_;
  bool color_;
  bool clean_;
};

}  // namespace

Command RegisterAnalyze(CLI::App* app, const GlobalOptions* global) {
  auto options = std::make_shared<AnalyzeOptions>();
  CLI::App* cmd = app->add_subcommand("analyze", "Analyse articles and print one JSON object per article");
  cmd->add_option("inputs", options->inputs, "Files, directories, or - for stdin")->required();
  cmd->add_option("--format", options->format, "Output: jsonl (default) or pretty")
      ->check(CLI::IsMember({"jsonl", "pretty"}));
  cmd->add_option("--input-format", options->input_format,
                  "auto (default), text, jsonl, html, feed (RSS/Atom) or warc")
      ->check(CLI::IsMember(InputFormatNames()));
  cmd->add_option("--max-article-mib", options->max_article_mib,
                  "Reject articles (files or JSON lines) larger than this many MiB")
      ->check(CLI::Range(1, 4096));
  cmd->add_flag("--clean", options->clean,
                "Print each article's text without boilerplate and generated bios, followed by a "
                "form-feed line, instead of JSON (see docs/quality.md)");
  return {cmd, [options, global]() -> int {
    auto analyzer = Analyzer::Create({global->data_dir});
    if (!analyzer.ok()) {
      std::fprintf(stderr, "veille: %s\n", analyzer.status().ToString().c_str());
      return 2;
    }
    BatchOptions batch;
    batch.threads = global->threads;
    batch.read.max_article_bytes = options->max_article_mib << 20;
    batch.read.data_dir = global->data_dir;
    batch.format = InputFormatFromName(options->input_format);
    const bool pretty = options->format == "pretty";
    PrintingSink sink(pretty, pretty && isatty(fileno(stdout)), options->clean);
    const BatchStats stats = RunAnalysis(options->inputs, **analyzer, batch, &sink);
    std::fflush(stdout);
    if (stats.errors > 0) {
      std::fprintf(stderr, "veille: %llu article(s) analysed, %llu input(s) failed\n",
                   static_cast<unsigned long long>(stats.articles),
                   static_cast<unsigned long long>(stats.errors));
      return 1;
    }
    return 0;
  }};
}

}  // namespace veille::cli
