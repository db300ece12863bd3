extension DecodingParameters {
    /// A layer count the model cannot serve, set for one of `descriptors` (`exit-layer` 64 on a
    /// 30-layer model): the parameter, its value and the range the model allows. Nil when every
    /// such value fits. Callers word it for their input (a flag, a trace field).
    public func layerCountBeyondModel(of layerCount: Int, among descriptors: [ParameterDescriptor])
        -> (descriptor: ParameterDescriptor, value: Double, allowed: ClosedRange<Double>)? {
        for descriptor in descriptors where descriptor.layersToLeave != nil {
            guard let value = value(descriptor.name) else { continue }
            let allowed = descriptor.range(onModelWith: layerCount)
            if !allowed.contains(value) { return (descriptor, value, allowed) }
        }
        return nil
    }
}
