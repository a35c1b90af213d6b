import Foundation

/// Turns a JSON `features` object into numbers the model can weigh:
/// numbers as they are, `true`/`false` as 1/0, and text one-hot as
/// `name=value` = 1 (`"cta": "Shop now"` becomes `cta=Shop now` = 1), so a
/// log can carry categorical choices without a separate encoding step.
/// `null` means "not measured" and is left out, which the model reads as 0.
public enum FeatureEncoder {
    /// - Parameters:
    ///   - object: a JSON object as `JSONSerialization` returns it.
    ///   - field: the object's name in errors, e.g. `features` or `metrics`.
    ///   - code: the error code of the file being read.
    ///   - location: where the object was found; errors add the field.
    public static func encode(_ object: [String: Any], field: String = "features",
                              code: BanneretError.Code, at location: Location) throws -> FeatureVector {
        var values: [String: Double] = [:]
        func fail(_ name: String, _ message: String) -> BanneretError {
            var place = location
            place.field = "\(field).\(name)"
            return BanneretError(code, message, at: place)
        }
        // Sorted so that, of two names that collide, the same one is reported on every run.
        for name in object.keys.sorted() {
            guard !name.isEmpty else { throw fail(name, "feature names must not be empty") }
            let encodedName: String
            let number: Double
            switch object[name]! {
            case is NSNull:
                continue
            case let flag as NSNumber where isBoolean(flag):
                encodedName = name
                number = flag.boolValue ? 1 : 0
            case let value as NSNumber:
                encodedName = name
                number = value.doubleValue
                guard number.isFinite else { throw fail(name, "a feature must be a finite number") }
            case let text as String:
                encodedName = "\(name)=\(text)"
                number = 1
            default:
                throw fail(name, "a feature must be a number, true/false or text, not a list or object")
            }
            guard values[encodedName] == nil else {
                throw fail(name, "'\(encodedName)' is given twice, once as a number and once as text")
            }
            values[encodedName] = number
        }
        return FeatureVector(values)
    }

    /// Whether a number `JSONSerialization` returned was written `true` or
    /// `false`: booleans come back as `NSNumber`s of a private class, and
    /// comparing classes is the one test that tells `true` from `1` on both
    /// Linux and Darwin.
    static func isBoolean(_ number: NSNumber) -> Bool {
        type(of: number) == type(of: NSNumber(value: true))
    }
}
