import Foundation

/// Every subcommand; the first is what a bare `decodelab` runs.
let commands: [any Command.Type] = [
    TUICommand.self,
    InfoCommand.self,
    BenchCommand.self,
    FetchModelCommand.self,
    GenerateCommand.self,
    ReplayCommand.self,
    StrategiesCommand.self,
    TokenizeCommand.self,
    GrammarCommand.self,
    SelftestCommand.self,
]

@MainActor func printUsage() {
    var text = "usage: decodelab [COMMAND] [OPTIONS]\n\ncommands:\n"
    for command in commands {
        text += "  " + command.name.padding(toLength: 13, withPad: " ", startingAt: 0) + command.summary + "\n"
    }
    text += "\n`decodelab COMMAND --help` describes a command's options.\n"
    Console.out(text)
}

func fail(_ message: String) -> Never {
    Console.err("decodelab: \(message)\n")
    exit(1)
}

// A closed descriptor 1 or 2 would be handed to the next file the process opens (an event
// loop, a trace) and writes meant for the terminal would land there.
if fcntl(STDERR_FILENO, F_GETFD) == -1 {
    // `open` takes the lowest free descriptor, which is 0 when standard input is closed too.
    let null = open("/dev/null", O_WRONLY)
    if null >= 0, null != STDERR_FILENO {
        _ = dup2(null, STDERR_FILENO)
        close(null)
    }
}
if fcntl(STDOUT_FILENO, F_GETFD) == -1 { fail("standard output is closed") }

AllocatorTuning.apply()

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--help" || arguments.first == "-h" || arguments.first == "help" {
    // `help generate` is `generate --help`; `help genrate` is a typo, not a request for the list.
    if arguments.count > 1 {
        guard let command = commands.first(where: { $0.name == arguments[1] }) else {
            fail("unknown command '\(arguments[1])' (see decodelab --help)")
        }
        Console.out(command.usage)
    } else {
        printUsage()
    }
    exit(0)
}
let selected: any Command.Type
if let first = arguments.first, let command = commands.first(where: { $0.name == first }) {
    selected = command
    arguments.removeFirst()
} else if let first = arguments.first, !first.hasPrefix("-") {
    fail("unknown command '\(first)' (see decodelab --help)")
} else {
    selected = commands[0]
}
if arguments.contains("--help") || arguments.contains("-h") {
    Console.out(selected.usage)
    exit(0)
}
do {
    exit(try await selected.run(arguments))
} catch {
    fail("\(error)")
}
