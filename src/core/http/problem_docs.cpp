#include "core/http/problem_docs.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "core/util/text.hpp"

namespace sikgu::http {
namespace {

// A YAML scalar as docs/openapi.yaml writes them: plain, or single-quoted with '' for a quote.
std::string Scalar(std::string_view text) {
    text = Trim(text);
    if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'') {
        std::string out;
        for (std::size_t i = 1; i + 1 < text.size(); ++i) {
            out += text[i];
            if (text[i] == '\'' && text[i + 1] == '\'') ++i;
        }
        return out;
    }
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') return std::string(text.substr(1, text.size() - 2));
    return std::string(text);
}

std::string EscapeHtml(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace

std::map<std::string, ProblemDoc, std::less<>> ProblemDocs::ParseOpenApi(std::string_view yaml) {
    std::map<std::string, ProblemDoc, std::less<>> docs;
    bool in_codes = false;
    ProblemDoc* current = nullptr;
    while (!yaml.empty()) {
        const auto newline = yaml.find('\n');
        const std::string_view line = yaml.substr(0, newline);
        yaml = newline == std::string_view::npos ? std::string_view{} : yaml.substr(newline + 1);
        if (line.starts_with("  x-error-codes:")) {
            in_codes = true;
            continue;
        }
        if (!in_codes || line.empty() || line.starts_with("  #") || line.starts_with("    #")) continue;
        if (!line.starts_with("    ")) break;  // the table ended
        if (!line.starts_with("      ")) {
            const auto colon = line.find(':');
            current = &docs[std::string(Trim(line.substr(4, colon - 4)))];
            continue;
        }
        if (current == nullptr) continue;
        const std::string_view field = Trim(line);
        const auto colon = field.find(':');
        const std::string_view key = field.substr(0, colon);
        const std::string value = Scalar(field.substr(colon + 1));
        if (key == "status") std::from_chars(value.data(), value.data() + value.size(), current->status);
        if (key == "en") current->en = value;
        if (key == "ko") current->ko = value;
    }
    return docs;
}

ProblemDocs::ProblemDocs(std::string_view openapi_yaml) : docs_(ParseOpenApi(openapi_yaml)) {}

std::optional<ProblemDoc> ProblemDocs::Find(std::string_view code) const {
    const auto it = docs_.find(code);
    if (it == docs_.end()) return std::nullopt;
    return it->second;
}

core::Task<Response> ProblemDocs::Handle(Request& request) const {
    const bool json = request.GetHeader("accept").value_or("").find("application/json") != std::string_view::npos;
    const auto one = request.path_params.find("code");
    if (one != request.path_params.end()) {
        const auto doc = Find(one->second);
        if (!doc) co_return Problem::NotFound("route.not_found");
        if (json) {
            co_return Json(boost::json::object{{"code", one->second}, {"status", doc->status}, {"en", doc->en}, {"ko", doc->ko}});
        }
        const std::string code = EscapeHtml(one->second);
        co_return Text(200,
                       "<!doctype html><html lang=\"ko\"><meta charset=\"utf-8\"><title>" + code +
                           " — sikgu</title><main><h1><code>" + code + "</code></h1><p>HTTP " +
                           std::to_string(doc->status) + "</p><p lang=\"ko\">" + EscapeHtml(doc->ko) +
                           "</p><p lang=\"en\">" + EscapeHtml(doc->en) +
                           "</p><p><a href=\"/api/problems\">모든 오류 코드 / every code</a> · <a href=\"/api/docs\">API</a></p></main></html>",
                       "text/html; charset=utf-8");
    }
    if (json) {
        boost::json::array all;
        for (const auto& [code, doc] : docs_) all.push_back({{"code", code}, {"status", doc.status}, {"en", doc.en}, {"ko", doc.ko}});
        co_return Json(boost::json::object{{"items", std::move(all)}});
    }
    std::string rows;
    for (const auto& [code, doc] : docs_) {
        const std::string escaped = EscapeHtml(code);
        rows += "<tr><td><a href=\"/api/problems/" + escaped + "\"><code>" + escaped + "</code></a></td><td>" +
                std::to_string(doc.status) + "</td><td lang=\"ko\">" + EscapeHtml(doc.ko) + "</td><td lang=\"en\">" +
                EscapeHtml(doc.en) + "</td></tr>";
    }
    co_return Text(200,
                   "<!doctype html><html lang=\"ko\"><meta charset=\"utf-8\"><title>오류 코드 / Problem codes — sikgu</title>"
                   "<main><h1>오류 코드 / Problem codes</h1><table><thead><tr><th>code</th><th>HTTP</th><th>한국어</th>"
                   "<th>English</th></tr></thead><tbody>" +
                       rows + "</tbody></table></main></html>",
                   "text/html; charset=utf-8");
}

}  // namespace sikgu::http
