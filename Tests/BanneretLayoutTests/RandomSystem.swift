import BanneretLayout

// The random constraint systems of scripts/kiwi-fixtures.py, rebuilt from
// their seeds. Every parameter is drawn as an integer and mapped through the
// same tables as the script, so the two sides build bit-identical systems;
// `checksum` proves it against the fixture.

/// splitmix64, as in the fixture script.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}

struct RandomSystem {
    static let coefficients: [Double] = [1, -1, 1, -1, 2, -2, 0.5, -0.5]
    static let window = 10
    static let weights: [Double] = [1, 0.5, 2, 3, 10]

    /// Strength codes shared with the script.
    enum Level: Int {
        case required = 0, strong, medium, weak

        var strength: Strength {
            switch self {
            case .required: .required
            case .strong: .strong
            case .medium: .medium
            case .weak: .weak
            }
        }
    }

    /// `Σ coefficient × variable + constant <relation> 0`.
    struct Spec {
        var terms: [(variable: Int, coefficient: Int)]
        var constant: Int
        /// 0 `==`, 1 `<=`, 2 `>=`.
        var relation: Int
        var level: Level
        /// Index into `weights`.
        var weight: Int
    }

    enum Operation {
        case add(Int)
        case remove(Int)
        case addEdit(Int, Level)
        case removeEdit(Int)
        case suggest(Int, Int)
        case check(Int)
    }

    let seed: UInt64
    var variableCount = 0
    var specs: [Spec] = []
    var operations: [Operation] = []

    init(seed: UInt64) {
        self.seed = seed
        var rng = SplitMix64(seed: seed)
        // Mostly small systems, a few up to 200 variables: the operation count,
        // and with it the debug-build test time, stays modest.
        let n = 20 + (rng.below(181) * rng.below(181) * rng.below(181)) / (180 * 180)
        variableCount = n
        let relations = 4 + n / 3 + rng.below(n / 3 + 1)
        let stays = 2 + n / 4 + rng.below(n / 4 + 1)

        var remainingRelations = relations
        var remainingStays = stays
        while remainingRelations + remainingStays > 0 {
            if rng.below(remainingRelations + remainingStays) < remainingStays {
                remainingStays -= 1
                addStay(variable: rng.below(n), rng: &rng)
            } else {
                remainingRelations -= 1
                addRelation(n: n, rng: &rng)
            }
            let extra = rng.below(30)
            if extra == 0 {
                operations.append(.add(rng.below(specs.count)))
            } else if extra == 1 {
                operations.append(.remove(rng.below(specs.count)))
            } else if extra <= 3 {
                addContradiction(rng: &rng)
            }
        }
        operations.append(.check(0))

        var editVariables: [Int] = []
        for _ in 0..<(1 + rng.below(3)) {
            let variable = rng.below(n)
            let pick = rng.below(10)
            let level: Level = pick <= 3 ? .strong : pick <= 6 ? .medium : pick <= 8 ? .weak : .required
            operations.append(.addEdit(variable, level))
            editVariables.append(variable)
        }
        for _ in 0..<(2 + rng.below(4)) {
            let variable = rng.below(8) == 0 ? rng.below(n) : editVariables[rng.below(editVariables.count)]
            operations.append(.suggest(variable, rng.below(1001) - 100))
        }
        operations.append(.check(1))

        for _ in 0..<rng.below(relations / 4 + 2) {
            operations.append(.remove(rng.below(specs.count)))
        }
        operations.append(.removeEdit(rng.below(4) != 0 ? editVariables[0] : rng.below(n)))
        for variable in editVariables.dropFirst() {
            operations.append(.suggest(variable, rng.below(1001) - 100))
        }
        operations.append(.check(2))
    }

