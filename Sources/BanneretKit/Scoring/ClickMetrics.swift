import Foundation

/// How well predicted click-through rates fit observed clicks, counted per
/// impression: every click is a positive, every impression without one a
/// negative, and a row of 1,000 impressions weighs 1,000 times one of 1.
public enum ClickMetrics {
    /// The area under the ROC curve: the chance that a random click was
    /// predicted a higher rate than a random non-click, ties counting half.
    /// 0.5 is a constant guess; nil when there are no clicks or no non-clicks.
    public static func auc(predictions: [Double], rows: [ClickRow]) -> Double? {
        precondition(predictions.count == rows.count, "one prediction per row")
        let order = rows.indices.sorted { predictions[$0] < predictions[$1] || (predictions[$0] == predictions[$1] && $0 < $1) }
        var negativesBelow = 0.0
        var pairsWon = 0.0
        var positives = 0.0
        var start = 0
        while start < order.count {
            // One group of equal predictions: its clicks beat every non-click
            // below it and tie with the non-clicks inside it.
            var end = start
            var groupPositives = 0.0, groupNegatives = 0.0
            while end < order.count, predictions[order[end]] == predictions[order[start]] {
                let row = rows[order[end]]
                groupPositives += Double(row.clicks)
                groupNegatives += Double(row.impressions - row.clicks)
                end += 1
            }
            pairsWon += groupPositives * (negativesBelow + 0.5 * groupNegatives)
            negativesBelow += groupNegatives
            positives += groupPositives
            start = end
        }
        guard positives > 0, negativesBelow > 0 else { return nil }
        return pairsWon / (positives * negativesBelow)
    }

    /// Mean negative log-likelihood per impression, in nats: lower is better,
    /// and a prediction of exactly 0 or 1 that turns out wrong costs about 28, not infinity.
    public static func logLoss(predictions: [Double], rows: [ClickRow]) -> Double? {
        precondition(predictions.count == rows.count, "one prediction per row")
        var loss = 0.0, impressions = 0.0
        for (p, row) in zip(predictions, rows) {
            let clamped = min(max(p, 1e-12), 1 - 1e-12)
            loss -= Double(row.clicks) * log(clamped) + Double(row.impressions - row.clicks) * log(1 - clamped)
            impressions += Double(row.impressions)
        }
        return impressions > 0 ? loss / impressions : nil
    }
}
