import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests of remote images: serves
/// fixed bodies with an ETag, answers 304 to a matching If-None-Match, and
/// records every request it sees. Call ``stop()`` when done (the serving
/// thread holds the server until then).
final class LoopbackHTTPServer: @unchecked Sendable {
    struct Route {
        var status: Int
        var contentType: String
        var body: Data
        var etag: String?
    }

    let port: UInt16
    private let socketFD: Int32
    private let routes: [String: Route]
    private let lock = NSLock()
    private var log: [(path: String, ifNoneMatch: String?)] = []
    private var running = true

    var requests: [(path: String, ifNoneMatch: String?)] { lock.withLock { log } }

    init(routes: [String: Route]) throws {
        self.routes = routes
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(fd, $0, &length) }
        }
        socketFD = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// Unblocks the accepting thread and closes the socket.
    func stop() {
        let wasRunning = lock.withLock { () -> Bool in
            defer { running = false }
            return running
        }
        guard wasRunning else { return }
        shutdown(socketFD, Int32(SHUT_RDWR))
        close(socketFD)
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    private func serve() {
        while lock.withLock({ running }) {
            let client = accept(socketFD, nil, nil)
            guard client >= 0 else { return }
            handle(client)
            close(client)
        }
    }

    private func handle(_ client: Int32) {
        var request = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !request.contains(Data("\r\n\r\n".utf8)) {
            let count = read(client, &buffer, buffer.count)
            guard count > 0 else { return }
            request.append(contentsOf: buffer[0 ..< count])
        }
        let lines = String(decoding: request, as: UTF8.self).components(separatedBy: "\r\n")
        let path = lines.first?.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        let ifNoneMatch = lines.first { $0.lowercased().hasPrefix("if-none-match:") }
            .map { String($0.dropFirst("if-none-match:".count)).trimmingCharacters(in: .whitespaces) }
        lock.withLock { log.append((path, ifNoneMatch)) }
        let route = routes[path] ?? Route(status: 404, contentType: "text/plain", body: Data("not found".utf8))
        var status = route.status, body = route.body
        if let etag = route.etag, ifNoneMatch == etag { status = 304; body = Data() }
        var head = "HTTP/1.1 \(status) X\r\nContent-Type: \(route.contentType)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
        if let etag = route.etag { head += "ETag: \(etag)\r\n" }
        let response = Data((head + "\r\n").utf8) + body
        response.withUnsafeBytes { _ = write(client, $0.baseAddress, $0.count) }
    }
}
