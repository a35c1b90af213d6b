import Yams

/// Reads a composed YAML tree by hand so every value keeps its line and
/// column, and every error can point at the exact spot in the file.
struct YAMLNodeReader {
    let file: String
    /// The code for errors about values (templates and brand guides differ).
    var code: BanneretError.Code = .templateInvalid

    func location(_ node: Node, element: String? = nil) -> Location {
        Location(file: file, line: node.mark?.line, column: node.mark?.column, element: element)
    }

    func error(_ node: Node, _ message: String, code: BanneretError.Code? = nil,
               element: String? = nil) -> BanneretError {
        BanneretError(code ?? self.code, message, at: location(node, element: element))
    }

    /// Key/value pairs in file order; refuses keys not in `allowed`, suggesting the closest.
    func mapping(_ node: Node, allowed: [String]?, what: String, element: String? = nil) throws -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let mapping) = node else { throw error(node, "\(what) must be a mapping (key: value)", element: element) }
        var result: [(key: String, keyNode: Node, value: Node)] = []
        // A set, not a search of `result`: a mapping with 100,000 keys must not take 10^10 steps.
        var seen: Set<String> = []
        var merged: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw error(keyNode, "keys must be plain names", element: element) }
            if key == "<<" {
                merged += try mergeSources(value, allowed: allowed, what: what, element: element)
                continue
            }
            if let allowed, !allowed.contains(key) {
                throw error(keyNode, "unknown key '\(key)' in \(what)" + DidYouMean.hint(for: key, in: allowed)
                            + "; known keys: " + allowed.joined(separator: ", "),
                            code: code == .templateInvalid ? .templateUnknownName : code, element: element)
            }
            guard seen.insert(key).inserted else {
                throw error(keyNode, "'\(key)' appears twice in \(what)", element: element)
            }
            result.append((key, keyNode, value))
        }
        // Keys written out win over merged ones; among merged mappings the first wins, as YAML says.
        for entry in merged where seen.insert(entry.key).inserted {
            result.append(entry)
        }
        return result
    }

    /// YAML's merge key, `<<: *card` or `<<: [*card, *small]`: the keys of
    /// other mappings, usually anchored ones. A merged mapping may not merge
    /// again, so aliases cannot multiply the work (a billion laughs).
    private func mergeSources(_ value: Node, allowed: [String]?, what: String,
                              element: String?) throws -> [(key: String, keyNode: Node, value: Node)] {
        let sources: [Node] = if case .sequence(let list) = value { Array(list) } else { [value] }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        for source in sources {
            guard case .mapping(let mapping) = source else {
                throw error(source, "'<<' merges mappings: write `<<: *anchor` with an anchored mapping", element: element)
            }
            if mapping.keys.contains(where: { $0.string == "<<" }) {
                throw error(source, "a mapping merged with '<<' cannot merge others itself", element: element)
            }
            pairs += try self.mapping(source, allowed: allowed, what: what, element: element)
        }
        return pairs
    }

    func sequence(_ node: Node, what: String, element: String? = nil) throws -> [Node] {
        guard case .sequence(let sequence) = node else { throw error(node, "\(what) must be a list", element: element) }
        return Array(sequence)
    }

    func string(_ node: Node, what: String, element: String? = nil) throws -> String {
        guard case .scalar(let scalar) = node else { throw error(node, "\(what) must be text", element: element) }
        return scalar.string
    }

    func number(_ node: Node, what: String, element: String? = nil, range: ClosedRange<Double>? = nil) throws -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite else {
            throw error(node, "\(what) must be a finite number", element: element)
        }
        if let range, !range.contains(value) {
            throw error(node, "\(what) must be within \(range.lowerBound)...\(range.upperBound), not \(value)", element: element)
        }
        return value
    }

    func integer(_ node: Node, what: String, element: String? = nil, range: ClosedRange<Int>) throws -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string), range.contains(value) else {
            throw error(node, "\(what) must be a whole number within \(range.lowerBound)...\(range.upperBound)", element: element)
        }
        return value
    }

    func bool(_ node: Node, what: String, element: String? = nil) throws -> Bool {
        guard case .scalar(let scalar) = node else { throw error(node, "\(what) must be true or false", element: element) }
        switch scalar.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error(node, "\(what) must be true or false, not '\(scalar.string)'", element: element)
        }
    }

    /// One of `cases`, with a did-you-mean when it is not.
    func choice<T>(_ node: Node, _ cases: [String: T], what: String, element: String? = nil) throws -> T {
        let text = try string(node, what: what, element: element)
        guard let value = cases[text] else {
            throw error(node, "unknown \(what) '\(text)'" + DidYouMean.hint(for: text, in: cases.keys.sorted())
                        + "; use one of " + cases.keys.sorted().joined(separator: ", "),
                        code: .templateUnknownName, element: element)
        }
        return value
    }

    /// The scalar's text with the position of its first character (after any opening quote).
    func source(_ node: Node, what: String, element: String? = nil) throws -> SourceText {
        guard case .scalar(let scalar) = node else { throw error(node, "\(what) must be text", element: element) }
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        return SourceText(text: scalar.string, file: file, line: node.mark?.line ?? 0,
                          column: (node.mark?.column ?? 1) + (quoted ? 1 : 0))
    }
}
