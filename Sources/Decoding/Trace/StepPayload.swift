/// What a step did, by strategy family; the inspector picks its pane from the case.
public enum StepPayload: Sendable, Codable, Equatable {
    case distribution(DistributionTrace)
    case beams(BeamTrace)
    case draftTree(DraftTreeTrace)
    case mask(MaskTrace)
    case particles(ParticleTrace)
}

extension StepPayload {
    private enum Key: String, CodingKey {
        case kind, distribution, beams, draftTree, mask, particles
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .distribution(let trace):
            try container.encode(Key.distribution.rawValue, forKey: .kind)
            try container.encode(trace, forKey: .distribution)
        case .beams(let trace):
            try container.encode(Key.beams.rawValue, forKey: .kind)
            try container.encode(trace, forKey: .beams)
        case .draftTree(let trace):
            try container.encode(Key.draftTree.rawValue, forKey: .kind)
            try container.encode(trace, forKey: .draftTree)
        case .mask(let trace):
            try container.encode(Key.mask.rawValue, forKey: .kind)
            try container.encode(trace, forKey: .mask)
        case .particles(let trace):
            try container.encode(Key.particles.rawValue, forKey: .kind)
            try container.encode(trace, forKey: .particles)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch Key(rawValue: kind) {
        case .distribution: self = .distribution(try container.decode(DistributionTrace.self, forKey: .distribution))
        case .beams: self = .beams(try container.decode(BeamTrace.self, forKey: .beams))
        case .draftTree: self = .draftTree(try container.decode(DraftTreeTrace.self, forKey: .draftTree))
        case .mask: self = .mask(try container.decode(MaskTrace.self, forKey: .mask))
        case .particles: self = .particles(try container.decode(ParticleTrace.self, forKey: .particles))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown payload kind '\(kind)'")
        }
    }
}
