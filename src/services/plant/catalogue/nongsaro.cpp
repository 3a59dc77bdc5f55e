#include "services/plant/catalogue/nongsaro.hpp"

#include <boost/json.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "core/http/client.hpp"
#include "core/util/text.hpp"
#include "services/plant/catalogue/catalogue_json.hpp"

namespace sikgu::plant {
namespace {

// Multi-valued fields are joined by ',' with no space, but single values may hold ", " or digit groups
// ("녹색, 연두색", "800~1,500 Lux"): split only where the next character is neither a digit nor a space.
std::vector<std::string> SplitValues(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != ',' || i + 1 >= text.size()) continue;
        const char next = text[i + 1];
        if ((next >= '0' && next <= '9') || next == ' ' || next == '\t') continue;
        out.emplace_back(Trim(text.substr(start, i - start)));
        start = i + 1;
    }
    const auto last = Trim(text.substr(start));
    if (!last.empty()) out.emplace_back(last);
    return out;
}

std::vector<std::string> SplitPipes(std::string_view text) {
    std::vector<std::string> out;
    while (true) {
        const auto bar = text.find('|');
        out.emplace_back(Trim(text.substr(0, bar)));
        if (bar == std::string_view::npos) break;
        text.remove_prefix(bar + 1);
    }
    return out;
}

// Names arrive with markup ("<i>Ruscus</i> spp.") and doubled spaces: keep the plain, single-spaced text.
std::string CleanName(std::string_view text) {
    std::string out;
    bool in_tag = false;
    for (char c : text) {
        if (c == '<') {
            in_tag = true;
        } else if (c == '>') {
            in_tag = false;
        } else if (!in_tag) {
            const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
            if (space && (out.empty() || out.back() == ' ')) continue;
            out += space ? ' ' : c;
        }
    }
    return std::string(Trim(out));
}

std::optional<std::string> CleanOptionalName(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    std::string clean = CleanName(*text);
    if (clean.empty()) return std::nullopt;
    return clean;
}

std::optional<std::string> Get(const NongsaroRecord& r, std::string_view key) {
    const auto it = r.find(key);
    if (it == r.end() || it->second.empty()) return std::nullopt;
    return it->second;
}

template <class T>
std::optional<T> MapCode(const NongsaroRecord& r, std::string_view key,
                         std::initializer_list<std::pair<std::string_view, T>> table) {
    const auto code = Get(r, key);
    if (!code) return std::nullopt;
    for (const auto& [from, to] : table) {
        if (*code == from) return to;
    }
    return std::nullopt;
}

// Each value is matched by its leading words ("낮은 광도(300~800 Lux)" -> "low").
std::vector<std::string> MapNames(const NongsaroRecord& r, std::string_view key,
                                  std::initializer_list<std::pair<std::string_view, std::string_view>> table) {
    std::vector<std::string> out;
    const auto text = Get(r, key);
    if (!text) return out;
    for (const auto& value : SplitValues(*text)) {
        for (const auto& [prefix, code] : table) {
            if (std::string_view(value).starts_with(prefix) &&
                std::find(out.begin(), out.end(), code) == out.end()) {
                out.emplace_back(code);
            }
        }
    }
    return out;
}

// "30", "30~50", "약 40cm" -> the largest number.
std::optional<double> LargestNumber(const NongsaroRecord& r, std::string_view key) {
    const auto text = Get(r, key);
    if (!text) return std::nullopt;
    std::optional<double> best;
    const char* p = text->data();
    const char* end = p + text->size();
    while (p < end) {
        if (*p >= '0' && *p <= '9') {
            double value = 0;
            const auto [next, ec] = std::from_chars(p, end, value);
            if (ec == std::errc{}) {
                if (!best || value > *best) best = value;
                p = next;
                continue;
            }
        }
        ++p;
    }
    return best;
}

void CheckResultCode(std::string_view code, std::string_view message) {
    if (code != "00") throw CatalogueError("nongsaro: resultCode " + std::string(code) + " " + std::string(message));
}

NongsaroRecord RecordFromPtree(const boost::property_tree::ptree& item) {
    NongsaroRecord record;
    for (const auto& [key, child] : item) {
        const auto value = Trim(child.data());
        if (!value.empty()) record.emplace(key, std::string(value));
    }
    return record;
}

std::vector<NongsaroRecord> ParseXml(std::string_view document) {
    namespace pt = boost::property_tree;
    pt::ptree tree;
    std::istringstream in{std::string(document)};
    try {
        pt::read_xml(in, tree);
    } catch (const pt::xml_parser_error& e) {
        throw CatalogueError(std::string("nongsaro: bad XML: ") + e.what());
    }
    CheckResultCode(Trim(tree.get("response.header.resultCode", "")), tree.get("response.header.resultMsg", ""));
    std::vector<NongsaroRecord> out;
    if (const auto items = tree.get_child_optional("response.body.items")) {
        for (const auto& [key, item] : *items) {
            if (key == "item") out.push_back(RecordFromPtree(item));
        }
    } else if (const auto item = tree.get_child_optional("response.body.item")) {
        out.push_back(RecordFromPtree(*item));
    }
    return out;
}

