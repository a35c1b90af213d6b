/// The named numbers that describe one banner to the preference model:
/// `contrast_min`, `warmth`, `cta=Shop now`, ….
///
/// Features are named rather than positional because banners, logs and
/// segment priors each know a different subset; a feature a vector lacks
/// counts as 0, so a prior over a feature no banner measures changes nothing.
public struct FeatureVector: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral {
    public var values: [String: Double]

    public init(_ values: [String: Double] = [:]) {
        self.values = values
    }

    public init(dictionaryLiteral elements: (String, Double)...) {
        self.values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    /// The value of a feature; 0 when the vector does not have it.
    public subscript(name: String) -> Double {
        get { values[name] ?? 0 }
        set { values[name] = newValue }
    }

    /// Feature names in a fixed order, so sums over them come out bit-identical on every run.
    public var names: [String] { values.keys.sorted() }

    /// `Σ weightᵢ · featureᵢ` over the weights' names, summed in name order
    /// (dictionary order changes from process to process; the sum must not).
    public func dot(_ weights: [String: Double]) -> Double {
        var sum = 0.0
        for name in weights.keys.sorted() {
            sum += weights[name]! * self[name]
        }
        return sum
    }

    /// Encoded as a plain JSON object of numbers, as logs and manifests write it.
    public init(from decoder: Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: Double].self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}
