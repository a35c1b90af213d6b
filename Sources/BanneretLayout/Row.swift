/// One entry of a sparse row: a symbol and its coefficient.
struct Cell {
    var symbol: Symbol
    var coefficient: Double
}

/// A row of the tableau, `constant + Σ coefficient × symbol`, read as the
/// value of the row's basic symbol.
///
/// Cells are kept sorted by symbol in a flat array: rows are short, so a
/// binary search beats hashing, merging two rows is one linear pass, and the
/// iteration order matches kiwi's sorted map.
struct Row {
    var cells: [Cell] = []
    var constant: Double
    /// One bit per symbol id modulo 64, set for every symbol in the row (and
    /// possibly for some that left it): most "do you mention this symbol?"
    /// questions are answered "no" from this word without a search.
    private(set) var mask: UInt64 = 0

    init(constant: Double = 0) {
        self.constant = constant
    }

    /// An empty row that writes into `cells`' storage.
    init(reusing cells: [Cell], constant: Double) {
        self.cells = cells
        self.cells.removeAll(keepingCapacity: true)
        self.constant = constant
    }

    @inline(__always)
    func mightContain(_ symbol: Symbol) -> Bool {
        mask & symbol.bit != 0
    }

    /// The position of `symbol`, or where it would be inserted.
    @inline(__always)
    private func position(of symbol: Symbol) -> (index: Int, found: Bool) {
        var low = 0
        var high = cells.count
        while low < high {
            let middle = (low + high) >> 1
            let raw = cells[middle].symbol.raw
            if raw < symbol.raw {
                low = middle + 1
            } else if raw > symbol.raw {
                high = middle
            } else {
                return (middle, true)
            }
        }
        return (low, false)
    }

    func coefficient(for symbol: Symbol) -> Double {
        guard mightContain(symbol) else { return 0 }
        let (index, found) = position(of: symbol)
        return found ? cells[index].coefficient : 0
    }

    /// Adds `value` to the constant and returns the new constant.
    @discardableResult
    mutating func add(_ value: Double) -> Double {
        constant += value
        return constant
    }

    /// Adds `coefficient × symbol`, dropping the cell if it cancels to near zero.
    mutating func insert(_ symbol: Symbol, _ coefficient: Double = 1) {
        let (index, found) = position(of: symbol)
        if found {
            let sum = cells[index].coefficient + coefficient
            if nearZero(sum) {
                cells.remove(at: index)
            } else {
                cells[index].coefficient = sum
            }
        } else if !nearZero(coefficient) {
            cells.insert(Cell(symbol: symbol, coefficient: coefficient), at: index)
            mask |= symbol.bit
        }
    }

    /// Adds `coefficient × other`, dropping cells that cancel to near zero.
    /// `scratch` is a buffer the caller keeps so merges don't allocate.
    mutating func insert(_ other: Row, times coefficient: Double, scratch: inout [Cell]) {
        constant += other.constant * coefficient
        merge(other.cells, times: coefficient, skipping: .invalid, scratch: &scratch)
    }

    mutating func remove(_ symbol: Symbol) {
        let (index, found) = position(of: symbol)
        if found { cells.remove(at: index) }
    }

    mutating func reverseSign() {
        constant = -constant
        for index in cells.indices {
            cells[index].coefficient = -cells[index].coefficient
        }
    }

    /// Rewrites `0 = constant + a × symbol + rest` as `symbol = -(constant + rest) / a`.
    /// `symbol` must be in the row.
    mutating func solve(for symbol: Symbol) {
        let (index, found) = position(of: symbol)
        precondition(found, "solving a row for a symbol it does not contain")
        let factor = -1.0 / cells[index].coefficient
        cells.remove(at: index)
        constant *= factor
        for i in cells.indices {
            cells[i].coefficient *= factor
        }
    }

    /// Rewrites `lhs = constant + b × rhs + rest` as the row for `rhs`.
    /// `lhs` must not be in the row; `rhs` must be.
    mutating func solve(for lhs: Symbol, _ rhs: Symbol) {
        insert(lhs, -1)
        solve(for: rhs)
    }

    /// Replaces `symbol` by the expression `row`, if the row mentions it;
    /// returns whether it did.
    @discardableResult
    mutating func substitute(_ symbol: Symbol, with row: Row, scratch: inout [Cell]) -> Bool {
        guard mightContain(symbol) else { return false }
        let (index, found) = position(of: symbol)
        guard found else { return false }
        let coefficient = cells[index].coefficient
        constant += row.constant * coefficient
        merge(row.cells, times: coefficient, skipping: symbol, scratch: &scratch)
        return true
    }

    /// `cells += coefficient × others`, leaving out `skipped`. Cells that
    /// cancel to near zero are dropped; every sum is `mine + theirs × coefficient`,
    /// as in kiwi, whichever way the rows are combined.
    private mutating func merge(_ others: [Cell], times coefficient: Double, skipping skipped: Symbol, scratch: inout [Cell]) {
        if others.count * 8 < cells.count {
            // A short row into a long one (typically into the objective):
            // a few binary searches beat walking the whole long row.
            if skipped.isValid { remove(skipped) }
            for cell in others {
                insert(cell.symbol, cell.coefficient * coefficient)
            }
            return
        }
        // One pass over both sorted arrays into `scratch`, which the tableau
        // keeps at least as long as any merge needs, then one copy back into
        // the row's own buffer: no allocation unless the row outgrows it.
        let needed = cells.count + others.count
        if scratch.count < needed {
            scratch = Array(repeating: Cell(symbol: .invalid, coefficient: 0), count: max(needed, 2 * scratch.count, 64))
        }
        var newMask: UInt64 = 0
        let count = scratch.withUnsafeMutableBufferPointer { output -> Int in
            cells.withUnsafeBufferPointer { mine in
                others.withUnsafeBufferPointer { theirs in
                    // Branch-free steps: symbol order between two rows is
                    // unpredictable, so choosing by arithmetic beats
                    // mispredicted jumps. An exhausted side reads as Int.max.
                    var written = 0
                    var i = 0
                    var j = 0
                    let mineCount = mine.count
                    let theirsCount = theirs.count
                    while i < mineCount || j < theirsCount {
                        let a = i < mineCount ? mine[i].symbol.raw : Int.max
                        let b = j < theirsCount ? theirs[j].symbol.raw : Int.max
                        let takeMine = a <= b
                        let takeTheirs = b <= a
                        let value = (takeMine ? mine[min(i, mineCount - 1)].coefficient : 0)
                            + (takeTheirs ? theirs[min(j, theirsCount - 1)].coefficient * coefficient : 0)
                        let symbol = takeMine ? a : b
                        i += takeMine ? 1 : 0
                        j += takeTheirs ? 1 : 0
                        // Cells only in this row were kept before and stay; the
                        // others go if they cancel to near zero.
                        let keep = symbol != skipped.raw && (!takeTheirs || !nearZero(value))
                        output[written] = Cell(symbol: Symbol(raw: symbol), coefficient: value)
                        written += keep ? 1 : 0
                        newMask |= keep ? Symbol(raw: symbol).bit : 0
                    }
                    return written
                }
            }
        }
        cells.removeAll(keepingCapacity: true)
        scratch.withUnsafeBufferPointer { merged in
            cells.append(contentsOf: UnsafeBufferPointer(rebasing: merged[..<count]))
        }
        mask = newMask
    }
}
