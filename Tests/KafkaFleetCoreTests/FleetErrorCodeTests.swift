import KafkaFleetCore
import Testing

/// `FleetError.Code` as users match it: static members over the catalogue, looked up by catalogue number.
@Suite("Fleet error codes")
struct FleetErrorCodeTests {
    @Test("all lists each catalogue entry once, by number, and each reads back from its number")
    func allByNumber() {
        let numbers = FleetError.Code.all.map(\.rawValue)
        #expect(numbers == numbers.sorted())
        #expect(Set(numbers).count == numbers.count)
        for code in FleetError.Code.all { #expect(FleetError.Code(rawValue: code.rawValue) == code) }
    }

    @Test("a number the catalogue does not have reads as no code", arguments: [0, 1, 3, 13, 99, 1001, -7])
    func unknownNumber(number: Int) {
        #expect(FleetError.Code(rawValue: number) == nil)
    }

    @Test("a code matches by its static member in a switch and names itself")
    func matching() {
        let error = FleetError(.notFound, "no such kafka")
        switch error.code {
        case .notFound: break
        default: Issue.record("\(error.code) did not match .notFound")
        }
        #expect(error.code.rawValue == 7)
        #expect("\(error.code)" == "notFound")
        #expect(error.description == "KAFKAS-MGMT-7: no such kafka")
    }
}
