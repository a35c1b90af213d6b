/// The numeric half of the solver: kiwi's incremental simplex tableau.
///
/// A value type so that the hot loops run on one exclusively owned struct,
/// without the per-access exclusivity checks of class properties.
struct Tableau {
    /// The constraint rows, each solved for its basic symbol.
    var rows = RowMap()
    /// Σ strength × error over the non-required constraints; minimized.
    var objective = Row()
    /// The phase-one objective while a required row is being made feasible.
    var artificial: Row?
    /// Basic symbols whose rows may have turned negative; drained by `dualOptimize`.
    var infeasibleRows: [Symbol] = []
    var nextID = 1
    /// How often `optimize` zeroed an objective coefficient that was only
    /// rounding noise; where kiwi would have thrown. For tests.
    var numericalRepairs = 0
    /// Consecutive degenerate pivots after which `optimize` falls back to
    /// kiwi's lowest-id entering rule; 0 means always kiwi's rule, which
    /// reproduces kiwi's pivots exactly (the tests use that).
    var degeneratePivotsBeforeLowestID = 32
    /// The buffer that row merges build into; see `Row.merge`.
    var scratch: [Cell] = []
    /// The slots a column visit returns, reused.
    private var slotScratch: [Int] = []
    /// Cell buffers of the rows of a previous system, for new rows after `removeAll`.
    private var spareCells: [[Cell]] = []

    mutating func newSymbol(_ kind: Symbol.Kind) -> Symbol {
        defer { nextID += 1 }
        return Symbol(kind, id: nextID)
    }

    /// Replaces `symbol` by `row` everywhere, then notes every restricted
    /// row that is negative, in id order, as kiwi does after each
    /// substitution (the dual pass skips the ones that are fine by then).
    mutating func substitute(_ symbol: Symbol, with row: Row) {
        rows.slots(mightContaining: symbol, into: &slotScratch)
        for slot in slotScratch where rows.rows[slot].mightContain(symbol) {
            rows.willModify(slot: slot)
            if rows.rows[slot].substitute(symbol, with: row, scratch: &scratch) {
                rows.noteSymbols(of: row, at: slot)
                rows.refreshSign(of: slot)
            }
        }
        rows.clearColumn(of: symbol)
        rows.appendNegativeRows(to: &infeasibleRows)
        objective.substitute(symbol, with: row, scratch: &scratch)
        artificial?.substitute(symbol, with: row, scratch: &scratch)
    }

    /// Makes `entering` basic in place of the basic symbol of `slot`.
    mutating func pivot(slot: Int, entering: Symbol) {
        let leaving = rows.basic[slot]
        var row = rows.take(slot: slot)
        row.solve(for: leaving, entering)
        substitute(entering, with: row)
        rows.put(row, for: entering, at: slot)
    }

    /// Phase two of the primal simplex: pivot until no symbol can lower the
    /// objective (the artificial one while adding a required row).
    ///
    /// The entering symbol is the one whose objective coefficient is most
    /// negative (Dantzig's rule): on banner layouts it needs about half the
    /// pivots of kiwi's first-negative-by-id rule, and a solve is that much
    /// faster. The optimum is the same; where several solutions are equally
    /// good the two rules may stop at different ones. Dantzig's rule can
    /// cycle on degenerate pivots, kiwi's (Bland's) cannot, so a run of
    /// degenerate pivots switches to kiwi's rule until the objective moves.
    mutating func optimize(artificialObjective: Bool = false) throws(LayoutError) {
        var pivots = 0
        var degenerate = 0
        while true {
            let current = artificialObjective ? artificial! : objective
            let entering = degenerate >= degeneratePivotsBeforeLowestID
                ? Tableau.lowestIDEnteringSymbol(of: current)
                : Tableau.steepestEnteringSymbol(of: current)
            if !entering.isValid { return }
            guard let slot = leavingRow(for: entering) else {
                // Both objectives are sums of non-negative symbols, so they
                // cannot fall without bound: a negative coefficient that no
                // restricted row limits is rounding noise, typically
                // strength × a row coefficient that the rows dropped as
                // near zero. Its true value is >= 0; zero it and go on.
                // kiwi throws here and leaves its solver unusable.
                let coefficient = current.coefficient(for: entering)
                let scale = current.cells.reduce(1.0) { max($0, abs($1.coefficient)) }
                guard -coefficient <= 1e-8 * scale else {
                    throw .internalFailure("the objective is unbounded")
                }
                if artificialObjective { artificial!.remove(entering) } else { objective.remove(entering) }
                numericalRepairs += 1
                continue
            }
            degenerate = nearZero(rows.rows[slot].constant) ? degenerate + 1 : 0
            pivot(slot: slot, entering: entering)
            // The entering rules cannot cycle in exact arithmetic; this bound
            // only turns a cycle born of rounding into an error, not a hang.
            pivots += 1
            if pivots > 50 * (rows.count + 20) {
                throw .internalFailure("the simplex did not converge")
            }
        }
    }

