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

    init(constant: Double = 0) {
        self.constant = constant
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

    /// Replaces `symbol` by the expression `row`, if the row mentions it.
    mutating func substitute(_ symbol: Symbol, with row: Row, scratch: inout [Cell]) {
        let (index, found) = position(of: symbol)
        guard found else { return }
        let coefficient = cells[index].coefficient
        constant += row.constant * coefficient
        merge(row.cells, times: coefficient, skipping: symbol, scratch: &scratch)
    }

    /// `cells += coefficient × others`, leaving out `skipped`, in one pass
    /// over both sorted arrays. The result is built in `scratch` and swapped
    /// in, so the old buffer becomes the next merge's scratch.
    private mutating func merge(_ others: [Cell], times coefficient: Double, skipping skipped: Symbol, scratch: inout [Cell]) {
        if others.isEmpty && !skipped.isValid { return }
        scratch.removeAll(keepingCapacity: true)
        scratch.reserveCapacity(cells.count + others.count)
        cells.withUnsafeBufferPointer { mine in
            others.withUnsafeBufferPointer { theirs in
                var i = 0
                var j = 0
                while i < mine.count || j < theirs.count {
                    if j == theirs.count || (i < mine.count && mine[i].symbol.raw < theirs[j].symbol.raw) {
                        if mine[i].symbol.raw != skipped.raw { scratch.append(mine[i]) }
                        i += 1
                    } else if i == mine.count || theirs[j].symbol.raw < mine[i].symbol.raw {
                        let value = theirs[j].coefficient * coefficient
                        if !nearZero(value) { scratch.append(Cell(symbol: theirs[j].symbol, coefficient: value)) }
                        j += 1
                    } else {
                        let value = mine[i].coefficient + theirs[j].coefficient * coefficient
                        if !nearZero(value) { scratch.append(Cell(symbol: mine[i].symbol, coefficient: value)) }
                        i += 1
                        j += 1
                    }
                }
            }
        }
        swap(&cells, &scratch)
    }
}
