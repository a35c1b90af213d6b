import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads Google Merchant Center XML feeds: RSS 2.0 (`<item>` with `g:`
/// fields) and Atom (`<entry>`). Streams with an event parser, never expands
/// external entities, and reports each rejected item by the line it starts on.
enum MerchantCenterXMLReader {
    static func records(_ bytes: UnsafeBufferPointer<UInt8>, file: String, lenient: Bool,
                        emit: (FeedEvent) -> Void) throws(BanneretError) {
        let delegate = ItemCollector()
        let parser = XMLParser(data: Data(buffer: bytes))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        // On Linux parse() can return true for a truncated document and only set parserError.
        if !parser.parse() || parser.parserError != nil {
            let line = parser.lineNumber
            let code = (parser.parserError as NSError?)?.code ?? 0
            let reason = switch code {
            case 5: "the document ends before its elements are closed (truncated?)"
            case 76: "a closing tag does not match the element it closes"
            case 4, 9: "the document is empty or not XML"
            default: "malformed XML (parser error \(code))"
            }
            throw BanneretError(.feedSyntax, reason, at: Location(file: file, line: line > 0 ? line : nil))
        }
        for item in delegate.items {
            var fields: [String: FeedValue] = [:]
            for (key, value) in item.fields {
                if let list = value as? [String] { fields[key] = .array(list.map { .string($0) }) }
                else if let text = value as? String { fields[key] = .string(text) }
            }
            emit(.record(FeedRecord(fields: fields, line: item.line), offset: 0))
        }
    }
}

/// Collects the fields of each `<item>`/`<entry>`; `g:image_link` and
/// `image_link` are the same field, as are Atom's `<title>` and RSS's.
private final class ItemCollector: NSObject, XMLParserDelegate {
    struct Item {
        var fields: [String: Any] = [:]
        var line: Int
    }

    var items: [Item] = []
    private var current: Item?
    private var text = ""
    private var depth = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let local = Self.localName(name)
        if current == nil, local == "item" || local == "entry" {
            current = Item(line: parser.lineNumber)
            depth = 0
            return
        }
        guard current != nil else { return }
        depth += 1
        text = ""
        // Atom links carry the URL in an attribute.
        if local == "link", let href = attributes["href"] { current?.fields["link"] = href }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, foundCDATA block: Data) { text += String(decoding: block, as: UTF8.self) }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let local = Self.localName(name)
        guard var item = current else { return }
        if depth == 0, local == "item" || local == "entry" {
            items.append(item)
            current = nil
            return
        }
        depth -= 1
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if local == "additional_image_link" {
            var list = item.fields[local] as? [String] ?? []
            list.append(value)
            item.fields[local] = list
        } else if !value.isEmpty, item.fields[local] == nil || local != "link" {
            item.fields[local] = value
        }
        current = item
        text = ""
    }

    static func localName(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }
}
