/// How many colours a terminal shows, and how a `Color` degrades to fit.
public enum ColorDepth: Sendable, Equatable {
    /// No colour at all: only attributes (bold, reverse, ...) carry meaning.
    case monochrome
    case ansi8
    case ansi16
    case indexed256

    public init(colorCount: Int) {
        switch colorCount {
        case 256...: self = .indexed256
        case 16..<256: self = .ansi16
        case 8..<16: self = .ansi8
        default: self = .monochrome
        }
    }

    /// The terminal colour number for `color`, -1 for the terminal's default; nil on a
    /// monochrome terminal.
    public func number(for color: Color) -> Int? {
        if self == .monochrome { return nil }
        switch color {
        case .terminalDefault:
            return -1
        case .indexed(let index):
            return reduce(index: Int(index))
        case .rgb(let r, let g, let b):
            return reduce(index: ColorDepth.nearestIndexed(r, g, b))
        }
    }

    private func reduce(index: Int) -> Int {
        switch self {
        case .indexed256: return index
        case .ansi16: return index < 16 ? index : ColorDepth.nearestAnsi(index, limit: 16)
        case .ansi8, .monochrome: return index < 8 ? index : (index < 16 ? index - 8 : ColorDepth.nearestAnsi(index, limit: 8))
        }
    }

    /// The xterm palette entry nearest to an RGB colour (6x6x6 cube or grey ramp).
    static func nearestIndexed(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func cubeStep(_ v: UInt8) -> Int {
            levels.indices.min(by: { abs(levels[$0] - Int(v)) < abs(levels[$1] - Int(v)) }) ?? 0
        }
        let cube = (cubeStep(r), cubeStep(g), cubeStep(b))
        let cubeIndex = 16 + 36 * cube.0 + 6 * cube.1 + cube.2
        let grey = (Int(r) + Int(g) + Int(b)) / 3
        let greyStep = max(0, min(23, (grey - 8 + 5) / 10))
        let greyIndex = 232 + greyStep
        return distance(rgb(of: cubeIndex), (r, g, b)) <= distance(rgb(of: greyIndex), (r, g, b)) ? cubeIndex : greyIndex
    }

    /// The first `limit` (8 or 16) ANSI colours nearest to an xterm palette entry.
    static func nearestAnsi(_ index: Int, limit: Int) -> Int {
        let target = rgb(of: index)
        return (0..<limit).min(by: { distance(rgb(of: $0), target) < distance(rgb(of: $1), target) }) ?? 7
    }

    /// The xterm default RGB of a palette entry.
    static func rgb(of index: Int) -> (UInt8, UInt8, UInt8) {
        let ansi: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if index < 16 { return ansi[max(0, index)] }
        if index >= 232 {
            let level = UInt8(8 + 10 * (index - 232))
            return (level, level, level)
        }
        let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
        let cube = index - 16
        return (levels[cube / 36], levels[cube / 6 % 6], levels[cube % 6])
    }

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return dr * dr + dg * dg + db * db
    }
}
