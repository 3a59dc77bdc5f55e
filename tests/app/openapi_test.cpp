#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "core/http/messages.hpp"
#include "core/http/router.hpp"
#include "support/test_server.hpp"

namespace sikgu {
namespace {

std::string ReadSpec() {
    std::ifstream in(test::SourcePath("docs/openapi.yaml"));
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string Lower(std::string_view verb) {
    std::string out(verb);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// "METHOD /path" for every operation under `paths:` (two-space paths, four-space methods).
std::set<std::string> SpecOperations(const std::string& spec) {
    std::set<std::string> ops;
    std::istringstream lines(spec);
    std::string line;
    std::string path;
    bool in_paths = false;
    while (std::getline(lines, line)) {
        if (!line.empty() && line[0] != ' ' && line[0] != '#') in_paths = line.rfind("paths:", 0) == 0;
        if (!in_paths) continue;
        if (line.rfind("  /", 0) == 0 && line.back() == ':') {
            path = line.substr(2, line.size() - 3);
        } else if (line.size() > 4 && line.rfind("    ", 0) == 0 && line[4] != ' ') {
            const std::string key = line.substr(4, line.find(':') - 4);
            for (const char* verb : {"get", "post", "put", "patch", "delete"}) {
                if (key == verb) ops.insert(key + " " + path);
            }
        }
    }
    return ops;
}

// Codes listed under components.x-error-codes.
std::set<std::string> SpecErrorCodes(const std::string& spec) {
    std::set<std::string> codes;
    std::istringstream lines(spec);
    std::string line;
    bool in_codes = false;
    while (std::getline(lines, line)) {
        if (line.rfind("  x-error-codes:", 0) == 0) {
            in_codes = true;
            continue;
        }
        if (in_codes && !line.empty() && line.rfind("    ", 0) != 0 && line.rfind("  #", 0) != 0) break;
        if (in_codes && line.size() > 4 && line[4] != ' ' && line[4] != '#' && line.back() == ':') {
            codes.insert(line.substr(4, line.size() - 5));
        }
    }
    return codes;
}

TEST(OpenApi, EveryRouteIsSpecifiedAndEverySpecifiedOperationExists) {
    test::TestServer server;
    std::set<std::string> routed;
    for (const auto& route : server.App().Routes().Routes()) {
        std::string pattern = route->spec.pattern;
        for (std::size_t pos; (pos = pattern.find(":int}")) != std::string::npos;) pattern.erase(pos, 4);
        routed.insert(Lower(http::VerbName(route->spec.verb)) + " " + pattern);
    }
    const auto specified = SpecOperations(ReadSpec());
    ASSERT_FALSE(specified.empty());
    for (const auto& op : routed) EXPECT_TRUE(specified.contains(op)) << "route without a spec entry: " << op;
    for (const auto& op : specified) EXPECT_TRUE(routed.contains(op)) << "spec entry without a route: " << op;
}

TEST(OpenApi, ErrorCodesMatchTheMessageCatalog) {
    test::TestServer server;
    std::set<std::string> catalog;
    for (const auto& m : server.App().Messages().All()) catalog.insert(std::string(m.code));
    const auto specified = SpecErrorCodes(ReadSpec());
    ASSERT_FALSE(specified.empty());
    for (const auto& code : catalog) EXPECT_TRUE(specified.contains(code)) << "code missing from the spec: " << code;
    for (const auto& code : specified) EXPECT_TRUE(catalog.contains(code)) << "spec code with no message: " << code;
}

}  // namespace
}  // namespace sikgu
