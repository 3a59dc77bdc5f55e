#include "core/http/pipeline.hpp"

#include <gtest/gtest.h>

namespace sikgu::http {
namespace {

Request FromPeer(std::string peer, std::vector<std::string> forwarded_lines) {
    Request request;
    request.remote_address = std::move(peer);
    for (auto& line : forwarded_lines) request.headers.push_back({"X-Forwarded-For", std::move(line)});
    return request;
}

const std::vector<std::string> kProxies = {"10.0.0.1", "10.0.0.2"};

TEST(ClientAddress, UntrustedPeersAreTheClient) {
    EXPECT_EQ(ClientAddress(FromPeer("203.0.113.9", {"198.51.100.1"}), kProxies), "203.0.113.9");
}

TEST(ClientAddress, TheRightMostUntrustedHopOfAllLinesIsTheClient) {
    EXPECT_EQ(ClientAddress(FromPeer("10.0.0.1", {"198.51.100.1"}), kProxies), "198.51.100.1");
    // A client-sent left part cannot win: the proxies appended the real peer on the right.
    EXPECT_EQ(ClientAddress(FromPeer("10.0.0.1", {"1.1.1.1, 198.51.100.1, 10.0.0.2"}), kProxies), "198.51.100.1");
    // Several header lines are one list, in order: the last line's last hop is the newest.
    EXPECT_EQ(ClientAddress(FromPeer("10.0.0.1", {"1.1.1.1", "198.51.100.7"}), kProxies), "198.51.100.7");
    EXPECT_EQ(ClientAddress(FromPeer("10.0.0.1", {"1.1.1.1, 198.51.100.7", "10.0.0.2"}), kProxies), "198.51.100.7");
}

TEST(ClientAddress, NonAddressesAreRefusedAndEndTheChain) {
    for (const char* garbage : {"abc", "deadbeef", "::::", "1.2.3.4.5", "1.2.3.4:80", "[::1]", "unknown", "", "1.2.3.256"}) {
        EXPECT_EQ(ClientAddress(FromPeer("10.0.0.1", {garbage}), kProxies), "10.0.0.1") << garbage;
        EXPECT_EQ(ClientAddress(FromPeer("10.0.0.1", {std::string("198.51.100.1, ") + garbage}), kProxies), "10.0.0.1")
            << garbage;
    }
    // Right of the broken hop, a real address still names the client.
    EXPECT_EQ(ClientAddress(FromPeer("10.0.0.1", {"garbage, 198.51.100.1"}), kProxies), "198.51.100.1");
}

TEST(ClientAddress, AddressesComeOutCanonical) {
    EXPECT_EQ(ClientAddress(FromPeer("10.0.0.1", {"2001:DB8:0:0::1"}), kProxies), "2001:db8::1");
    EXPECT_EQ(CanonicalAddress("0:0::1"), std::optional<std::string>("::1"));
    EXPECT_EQ(CanonicalAddress("192.0.2.1"), std::optional<std::string>("192.0.2.1"));
    EXPECT_EQ(CanonicalAddress("192.0.2.01"), std::nullopt);
    EXPECT_EQ(CanonicalAddress(" 192.0.2.1"), std::nullopt);
}

}  // namespace
}  // namespace sikgu::http
