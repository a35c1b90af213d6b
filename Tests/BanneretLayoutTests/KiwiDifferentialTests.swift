import Foundation
import Testing
@testable import BanneretLayout

/// The solver against kiwisolver on the random systems of
/// scripts/kiwi-fixtures.py, whose answers are committed in
/// Fixtures/kiwi-systems.txt so that no Python is needed here.
@Suite struct KiwiDifferentialTests {
    struct Expectation {
        var seed: UInt64
        var checksum: UInt64
        var variables: Int
        var operations: Int
        var verdicts: [(operation: Int, letter: Character)] = []
        /// Per checkpoint: error per level, and each variable's value if pinned.
        var errors: [Int: [Double]] = [:]
        var values: [Int: [Double?]] = [:]
    }

    struct Fixture {
        var systems: [Expectation] = []
        /// Systems kiwi died on (seed, checksum).
        var aborted: [(seed: UInt64, checksum: UInt64)] = []
    }

    static func loadFixture() throws -> Fixture {
        let url = try #require(Bundle.module.url(forResource: "kiwi-systems", withExtension: "txt", subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        var fixture = Fixture()
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            switch fields[0] {
            case "system":
                fixture.systems.append(Expectation(
                    seed: UInt64(fields[1])!, checksum: UInt64(fields[2])!,
                    variables: Int(fields[3])!, operations: Int(fields[4])!))
            case "verdicts":
                fixture.systems[fixture.systems.count - 1].verdicts = fields.dropFirst().map { field in
                    let parts = field.split(separator: ":")
                    return (Int(parts[0])!, parts[1].first!)
                }
            case "errors":
                fixture.systems[fixture.systems.count - 1].errors[Int(fields[1])!] = fields.dropFirst(2).map { Double($0)! }
            case "values":
                fixture.systems[fixture.systems.count - 1].values[Int(fields[1])!] = fields.dropFirst(2).map { Double($0) }
            case "aborted":
                fixture.aborted.append((UInt64(fields[1])!, UInt64(fields[2])!))
            default:
                Issue.record("unknown fixture line: \(line)")
            }
        }
        return fixture
    }

    /// Relative 1e-6, absolute 1e-6 near zero.
    static func agree(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-6 * max(1, abs(a), abs(b))
    }

    /// What differs between the solver's run of `expected`'s system and kiwi's.
    static func mismatches(_ expected: Expectation, kiwiEnteringRule: Bool) -> [String] {
        let system = RandomSystem(seed: expected.seed)
        guard system.checksum == expected.checksum,
              system.variableCount == expected.variables,
              system.operations.count == expected.operations else {
            return ["the Swift generator built a different system than the script"]
        }
        var problems: [String] = []
        let run = SystemRun(system, kiwiEnteringRule: kiwiEnteringRule)
        let verdicts = run.verdicts.map { "\($0.operation):\($0.letter)" }
        let expectedVerdicts = expected.verdicts.map { "\($0.operation):\($0.letter)" }
        if verdicts != expectedVerdicts {
            problems.append("verdicts \(verdicts) != kiwi's \(expectedVerdicts)")
        }
        for checkpoint in run.checkpoints {
            guard let errors = expected.errors[checkpoint.index], let values = expected.values[checkpoint.index] else {
                problems.append("checkpoint \(checkpoint.index) missing from the fixture")
                continue
            }
            for (level, (mine, theirs)) in zip(checkpoint.errors, errors).enumerated() where !agree(mine, theirs) {
                problems.append("checkpoint \(checkpoint.index): level \(level) error \(mine) != kiwi's \(theirs)")
            }
            for (variable, (mine, theirs)) in zip(checkpoint.values, values).enumerated() {
                if let theirs, !agree(mine, theirs) {
                    problems.append("checkpoint \(checkpoint.index): pinned v\(variable) = \(mine) != kiwi's \(theirs)")
                }
            }
        }
        return problems
    }

    /// The solver's own pivoting (steepest descent), and kiwi's exact pivoting.
    @Test(arguments: [false, true])
    func agreesWithKiwisolverOnRandomSystems(kiwiEnteringRule: Bool) throws {
        let fixture = try Self.loadFixture()
        #expect(fixture.systems.count >= 2000)
        var failures = 0
        for expected in fixture.systems {
            let problems = Self.mismatches(expected, kiwiEnteringRule: kiwiEnteringRule)
            if !problems.isEmpty {
                failures += 1
                if failures <= 10 {
                    Issue.record("system \(expected.seed): \(problems.prefix(5).joined(separator: "; "))")
                }
            }
        }
        #expect(failures == 0, "\(failures) of \(fixture.systems.count) systems differ from kiwisolver")
    }

    @Test(arguments: [false, true])
    func survivesTheSystemsKiwiAbortsOn(kiwiEnteringRule: Bool) throws {
        // kiwi throws "objective is unbounded" on rounding noise and kiwisolver
        // dies (which systems depends on kiwi's memory-address term order);
        // the solver zeroes such noise and carries on.
        let fixture = try Self.loadFixture()
        #expect(!fixture.aborted.isEmpty)
        for (seed, checksum) in fixture.aborted {
            let system = RandomSystem(seed: seed)
            #expect(system.checksum == checksum)
            let run = SystemRun(system, kiwiEnteringRule: kiwiEnteringRule)
            #expect(!run.verdicts.contains { $0.letter == "I" }, "system \(seed) failed internally")
            #expect(run.checkpoints.count == 3)
        }
    }
}
