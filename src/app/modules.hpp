#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "core/runtime/module.hpp"

namespace CLI {
class App;
}
namespace sikgu::runtime {
class App;
}

namespace sikgu::app {

/// Every service this binary can run, in start-up order. The only list that names them all.
std::span<const runtime::ModuleEntry> AllModules();

/// A command a service adds to the `sikgu` command line (`sikgu plants import`): declared on the parser,
/// then run in a process of just `services`.
struct Command {
    std::function<CLI::App*(CLI::App& root)> declare;  // adds the subcommand and its options; returns it
    std::vector<std::string> services;
    std::function<int(runtime::App& app)> run;  // the exit code
};
std::vector<Command> AllCommands();

}  // namespace sikgu::app