    /// The dual simplex after `suggestValue`: the objective is still optimal
    /// but some restricted rows went negative; pivot them back to feasible.
    mutating func dualOptimize() throws(LayoutError) {
        var pivots = 0
        while let leaving = infeasibleRows.popLast() {
            guard let slot = rows.slot(of: leaving) else { continue }
            let constant = rows.rows[slot].constant
            if nearZero(constant) || constant >= 0 { continue }
            let entering = dualEnteringSymbol(for: rows.rows[slot])
            if !entering.isValid {
                throw .internalFailure("the dual simplex found no entering symbol")
            }
            pivot(slot: slot, entering: entering)
            pivots += 1
            if pivots > 50 * (rows.count + 20) {
                throw .internalFailure("the dual simplex did not converge")
            }
        }
    }

    /// kiwi's rule: the first symbol, in id order, whose increase lowers the objective.
    static func lowestIDEnteringSymbol(of objective: Row) -> Symbol {
        for cell in objective.cells where !cell.symbol.isDummy && cell.coefficient < 0 {
            return cell.symbol
        }
        return .invalid
    }

    /// Dantzig's rule: the symbol whose increase lowers the objective fastest
    /// (the lowest id on ties).
    static func steepestEnteringSymbol(of objective: Row) -> Symbol {
        var entering = Symbol.invalid
        var steepest = 0.0
        for cell in objective.cells where cell.coefficient < steepest && !cell.symbol.isDummy {
            steepest = cell.coefficient
            entering = cell.symbol
        }
        return entering
    }

    /// The symbol of the infeasible `row` whose entry costs the objective least.
    func dualEnteringSymbol(for row: Row) -> Symbol {
        var entering = Symbol.invalid
        var ratio = Double.greatestFiniteMagnitude
        for cell in row.cells where cell.coefficient > 0 && !cell.symbol.isDummy {
            let candidate = objective.coefficient(for: cell.symbol) / cell.coefficient
            if candidate < ratio {
                ratio = candidate
                entering = cell.symbol
            }
        }
        return entering
    }

    /// The ratio test: the restricted row that first hits zero as `entering`
    /// grows; the lowest basic id on ties, as kiwi's ordered scan finds.
    /// Nil means unbounded.
    mutating func leavingRow(for entering: Symbol) -> Int? {
        var ratio = Double.greatestFiniteMagnitude
        var found: Int?
        rows.slots(mightContaining: entering, into: &slotScratch)
        for slot in slotScratch where !rows.basic[slot].isExternal && rows.basic[slot].isValid {
            let coefficient = rows.rows[slot].coefficient(for: entering)
            if coefficient < 0 {
                let candidate = -rows.rows[slot].constant / coefficient
                if candidate < ratio || (found != nil && candidate == ratio && rows.basic[slot] < rows.basic[found!]) {
                    ratio = candidate
                    found = slot
                }
            }
        }
        return found
    }

    /// The row to pivot a non-basic marker into before its constraint's row is
    /// dropped, in kiwi's order of preference: a restricted row with a negative
    /// coefficient and the smallest ratio, else a restricted row with the
    /// smallest ratio, else the last unrestricted row mentioning the marker
    /// (ties go to the row kiwi's ordered scan would pick).
    mutating func markerLeavingRow(for marker: Symbol) -> Int? {
        var firstRatio = Double.greatestFiniteMagnitude
        var secondRatio = Double.greatestFiniteMagnitude
        var first: Int?
        var second: Int?
        var third: Int?
        rows.slots(mightContaining: marker, into: &slotScratch)
        for slot in slotScratch where rows.basic[slot].isValid {
            let coefficient = rows.rows[slot].coefficient(for: marker)
            if coefficient == 0 { continue }
            let basic = rows.basic[slot]
            if basic.isExternal {
                if third == nil || rows.basic[third!] < basic { third = slot }
            } else if coefficient < 0 {
                let candidate = -rows.rows[slot].constant / coefficient
                if candidate < firstRatio || (first != nil && candidate == firstRatio && basic < rows.basic[first!]) {
                    firstRatio = candidate
                    first = slot
                }
            } else {
                let candidate = rows.rows[slot].constant / coefficient
                if candidate < secondRatio || (second != nil && candidate == secondRatio && basic < rows.basic[second!]) {
                    secondRatio = candidate
                    second = slot
                }
            }
        }
        return first ?? second ?? third
    }

