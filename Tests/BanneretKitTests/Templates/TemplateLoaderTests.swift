import Foundation
import Testing
@testable import BanneretKit

@Suite struct TemplateLoaderTests {
    static let minimal = """
    name: t
    elements:
      headline:
        kind: text
        bind: title
        font: display
        size: [10, 20]
    size_classes:
      rectangle:
        constraints:
          - headline.left == canvas.left + brand.margin
    """

    func expectError(_ yaml: String, code: BanneretError.Code, line: Int, column: Int? = nil, containing text: String) {
        do {
            _ = try TemplateLoader.parse(yaml, file: "bad.yaml")
            Issue.record("expected \(code.rawValue)")
        } catch let error as BanneretError {
            #expect(error.code == code, "\(error)")
            #expect(error.location?.file == "bad.yaml")
            #expect(error.location?.line == line, "\(error)")
            if let column { #expect(error.location?.column == column, "\(error)") }
            #expect(error.message.contains(text), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aSymlinkInATemplateFolderCannotLeadOutOfIt() throws {
        let folder = Fixtures.temporaryDirectory("templates-folder"), outside = Fixtures.temporaryDirectory("templates-outside")
        try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("Templates/stock-hero.yaml"),
                                         to: outside.appendingPathComponent("elsewhere.yaml"))
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("linked.yaml"),
                                                   withDestinationURL: outside.appendingPathComponent("elsewhere.yaml"))
        let refused = try #require(throws: BanneretError.self) { _ = try TemplateLoader.files(at: [folder]) }
        #expect(refused.code == .pathOutsideRoot && refused.location?.file.hasSuffix("linked.yaml") == true)
        #expect(try TemplateLoader.files(at: [folder], allowedDirectories: [outside]).map(\.lastPathComponent) == ["linked.yaml"])
    }

    @Test func loadsTheStockTemplates() throws {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(!files.isEmpty)
        for file in files {
            let template = try TemplateLoader.load(folder.appendingPathComponent(file))
            #expect(!template.elements.isEmpty)
            #expect(template.supportedSizeClasses.count >= 4, "\(file)")
        }
    }

    @Test func minimalTemplateParses() throws {
        let template = try TemplateLoader.parse(Self.minimal, file: "t.yaml")
        #expect(template.name == "t")
        #expect(template.elements.map(\.id) == ["headline"])
        #expect(template.sizeClasses[.rectangle]?.constraints.first?.source.line == 11)
        #expect(template.sizeClasses[.rectangle]?.constraints.first?.source.column == 9)
    }

    @Test func unknownElementInAConstraintSuggestsTheClosest() {
        expectError(Self.minimal.replacingOccurrences(of: "headline.left ==", with: "headlnie.left =="),
                    code: .templateUnknownName, line: 11, column: 9, containing: "did you mean 'headline'")
    }

    @Test func unknownAttributeSuggestsTheClosest() {
        expectError(Self.minimal.replacingOccurrences(of: "headline.left ==", with: "headline.lft =="),
                    code: .templateUnknownName, line: 11, column: 18, containing: "did you mean 'left'")
    }

    @Test func unknownKeySuggestsTheClosest() {
        expectError(Self.minimal.replacingOccurrences(of: "    font: display", with: "    fnot: display"),
                    code: .templateUnknownName, line: 6, column: 5, containing: "did you mean 'font'")
    }

    @Test func unknownColourRoleAndSizeClass() {
        expectError(Self.minimal.replacingOccurrences(of: "    font: display", with: "    font: display\n    color: primery"),
                    code: .templateUnknownName, line: 7, containing: "did you mean 'primary'")
        expectError(Self.minimal.replacingOccurrences(of: "  rectangle:", with: "  rectangel:"),
                    code: .templateUnknownName, line: 9, containing: "did you mean 'rectangle'")
    }

    @Test func nonLinearConstraintIsRefused() {
        expectError(Self.minimal.replacingOccurrences(of: "canvas.left + brand.margin", with: "headline.width * headline.height"),
                    code: .templateNotLinear, line: 11, containing: "one must be a constant")
    }

    @Test func textWithoutSizeAndBadValues() {
        expectError(Self.minimal.replacingOccurrences(of: "    size: [10, 20]\n", with: ""),
                    code: .templateInvalid, line: 3, containing: "needs a size range")
        expectError(Self.minimal.replacingOccurrences(of: "size: [10, 20]", with: "size: [10, 20]\n    max_lines: 0"),
                    code: .templateInvalid, line: 8, containing: "max_lines")
        expectError(Self.minimal.replacingOccurrences(of: "size: [10, 20]", with: "size: [10, headline.height]"),
                    code: .templateInvalid, line: 3, containing: "only canvas.*, brand.* and let.*")
    }

    @Test func letConstantsAndMinMax() throws {
        let yaml = Self.minimal.replacingOccurrences(of: "  rectangle:\n", with: "  rectangle:\n    let:\n      u: min(canvas.height, canvas.width * 0.125)\n")
            .replacingOccurrences(of: "canvas.left + brand.margin", with: "canvas.left + let.u")
        let template = try TemplateLoader.parse(yaml, file: "t.yaml")
        #expect(template.sizeClasses[.rectangle]?.lets.map(\.name) == ["u"])
        expectError(yaml.replacingOccurrences(of: "+ let.u", with: "+ let.v"),
                    code: .templateUnknownName, line: 13, containing: "did you mean 'u'")
        expectError(yaml.replacingOccurrences(of: "min(canvas.height", with: "mni(canvas.height"),
                    code: .templateSyntax, line: 11, containing: "did you mean 'min'")
    }
}

@Suite struct TemplateGridAndMergeKeyTests {
    static let grid = """
    name: g
    products: 2
    elements:
      a1: &name
        kind: text
        bind: title
        font: display
        size: [10, 20]
      a2: { <<: *name, item: 2, size: [12, 24] }
    size_classes:
      rectangle:
        constraints:
          - a1.left == canvas.left
          - a2.left == a1.right
    """

    @Test func mergeKeysCopyAnAnchoredMappingAndWrittenKeysWin() throws {
        let template = try TemplateLoader.parse(Self.grid, file: "g.yaml")
        #expect(template.productCount == 2)
        let second = try #require(template.elements.first { $0.id == "a2" })
        #expect(second.kind == .text && second.properties.binding == .title && second.properties.item == 2)
        #expect(second.properties != template.elements[0].properties, "size and item differ from the merged mapping")
    }

    @Test func anItemPastTheGroupAndNestedMergesAreRefused() {
        let tooFar = Self.grid.replacingOccurrences(of: "products: 2", with: "products: 1")
        do {
            _ = try TemplateLoader.parse(tooFar, file: "g.yaml")
            Issue.record("item 2 of a one-product template must be refused")
        } catch let error as BanneretError {
            #expect(error.code == .templateInvalid && error.location?.element == "a2" && error.location?.line == 9, "\(error)")
        } catch {
            Issue.record("\(error)")
        }
        let nested = """
        name: n
        elements:
          a: &a { kind: text, bind: title, font: display, size: [10, 20] }
          b: &b { <<: *a }
          c: { <<: *b }
        """
        #expect(throws: BanneretError.self) { _ = try TemplateLoader.parse(nested, file: "n.yaml") }
    }
}
