#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/util/clock.hpp"

namespace sikgu::auth {

/// Credentials one sikgu service presents to another's internal API (`Auth::kService` routes), sent as
/// `Authorization: Service <credential>`. A credential names the calling service and expires within a
/// minute; it is signed with the service secret (`core.auth.service_secret`), a key no user token is signed
/// with, and has a shape no access token has, so neither can pass for the other.
class ServiceCredentials {
public:
    ServiceCredentials(std::string secret, const Clock& clock);

    /// A credential for `caller`, reused while it has more than half its life left.
    std::string For(std::string_view caller) const;
    /// The calling service, or nullopt for anything forged, expired or malformed.
    std::optional<std::string> Verify(std::string_view credential) const;

    static constexpr std::chrono::seconds kLifetime{60};

private:
    std::string Sign(std::string_view caller, std::int64_t expires) const;

    std::string secret_;
    const Clock& clock_;
    mutable std::mutex mutex_;
    mutable std::string cached_caller_;
    mutable std::string cached_;
    mutable std::int64_t cached_expires_ = 0;
};

}  // namespace sikgu::auth
