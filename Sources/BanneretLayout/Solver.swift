/// An incremental Cassowary solver with kiwi's API and kiwi's algorithm.
///
/// Add constraints, read the solution with ``updateVariables()``, and change
/// it cheaply: ``suggestValue(_:_:)`` on edit variables re-solves with the
/// dual simplex, adding or removing a constraint re-solves incrementally.
/// Required constraints must hold; the others are satisfied as well as their
/// strengths allow. A solver is not thread-safe; use one per thread.
///
/// Two deliberate departures from kiwi: a required constraint that turns
/// out unsatisfiable leaves the solver exactly as it was (kiwi keeps part of
/// it), and the primal simplex enters the steepest symbol rather than the
/// lowest-numbered one, which halves the pivots. Where several solutions are
/// equally good, the solver may therefore pick another one than kiwi.
public final class Solver {
    private struct Tag {
        /// The symbol that finds the constraint's row again for removal.
        var marker = Symbol.invalid
        /// The second error symbol of a non-required constraint, if any.
        var other = Symbol.invalid
    }

    private struct EditInfo {
        var tag: Tag
        var constraint: Constraint
        /// The last suggested value.
        var constant: Double
    }

    private var constraints: [Constraint: Tag] = [:]
    private var variableSymbols: [Variable: Symbol] = [:]
    private var edits: [Variable: EditInfo] = [:]
    private var tableau = Tableau()

    /// Makes the solver pivot exactly as kiwi does (first-negative-by-id
    /// entering rule) instead of by steepest objective descent. For tests.
    var usesKiwiEnteringRule: Bool {
        get { tableau.degeneratePivotsBeforeLowestID == 0 }
        set { tableau.degeneratePivotsBeforeLowestID = newValue ? 0 : Tableau().degeneratePivotsBeforeLowestID }
    }

    /// See `Tableau.numericalRepairs`. For tests.
    var numericalRepairs: Int { tableau.numericalRepairs }

    public init() {}

    /// Adds a constraint and re-solves.
    ///
    /// - Throws: ``LayoutError/duplicateConstraint(_:)`` if it is already
    ///   present; ``LayoutError/unsatisfiable(_:)`` if it is required and
    ///   conflicts with the required constraints present, in which case the
    ///   solver is left unchanged.
    public func addConstraint(_ constraint: Constraint) throws(LayoutError) {
        try insert(constraint)
        // Optimizing after every change keeps each solve small and the
        // tableau always ready to read.
        try tableau.optimize()
    }

    /// Adds constraints in order and re-solves once at the end, which takes
    /// fewer pivots than adding them one by one when building a layout.
    ///
    /// - Throws: as ``addConstraint(_:)``, for the first constraint that
    ///   fails; the ones before it stay added and the solver is solved.
    public func addConstraints(_ constraints: some Sequence<Constraint>) throws(LayoutError) {
        self.constraints.reserveCapacity(self.constraints.count + constraints.underestimatedCount)
        do {
            for constraint in constraints {
                try insert(constraint)
            }
        } catch {
            try tableau.optimize()
            throw error
        }
        try tableau.optimize()
    }

    /// Adds a constraint's row to the tableau, feasible but not yet optimal.
    private func insert(_ constraint: Constraint) throws(LayoutError) {
        if constraints[constraint] != nil {
            throw .duplicateConstraint(constraint)
        }
        var (row, tag) = makeRow(for: constraint)
        var subject = Solver.chooseSubject(for: row, tag: tag)

        // A row of dummies only restates required equalities already present:
        // redundant if its constant is zero, contradictory otherwise.
        if !subject.isValid && row.cells.allSatisfy({ $0.symbol.isDummy }) {
            if !nearZero(row.constant) {
                throw .unsatisfiable(constraint)
            }
            subject = tag.marker
        }

        if subject.isValid {
            row.solve(for: subject)
            tableau.substitute(subject, with: row)
            tableau.rows.insert(row, for: subject)
        } else if try !tableau.addWithArtificialVariable(row) {
            throw .unsatisfiable(constraint)
        }

        constraints[constraint] = tag
    }

    /// Removes a constraint and re-solves.
    ///
    /// - Throws: ``LayoutError/unknownConstraint(_:)`` if it is not present.
    public func removeConstraint(_ constraint: Constraint) throws(LayoutError) {
        guard let tag = constraints.removeValue(forKey: constraint) else {
            throw .unknownConstraint(constraint)
        }
        // The errors must leave the objective before any pivot, or the
        // substitutions would carry them into it again.
        removeEffects(of: constraint, tag: tag)

        if let slot = tableau.rows.slot(of: tag.marker) {
            tableau.rows.remove(slot: slot)
        } else {
            guard let slot = tableau.markerLeavingRow(for: tag.marker) else {
                throw .internalFailure("no row holds the marker of \(constraint)")
            }
            let leaving = tableau.rows.basic[slot]
            var row = tableau.rows.remove(slot: slot)
            row.solve(for: leaving, tag.marker)
            tableau.substitute(tag.marker, with: row)
        }
        try tableau.optimize()
    }

    /// Whether the constraint is in the solver.
    public func hasConstraint(_ constraint: Constraint) -> Bool {
        constraints[constraint] != nil
    }

