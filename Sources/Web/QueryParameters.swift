import ArabicText
import Hummingbird
import Knowledge
import Store

/// Reads and validates a request's query parameters; anything malformed is a 400 with a JSON
/// body that says which parameter and why.
struct QueryParameters {
    let request: Request
    let options: WebOptions

    func string(_ name: String) throws -> String? {
        guard let value = request.uri.queryParameters[Substring(name)].map(String.init), !value.isEmpty else { return nil }
        guard value.count <= options.maxQueryLength else { throw APIError.badRequest("\(name) is longer than \(options.maxQueryLength) characters") }
        guard !value.unicodeScalars.contains(where: { $0.value == 0 }) else { throw APIError.badRequest("\(name) contains a NUL character") }
        return value
    }

    /// A date written YYYY-MM-DD.
    func date(_ name: String) throws -> String? {
        guard let value = try string(name) else { return nil }
        guard CalendarDate(iso: value) != nil, value.count == 10 else { throw APIError.badRequest("\(name) must be a date written YYYY-MM-DD") }
        return value
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = try string(name) else { return nil }
        guard let number = Int(value), range.contains(number) else {
            throw APIError.badRequest("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    func limit() throws -> Int { try integer("limit", in: 1...options.maxPageSize) ?? 50 }
    func offset() throws -> Int { try integer("offset", in: 0...10_000_000) ?? 0 }

    func eventType(_ name: String = "type") throws -> String? {
        try oneOf(name, PloverType.self, uppercased: true)?.rawValue
    }

    func modality() throws -> String? { try oneOf("modality", Modality.self)?.rawValue }

    func jobState() throws -> JobState? { try oneOf("state", JobState.self) }

    /// A parameter naming one case of an enumeration (by its raw value, or its upper-case form).
    func oneOf<Value: RawRepresentable & CaseIterable>(_ name: String, _ type: Value.Type, uppercased: Bool = false) throws -> Value?
    where Value.RawValue == String {
        guard let value = try string(name) else { return nil }
        guard let found = Value(rawValue: uppercased ? value.uppercased() : value) else {
            throw APIError.badRequest("\(name) must be one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return found
    }

    func country() throws -> String? {
        guard let value = try string("country") else { return nil }
        guard value.count == 3, value.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
            throw APIError.badRequest("country must be an ISO 3166-1 alpha-3 code such as LBY")
        }
        return value
    }
}
