import Testing
@testable import BanneretKit

@Suite struct MerchantCenterXMLParserTests {
    struct Parsed {
        var items: [FeedRecord] = []
        var offsets: [Int] = []
        var repairs: [XMLRepair] = []
    }

    /// Parses `bytes`, collecting the items delivered before any error.
    static func run(_ bytes: [UInt8], lenient: Bool = false) -> (Parsed, XMLFeedError?) {
        var parsed = Parsed()
        do {
            parsed.repairs = try bytes.withUnsafeBufferPointer { buffer in
                try MerchantCenterXMLParser.parse(buffer, lenient: lenient) { record, offset in
                    parsed.items.append(record)
                    parsed.offsets.append(offset)
                }
            }
            return (parsed, nil)
        } catch let error as XMLFeedError {
            return (parsed, error)
        } catch {
            Issue.record("unexpected error type: \(error)")
            return (parsed, nil)
        }
    }

    static func parse(_ text: String, lenient: Bool = false) throws -> Parsed {
        let (parsed, error) = run(Array(text.utf8), lenient: lenient)
        if let error { throw error }
        return parsed
    }

    static func failure(_ text: String, lenient: Bool = false) -> XMLFeedError? {
        run(Array(text.utf8), lenient: lenient).1
    }

    static func failure(_ bytes: [UInt8], lenient: Bool = false) -> XMLFeedError? {
        run(bytes, lenient: lenient).1
    }

    static let rss = """
    <?xml version="1.0" encoding="ISO-8859-1"?>
    <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
    <channel>
      <title>Shop &amp; more</title>
      <!-- a comment <item> that is not an item -->
      <item>
        <g:id>A1</g:id>
        <title>Trail &amp; Road &#8220;Shoe&#x201D; &lt;3&gt; &quot;x&apos;</title>
        <description><![CDATA[<p>Light & fast.</p>]]></description>
        <g:additional_image_link>images/a1-side.png</g:additional_image_link>
        <?pi inside an item?>
        <g:additional_image_link>  images/a1-top.png
        </g:additional_image_link>
        <g:additional_image_link>images/a1-back.png</g:additional_image_link>
        <g:price>129.00 USD</g:price>
        <g:shipping>
          <g:country>US</g:country>
          <g:price>4.95 USD</g:price>
        </g:shipping>
        <g:shipping><g:country>CA</g:country><g:service>Express</g:service></g:shipping>
        <g:empty></g:empty>
        <g:also_empty/>
        <g:mixed>text <b>bold</b> tail</g:mixed>
      </item>
      <item><g:id>A2</g:id><title>Second</title></item>
    </channel>
    </rss>
    """

