import ArgumentParser
import BanneretKit

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of an input file format."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case template, brand, job
    }

    @Argument(help: "template, brand or job (a watch-folder job file)")
    var kind: Kind

    func run() {
        switch kind {
        case .template: print(InputSchemas.template())
        case .brand: print(InputSchemas.brand())
        case .job: print(InputSchemas.job())
        }
    }
}
