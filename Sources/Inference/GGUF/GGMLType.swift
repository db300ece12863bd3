/// Tensor element types as GGUF numbers them (ggml's `ggml_type`), with their block layout.
/// Every type ggml currently writes is listed so any real GGUF can be opened and described;
/// which of them the kernels can compute with is the kernels' business. Codes ggml retired
/// (4, 5, 31-33, 36-38) are unknown here.
public enum GGMLType: UInt32, Sendable, CaseIterable {
    case f32 = 0, f16 = 1, q4_0 = 2, q4_1 = 3, q5_0 = 6, q5_1 = 7, q8_0 = 8, q8_1 = 9
    case q2_K = 10, q3_K = 11, q4_K = 12, q5_K = 13, q6_K = 14, q8_K = 15
    case iq2_XXS = 16, iq2_XS = 17, iq3_XXS = 18, iq1_S = 19, iq4_NL = 20, iq3_S = 21, iq2_S = 22, iq4_XS = 23
    case i8 = 24, i16 = 25, i32 = 26, i64 = 27, f64 = 28, iq1_M = 29, bf16 = 30
    case tq1_0 = 34, tq2_0 = 35, mxfp4 = 39

    /// Elements per block.
    public var blockSize: Int {
        switch self {
        case .f32, .f16, .bf16, .f64, .i8, .i16, .i32, .i64: 1
        case .q4_0, .q4_1, .q5_0, .q5_1, .q8_0, .q8_1, .iq4_NL, .mxfp4: 32
        case .q2_K, .q3_K, .q4_K, .q5_K, .q6_K, .q8_K, .iq2_XXS, .iq2_XS, .iq3_XXS, .iq1_S, .iq3_S, .iq2_S,
             .iq4_XS, .iq1_M, .tq1_0, .tq2_0: 256
        }
    }

    /// Bytes per block.
    public var blockBytes: Int {
        switch self {
        case .i8: 1
        case .f16, .bf16, .i16: 2
        case .f32, .i32: 4
        case .f64, .i64: 8
        case .q4_0, .iq4_NL: 18
        case .q4_1: 20
        case .q5_0: 22
        case .q5_1: 24
        case .q8_0: 34
        case .q8_1: 36
        case .mxfp4: 17
        case .q2_K: 84
        case .q3_K, .iq3_S: 110
        case .q4_K: 144
        case .q5_K: 176
        case .q6_K: 210
        case .q8_K: 292
        case .iq2_XXS, .tq2_0: 66
        case .iq2_XS: 74
        case .iq2_S: 82
        case .iq3_XXS: 98
        case .iq1_S: 50
        case .iq1_M: 56
        case .iq4_XS: 136
        case .tq1_0: 54
        }
    }

    /// The name gguf-dump and llama.cpp print.
    public var name: String {
        switch self {
        case .f32: "F32"
        case .f16: "F16"
        case .bf16: "BF16"
        case .f64: "F64"
        case .i8: "I8"
        case .i16: "I16"
        case .i32: "I32"
        case .i64: "I64"
        case .q4_0: "Q4_0"
        case .q4_1: "Q4_1"
        case .q5_0: "Q5_0"
        case .q5_1: "Q5_1"
        case .q8_0: "Q8_0"
        case .q8_1: "Q8_1"
        case .q2_K: "Q2_K"
        case .q3_K: "Q3_K"
        case .q4_K: "Q4_K"
        case .q5_K: "Q5_K"
        case .q6_K: "Q6_K"
        case .q8_K: "Q8_K"
        case .iq2_XXS: "IQ2_XXS"
        case .iq2_XS: "IQ2_XS"
        case .iq2_S: "IQ2_S"
        case .iq3_XXS: "IQ3_XXS"
        case .iq3_S: "IQ3_S"
        case .iq1_S: "IQ1_S"
        case .iq1_M: "IQ1_M"
        case .iq4_NL: "IQ4_NL"
        case .iq4_XS: "IQ4_XS"
        case .tq1_0: "TQ1_0"
        case .tq2_0: "TQ2_0"
        case .mxfp4: "MXFP4"
        }
    }
}
