/// Checks the billing fields of a create request (steps 10 to 11 of the reference) and names the billing
/// model the user asked for: `enterprise` for a kafka on an enterprise cluster, else the model sent, else empty.
public enum KafkaBillingChoice {
    /// The desired billing model, or the refusal.
    public static func validate(_ payload: KafkaCreatePayload, instanceType: InstanceTypeConfig) throws(FleetError) -> String {
        var model = payload.billingModel ?? ""
        if let clusterID = payload.clusterID, !clusterID.isEmpty {
            if !model.isEmpty, model.lowercased() != BillingModelID.enterprise {
                throw FleetError(.billingAccountInvalid, "Billing account id missing or invalid: invalid billing model: \(model)")
            }
            model = BillingModelID.enterprise
        } else if model.lowercased() == BillingModelID.enterprise {
            throw FleetError(.badRequest, "cluster_id must be supplied when selected billing model is: \"enterprise\"")
        }
        if !model.isEmpty, !instanceType.supportedBillingModels.contains(where: { $0.id == model }) {
            // The reference fails here with 500 9; a model the type does not offer is the client's mistake.
            throw FleetError(.badRequest, "billing model '\(model)' is not supported by instance type '\(instanceType.id)'")
        }
        if model == BillingModelID.marketplace, (payload.billingCloudAccountID ?? "").isEmpty {
            throw FleetError(.billingAccountInvalid,
                             "Billing account id missing or invalid: no billing account provided for marketplace: \(payload.marketplace ?? "")")
        }
        return model
    }
}
