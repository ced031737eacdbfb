/// Nearest-item search over Earth-centred boxes.
extension PackedRTree where Box == CartesianBox {
    /// The smallest value of `itemSquaredDistance` over all items, or `limitSquared` if none is
    /// smaller: depth-first branch and bound that opens the children of a node nearest-box
    /// first (N. Roussopoulos, S. Kelley, F. Vincent, "Nearest neighbor queries", *SIGMOD*
    /// 1995), so the bound tightens early and most of the tree is never read. The closure gets
    /// the item's identifier and the current bound, and may return the bound unchanged.
    func nearestSquaredDistance(
        to point: EarthCentredPoint, limitSquared: Double, _ itemSquaredDistance: (Int32, Double) -> Double
    ) -> Double {
        guard rootNode >= 0 else { return limitSquared }
        var best = limitSquared
        descend(rootNode, point, &best, itemSquaredDistance)
        return best
    }

    private func descend(
        _ node: Int, _ point: EarthCentredPoint, _ best: inout Double,
        _ itemSquaredDistance: (Int32, Double) -> Double
    ) {
        let first = Int(nodeFirstChild[node])
        let count = Int(nodeChildCount[node])
        let leafParent = nodeIsLeafParent[node]
        // Lower bounds and slots of the children, sorted by bound (insertion sort; ≤ 8).
        var bounds: (Double, Double, Double, Double, Double, Double, Double, Double) = (0, 0, 0, 0, 0, 0, 0, 0)
        var slots: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32) = (0, 0, 0, 0, 0, 0, 0, 0)
        var kept = 0
        withUnsafeMutableBytes(of: &bounds) { boundBytes in
            withUnsafeMutableBytes(of: &slots) { slotBytes in
                let bound = boundBytes.bindMemory(to: Double.self)
                let slot = slotBytes.bindMemory(to: Int32.self)
                for child in first..<first + min(count, Self.fanout) {
                    let box = leafParent ? itemBoxes[child] : nodeBoxes[child]
                    let lower = box.squaredDistance(to: point)
                    guard lower < best else { continue }
                    var position = kept
                    while position > 0 && bound[position - 1] > lower {
                        bound[position] = bound[position - 1]
                        slot[position] = slot[position - 1]
                        position -= 1
                    }
                    bound[position] = lower
                    slot[position] = Int32(child)
                    kept += 1
                }
                for index in 0..<kept {
                    guard bound[index] < best else { break }
                    let child = Int(slot[index])
                    if leafParent {
                        best = min(best, itemSquaredDistance(itemIdentifiers[child], best))
                    } else {
                        descend(child, point, &best, itemSquaredDistance)
                    }
                }
            }
        }
    }
}
