import ArgumentParser
import BanneretKit

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of an input file format."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case template, brand
    }

    @Argument(help: "template or brand")
    var kind: Kind

    func run() {
        switch kind {
        case .template: print(InputSchemas.template())
        case .brand: print(InputSchemas.brand())
        }
    }
}