    /// Makes `variable` suggestible with ``suggestValue(_:_:)``: adds
    /// `variable == suggestion` at `strength`, suggesting 0 until told otherwise.
    ///
    /// - Throws: ``LayoutError/duplicateEditVariable(_:)`` if it already is
    ///   one; ``LayoutError/badRequiredStrength(_:)`` for required strength.
    public func addEditVariable(_ variable: Variable, strength: Strength) throws(LayoutError) {
        if edits[variable] != nil {
            throw .duplicateEditVariable(variable)
        }
        if strength.isRequired {
            throw .badRequiredStrength(variable)
        }
        let constraint = Constraint(Expression(variable), .equal, strength: strength)
        try addConstraint(constraint)
        edits[variable] = EditInfo(tag: constraints[constraint]!, constraint: constraint, constant: 0)
    }

    /// Removes an edit variable and its suggestion.
    ///
    /// - Throws: ``LayoutError/unknownEditVariable(_:)`` if it is not one.
    public func removeEditVariable(_ variable: Variable) throws(LayoutError) {
        guard let info = edits[variable] else {
            throw .unknownEditVariable(variable)
        }
        try removeConstraint(info.constraint)
        edits[variable] = nil
    }

    /// Whether `variable` is an edit variable.
    public func hasEditVariable(_ variable: Variable) -> Bool {
        edits[variable] != nil
    }

    /// Suggests a value for an edit variable and re-solves with the dual
    /// simplex, which is far cheaper than rebuilding.
    ///
    /// - Throws: ``LayoutError/unknownEditVariable(_:)`` if it is not one.
    public func suggestValue(_ variable: Variable, _ value: Double) throws(LayoutError) {
        guard var info = edits[variable] else {
            throw .unknownEditVariable(variable)
        }
        let delta = value - info.constant
        info.constant = value
        edits[variable] = info
        tableau.shiftEditConstant(marker: info.tag.marker, other: info.tag.other, by: delta)
        try tableau.dualOptimize()
    }

    /// Writes the current solution into the ``Variable/value`` of every
    /// variable the solver knows.
    public func updateVariables() {
        for (variable, symbol) in variableSymbols {
            if let slot = tableau.rows.slot(of: symbol) {
                variable.value = tableau.rows.rows[slot].constant
            } else {
                variable.value = 0
            }
        }
    }

    /// Forgets every constraint and edit variable, keeping allocated storage.
    public func reset() {
        constraints.removeAll(keepingCapacity: true)
        variableSymbols.removeAll(keepingCapacity: true)
        edits.removeAll(keepingCapacity: true)
        tableau.removeAll()
    }

    // MARK: Building rows

    private func symbol(for variable: Variable) -> Symbol {
        if let symbol = variableSymbols[variable] { return symbol }
        let symbol = tableau.newSymbol(.external)
        variableSymbols[variable] = symbol
        return symbol
    }

    /// The constraint as a tableau row in terms of the current non-basic
    /// symbols, with its slack, error or dummy symbols added, and its
    /// constant made non-negative.
    private func makeRow(for constraint: Constraint) -> (Row, Tag) {
        let expression = constraint.expression
        // Room for the substituted rows of its variables, so building it
        // rarely reallocates.
        var row = tableau.newRow(constant: expression.constant, capacity: 4 * expression.terms.count + 4)
        for term in expression.terms where !nearZero(term.coefficient) {
            let symbol = symbol(for: term.variable)
            if let slot = tableau.rows.slot(of: symbol) {
                tableau.insertRow(at: slot, times: term.coefficient, into: &row)
            } else {
                row.insert(symbol, term.coefficient)
            }
        }

        var tag = Tag()
        let strength = constraint.effectiveStrength
        switch constraint.relation {
        case .lessOrEqual, .greaterOrEqual:
            let coefficient = constraint.relation == .lessOrEqual ? 1.0 : -1.0
            let slack = tableau.newSymbol(.slack)
            tag.marker = slack
            row.insert(slack, coefficient)
            if !strength.isRequired {
                let error = tableau.newSymbol(.error)
                tag.other = error
                row.insert(error, -coefficient)
                tableau.objective.insert(error, strength.value)
            }
        case .equal:
            if !strength.isRequired {
                // expression = plus - minus, both >= 0 and both penalized.
                let plus = tableau.newSymbol(.error)
                let minus = tableau.newSymbol(.error)
                tag.marker = plus
                tag.other = minus
                row.insert(plus, -1)
                row.insert(minus, 1)
                tableau.objective.insert(plus, strength.value)
                tableau.objective.insert(minus, strength.value)
            } else {
                let dummy = tableau.newSymbol(.dummy)
                tag.marker = dummy
                row.insert(dummy)
            }
        }

        if row.constant < 0 { row.reverseSign() }
        return (row, tag)
    }

    /// The symbol to solve a new row for: its first external variable, else
    /// a slack or error marker with a negative coefficient (which keeps the
    /// row's constant non-negative); invalid if neither exists.
    private static func chooseSubject(for row: Row, tag: Tag) -> Symbol {
        for cell in row.cells where cell.symbol.isExternal {
            return cell.symbol
        }
        if tag.marker.isPivotable && row.coefficient(for: tag.marker) < 0 {
            return tag.marker
        }
        if tag.other.isPivotable && row.coefficient(for: tag.other) < 0 {
            return tag.other
        }
        return .invalid
    }

    private func removeEffects(of constraint: Constraint, tag: Tag) {
        let strength = constraint.effectiveStrength.value
        for marker in [tag.marker, tag.other] where marker.isValid && marker.kind == .error {
            tableau.removeEffects(of: marker, strength: strength)
        }
    }
}
