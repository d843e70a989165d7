extension KafkaService {
    /// Asks for an `eval` kafka to be billed under `standard` or `marketplace` from now on: after the reference's
    /// checks, in its order and with its codes, it records the desired billing model and `promotion_status =
    /// promoting`; the promoting worker then moves the quota. Only its owner or an org admin may; another
    /// organisation's kafka is not found. `async` is whether the caller sent `async=true`.
    public func promote(id: String, with payload: KafkaPromotePayload, by requester: Requester, async: Bool) async throws {
        guard async else { throw FleetError(.syncActionNotSupported) }
        let desired = payload.desiredBillingModel
        guard !desired.isEmpty else {
            throw FleetError(.minimumFieldLength, "desired_kafka_billing_model is not valid, minimum length 1 is required")
        }
        let done: Void? = try await ConflictRetry.run(attempts: settings.writeAttempts) { () async throws -> ConflictRetry.Step<Void> in
            let current = try await get(id: id, by: requester)
            try checkPromotion(of: current, to: payload, by: requester)
            var changed = current
            changed.desiredBillingModel = desired
            changed.promotionStatus = KafkaPromotionStatus.promoting.rawValue
            changed.promotionDetails = ""
            let marketplace = desired == BillingModelID.marketplace
            changed.marketplace = marketplace ? payload.desiredMarketplace : ""
            changed.billingCloudAccountID = marketplace ? payload.desiredBillingCloudAccountID : ""
            return try await writer.write(changed, over: current).step().withoutValue
        }
        guard done != nil else { throw FleetError(.general) }
    }

    /// The checks after the lookup, in the reference's order. Where the reference answers a client's mistake with
    /// 500 9 we answer 400 21 (a kafka that is not eval) or 409 6 (a kafka in the wrong state for a promotion).
    private func checkPromotion(of kafka: KafkaRequest, to payload: KafkaPromotePayload, by requester: Requester) throws(FleetError) {
        guard kafka.owner == requester.username || requester.isOrgAdmin else {
            throw FleetError(.unauthorized, "user not authorized to perform this action")
        }
        guard kafka.actualBillingModel == BillingModelID.eval else {
            throw FleetError(.badRequest, "kafka '\(kafka.id)' is billed as '\(kafka.actualBillingModel)'; only '\(BillingModelID.eval)' kafkas can be promoted")
        }
        guard KafkaStatus.promotable.contains(kafka.status) else {
            throw FleetError(.conflict, "kafka '\(kafka.id)' is \(kafka.status.rawValue); only ready, suspended or resuming kafkas can be promoted")
        }
        let desired = payload.desiredBillingModel
        guard desired != kafka.actualBillingModel else {
            throw FleetError(.badRequest, "kafka '\(kafka.id)' is already billed as '\(desired)'")
        }
        guard kafka.promotionStatus != KafkaPromotionStatus.promoting.rawValue else {
            throw FleetError(.conflict, "a promotion of kafka '\(kafka.id)' is already in progress")
        }
        guard desired == BillingModelID.standard || desired == BillingModelID.marketplace else {
            throw FleetError(.fieldValidation, "Field validation failed: desired_kafka_billing_model must be one of "
                             + "['\(BillingModelID.marketplace)', '\(BillingModelID.standard)']")
        }
        guard let instanceType = instanceTypes.instanceType(kafka.instanceType),
              instanceType.supportedBillingModels.contains(where: { $0.id == desired })
        else {
            throw FleetError(.badRequest, "instance type '\(kafka.instanceType)' has no billing model '\(desired)'")
        }
        try quota.validatePromotion(to: payload, of: kafka, instanceType: instanceType)
    }
}
