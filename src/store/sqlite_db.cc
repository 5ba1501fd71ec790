#include "store/sqlite_db.h"

#include <fmt/format.h>

namespace veille::sqlite {

Statement::~Statement() {
  if (stmt_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                      SQLITE_UTF8);
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Statement& Statement::Bind(int index, const std::optional<std::string>& text) {
  return text ? Bind(index, std::string_view(*text)) : BindNull(index);
}

Statement& Statement::Bind(int index, const std::optional<double>& value) {
  return value ? Bind(index, *value) : BindNull(index);
}

Statement& Statement::BindOrNull(int index, std::string_view text) {
  return text.empty() ? BindNull(index) : Bind(index, text);
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->Error("step");
}

Status Statement::Run() {
  while (true) {
    Result<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
  }
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int64_t Statement::Int64(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::Double(int column) const {
  return sqlite3_column_double(stmt_, column);
}

std::string_view Statement::Text(int column) const {
  // column_blob returns the stored bytes of TEXT values too, without conversion
  // (the database encoding is UTF-8), including any NUL bytes.
  const void* data = sqlite3_column_blob(stmt_, column);
  const int size = sqlite3_column_bytes(stmt_, column);
  if (data == nullptr) return {};
  return {static_cast<const char*>(data), static_cast<size_t>(size)};
}

std::optional<std::string> Statement::OptionalString(int column) const {
  if (IsNull(column)) return std::nullopt;
  return String(column);
}

std::optional<double> Statement::OptionalDouble(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Double(column);
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path,
                                                 const Options& options) {
  sqlite3* handle = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (options.create_if_missing) flags |= SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
    sqlite3_close_v2(handle);
    if (rc == SQLITE_CANTOPEN && !options.create_if_missing) {
      return Status::NotFound(fmt::format("{}: no database here ({})", path, message));
    }
    return Status::IoError(fmt::format("{}: cannot open database: {}", path, message));
  }
  sqlite3_extended_result_codes(handle, 1);
  std::unique_ptr<Database> db(new Database(handle, path));
  sqlite3_busy_timeout(handle, options.busy_timeout_ms);
  // WAL: readers never block the writer nor the writer the readers, and a
  // transaction is atomic across a crash. synchronous=NORMAL in WAL mode only
  // risks the last commits on power loss, never consistency; a killed process
  // loses nothing that was committed.
  Status status = db->Exec(
      "PRAGMA journal_mode=WAL;"
      "PRAGMA synchronous=NORMAL;"
      "PRAGMA foreign_keys=ON;"
      "PRAGMA temp_store=MEMORY;"
      // 32 MB of page cache instead of 2: the full-text index merges and the
      // B-tree appends of a long ingest stay in memory.
      "PRAGMA cache_size=-32768;");
  if (!status.ok()) return status;
  return db;
}

Database::~Database() {
  ClearStatementCache();
  sqlite3_close_v2(db_);
}

Status Database::Exec(const char* sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string text = message ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  if ((rc & 0xff) == SQLITE_BUSY) {
    return Status::IoError(
        fmt::format("{}: database is busy (another writer?): {}", path_, text));
  }
  if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT) {
    return Status::Corruption(fmt::format("{}: {}", path_, text));
  }
  return Status::IoError(fmt::format("{}: {}", path_, text));
}

Result<Statement> Database::Prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
      return Error("prepare");
    }
    it = statements_.emplace(sql, stmt).first;
  }
  return Statement(this, it->second);
}

void Database::ClearStatementCache() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  statements_.clear();
}

Status Database::Error(std::string_view what) const {
  const int rc = sqlite3_extended_errcode(db_);
  std::string message = fmt::format("{}: {}: {}", path_, what, sqlite3_errmsg(db_));
  switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corruption(std::move(message));
    case SQLITE_ERROR:
      return Status::InvalidArgument(std::move(message));
    default:
      return Status::IoError(std::move(message));
  }
}

Transaction::~Transaction() {
  if (open_) {
    // Nothing to report from a destructor: a failed rollback leaves the
    // journal for the next connection to roll back.
    (void)db_->Exec("ROLLBACK");
  }
}

Status Transaction::Begin() {
  Status status = db_->Exec("BEGIN IMMEDIATE");
  open_ = status.ok();
  return status;
}

Status Transaction::Commit() {
  Status status = db_->Exec("COMMIT");
  if (status.ok()) open_ = false;
  return status;
}

}  // namespace veille::sqlite
