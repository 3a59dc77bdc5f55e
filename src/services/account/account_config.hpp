#pragma once

#include <chrono>
#include <string>

#include "services/account/store/account_store.hpp"

namespace sikgu::config {
class Section;
}

namespace sikgu::account {

struct AccountConfig {
    AccountLimits limits;
    int login_failures_per_account = 5;
    int login_failures_per_ip = 20;
    std::chrono::seconds login_failure_window{15 * 60};
    bool cookie_secure = false;  // "auto": on when public_url is https
    std::string public_url;
};

/// Reads [account]; unknown keys and out-of-range values are start-up errors.
AccountConfig ParseAccountConfig(const config::Section& section, const std::string& public_url);

}  // namespace sikgu::account