    /// Adds a required row that has no usable subject by minimizing an
    /// artificial variable equal to it (phase one). Returns false, with the
    /// tableau restored to how it was, when the row cannot reach zero: the
    /// constraint conflicts with the required ones already present. kiwi
    /// leaves the failed row behind; restoring keeps later answers valid.
    mutating func addWithArtificialVariable(_ row: Row) throws(LayoutError) -> Bool {
        let savedObjective = objective
        let savedInfeasibleCount = infeasibleRows.count
        rows.beginJournal()
        defer { rows.endJournal() }
        let added = try addWithArtificialVariableLeavingTrace(row)
        if !added {
            rows.rollBack()
            objective = savedObjective
            // Only appended to until the next dual pass.
            infeasibleRows.removeSubrange(savedInfeasibleCount...)
            artificial = nil
        }
        return added
    }

    private mutating func addWithArtificialVariableLeavingTrace(_ row: Row) throws(LayoutError) -> Bool {
        let art = newSymbol(.slack)
        rows.insert(row, for: art)
        artificial = row
        try optimize(artificialObjective: true)
        let success = nearZero(artificial!.constant)
        artificial = nil

        if let slot = rows.slot(of: art) {
            var artRow = rows.remove(slot: slot)
            if artRow.cells.isEmpty { return success }
            let entering = Tableau.anyPivotableSymbol(in: artRow)
            if !entering.isValid { return false }
            artRow.solve(for: art, entering)
            substitute(entering, with: artRow)
            rows.insert(artRow, for: entering)
        }
        rows.slots(mightContaining: art, into: &slotScratch)
        for slot in slotScratch where rows.rows[slot].mightContain(art) {
            rows.willModify(slot: slot)
            rows.rows[slot].remove(art)
        }
        rows.clearColumn(of: art)
        objective.remove(art)
        return success
    }

    static func anyPivotableSymbol(in row: Row) -> Symbol {
        for cell in row.cells where cell.symbol.isPivotable {
            return cell.symbol
        }
        return .invalid
    }

    /// `row += coefficient × rows.rows[index]`, for building a new row in
    /// terms of the current non-basic symbols.
    mutating func insertRow(at slot: Int, times coefficient: Double, into row: inout Row) {
        row.insert(rows.rows[slot], times: coefficient, scratch: &scratch)
    }

    /// Takes a removed constraint's error symbol out of the objective.
    mutating func removeEffects(of marker: Symbol, strength: Double) {
        if let slot = rows.slot(of: marker) {
            objective.insert(rows.rows[slot], times: -strength, scratch: &scratch)
        } else {
            objective.insert(marker, -strength)
        }
    }

    /// Moves an edit constraint's constant by `delta` wherever it shows,
    /// noting the rows that turn negative for `dualOptimize`.
    mutating func shiftEditConstant(marker: Symbol, other: Symbol, by delta: Double) {
        if let slot = rows.slot(of: marker) {
            let negative = rows.rows[slot].add(-delta) < 0
            rows.refreshSign(of: slot)
            if negative { infeasibleRows.append(marker) }
            return
        }
        if let slot = rows.slot(of: other) {
            let negative = rows.rows[slot].add(delta) < 0
            rows.refreshSign(of: slot)
            if negative { infeasibleRows.append(other) }
            return
        }
        // kiwi notes these in id order.
        var noted: [Symbol] = []
        rows.slots(mightContaining: marker, into: &slotScratch)
        for slot in slotScratch where rows.basic[slot].isValid {
            let coefficient = rows.rows[slot].coefficient(for: marker)
            if coefficient != 0 {
                let negative = rows.rows[slot].add(delta * coefficient) < 0
                rows.refreshSign(of: slot)
                if negative && !rows.basic[slot].isExternal { noted.append(rows.basic[slot]) }
            }
        }
        noted.sort()
        infeasibleRows.append(contentsOf: noted)
    }

    /// Empties the tableau for a new system, keeping its storage.
    mutating func removeAll() {
        rows.removeAll(sparing: &spareCells)
        objective.cells.removeAll(keepingCapacity: true)
        objective = Row(reusing: objective.cells, constant: 0)
        artificial = nil
        infeasibleRows.removeAll(keepingCapacity: true)
        nextID = 1
        numericalRepairs = 0
    }

    /// An empty row for a new constraint, in a spare buffer when there is one.
    mutating func newRow(constant: Double, capacity: Int) -> Row {
        if let cells = spareCells.popLast() {
            return Row(reusing: cells, constant: constant)
        }
        var row = Row(constant: constant)
        row.cells.reserveCapacity(capacity)
        return row
    }
}
