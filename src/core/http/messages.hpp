#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>

#include "core/http/types.hpp"

namespace sikgu::http {

/// One problem code and its human text. Each service keeps a constexpr table of these in api/messages.hpp.
struct Message {
    std::string_view code;
    std::string_view ko;
    std::string_view en;
};

/// All codes of the process. Filled at start-up by the runtime and the modules, read-only afterwards.
class MessageCatalog {
public:
    MessageCatalog();
    void Add(std::span<const Message> messages);  // a duplicate code is a programming error
    std::string_view Title(std::string_view code, Language language) const;
    bool Contains(std::string_view code) const;
    std::span<const Message> All() const;

private:
    std::map<std::string_view, Message, std::less<>> by_code_;
    std::vector<Message> all_;
};

/// The runtime's own codes (request.*, auth.*, route.*, server.*, validation.*).
std::span<const Message> CoreMessages();

}  // namespace sikgu::http
