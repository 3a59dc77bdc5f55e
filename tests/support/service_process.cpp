#include "support/service_process.hpp"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <memory>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace sikgu::test {
namespace {

std::uint16_t FreePort() {
    auto probe = std::make_unique<TestServer>();  // binds 127.0.0.1:0, then frees the port
    const auto port = probe->Port();
    probe.reset();
    return port;
}

// core.auth.jwt_secret -> SIKGU_CORE__AUTH__JWT_SECRET
std::string EnvName(const std::string& dotted) {
    std::string name = "SIKGU_";
    for (const char c : dotted) {
        if (c == '.') {
            name += "__";
        } else {
            name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
    }
    return name;
}

}  // namespace

ServiceProcess::ServiceProcess(const std::vector<std::string>& services, const std::map<std::string, std::string>& env)
    : port_(FreePort()) {
    std::string list;
    for (const auto& s : services) list += (list.empty() ? "" : ",") + s;
    std::vector<std::string> args{SIKGU_BIN, "--data-dir=" + dir_.Path().string(), "serve", "--port",
                                  std::to_string(port_), "--services", list};
    std::vector<std::string> vars{"SIKGU_CORE__LOG__LEVEL=warn", "SIKGU_CORE__AUTH__ARGON2_MEMORY_KIB=64", "PATH=/usr/bin:/bin"};
    for (const auto& [key, value] : env) vars.push_back(EnvName(key) + "=" + value);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (auto& e : vars) envp.push_back(e.data());
    envp.push_back(nullptr);
    if (::posix_spawn(&pid_, SIKGU_BIN, nullptr, nullptr, argv.data(), envp.data()) != 0) {
        throw std::runtime_error("could not start sikgu");
    }
    HttpClient client(port_);
    for (int i = 0; i < 400; ++i) {
        try {
            if (client.Get("/readyz").status == 200) return;
        } catch (const std::exception&) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    Kill();
    throw std::runtime_error("sikgu --services " + list + " did not become ready");
}

ServiceProcess::~ServiceProcess() { Kill(); }

void ServiceProcess::Kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

}  // namespace sikgu::test
