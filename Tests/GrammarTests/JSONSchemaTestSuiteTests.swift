import Foundation
import Testing
import TestSupport
@testable import Grammar

/// The official JSON Schema Test Suite (draft 2020-12 and draft 7): for every test group whose
/// schema converts without unsupported keywords, each instance, written as canonical compact
/// JSON in its own member order (`JSONValue.compactText`), must be accepted iff it is valid.
///
/// Known, documented misses: members in another order than the schema's properties, `format`
/// (the suite treats it as an annotation, we enforce it), `oneOf` treated as `anyOf`, and
/// additional member names not checked against declared ones.
struct JSONSchemaTestSuiteTests {
    struct Tally {
        var groups = 0, convertedGroups = 0, tests = 0, passed = 0
    }

    static func run(draft: String) throws -> [String: Tally] {
        let directory = GoldenData.url("json-schema-test-suite/tests/\(draft)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        var tallies: [String: Tally] = [:]
        for file in files {
            let keyword = String(file.dropLast(5))
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            var tally = Tally()
            for group in try JSONValue(parsing: text, source: file).elements ?? [] {
                tally.groups += 1
                guard var schema = group["schema"] else { continue }
                if draft == "draft7", case .object(let members) = schema, !members.contains(where: { $0.key == "$schema" }) {
                    schema = .object([("$schema", .string("http://json-schema.org/draft-07/schema#"))] + members)
                }
                guard let grammar = try? Grammar(jsonSchema: schema.compactText, source: file) else { continue }
                tally.convertedGroups += 1
                let recognizer = Recognizer(grammar)
                for test in group["tests"]?.elements ?? [] {
                    guard let data = test["data"], case .bool(let valid)? = test["valid"] else { continue }
                    tally.tests += 1
                    if recognizer.matches(Array(data.compactText.utf8)) == valid { tally.passed += 1 }
                }
            }
            tallies[keyword] = tally
        }
        return tallies
    }

    static func table(_ tallies: [String: Tally], draft: String) -> String {
        var lines = ["JSON Schema Test Suite \(draft): keyword, groups converted/total, tests passed/run"]
        for (keyword, tally) in tallies.sorted(by: { $0.key < $1.key }) {
            let rate = tally.tests == 0 ? "-" : String(format: "%.0f%%", 100.0 * Double(tally.passed) / Double(tally.tests))
            lines.append("  \(keyword.padding(toLength: 24, withPad: " ", startingAt: 0)) \(tally.convertedGroups)/\(tally.groups)\t\(tally.passed)/\(tally.tests)\t\(rate)")
        }
        let total = tallies.values.reduce(Tally()) { Tally(groups: $0.groups + $1.groups, convertedGroups: $0.convertedGroups + $1.convertedGroups, tests: $0.tests + $1.tests, passed: $0.passed + $1.passed) }
        lines.append("  total: \(total.convertedGroups)/\(total.groups) groups converted, \(total.passed)/\(total.tests) tests passed")
        return lines.joined(separator: "\n")
    }

    /// Pass counts reached when this test was written; a drop is a regression. Lowered on
    /// purpose: `patternProperties` the grammar cannot enforce, and the suite's empty `enum`,
    /// are refused now (they converted before while accepting invalid instances, or matching
    /// nothing without a word); `format: date` checks the calendar's days, so the suite's
    /// annotation-only test of an impossible date (valid there) is now a miss. Raised when
    /// integers written `1.0` and property names in any escape spelling were accepted.
    static let floors: [String: (converted: Int, passed: Int)] = [
        "draft2020-12": (converted: 162, passed: 544),
        "draft7": (converted: 159, passed: 523),
    ]

    @Test(arguments: ["draft2020-12", "draft7"])
    func passRateByKeyword(_ draft: String) throws {
        let tallies = try Self.run(draft: draft)
        print(Self.table(tallies, draft: draft))
        let converted = tallies.values.map(\.convertedGroups).reduce(0, +)
        let passed = tallies.values.map(\.passed).reduce(0, +)
        let floor = try #require(Self.floors[draft])
        #expect(converted >= floor.converted, "\(draft): \(converted) groups converted, was \(floor.converted)")
        #expect(passed >= floor.passed, "\(draft): \(passed) tests passed, was \(floor.passed)")
    }
}
