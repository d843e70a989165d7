import Foundation
import KafkaFleetCore
import KafkaFleetProviders
import Testing

@Suite("AMS quota service: promotion validator")
struct AMSPromotionValidationTests {
    static let service = AMSQuotaService(configuration: AMSConfiguration(baseURL: "http://127.0.0.1:1", token: "unused"))
    static let standard = InstanceTypeCatalog.default.instanceType("standard")!

    static func validate(_ model: String, marketplace: String = "", account: String = "") -> FleetError? {
        do {
            try service.validatePromotion(
                to: KafkaPromotePayload(desiredBillingModel: model, desiredMarketplace: marketplace, desiredBillingCloudAccountID: account),
                of: AMSQuotaServiceTests.kafka(desiredBillingModel: "eval"), instanceType: standard)
            return nil
        } catch {
            return error
        }
    }

    @Test("standard and a marketplace AMS bills pass without a call")
    func accepted() {
        #expect(Self.validate("standard") == nil)
        #expect(Self.validate("marketplace", marketplace: "aws", account: "123456") == nil)
        #expect(Self.validate("marketplace", marketplace: "rhm", account: "123456") == nil)
    }

    @Test("a marketplace promotion needs the marketplace and the account (400 21), and a marketplace AMS bills (400 43)")
    func refused() {
        #expect(Self.validate("marketplace", account: "123456")?.code == .badRequest)
        #expect(Self.validate("marketplace", marketplace: "aws")?.code == .badRequest)
        #expect(Self.validate("marketplace", marketplace: "gcp", account: "123456")?.code == .billingAccountInvalid)
    }
}
