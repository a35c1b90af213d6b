/// The basic rows of the tableau, keyed by their basic symbol and kept in
/// symbol order in two parallel arrays.
///
/// kiwi keeps its rows in a sorted vector too; visiting them in the same
/// order makes ties in the ratio tests resolve the same way. A layout has a
/// few hundred rows at most, so shifting on insert costs less than hashing.
struct RowMap {
    private(set) var symbols: [Symbol] = []
    var rows: [Row] = []

    var count: Int { symbols.count }
    var indices: Range<Int> { symbols.indices }

    func index(of symbol: Symbol) -> Int? {
        let (index, found) = position(of: symbol)
        return found ? index : nil
    }

    /// Stores `row` as the row of `symbol`, replacing any row it had.
    mutating func insert(_ row: Row, for symbol: Symbol) {
        let (index, found) = position(of: symbol)
        if found {
            rows[index] = row
        } else {
            symbols.insert(symbol, at: index)
            rows.insert(row, at: index)
        }
    }

    @discardableResult
    mutating func remove(at index: Int) -> Row {
        symbols.remove(at: index)
        return rows.remove(at: index)
    }

    mutating func removeAll() {
        symbols.removeAll()
        rows.removeAll()
    }

    @inline(__always)
    private func position(of symbol: Symbol) -> (index: Int, found: Bool) {
        var low = 0
        var high = symbols.count
        while low < high {
            let middle = (low + high) >> 1
            let raw = symbols[middle].raw
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
}
