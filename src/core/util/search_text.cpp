#include "core/util/search_text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <stdexcept>

#include "core/util/text.hpp"

namespace sikgu {
namespace {

const icu::Normalizer2& Folding() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || normalizer == nullptr) throw std::runtime_error("ICU NFKC_Casefold is unavailable");
    return *normalizer;
}

}  // namespace

std::u32string SearchKeyCodePoints(std::string_view text) {
    static const icu::Normalizer2& folding = Folding();
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString source = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    const icu::UnicodeString folded = folding.normalize(source, status);
    if (U_FAILURE(status)) return {};
    std::u32string out;
    out.reserve(static_cast<std::size_t>(folded.length()));
    for (int32_t i = 0; i < folded.length();) {
        const UChar32 cp = folded.char32At(i);
        i += U16_LENGTH(cp);
        if (u_isalnum(cp)) out.push_back(static_cast<char32_t>(cp));
    }
    return out;
}

std::string SearchKey(std::string_view text) {
    std::string out;
    for (const char32_t cp : SearchKeyCodePoints(text)) AppendUtf8(out, cp);
    return out;
}

namespace {
std::vector<std::string> Grams(const std::u32string& cps, bool unigrams, bool bigrams) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        if (unigrams) {
            std::string one;
            AppendUtf8(one, cps[i]);
            out.push_back(std::move(one));
        }
        if (bigrams && i + 1 < cps.size()) {
            std::string two;
            AppendUtf8(two, cps[i]);
            AppendUtf8(two, cps[i + 1]);
            out.push_back(std::move(two));
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}
}  // namespace

std::vector<std::string> SearchTerms(std::string_view text) { return Grams(SearchKeyCodePoints(text), true, true); }

std::vector<std::string> QueryTerms(std::string_view key) {
    const std::u32string cps = SearchKeyCodePoints(key);
    return Grams(cps, cps.size() == 1, true);
}

}  // namespace sikgu
