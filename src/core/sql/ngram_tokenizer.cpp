#include "core/sql/ngram_tokenizer.hpp"

#include <sqlite3.h>

#include <stdexcept>
#include <string>

#include "core/util/search_text.hpp"
#include "core/util/text.hpp"

namespace sikgu::sql {
namespace {

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

// No per-table state: the tokenizer object is only a non-null handle.
int Create(void*, const char**, int, Fts5Tokenizer** out) {
    static int handle = 0;
    *out = reinterpret_cast<Fts5Tokenizer*>(&handle);
    return SQLITE_OK;
}

void Delete(Fts5Tokenizer*) {}

int Tokenize(Fts5Tokenizer*, void* context, int flags, const char* text, int length, TokenCallback emit) {
    const std::u32string cps = SearchKeyCodePoints(std::string_view(text, static_cast<std::size_t>(length)));
    const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    std::string gram;
    // Offsets would point into the original text, which folding changes; sikgu never asks FTS5 for
    // highlights, so every token spans the whole input.
    const auto send = [&](std::size_t at, std::size_t chars, int token_flags) {
        gram.clear();
        for (std::size_t k = 0; k < chars; ++k) AppendUtf8(gram, cps[at + k]);
        return emit(context, token_flags, gram.data(), static_cast<int>(gram.size()), 0, length);
    };
    if (query) {
        if (cps.size() == 1) return send(0, 1, 0);
        for (std::size_t i = 0; i + 1 < cps.size(); ++i) {
            if (const int rc = send(i, 2, 0); rc != SQLITE_OK) return rc;
        }
        return SQLITE_OK;
    }
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const bool has_next = i + 1 < cps.size();
        int rc = has_next ? send(i, 2, 0) : send(i, 1, 0);
        if (rc == SQLITE_OK && has_next) rc = send(i, 1, FTS5_TOKEN_COLOCATED);
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}

fts5_api* Fts5Api(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    return api;
}

}  // namespace

void RegisterNgramTokenizer(sqlite3* db) {
    fts5_api* api = Fts5Api(db);
    if (api == nullptr) throw std::runtime_error("this SQLite has no FTS5");
    static fts5_tokenizer tokenizer{&Create, &Delete, &Tokenize};
    if (api->xCreateTokenizer(api, "sikgu_ngram", nullptr, &tokenizer, nullptr) != SQLITE_OK) {
        throw std::runtime_error("cannot register the sikgu_ngram tokenizer");
    }
}

}  // namespace sikgu::sql
