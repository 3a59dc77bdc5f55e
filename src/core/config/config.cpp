#include "core/config/config.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <sstream>
#include <toml++/toml.h>

#include "core/util/text.hpp"

namespace sikgu::config {

Config::Config() : root_(std::make_unique<toml::table>()) {}
Config::Config(Config&&) noexcept = default;
Config& Config::operator=(Config&&) noexcept = default;
Config::~Config() = default;

Config Config::FromString(std::string_view toml_text, std::map<std::string, std::string> env) {
    Config config;
    try {
        *config.root_ = toml::parse(toml_text);
    } catch (const toml::parse_error& e) {
        throw ConfigError(fmt::format("config: {} (line {})", e.description(), e.source().begin.line));
    }
    config.env_ = std::move(env);
    return config;
}

Config Config::Load(const std::string& path, char** environ) {
    Config config;
    if (!path.empty()) {
        try {
            *config.root_ = toml::parse_file(path);
        } catch (const toml::parse_error& e) {
            throw ConfigError(fmt::format("config {}: {} (line {})", path, e.description(), e.source().begin.line));
        }
    }
    constexpr std::string_view kPrefix = "SIKGU_";
    for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
        const std::string_view item(*entry);
        const auto eq = item.find('=');
        if (eq == std::string_view::npos || !item.starts_with(kPrefix)) continue;
        std::string name(item.substr(kPrefix.size(), eq - kPrefix.size()));
        if (name.find("__") == std::string::npos) continue;  // SIKGU_FOO without a section is not a setting
        std::string dotted;
        for (std::size_t i = 0; i < name.size(); ++i) {
            if (name.compare(i, 2, "__") == 0) {
                dotted += '.';
                ++i;
            } else {
                dotted += name[i];
            }
        }
        config.env_[AsciiLower(dotted)] = std::string(item.substr(eq + 1));
    }
    return config;
}

Section Config::Get(std::string_view path) const { return Section(*this, std::string(path)); }

void Config::CheckTopLevel(const std::set<std::string, std::less<>>& known) const {
    for (const auto& [key, node] : *root_) {
        if (!known.contains(key.str())) {
            throw ConfigError(fmt::format("config: unknown section [{}]", key.str()));
        }
    }
}

std::string Config::Dump() const {
    toml::table copy = *root_;
    // Secrets are shown only as set / not set.
    std::function<void(toml::table&)> mask = [&](toml::table& t) {
        std::vector<std::string> secrets;
        for (auto& [key, node] : t) {
            if (auto* child = node.as_table()) {
                mask(*child);
            } else if (key.str().find("secret") != std::string_view::npos ||
                       key.str().find("password") != std::string_view::npos) {
                secrets.emplace_back(key.str());
            }
        }
        for (const auto& key : secrets) t.insert_or_assign(key, "********");
    };
    mask(copy);
    std::ostringstream out;
    out << copy << "\n";
    for (const auto& [key, value] : env_) {
        const bool secret = key.find("secret") != std::string::npos || key.find("password") != std::string::npos;
        out << "# env override: " << key << " = " << (secret ? "********" : value) << "\n";
    }
    return out.str();
}

Section::Section(const Config& config, std::string path) : config_(config), path_(std::move(path)), table_(nullptr) {
    const toml::node* node = config.root_.get();
    std::string_view rest = path_;
    while (node != nullptr && !rest.empty()) {
        const auto dot = rest.find('.');
        const auto part = rest.substr(0, dot);
        const auto* table = node->as_table();
        node = table != nullptr ? table->get(part) : nullptr;
        rest = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
    }
    if (node != nullptr) {
        table_ = node->as_table();
        if (table_ == nullptr) throw ConfigError(fmt::format("config: [{}] must be a table", path_));
    }
}

const void* Section::Node(std::string_view key) const {
    read_.insert(std::string(key));
    return table_ != nullptr ? table_->get(key) : nullptr;
}

const std::string* Section::Env(std::string_view key) const {
    const auto it = config_.env_.find(fmt::format("{}.{}", path_, key));
    return it == config_.env_.end() ? nullptr : &it->second;
}

void Section::Fail(std::string_view key, std::string_view problem) const {
    throw ConfigError(fmt::format("config: {}.{} {}", path_, key, problem));
}

std::string Section::GetString(std::string_view key, std::string_view fallback) const {
    const auto* node = static_cast<const toml::node*>(Node(key));
    if (const auto* env = Env(key)) return *env;
    if (node == nullptr) return std::string(fallback);
    if (const auto value = node->value<std::string>()) return *value;
    Fail(key, "must be a string");
}

std::int64_t Section::GetInt(std::string_view key, std::int64_t fallback, std::int64_t min, std::int64_t max) const {
    const auto* node = static_cast<const toml::node*>(Node(key));
    std::int64_t value = fallback;
    if (const auto* env = Env(key)) {
        const auto [end, ec] = std::from_chars(env->data(), env->data() + env->size(), value);
        if (ec != std::errc{} || end != env->data() + env->size()) Fail(key, "must be an integer");
    } else if (node != nullptr) {
        const auto parsed = node->value<std::int64_t>();
        if (!parsed || !node->is_integer()) Fail(key, "must be an integer");
        value = *parsed;
    }
    if (value < min || value > max) Fail(key, fmt::format("must be between {} and {}", min, max));
    return value;
}

bool Section::GetBool(std::string_view key, bool fallback) const {
    const auto* node = static_cast<const toml::node*>(Node(key));
    if (const auto* env = Env(key)) {
        const std::string lower = AsciiLower(*env);
        if (lower == "true" || lower == "1") return true;
        if (lower == "false" || lower == "0") return false;
        Fail(key, "must be true or false");
    }
    if (node == nullptr) return fallback;
    if (const auto value = node->value<bool>()) return *value;
    Fail(key, "must be true or false");
}

std::vector<std::string> Section::GetStringList(std::string_view key, std::vector<std::string> fallback) const {
    const auto* node = static_cast<const toml::node*>(Node(key));
    if (const auto* env = Env(key)) {
        std::vector<std::string> out;
        std::string_view rest = *env;
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            const auto item = Trim(rest.substr(0, comma));
            if (!item.empty()) out.emplace_back(item);
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        }
        return out;
    }
    if (node == nullptr) return fallback;
    const auto* array = node->as_array();
    if (array == nullptr) Fail(key, "must be an array of strings");
    std::vector<std::string> out;
    for (const auto& item : *array) {
        const auto value = item.value<std::string>();
        if (!value) Fail(key, "must be an array of strings");
        out.push_back(*value);
    }
    return out;
}

std::string Section::GetChoice(std::string_view key, std::string_view fallback,
                               const std::vector<std::string_view>& allowed) const {
    std::string value = GetString(key, fallback);
    for (const auto choice : allowed) {
        if (value == choice) return value;
    }
    Fail(key, fmt::format("must be one of: {}", fmt::join(allowed, ", ")));
}

void Section::Finish(const std::vector<std::string_view>& children) const {
    if (table_ == nullptr) return;
    std::vector<std::string> unknown;
    for (const auto& [key, node] : *table_) {
        if (node.is_table()) {
            if (std::find(children.begin(), children.end(), key.str()) == children.end()) {
                unknown.push_back("[" + path_ + "." + std::string(key.str()) + "]");
            }
            continue;
        }
        if (!read_.contains(key.str())) unknown.emplace_back(key.str());
    }
    if (!unknown.empty()) {
        throw ConfigError(fmt::format("config: unknown key(s) in [{}]: {}", path_, fmt::join(unknown, ", ")));
    }
}

}  // namespace sikgu::config
