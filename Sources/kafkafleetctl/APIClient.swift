import AsyncHTTPClient
import Foundation
import NIOCore

/// A refusal by the server, printed as one line and turned into exit code 1.
struct ServerRefusal: Error, CustomStringConvertible {
    let status: UInt
    let code: String
    let reason: String

    var description: String { code.isEmpty ? "the server answered \(status): \(reason)" : "\(reason) (\(code), HTTP \(status))" }
}

/// A failure to reach the server at all.
struct Unreachable: Error, CustomStringConvertible {
    let url: String
    let underlying: String

    var description: String { "cannot reach \(url): \(underlying)" }
}

/// A small JSON client of the KafkaFleet API.
struct APIClient: Sendable {
    let baseURL: String
    let token: String

    /// Sends a request and returns the body of a 2xx answer; any other answer is a `ServerRefusal`.
    func send(_ method: String, _ path: String, body: Data? = nil) async throws -> Data {
        let url = (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + path
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        if !token.isEmpty { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response: HTTPClientResponse
        do {
            response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        } catch {
            throw Unreachable(url: baseURL, underlying: "\(error)")
        }
        let data = Data(try await response.body.collect(upTo: 64 << 20).readableBytesView)
        guard (200..<300).contains(response.status.code) else {
            struct ErrorBody: Decodable { var code: String?; var reason: String? }
            let parsed = try? JSONDecoder().decode(ErrorBody.self, from: data)
            throw ServerRefusal(status: response.status.code, code: parsed?.code ?? "",
                                reason: parsed?.reason ?? String(decoding: data, as: UTF8.self))
        }
        return data
    }

    /// `text` as one path segment: every character but letters, digits and `-._~` percent-encoded, so that an id
    /// holding `/`, `?`, `#` or `..` names a resource instead of changing the path or the query.
    static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    /// Sends a request and decodes its JSON answer.
    func send<T: Decodable>(_ method: String, _ path: String, body: Data? = nil, as type: T.Type) async throws -> T {
        let data = try await send(method, path, body: body)
        return try JSONDecoder().decode(T.self, from: data)
    }
}