    @Test func rssItemsWithTheGoogleNamespace() throws {
        let parsed = try Self.parse(Self.rss)
        #expect(parsed.repairs.isEmpty)
        #expect(parsed.items.map(\.line) == [6, 25])
        let item = try #require(parsed.items.first)
        #expect(item.fields["id"] == .string("A1"))
        #expect(item.fields["title"] == .string("Trail & Road \u{201C}Shoe\u{201D} <3> \"x'"))
        #expect(item.fields["description"] == .string("<p>Light & fast.</p>"), "CDATA is verbatim")
        #expect(item.fields["additional_image_link"] == .array([
            .string("images/a1-side.png"), .string("images/a1-top.png"), .string("images/a1-back.png"),
        ]))
        #expect(item.fields["price"] == .string("129.00 USD"))
        #expect(item.fields["shipping"] == .array([
            .object(["country": .string("US"), "price": .string("4.95 USD")]),
            .object(["country": .string("CA"), "service": .string("Express")]),
        ]))
        #expect(item.fields["empty"] == .string("") && item.fields["also_empty"] == .string(""))
        #expect(item.fields["mixed"] == .object(["b": .string("bold")]), "children win over mixed text")
        #expect(item.fields.names.count == 9, "\(item.fields.names.sorted())")
        #expect(parsed.items[1].fields == ["id": .string("A2"), "title": .string("Second")])
        // Each offset is just past the item's end tag.
        let bytes = Array(Self.rss.utf8)
        for offset in parsed.offsets {
            #expect(String(decoding: bytes[(offset - 7)..<offset], as: UTF8.self) == "</item>")
        }
        #expect(parsed.offsets[0] < parsed.offsets[1])
    }

    @Test func crlfAndLoneCRBecomeLineFeeds() throws {
        let text = "<rss>\r\n<channel>\r\n<item>\r\n<description>one\r\ntwo\rthree &#13;</description>\r\n"
            + "<g:id>C1</g:id></item>\r\n<item><g:id>C2</g:id></item></channel></rss>\r\n"
        let parsed = try Self.parse(text)
        #expect(parsed.items.map(\.line) == [3, 8])
        #expect(parsed.items.first?.fields["description"] == .string("one\ntwo\nthree"), "&#13; is trimmed at the end")
        let inner = try Self.parse("<r><item><d>a\r\n&#13;b</d></item></r>")
        #expect(inner.items.first?.fields["d"] == .string("a\n\rb"), "a CR written as a reference stays")
    }

    @Test func commentsAndProcessingInstructionsInsideText() throws {
        let parsed = try Self.parse("<r><item><t> a<!-- x -->b<?p q?>c<![CDATA[ & ]]>d </t><u>\n\t </u></item><!-- <item> --></r>")
        #expect(parsed.items.count == 1)
        #expect(parsed.items.first?.fields == ["t": .string("abc & d"), "u": .string("")])
    }

    @Test func atomEntriesTakeTheAlternateLink() throws {
        let atom = """
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">
          <title>Shop</title>
          <link rel="self" href="https://shop.example/feed.xml"/>
          <entry>
            <g:id>B1</g:id><title type="text">Mug</title>
            <link rel='self' href='https://shop.example/self'/>
            <link rel="alternate" type="text/html" href="https://shop.example/b1?a=1&amp;b=2"/>
            <link href="https://shop.example/other"/>
            <g:price>12.00 EUR</g:price>
          </entry>
          <entry><g:id>B2</g:id><link rel="enclosure" href=" https://shop.example/b2.png "/></entry>
          <atom:entry xmlns:atom="http://www.w3.org/2005/Atom"><atom:id>B3</atom:id><atom:link href="/b3"/></atom:entry>
        </feed>
        """
        let parsed = try Self.parse(atom)
        #expect(parsed.items.map(\.line) == [4, 11, 12])
        #expect(parsed.items.map { $0.fields["id"] } == [.string("B1"), .string("B2"), .string("B3")])
        #expect(parsed.items[0].fields["link"] == .string("https://shop.example/b1?a=1&b=2"))
        #expect(parsed.items[0].fields["title"] == .string("Mug") && parsed.items[0].fields["price"] == .string("12.00 EUR"))
        #expect(parsed.items[1].fields["link"] == .string("https://shop.example/b2.png"), "another rel when no alternate exists")
        #expect(parsed.items[2].fields["link"] == .string("/b3"))
    }

    @Test func bareAmpersandIsAnErrorWhenStrict() {
        let text = "<rss><channel>\n<item><title>Salt & Pepper</title></item>\n</channel></rss>"
        let error = Self.failure(text)
        #expect(error?.kind == .syntax && error?.line == 2 && error?.column == 19, "\(String(describing: error))")
        #expect(error?.message.contains("a bare '&' must be written &amp;") == true)
        let attribute = Self.failure("<rss>\n  <item a=\"x & y\"/></rss>")
        #expect(attribute?.kind == .syntax && attribute?.line == 2 && attribute?.column == 14)
    }

    @Test func bareAmpersandIsRepairedWhenLenient() throws {
        let text = "<rss><channel>\n<item><title>Salt & Pepper</title><g:id>S1</g:id></item>\n</channel></rss>"
        let parsed = try Self.parse(text, lenient: true)
        #expect(parsed.items.first?.fields["title"] == .string("Salt & Pepper"))
        #expect(parsed.items.first?.fields["id"] == .string("S1"))
        #expect(parsed.repairs == [XMLRepair(line: 2, column: 19, message: "bare '&' read as '&amp;'")])
    }

    @Test func unknownEntitiesAndBadCharacterReferences() throws {
        let text = "<r><item><t>caf&eacute; &#65;&#x42;</t></item></r>"
        let error = Self.failure(text)
        #expect(error?.kind == .syntax && error?.column == 16 && error?.message.contains("&eacute;") == true)
        let parsed = try Self.parse(text, lenient: true)
        #expect(parsed.items.first?.fields["t"] == .string("caf&eacute; AB"), "kept literally, never expanded")
        #expect(parsed.repairs.count == 1 && parsed.repairs.first?.column == 16)
        for reference in ["&#0;", "&#xD800;", "&#x110000;", "&#1;", "&#xFFFE;", "&#99999999999999999999;"] {
            let bad = "<r><item><t>a\(reference)b</t></item></r>"
            #expect(Self.failure(bad)?.kind == .syntax, "\(reference)")
            let lenient = try Self.parse(bad, lenient: true)
            #expect(lenient.items.first?.fields["t"] == .string("a\(reference)b") && lenient.repairs.count == 1)
        }
        for bare in ["&", "&;", "&#;", "&#x;", "&#12", "&amp", "& amp;", "&#xG;"] {
            #expect(Self.failure("<r>a\(bare)b</r>")?.message.contains("bare '&'") == true, "\(bare)")
        }
        #expect(try Self.parse("<r><item><t>&#x1F600;&#128512;</t></item></r>").items.first?.fields["t"] == .string("😀😀"))
    }

    @Test func lessThanThatStartsNoTag() throws {
        let text = "<r><item><t>a < b <= c</t></item></r>"
        let error = Self.failure(text)
        #expect(error?.kind == .syntax && error?.column == 15)
        let parsed = try Self.parse(text, lenient: true)
        #expect(parsed.items.first?.fields["t"] == .string("a < b <= c"))
        #expect(parsed.repairs.map(\.column) == [15, 19])
    }

    static let billionLaughs = """
    <?xml version="1.0"?>
    <!DOCTYPE lolz [
     <!ENTITY lol "lol">
     <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
     <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
    ]>
    <rss><channel><item><title>&lol3;</title></item></channel></rss>
    """

    @Test func entityDeclarationsAreRefusedInBothModes() {
        for lenient in [false, true] {
            let error = Self.failure(Self.billionLaughs, lenient: lenient)
            #expect(error?.kind == .entityDeclaration && error?.line == 3 && error?.column == 2)
            #expect(error?.message == "entity declarations are refused: they enable entity-expansion (billion laughs) and external-entity attacks")
            let external = """
            <!DOCTYPE rss SYSTEM "about:legacy" [ <!-- comment ]> --> <!ATTLIST item id CDATA "]>">
              <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <rss><item><title>&xxe;</title></item></rss>
            """
            let xxe = Self.failure(external, lenient: lenient)
            #expect(xxe?.kind == .entityDeclaration && xxe?.line == 2, "\(String(describing: xxe))")
            let parameter = Self.failure("<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://evil.example/x.dtd\"> %p;]><r/>", lenient: lenient)
            #expect(parameter?.kind == .entityDeclaration)
        }
    }

    @Test func doctypeWithoutEntitiesIsSkipped() throws {
        let text = """
        <?xml version="1.0"?>
        <!DOCTYPE rss SYSTEM "file:///etc/passwd">
        <rss><item><g:id>D1</g:id><title>&amp;</title></item></rss>
        """
        let parsed = try Self.parse(text)
        #expect(parsed.items.first?.fields == ["id": .string("D1"), "title": .string("&")])
        let subset = try Self.parse("<!DOCTYPE r [ <!ELEMENT r ANY> <?pi x?> <!-- <!ENTITY no> --> ]>\n<r><item><a>1</a></item></r>")
        #expect(subset.items.first?.line == 2)
        let error = Self.failure("<r/><!DOCTYPE r>")
        #expect(error?.kind == .syntax && error?.message.contains("DOCTYPE") == true)
    }

    static let truncated = """
    <rss><channel>
    <item><g:id>T1</g:id></item>
    <item><g:id>T2</g:id></item>
    <item><g:id>T3</g:id><title>Cut of
    """

    @Test func truncatedDocumentWhenStrict() {
        let (parsed, error) = Self.run(Array(Self.truncated.utf8))
        #expect(error?.kind == .truncated && error?.line == 4 && error?.column == 1, "\(String(describing: error))")
        #expect(error?.message.contains("<item> opened at line 4") == true)
        #expect(parsed.items.count == 2, "items before the error were delivered as they completed")
        let inTag = Self.failure("<rss><item><g:id>1</g:id><title")
        #expect(inTag?.kind == .truncated && inTag?.column == 26)
        let outsideItems = Self.failure("<rss>\n<channel>\n<title>x</title>")
        #expect(outsideItems?.kind == .truncated && outsideItems?.line == 2)
    }

    @Test func truncatedDocumentWhenLenient() throws {
        let parsed = try Self.parse(Self.truncated, lenient: true)
        #expect(parsed.items.map { $0.fields["id"] } == [.string("T1"), .string("T2")])
        #expect(parsed.repairs == [XMLRepair(line: 4, column: 1,
                                             message: "document ends inside <item> opened at line 4; that item was dropped")])
        let inTag = try Self.parse("<rss><item><g:id>1</g:id></item><item><g:id>2</g:id><tit", lenient: true)
        #expect(inTag.items.count == 1 && inTag.repairs.count == 2)
        #expect(inTag.repairs.first?.message.contains("start tag <tit> is never closed") == true)
    }

    @Test func unterminatedCommentCDATAAndProcessingInstruction() throws {
        let cases = [
            ("<r><item><a>1</a></item><!-- open", 25),
            ("<r><item><a><![CDATA[ open", 13),
            ("<r><item><a>1</a></item><?pi open", 25),
            ("<r><item><a>1</a></item><!DOCTYPE", 25),
            ("<r><item><a>1</a></item><!-", 25),
        ]
        for (text, column) in cases {
            let error = Self.failure(text)
            #expect(error?.kind == .truncated && error?.column == column, "\(text): \(String(describing: error))")
            let parsed = try Self.parse(text, lenient: true)
            #expect(parsed.repairs.first?.column == column && parsed.repairs.first?.message.contains("never closed") == true)
            #expect(parsed.items.count == (column == 25 ? 1 : 0))
        }
    }

    @Test func mismatchedEndTags() throws {
        let text = "<rss>\n<item><g:id>M1</g:id><title>Shoe</g:title></item>\n<item><g:id>M2</g:id></item></rss>"
        let error = Self.failure(text)
        #expect(error?.kind == .syntax && error?.line == 2 && error?.column == 33)
        #expect(error?.message == "</g:title> closes <title> opened at line 2")
        // Lenient: the stray end tag is ignored; <title> is then closed by </item>.
        let parsed = try Self.parse(text, lenient: true)
        #expect(parsed.items.map { $0.fields["id"] } == [.string("M1"), .string("M2")])
        #expect(parsed.items.first?.fields["title"] == .string("Shoe"))
        #expect(parsed.repairs.map(\.message) == ["stray end tag </g:title> ignored", "<title> opened at line 2 closed by </item>"])
        // An end tag of an ancestor closes the item too; the item is delivered.
        let unclosed = try Self.parse("<rss><channel><item><a>1</a></channel><item><a>2</a></item></rss>", lenient: true)
        #expect(unclosed.items.map { $0.fields["a"] } == [.string("1"), .string("2")])
        #expect(unclosed.offsets.first == 28, "offset of the end tag that closed it")
        #expect(Self.failure("<r></r></r>")?.kind == .syntax)
    }

    @Test func controlCharacters() throws {
        let text = "<r>\n<item><t>a\u{0}b\u{1B}c\td</t></item></r>"
        let error = Self.failure(text)
        #expect(error?.kind == .syntax && error?.line == 2 && error?.column == 11)
        #expect(error?.message == "character U+0000 is not allowed in XML")
        let parsed = try Self.parse(text, lenient: true)
        #expect(parsed.items.first?.fields["t"] == .string("abc\td"))
        #expect(parsed.repairs.map(\.column) == [11, 13])
        #expect(Self.failure("<r a='\u{7}'/>")?.kind == .syntax)
    }

    @Test func invalidUTF8() throws {
        var bytes = Array("<r>\n<item><t>ok ".utf8)
        bytes += [0xC3, 0x28, 0xFF, 0xE2, 0x82]
        bytes += Array(" end</t></item></r>".utf8)
        let error = Self.failure(bytes)
        #expect(error?.kind == .encoding && error?.line == 2 && error?.column == 13)
        let (parsed, lenientError) = Self.run(bytes, lenient: true)
        #expect(lenientError == nil)
        #expect(parsed.items.first?.fields["t"] == .string("ok \u{FFFD}(\u{FFFD}\u{FFFD} end"))
        #expect(parsed.repairs.map(\.column) == [13, 15, 16])
        // Overlong forms and encoded surrogates are not UTF-8 either.
        #expect(Self.failure(Array("<r>".utf8) + [0xC0, 0xAF] + Array("</r>".utf8))?.kind == .encoding)
        #expect(Self.failure(Array("<r>".utf8) + [0xED, 0xA0, 0x80] + Array("</r>".utf8))?.kind == .encoding)
        #expect(Self.failure(Array("<r>".utf8) + [0xEF, 0xBF, 0xBF] + Array("</r>".utf8))?.kind == .syntax, "U+FFFF")
    }

    @Test func deepNestingStopsAtTheLimit() {
        let depth = 10_000
        let text = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        for lenient in [false, true] {
            let error = Self.failure(text, lenient: lenient)
            #expect(error?.kind == .tooDeep && error?.column == 3 * MerchantCenterXMLParser.maximumDepth + 1)
        }
        let limit = MerchantCenterXMLParser.maximumDepth
        let deepest = String(repeating: "<a>", count: limit) + String(repeating: "</a>", count: limit)
        #expect(Self.failure(deepest) == nil)
    }

    @Test func namesAndAttributesAreBounded() {
        let long = String(repeating: "n", count: 1_001)
        #expect(Self.failure("<r><\(long)/></r>", lenient: true)?.message.contains("longer than 1000 bytes") == true)
        #expect(Self.failure("<r><\(String(long.dropLast()))/></r>") == nil)
        let attributes = (0...1_000).map { " a\($0)=\"\"" }.joined()
        #expect(Self.failure("<r\(attributes)/>", lenient: true)?.message.contains("more than 1000 attributes") == true)
        #expect(Self.failure("<r\(attributes.dropLast(9))/>") == nil, "1,000 attributes are fine")
        let duplicate = (0..<20).map { " a\($0)=\"\"" }.joined() + " a7='x'"
        #expect(Self.failure("<r\(duplicate)/>")?.message == "attribute 'a7' appears twice")
        #expect(Self.failure("<r a='1' b='2' a='3'/>")?.message == "attribute 'a' appears twice")
    }

    @Test func tenMegabyteField() throws {
        let size = 10_000_000
        var bytes = Array("<rss><item><description>".utf8)
        bytes.reserveCapacity(size + 100)
        for k in 0..<size { bytes.append(k % 100 == 99 ? 0x0A : UInt8(ascii: "a") + UInt8(k % 26)) }
        bytes += Array("</description><g:id>BIG</g:id></item></rss>".utf8)
        let (parsed, error) = Self.run(bytes)
        #expect(error == nil)
        guard case .string(let text)? = parsed.items.first?.fields["description"] else {
            Issue.record("no description")
            return
        }
        #expect(text.utf8.count == size - 1, "the final line feed is trimmed")
        #expect(text.hasPrefix("abcdefghijklmnopqrstuvwxyz") && parsed.items.first?.fields["id"] == .string("BIG"))
    }

    @Test func millionCharacterTitle() throws {
        let title = String(repeating: "가나 Ω&", count: 200_000)
        let escaped = String(repeating: "가나 Ω&amp;", count: 200_000)
        let parsed = try Self.parse("<rss><item><title>\(escaped)</title></item></rss>")
        #expect(title.count == 1_000_000)
        #expect(parsed.items.first?.fields["title"] == .string(title))
    }

    @Test func hugeRunsOfMarkupCharactersInLenientMode() throws {
        let count = 1_000_000
        for run in ["<", "&", "</", "&#", "<!"] {
            let text = "<rss><item><t>x" + String(repeating: run, count: count / run.utf8.count) + " y</t><g:id>R</g:id></item></rss>"
            let parsed = try Self.parse(text, lenient: true)
            let value = parsed.items.first?.fields["t"]
            #expect(value?.text?.utf8.count == count + 3, "\(run)")
            #expect(parsed.items.first?.fields["id"] == .string("R"))
            #expect(parsed.repairs.count == MerchantCenterXMLParser.maximumRepairs + 1)
            #expect(parsed.repairs.last?.message.hasPrefix("… and ") == true)
            #expect(Self.failure(text)?.column == 16)
        }
        let parsed = try Self.parse("<r>" + String(repeating: "<", count: count) + "</r>", lenient: true)
        #expect(parsed.repairs.last?.message == "… and \(count - MerchantCenterXMLParser.maximumRepairs) more repairs")
    }

    @Test func emptyAndNonXMLInput() {
        let empty = Self.failure("")
        #expect(empty?.kind == .syntax && empty?.line == 1 && empty?.column == 1)
        for text in ["   \n ", "{\"id\": 1}", "id,title\n1,Shoe\n", "\u{FEFF}", "<!-- only a comment -->"] {
            for lenient in [false, true] {
                #expect(Self.failure(text, lenient: lenient)?.kind == .syntax, "\(text)")
            }
        }
        #expect(Self.failure("{\"id\": 1}")?.message.contains("is this XML?") == true)
        #expect(Self.failure("<r/><r/>")?.kind == .syntax, "one root element")
        #expect(Self.failure("<r/>text")?.kind == .syntax)
        #expect(Self.failure(" <?xml version='1.0'?><r/>")?.kind == .syntax, "the declaration comes first")
        #expect(Self.failure("\u{FEFF}<?xml version='1.0' encoding='UTF-16'?><r/>") == nil, "a BOM may precede it")
    }

    @Test func unicodeTextRoundTrips() throws {
        let korean = "트레일 러닝화 — 가벼움"
        let arabic = "حذاء الجري الخفيف ١٢٣"
        let text = "<rss><item><title>\(korean)</title><g:description> \(arabic) </g:description><g:이름>값</g:이름></item></rss>"
        let parsed = try Self.parse(text)
        #expect(parsed.items.first?.fields["title"] == .string(korean))
        #expect(parsed.items.first?.fields["description"] == .string(arabic))
        #expect(parsed.items.first?.fields["이름"] == .string("값"))
        let decomposed = "Cafe\u{301} ﷺ 👩‍👩‍👧"
        #expect(try Self.parse("<r><item><t>\(decomposed)</t></item></r>").items.first?.fields["t"]?.text?.unicodeScalars.elementsEqual(decomposed.unicodeScalars) == true)
    }

    @Test func markupOutsideItemsIsStillChecked() throws {
        #expect(Self.failure("<rss><channel><title>a & b</title><item><a>1</a></item></channel></rss>")?.column == 24)
        let parsed = try Self.parse("<rss><channel><title>a & b</title><item><a>1</a></item></channel></rss>", lenient: true)
        #expect(parsed.items.count == 1 && parsed.repairs.count == 1)
        #expect(Self.failure("<r><!-- a -- b --></r>")?.kind == .syntax)
        #expect(Self.failure("<r>]]></r>")?.kind == .syntax)
        #expect(Self.failure("<r><![CDATA[x]]></r>") == nil)
        #expect(Self.failure("<![CDATA[x]]><r/>")?.kind == .syntax)
        #expect(Self.failure("<r a=b/>")?.kind == .syntax)
        #expect(Self.failure("<r a='1'b='2'/>")?.kind == .syntax)
        #expect(Self.failure("<r a='<'/>")?.kind == .syntax)
        #expect(Self.failure("<r></r  >") == nil && Self.failure("<r></r x>")?.kind == .syntax)
    }
}