NongsaroRecord RecordFromJson(const boost::json::object& item) {
    NongsaroRecord record;
    for (const auto& [key, value] : item) {
        if (value.is_string()) {
            const auto text = Trim(value.as_string());
            if (!text.empty()) record.emplace(std::string(key), std::string(text));
        } else if (value.is_number()) {
            record.emplace(std::string(key), boost::json::serialize(value));
        }
    }
    return record;
}

std::vector<NongsaroRecord> ParseJson(std::string_view document) {
    boost::system::error_code ec;
    const auto root = boost::json::parse(document, ec);
    if (ec || !root.is_object()) throw CatalogueError("nongsaro: bad JSON");
    const auto* response = root.as_object().if_contains("response");
    if (response == nullptr || !response->is_object()) throw CatalogueError("nongsaro: no response object");
    const auto& r = response->as_object();
    if (const auto* header = r.if_contains("header"); header != nullptr && header->is_object()) {
        const auto* code = header->as_object().if_contains("resultCode");
        const auto* message = header->as_object().if_contains("resultMsg");
        CheckResultCode(code != nullptr && code->is_string() ? std::string_view(code->as_string()) : "",
                        message != nullptr && message->is_string() ? std::string_view(message->as_string()) : "");
    }
    std::vector<NongsaroRecord> out;
    const auto* body = r.if_contains("body");
    if (body == nullptr || !body->is_object()) return out;
    const auto& b = body->as_object();
    const boost::json::value* items = nullptr;
    if (const auto* list = b.if_contains("items"); list != nullptr && list->is_object()) {
        items = list->as_object().if_contains("item");
    } else {
        items = b.if_contains("item");
    }
    if (items == nullptr) return out;
    // xmltodict turns a single <item> into an object instead of a one-element array.
    if (items->is_object()) {
        out.push_back(RecordFromJson(items->as_object()));
    } else if (items->is_array()) {
        for (const auto& item : items->as_array()) {
            if (item.is_object()) out.push_back(RecordFromJson(item.as_object()));
        }
    }
    return out;
}

std::string ReadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw CatalogueError("cannot read " + path.string());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

std::vector<NongsaroRecord> ParseNongsaroItems(std::string_view document) {
    const auto text = Trim(document);
    if (text.empty()) throw CatalogueError("nongsaro: empty document");
    if (!IsValidUtf8(text)) throw CatalogueError("nongsaro: document is not UTF-8");
    return text.front() == '<' ? ParseXml(text) : ParseJson(text);
}