    /// A preference or bound on one variable, as a template's stays and limits.
    private mutating func addStay(variable i: Int, rng: inout SplitMix64) {
        switch rng.below(10) {
        case 0...3: add(Spec(terms: [(i, 0)], constant: -rng.below(501), relation: 0, level: .weak, weight: 0))
        case 4...5: add(Spec(terms: [(i, 0)], constant: 0, relation: 2, level: .required, weight: 0))
        case 6: add(Spec(terms: [(i, 0)], constant: -rng.below(501), relation: 0, level: .medium, weight: 0))
        case 7: add(Spec(terms: [(i, 0)], constant: -(100 + rng.below(901)), relation: 1, level: .strong, weight: 0))
        case 8: add(Spec(terms: [(i, 0)], constant: -(200 + rng.below(801)), relation: 1, level: .required, weight: 0))
        default:
            let constant = -rng.below(501)
            let level = Level(rawValue: Level.medium.rawValue + rng.below(2))!
            add(Spec(terms: [(i, 0)], constant: constant, relation: 0, level: level, weight: 1 + rng.below(4)))
        }
    }

    /// A relation between nearby variables. Layout constraints relate
    /// neighbouring elements, and keeping each constraint's variables within
    /// a small window keeps the tableau sparse and well conditioned, as a
    /// banner's is (fully random systems drive kiwi into rounding failures).
    private mutating func addRelation(n: Int, rng: inout SplitMix64) {
        let termCount = 2 + rng.below(4)
        let base = rng.below(n)
        var terms: [(variable: Int, coefficient: Int)] = []
        for _ in 0..<termCount {
            let variable = (base + rng.below(Self.window)) % n
            terms.append((variable, rng.below(Self.coefficients.count)))
        }
        let constant = rng.below(401) - 200
        let relation = rng.below(3)
        let pick = rng.below(20)
        var weight = 0
        let level: Level
        if pick < 6 {
            level = .required
        } else if pick < 10 {
            level = .strong
        } else if pick < 14 {
            level = .medium
        } else if pick < 18 {
            level = .weak
        } else {
            level = Level(rawValue: 1 + rng.below(3))!
            weight = 1 + rng.below(Self.weights.count - 1)
        }
        add(Spec(terms: terms, constant: constant, relation: relation, level: level, weight: weight))
    }

    /// A required contradiction of an earlier constraint: unsatisfiable
    /// whenever that constraint is required and still present.
    private mutating func addContradiction(rng: inout SplitMix64) {
        let earlier = specs[rng.below(specs.count)]
        let shift = 1 + rng.below(50)
        let (constant, relation) = switch earlier.relation {
        case 0: (earlier.constant + shift, 0)
        case 1: (earlier.constant - shift, 2)
        default: (earlier.constant + shift, 1)
        }
        add(Spec(terms: earlier.terms, constant: constant, relation: relation, level: .required, weight: 0))
    }

    private mutating func add(_ spec: Spec) {
        specs.append(spec)
        operations.append(.add(specs.count - 1))
    }

    /// FNV-1a over every integer that defines the system, as in the script.
    var checksum: UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func feed(_ value: Int) {
            hash = (hash ^ UInt64(bitPattern: Int64(value))) &* 0x100_0000_01B3
        }
        feed(variableCount)
        for operation in operations {
            switch operation {
            case .add(let index):
                feed(1); feed(index)
                let spec = specs[index]
                feed(spec.terms.count)
                for term in spec.terms {
                    feed(term.variable); feed(term.coefficient)
                }
                feed(spec.constant); feed(spec.relation); feed(spec.level.rawValue); feed(spec.weight)
            case .remove(let index): feed(2); feed(index)
            case .addEdit(let variable, let level): feed(3); feed(variable); feed(level.rawValue)
            case .removeEdit(let variable): feed(4); feed(variable)
            case .suggest(let variable, let value): feed(5); feed(variable); feed(value)
            case .check(let index): feed(6); feed(index)
            }
        }
        return hash
    }

    func makeConstraint(_ spec: Spec, variables: [Variable]) -> Constraint {
        let terms = spec.terms.map { Term(variables[$0.variable], Self.coefficients[$0.coefficient]) }
        let relation: Relation = [.equal, .lessOrEqual, .greaterOrEqual][spec.relation]
        return Constraint(
            Expression(terms: terms, constant: Double(spec.constant)), relation,
            strength: spec.level.strength, weight: Self.weights[spec.weight])
    }
}
