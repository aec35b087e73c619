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
        guard let value = try string(name) else { return nil }
        guard PloverType(rawValue: value.uppercased()) != nil else {
            throw APIError.badRequest("\(name) must be one of \(PloverType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value.uppercased()
    }

    func modality() throws -> String? {
        guard let value = try string("modality") else { return nil }
        guard Modality(rawValue: value) != nil else {
            throw APIError.badRequest("modality must be one of \(Modality.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    func jobState() throws -> JobState? {
        guard let value = try string("state") else { return nil }
        guard let state = JobState(rawValue: value) else {
            throw APIError.badRequest("state must be one of \(JobState.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return state
    }

    func country() throws -> String? {
        guard let value = try string("country") else { return nil }
        guard value.count == 3, value.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
            throw APIError.badRequest("country must be an ISO 3166-1 alpha-3 code such as LBY")
        }
        return value
    }
}