Plant PlantFromNongsaro(const NongsaroRecord& list_item, const NongsaroRecord& detail) {
    Plant p;
    const auto id_text = Get(list_item, "cntntsNo");
    if (!id_text || std::from_chars(id_text->data(), id_text->data() + id_text->size(), p.id).ec != std::errc{} ||
        p.id <= 0) {
        throw CatalogueError("nongsaro: list item without a numeric cntntsNo");
    }
    p.name_ko = CleanName(Get(list_item, "cntntsSj").value_or(""));
    if (p.name_ko.empty()) throw CatalogueError("nongsaro: plant " + *id_text + " has no name");
    p.name_en = CleanOptionalName(Get(detail, "plntzrNm"));
    p.scientific_name = CleanName(Get(detail, "plntbneNm").value_or(""));
    if (p.scientific_name.empty()) p.scientific_name = p.name_ko;
    p.family_ko = CleanName(Get(detail, "fmlCodeNm").value_or(""));
    // 잎&꽃보기식물 counts as both leaf and flower.
    p.categories = MapNames(detail, "clCodeNm",
                            {{"잎&꽃", "leaf"}, {"잎&꽃", "flower"}, {"잎보기", "leaf"}, {"꽃보기", "flower"},
                             {"열매", "fruit"}, {"선인장", "succulent"}});
    static constexpr std::string_view kOrder[] = {"leaf", "flower", "fruit", "succulent"};
    std::sort(p.categories.begin(), p.categories.end(), [](const std::string& a, const std::string& b) {
        return std::find(std::begin(kOrder), std::end(kOrder), a) < std::find(std::begin(kOrder), std::end(kOrder), b);
    });
    p.difficulty = MapCode<std::string>(detail, "managelevelCode",
                                        {{"089001", "beginner"}, {"089002", "experienced"}, {"089003", "expert"}});
    p.light = MapNames(detail, "lighttdemanddoCodeNm", {{"낮은", "low"}, {"중간", "medium"}, {"높은", "high"}});
    const std::initializer_list<std::pair<std::string_view, std::string>> watering = {
        {"053001", "wet"}, {"053002", "moist"}, {"053003", "surface_dry"}, {"053004", "mostly_dry"}};
    p.watering = {MapCode(detail, "watercycleSprngCode", watering), MapCode(detail, "watercycleSummerCode", watering),
                  MapCode(detail, "watercycleAutumnCode", watering), MapCode(detail, "watercycleWinterCode", watering)};
    p.temperature_c =
        MapCode<Range>(detail, "grwhTpCode", {{"082001", {10, 15}}, {"082002", {16, 20}}, {"082003", {21, 25}}});
    p.humidity_pct =
        MapCode<Range>(detail, "hdCode", {{"083001", {0, 40}}, {"083002", {40, 70}}, {"083003", {70, 100}}});
    p.winter_min_c = MapCode<int>(detail, "winterLwetTpCode",
                                  {{"057001", 0}, {"057002", 5}, {"057003", 7}, {"057004", 10}, {"057005", 13}});
    p.growth_speed =
        MapCode<std::string>(detail, "grwtveCode", {{"090001", "fast"}, {"090002", "normal"}, {"090003", "slow"}});
    p.height_cm = LargestNumber(detail, "growthHgInfo");
    p.spread_cm = LargestNumber(detail, "growthAraInfo");
    p.placement = MapNames(detail, "postngplaceCodeNm",
                           {{"실내 어두운", "dark_indoor"}, {"거실 내측", "living_inner"}, {"거실 창측", "living_window"},
                            {"발코니 내측", "balcony_inner"}, {"발코니 창측", "balcony_window"}});
    if (const auto files = Get(list_item, "rtnStreFileNm")) {
        const auto names = SplitPipes(*files);
        const auto kinds = SplitPipes(Get(list_item, "rtnImgSeCode").value_or(""));
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (names[i].empty()) continue;
            const bool representative = i < kinds.size() && kinds[i] == "209006";
            if (representative) {
                p.images.insert(p.images.begin(), names[i]);
            } else {
                p.images.push_back(names[i]);
            }
        }
    }
    return p;
}

std::vector<Plant> ImportNongsaro(const NongsaroSource& source) {
    std::vector<Plant> plants;
    for (const auto& item : ParseNongsaroItems(source(""))) {
        const auto no = Get(item, "cntntsNo");
        if (!no) throw CatalogueError("nongsaro: list item without cntntsNo");
        const auto details = ParseNongsaroItems(source(*no));
        if (details.empty()) throw CatalogueError("nongsaro: no detail for " + *no);
        plants.push_back(PlantFromNongsaro(item, details.front()));
    }
    return plants;
}

NongsaroSource DirectorySource(const std::filesystem::path& folder) {
    return [folder](const std::string& no) -> std::string {
        std::vector<std::filesystem::path> candidates;
        if (no.empty()) {
            candidates = {folder / "response.xml", folder / "response.json", folder / "gardenList.xml",
                          folder / "gardenList.json"};
        } else {
            if (no.find_first_not_of("0123456789") != std::string::npos) throw CatalogueError("bad cntntsNo " + no);
            candidates = {folder / "plantDtlData" / ("plantDtl_" + no + ".json"), folder / ("plantDtl_" + no + ".json"),
                          folder / ("gardenDtl_" + no + ".xml")};
        }
        for (const auto& path : candidates) {
            if (std::filesystem::exists(path)) return ReadFile(path);
        }
        throw CatalogueError("nongsaro: no " + (no.empty() ? std::string("list") : "detail for " + no) + " in " +
                             folder.string());
    };
}

NongsaroSource HttpSource(std::string base_url, std::string api_key, http::Client& client) {
    return [base = std::move(base_url), key = std::move(api_key), &client](const std::string& no) -> std::string {
        if (no.find_first_not_of("0123456789") != std::string::npos) throw CatalogueError("bad cntntsNo " + no);
        const std::string escaped_key = boost::urls::encode(key, boost::urls::unreserved_chars);
        http::ClientRequest request;
        request.url = base + (no.empty() ? "/gardenList?numOfRows=1000&apiKey=" : "/gardenDtl?apiKey=") + escaped_key +
                      (no.empty() ? "" : "&cntntsNo=" + no);
        request.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        request.max_response_bytes = 16U << 20;  // a catalogue response is far smaller
        try {
            auto response = client.FetchNow(request);
            // The URL carries the API key: name only the document.
            if (response.status != 200) {
                throw CatalogueError("nongsaro: HTTP " + std::to_string(response.status) + " for " +
                                     (no.empty() ? std::string("the list") : "the detail of " + no));
            }
            return std::move(response.body);
        } catch (const http::ClientError& e) {
            throw CatalogueError(std::string("nongsaro: ") + e.what());
        }
    };
}

}  // namespace sikgu::plant
