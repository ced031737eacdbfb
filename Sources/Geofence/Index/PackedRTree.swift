import Foundation

/// A static R-tree packed bottom-up by Sort-Tile-Recursive.
///
/// S. T. Leutenegger, M. A. Lopez, J. Edgington, "STR: a simple and efficient algorithm for
/// R-tree packing", *Proc. 13th ICDE*, 1997. Items are sorted along the first axis into
/// ⌈P^{1/d}⌉ slabs (P = number of leaves), each slab along the next axis, and so on; runs of
/// `fanout` consecutive entries become nodes; the same packing builds every level above.
/// Everything lives in flat arrays, so a query only reads memory and never allocates.
struct PackedRTree<Box: PackableBox>: Sendable {
    static var fanout: Int { 8 }

    /// Item boxes in packed order; `itemIdentifiers[i]` is the caller's index of slot i.
    private(set) var itemBoxes: [Box] = []
    private(set) var itemIdentifiers: [Int32] = []
    /// Internal nodes of all levels; the children of a node are `childCount` consecutive
    /// entries starting at `firstChild`, items for level-1 nodes, nodes otherwise.
    private(set) var nodeBoxes: [Box] = []
    private(set) var nodeFirstChild: [Int32] = []
    private(set) var nodeChildCount: [Int32] = []
    private(set) var nodeIsLeafParent: [Bool] = []
    private(set) var rootNode: Int = -1

    init(boxes: [Box]) {
        guard !boxes.isEmpty else { return }
        var order = (0..<boxes.count).map { Int32($0) }
        Self.sortTileRecursive(&order, boxes: boxes)
        itemBoxes = order.map { boxes[Int($0)] }
        itemIdentifiers = order
        // Level 1: nodes over items.
        var levelStart = 0
        var levelCount = appendParents(childBoxes: itemBoxes, childOffset: 0, childrenAreItems: true)
        // Higher levels: pack the previous level's nodes, then group them.
        while levelCount > 1 {
            let childBoxes = Array(nodeBoxes[levelStart..<levelStart + levelCount])
            var childOrder = (0..<levelCount).map { Int32($0) }
            Self.sortTileRecursive(&childOrder, boxes: childBoxes)
            reorderNodes(start: levelStart, order: childOrder)
            let packed = Array(nodeBoxes[levelStart..<levelStart + levelCount])
            let nextStart = nodeBoxes.count
            levelCount = appendParents(childBoxes: packed, childOffset: levelStart, childrenAreItems: false)
            levelStart = nextStart
        }
        rootNode = levelStart
    }

    /// Number of items.
    var count: Int { itemBoxes.count }

    private mutating func appendParents(childBoxes: [Box], childOffset: Int, childrenAreItems: Bool) -> Int {
        var parents = 0
        var start = 0
        while start < childBoxes.count {
            let end = min(start + Self.fanout, childBoxes.count)
            var box = childBoxes[start]
            for index in start + 1..<end { box = box.union(childBoxes[index]) }
            nodeBoxes.append(box)
            nodeFirstChild.append(Int32(childOffset + start))
            nodeChildCount.append(Int32(end - start))
            nodeIsLeafParent.append(childrenAreItems)
            parents += 1
            start = end
        }
        return parents
    }

    private mutating func reorderNodes(start: Int, order: [Int32]) {
        let boxes = order.map { nodeBoxes[start + Int($0)] }
        let first = order.map { nodeFirstChild[start + Int($0)] }
        let count = order.map { nodeChildCount[start + Int($0)] }
        let leafParent = order.map { nodeIsLeafParent[start + Int($0)] }
        for index in 0..<order.count {
            nodeBoxes[start + index] = boxes[index]
            nodeFirstChild[start + index] = first[index]
            nodeChildCount[start + index] = count[index]
            nodeIsLeafParent[start + index] = leafParent[index]
        }
    }

    private static func sortTileRecursive(_ order: inout [Int32], boxes: [Box]) {
        sortTileRecursive(&order, range: 0..<order.count, axis: 0, boxes: boxes)
    }

    private static func sortTileRecursive(_ order: inout [Int32], range: Range<Int>, axis: Int, boxes: [Box]) {
        order[range].sort { boxes[Int($0)].centre(axis: axis) < boxes[Int($1)].centre(axis: axis) }
        let remainingAxes = Box.axisCount - axis
        guard remainingAxes > 1 else { return }
        let leaves = (range.count + fanout - 1) / fanout
        let slabs = max(1, Int(Double(leaves).squareRootOrRoot(remainingAxes).rounded(.up)))
        let slabSize = fanout * ((leaves + slabs - 1) / slabs)
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(start + slabSize, range.upperBound)
            sortTileRecursive(&order, range: start..<end, axis: axis + 1, boxes: boxes)
            start = end
        }
    }

    /// Calls `visit` with the identifier of every item whose box `overlaps` says may matter;
    /// `overlaps` is asked about nodes and items alike.
    func forEachItem(where overlaps: (Box) -> Bool, _ visit: (Int32) -> Void) {
        guard rootNode >= 0 else { return }
        visitNode(rootNode, overlaps, visit)
    }

    private func visitNode(_ node: Int, _ overlaps: (Box) -> Bool, _ visit: (Int32) -> Void) {
        guard overlaps(nodeBoxes[node]) else { return }
        let first = Int(nodeFirstChild[node])
        let end = first + Int(nodeChildCount[node])
        if nodeIsLeafParent[node] {
            for slot in first..<end where overlaps(itemBoxes[slot]) { visit(itemIdentifiers[slot]) }
        } else {
            for child in first..<end { visitNode(child, overlaps, visit) }
        }
    }
}

extension Double {
    /// The `n`-th root (n = 2 or 3 in practice).
    fileprivate func squareRootOrRoot(_ n: Int) -> Double {
        n == 2 ? squareRoot() : Foundation.pow(self, 1 / Double(n))
    }
}
