#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "support/test_server.hpp"

namespace sikgu::test {

/// `sikgu serve --services <services>` as a process of its own (the real binary, SIKGU_BIN), on a free
/// loopback port with its own data folder, ready when constructed; killed (SIGKILL) when destroyed.
/// `env` holds config overrides by dotted key, as TestServer's.
class ServiceProcess {
public:
    ServiceProcess(const std::vector<std::string>& services, const std::map<std::string, std::string>& env);
    ~ServiceProcess();
    ServiceProcess(const ServiceProcess&) = delete;
    ServiceProcess& operator=(const ServiceProcess&) = delete;

    void Kill();
    std::string Url() const { return "http://127.0.0.1:" + std::to_string(port_); }

private:
    TempDir dir_;
    std::uint16_t port_;
    pid_t pid_ = -1;
};

}  // namespace sikgu::test
