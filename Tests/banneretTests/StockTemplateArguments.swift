import Foundation

/// The CLI renders every template in Templates/ by default; these tests are
/// about the commands, not the library, and their counts assume the stock
/// template alone. `generate` without `--templates` gets it added.
func withStockTemplate(_ arguments: [String]) -> [String] {
    guard arguments.first == "generate", !arguments.contains("--templates") else { return arguments }
    return arguments + ["--templates", GenerateCommandTests.root.appendingPathComponent("Templates/stock-hero.yaml").path]
}
