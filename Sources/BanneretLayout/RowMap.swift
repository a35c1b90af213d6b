/// The basic rows of the tableau, each in a fixed slot, with an index from
/// symbol to slot and, per symbol, a bit set of the slots whose rows may
/// mention it.
///
/// Substitution and the ratio tests ask "which rows contain this symbol?"
/// hundreds of times per solve; the column bit sets answer by visiting only
/// those rows instead of all of them. A bit may outlive the cell it stood for
/// (a cell that cancelled, a slot that was freed): callers confirm with the
/// row itself, so a stale bit costs a lookup, never a wrong answer. The
/// solver makes kiwi's choices from what it visits by comparing symbol ids,
/// which is the order kiwi's sorted map would have visited them in.
struct RowMap {
    /// Rows by slot; a free slot holds an empty row.
    var rows: [Row] = []
    /// The basic symbol of each slot; invalid for a free slot.
    private(set) var basic: [Symbol] = []
    private(set) var count = 0
    private var freeSlots: [Int] = []
    /// Slot by symbol id, -1 for a non-basic symbol.
    private var slotByID: [Int32] = []
    /// `wordsPerColumn` words per symbol id: bit k set if slot k may mention it.
    private var columns: [UInt64] = []
    private var wordsPerColumn = 1
    /// How many symbol ids `columns` has room for.
    private var columnCapacity = 0
    /// Restricted rows whose constant is negative, which kiwi notes as
    /// infeasible after every substitution; almost always none.
    private(set) var negativeCount = 0
    private var isNegative: [Bool] = []

    /// While a required row is tried with an artificial variable, the first
    /// state of every slot it changes, so that a failure can be undone at
    /// the cost of what it touched rather than by copying the whole map.
    private struct Journal {
        var saved: [(slot: Int, basic: Symbol, row: Row)] = []
        var slotCount: Int
        var freeSlots: [Int]
        var count: Int
        var epoch: Int
    }
    private var journal: Journal?
    /// The journal epoch in which each slot was last saved.
    private var savedInEpoch: [Int] = []
    private var epochs = 0

    func slot(of symbol: Symbol) -> Int? {
        let id = symbol.id
        guard id < slotByID.count else { return nil }
        let slot = slotByID[id]
        return slot < 0 ? nil : Int(slot)
    }

