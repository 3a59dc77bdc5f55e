#include "core/util/crypto.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <array>
#include <stdexcept>

namespace sikgu {
namespace {
constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

void EnsureSodium() {
    static const int init = sodium_init();
    if (init < 0) throw std::runtime_error("libsodium failed to initialise");
}
}  // namespace

std::string Base64UrlEncode(std::string_view bytes) {
    // Sized once and written by index: this runs for every request id.
    std::string out((bytes.size() * 4 + 2) / 3, '\0');
    char* o = out.data();
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const auto n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
        *o++ = kAlphabet[(n >> 18) & 63];
        *o++ = kAlphabet[(n >> 12) & 63];
        *o++ = kAlphabet[(n >> 6) & 63];
        *o++ = kAlphabet[n & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        const auto n = static_cast<unsigned char>(bytes[i]) << 16;
        *o++ = kAlphabet[(n >> 18) & 63];
        *o++ = kAlphabet[(n >> 12) & 63];
    } else if (rest == 2) {
        const auto n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
        *o++ = kAlphabet[(n >> 18) & 63];
        *o++ = kAlphabet[(n >> 12) & 63];
        *o++ = kAlphabet[(n >> 6) & 63];
    }
    return out;
}

std::optional<std::string> Base64UrlDecode(std::string_view text) {
    if (text.size() % 4 == 1) return std::nullopt;
    std::string out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        const auto pos = kAlphabet.find(c);
        if (pos == std::string_view::npos) return std::nullopt;
        buffer = (buffer << 6) | static_cast<std::uint32_t>(pos);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    // Non-canonical encodings (stray low bits) are rejected so one token has exactly one spelling.
    if (bits > 0 && (buffer & ((1U << bits) - 1)) != 0) return std::nullopt;
    return out;
}

std::string Sha256(std::string_view data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int len = 0;
    if (EVP_Digest(data.data(), data.size(), digest.data(), &len, EVP_sha256(), nullptr) != 1) {
        throw std::runtime_error("SHA-256 failed");
    }
    return std::string(reinterpret_cast<const char*>(digest.data()), len);
}

std::string Sha256Hex(std::string_view data) {
    const std::string digest = Sha256(data);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(digest.size() * 2);
    for (const char byte : digest) {
        const auto c = static_cast<unsigned char>(byte);
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    return out;
}

std::string HmacSha256(std::string_view key, std::string_view data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int len = 0;
    if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
             data.size(), mac.data(), &len) == nullptr) {
        throw std::runtime_error("HMAC-SHA256 failed");
    }
    return std::string(reinterpret_cast<const char*>(mac.data()), len);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    EnsureSodium();
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string RandomToken(std::size_t n) {
    EnsureSodium();
    std::string bytes(n, '\0');
    randombytes_buf(bytes.data(), bytes.size());
    return Base64UrlEncode(bytes);
}

std::string RandomDigits(int digits) {
    EnsureSodium();
    std::string out;
    for (int i = 0; i < digits; ++i) out += static_cast<char>('0' + randombytes_uniform(10));
    return out;
}

}  // namespace sikgu
