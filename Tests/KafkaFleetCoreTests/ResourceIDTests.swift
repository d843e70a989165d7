import Foundation
import KafkaFleetCore
import Testing

@Suite("Resource ids")
struct ResourceIDTests {
    @Test("ids are 20 lowercase base32hex characters")
    func shape() {
        let id = ResourceID.make()
        #expect(id.count == 20)
        #expect(ResourceID.isValid(id))
        #expect(id.allSatisfy { "0123456789abcdefghijklmnopqrstuv".contains($0) })
    }

    @Test("ids made later sort after ids made earlier")
    func kSortable() {
        let earlier = ResourceID.make(now: Date(timeIntervalSince1970: 1_700_000_000))
        let later = ResourceID.make(now: Date(timeIntervalSince1970: 1_700_000_001))
        #expect(earlier < later)
    }

    @Test("ids made in the same second are distinct")
    func unique() {
        let now = Date()
        let ids = (0..<10_000).map { _ in ResourceID.make(now: now) }
        #expect(Set(ids).count == ids.count)
    }

    @Test("the timestamp is encoded the way xid encodes it")
    func knownEncoding() {
        // xid's first 4 bytes are big-endian seconds; 0x00000000 encodes as "0000000" followed by machine bits.
        let id = ResourceID.make(now: Date(timeIntervalSince1970: 0))
        #expect(id.hasPrefix("000000"))
    }

    @Test("text that is not an id is recognised", arguments: ["", "abc", "ABCDEFGHIJKLMNOPQRST", "wwwwwwwwwwwwwwwwwwww", "0123456789abcdefghijk"])
    func invalid(text: String) {
        #expect(!ResourceID.isValid(text))
    }
}