    /// Gives `symbol` the row `row` in a free slot; `symbol` must be non-basic.
    @discardableResult
    mutating func insert(_ row: Row, for symbol: Symbol) -> Int {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            willModify(slot: slot)
            rows[slot] = row
            basic[slot] = symbol
        } else {
            slot = rows.count
            rows.append(row)
            basic.append(symbol)
            isNegative.append(false)
            savedInEpoch.append(0)
            if slot >= wordsPerColumn * 64 { widenColumns() }
        }
        attach(slot: slot, to: symbol)
        count += 1
        return slot
    }

    /// Frees a slot and returns its row.
    @discardableResult
    mutating func remove(slot: Int) -> Row {
        willModify(slot: slot)
        let row = detach(slot: slot)
        freeSlots.append(slot)
        count -= 1
        return row
    }

    /// Swaps the basic symbol of a slot for a pivot: `row` (the slot's row
    /// solved for `symbol`) goes back into the same slot.
    mutating func take(slot: Int) -> Row {
        willModify(slot: slot)
        return detach(slot: slot)
    }

    mutating func put(_ row: Row, for symbol: Symbol, at slot: Int) {
        rows[slot] = row
        basic[slot] = symbol
        attach(slot: slot, to: symbol)
    }

    /// Records that the row in `slot` may now mention every symbol of `row`.
    mutating func noteSymbols(of row: Row, at slot: Int) {
        var highest = 0
        for cell in row.cells {
            highest = max(highest, cell.symbol.id)
        }
        if highest >= columnCapacity { growColumns(toInclude: highest) }
        let word = slot >> 6
        let bit = UInt64(1) << UInt64(slot & 63)
        let stride = wordsPerColumn
        columns.withUnsafeMutableBufferPointer { columns in
            for cell in row.cells {
                columns[cell.symbol.id * stride + word] |= bit
            }
        }
    }

    /// The slots whose rows may mention `symbol`, in slot order.
    func slots(mightContaining symbol: Symbol, into result: inout [Int]) {
        result.removeAll(keepingCapacity: true)
        let id = symbol.id
        guard id < columnCapacity else { return }
        let base = id * wordsPerColumn
        for word in 0..<wordsPerColumn {
            var bits = columns[base + word]
            while bits != 0 {
                result.append(word << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
    }

    /// Forgets where `symbol` appears, once it appears nowhere.
    mutating func clearColumn(of symbol: Symbol) {
        let id = symbol.id
        guard id < columnCapacity else { return }
        let base = id * wordsPerColumn
        for word in 0..<wordsPerColumn {
            columns[base + word] = 0
        }
    }

    /// Updates the negative-row bookkeeping after `slot`'s constant changed.
    mutating func refreshSign(of slot: Int) {
        let negative = !basic[slot].isExternal && basic[slot].isValid && rows[slot].constant < 0
        if negative != isNegative[slot] {
            isNegative[slot] = negative
            negativeCount += negative ? 1 : -1
        }
    }

    /// The basic symbols of the restricted rows with a negative constant, in
    /// id order, appended to `list` (kiwi's infeasible-row notes).
    func appendNegativeRows(to list: inout [Symbol]) {
        guard negativeCount > 0 else { return }
        var found: [Symbol] = []
        for slot in isNegative.indices where isNegative[slot] {
            found.append(basic[slot])
        }
        found.sort()
        list.append(contentsOf: found)
    }

    /// Empties the map, keeping its storage; the rows' cell buffers are
    /// handed to `spare` for reuse by new rows.
    mutating func removeAll(sparing spare: inout [[Cell]]) {
        for slot in rows.indices {
            var cells = rows[slot].cells
            rows[slot] = Row()
            if cells.capacity > 0 {
                cells.removeAll(keepingCapacity: true)
                spare.append(cells)
            }
        }
        rows.removeAll(keepingCapacity: true)
        basic.removeAll(keepingCapacity: true)
        count = 0
        freeSlots.removeAll(keepingCapacity: true)
        slotByID.removeAll(keepingCapacity: true)
        columns.removeAll(keepingCapacity: true)
        wordsPerColumn = 1
        columnCapacity = 0
        negativeCount = 0
        isNegative.removeAll(keepingCapacity: true)
        journal = nil
        savedInEpoch.removeAll(keepingCapacity: true)
    }

    // MARK: Undo

    mutating func beginJournal() {
        epochs += 1
        journal = Journal(slotCount: rows.count, freeSlots: freeSlots, count: count, epoch: epochs)
    }

    mutating func endJournal() {
        journal = nil
    }

    /// Call before changing the row in `slot` in place.
    @inline(__always)
    mutating func willModify(slot: Int) {
        guard journal != nil, slot < journal!.slotCount, savedInEpoch[slot] != journal!.epoch else { return }
        savedInEpoch[slot] = journal!.epoch
        journal!.saved.append((slot, basic[slot], rows[slot]))
    }

    /// Puts every slot back as it was at `beginJournal()`.
    mutating func rollBack() {
        guard let journal else { return }
        self.journal = nil
        for slot in journal.slotCount..<rows.count where basic[slot].isValid {
            slotByID[basic[slot].id] = -1
        }
        forgetSlots(from: journal.slotCount)
        rows.removeSubrange(journal.slotCount...)
        basic.removeSubrange(journal.slotCount...)
        isNegative.removeSubrange(journal.slotCount...)
        savedInEpoch.removeSubrange(journal.slotCount...)
        for entry in journal.saved where basic[entry.slot].isValid {
            slotByID[basic[entry.slot].id] = -1
        }
        for entry in journal.saved {
            rows[entry.slot] = entry.row
            basic[entry.slot] = entry.basic
            if entry.basic.isValid {
                slotByID[entry.basic.id] = Int32(entry.slot)
            }
            // The trial may have cleared columns this row mentions.
            noteSymbols(of: entry.row, at: entry.slot)
        }
        freeSlots = journal.freeSlots
        count = journal.count
        negativeCount = 0
        for slot in rows.indices {
            isNegative[slot] = false
            refreshSign(of: slot)
        }
    }

    // MARK: Private

    /// Clears every column bit of the slots from `first` on, which are about
    /// to stop existing: a stale bit may point at a freed slot (callers check
    /// the row), never past the end of the rows.
    private mutating func forgetSlots(from first: Int) {
        guard first < rows.count else { return }
        let stride = wordsPerColumn
        let last = rows.count - 1
        columns.withUnsafeMutableBufferPointer { columns in
            for word in (first >> 6) ... (last >> 6) {
                let low = max(first, word << 6) & 63
                // Bits at and above `low` in this word belong to removed slots.
                let keep: UInt64 = low == 0 ? 0 : (UInt64(1) << UInt64(low)) - 1
                for id in 0 ..< columnCapacity {
                    columns[id * stride + word] &= keep
                }
            }
        }
    }

    private mutating func attach(slot: Int, to symbol: Symbol) {
        let id = symbol.id
        if id >= slotByID.count {
            slotByID.append(contentsOf: repeatElement(-1, count: max(id + 1 - slotByID.count, slotByID.count)))
        }
        slotByID[id] = Int32(slot)
        noteSymbols(of: rows[slot], at: slot)
        refreshSign(of: slot)
    }

    private mutating func detach(slot: Int) -> Row {
        let symbol = basic[slot]
        slotByID[symbol.id] = -1
        if isNegative[slot] {
            isNegative[slot] = false
            negativeCount -= 1
        }
        basic[slot] = .invalid
        let row = rows[slot]
        rows[slot] = Row()
        return row
    }

    private mutating func growColumns(toInclude id: Int) {
        let capacity = max(id + 1, 2 * columnCapacity, 64)
        columns.append(contentsOf: repeatElement(0, count: (capacity - columnCapacity) * wordsPerColumn))
        columnCapacity = capacity
    }

    /// More slots than the bit sets hold: rebuild them one word wider.
    private mutating func widenColumns() {
        let capacity = columnCapacity
        wordsPerColumn += 1
        columns = Array(repeating: 0, count: capacity * wordsPerColumn)
        for slot in rows.indices where basic[slot].isValid {
            noteSymbols(of: rows[slot], at: slot)
        }
    }
}
