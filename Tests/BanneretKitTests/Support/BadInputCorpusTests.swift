import Foundation
import Testing
@testable import BanneretKit

/// Every file of the bad-input corpus (`Fixtures/BadInputs`, made by
/// `scripts/make-bad-inputs.py`) gives exactly what `expected.tsv` says: its
/// error code and where, or for `ok`, a real result (a picture or banner that is
/// not blank, the products a feed holds). Each runs against a 10 s deadline, so a
/// hang fails the test instead of stalling the suite.
@Suite struct BadInputCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/BadInputs")

    /// One row of expected.tsv: `path  outcome  where  products`.
    struct Case: CustomTestStringConvertible, Sendable {
        var path: String
        /// An error code, or `ok`.
        var outcome: String
        /// `line`, `line:field`, `field` or `-` (nothing to check beyond the file).
        var place: String
        /// For feeds: how many products still come through; `-` for others.
        var products: Int?
        var testDescription: String { path }
        var url: URL { BadInputCorpusTests.folder.appendingPathComponent(path) }
    }

    static let cases: [Case] = {
        let text = (try? String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Case(path: cells[0], outcome: cells[1], place: cells.count > 2 ? cells[2] : "-",
                        products: cells.count > 3 ? Int(cells[3]) : nil)
        }
    }()

    @Test func theManifestListsEveryFileAndAtLeastFifty() throws {
        let listed = Set(Self.cases.map(\.path))
        var onDisk: Set<String> = []
        for kind in ["images", "feeds", "templates", "brands"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: Self.folder.appendingPathComponent(kind).path) {
                onDisk.insert("\(kind)/\(name)")
            }
        }
        // Files that only serve others (the logo the brand guides name, the symlink out) are not cases.
        let helpers: Set<String> = ["brands/logo.png", "brands/link-out.png"]
        #expect(onDisk.subtracting(helpers) == listed)
        #expect(listed.count >= 50)
    }

    /// What one input gave: an error, or a success with what can be checked about it.
    enum Outcome {
        case failed(BanneretError)
        case image(variance: Double)
        case banner(variance: Double)
        case feed(products: Int, errors: [BanneretError])
        case brand
    }

    @Test(arguments: cases) func eachInputGivesItsExpectedOutcome(_ item: Case) throws {
        guard let outcome = Self.withDeadline(seconds: 10, { Self.run(item) }) else {
            Issue.record("\(item.path) took over 10 s")
            return
        }
        let error: BanneretError? = switch outcome {
        case .failed(let error): error
        case .feed(_, let errors): errors.first
        default: nil
        }
        if item.outcome == "ok" {
            #expect(error == nil, "\(item.path): \(error.map { "\($0)" } ?? "")")
            switch outcome {
            case .image(let variance), .banner(let variance): #expect(variance > 1, "\(item.path) came out blank")
            default: break
            }
        } else {
            #expect(error?.code.rawValue == item.outcome, "\(item.path): \(error.map { "\($0)" } ?? "no error")")
            if let error { check(error.location, of: item) }
        }
        if let products = item.products {
            guard case .feed(let read, _) = outcome else {
                Issue.record("\(item.path): expected \(products) products, got \(outcome)")
                return
            }
            #expect(read == products, "\(item.path)")
        }
    }

    /// The error points at the file itself (for images in a banner: through the image path) and, when
    /// the manifest says, at the line and field.
    func check(_ location: Location?, of item: Case) {
        #expect(location?.file == item.url.path, "\(item.path): \(String(describing: location))")
        guard item.place != "-" else { return }
        let parts = item.place.split(separator: ":", maxSplits: 1).map(String.init)
        if let line = Int(parts[0]) {
            #expect(location?.line == line, "\(item.path): \(String(describing: location))")
            if parts.count > 1 { #expect(location?.field == parts[1], "\(item.path): \(String(describing: location))") }
        } else {
            #expect(location?.field == parts[0], "\(item.path): \(String(describing: location))")
        }
    }

    static func run(_ item: Case) -> Outcome {
        do {
            switch item.path.prefix(while: { $0 != "/" }) {
            case "images":
                let decoded = try ImageDecoder.decode(try Data(contentsOf: item.url), source: item.url.path, limits: ImageLimits())
                let variance = Self.variance(decoded.base)
                // A correct decode must also make a banner that shows it.
                let banner = try render(Fixtures.template, imagePath: item.url.path)
                return .image(variance: min(variance, Self.variance(banner)))
            case "feeds":
                let result = try FeedReader.read(contentsOf: item.url)
                return .feed(products: result.products.count, errors: result.errors)
            case "templates":
                let template = try TemplateLoader.load(item.url)
                return .banner(variance: Self.variance(try render(template, imagePath: nil)))
            default:
                _ = try BrandGuideLoader.load(item.url, fontFamilies: Set(FontSet.fallbackFamilies))
                return .brand
            }
        } catch let error as BanneretError {
            return .failed(error)
        } catch {
            return .failed(BanneretError(.renderFailed, "unexpected \(error)"))
        }
    }

    static func render(_ template: Template, imagePath: String?) throws -> PixelBuffer {
        let product = Product(id: "corpus", title: "Cold Brew Bottle", price: Money(amount: 24, currency: "USD"))
        return try RenderWorker(engine: Fixtures.engine)
            .render(product: product, size: BannerSize(width: 300, height: 250), imagePath: imagePath, template: template).0.pixels
    }

    /// Variance of the grey level: zero for a blank picture.
    static func variance(_ buffer: PixelBuffer) -> Double {
        var sum = 0.0, squares = 0.0
        for y in 0 ..< buffer.height {
            let row = buffer.bytes.advanced(by: y * buffer.stride).assumingMemoryBound(to: UInt8.self)
            for x in 0 ..< buffer.width {
                let grey = (Double(row[x * 4]) + Double(row[x * 4 + 1]) + Double(row[x * 4 + 2])) / 3
                sum += grey
                squares += grey * grey
            }
        }
        let count = Double(buffer.width * buffer.height)
        return squares / count - (sum / count) * (sum / count)
    }

    /// Runs `body` on its own thread; nil if it has not finished within `seconds`.
    static func withDeadline(seconds: Double, _ body: @escaping @Sendable () -> Outcome) -> Outcome? {
        let box = OutcomeBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return box.value
    }
}

/// Carries a result out of the thread that computed it; read only after its semaphore.
private final class OutcomeBox: @unchecked Sendable {
    var value: BadInputCorpusTests.Outcome?
}
