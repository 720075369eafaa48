import Foundation
import Testing
@testable import JupyterProtocol

@Suite struct DateTests {
    @Test(arguments: [
        ("2024-05-01T12:34:56.123456Z", "2024-05-01T12:34:56.123456Z"),
        ("2024-05-01T12:34:56Z", "2024-05-01T12:34:56.000000Z"),
        ("2024-05-01T12:34:56.123Z", "2024-05-01T12:34:56.123000Z"),
        ("2024-05-01T14:34:56.5+02:00", "2024-05-01T12:34:56.500000Z"),
        ("2024-05-01T10:04:56-0230", "2024-05-01T12:34:56.000000Z"),
        ("2024-05-01T12:34:56.1234567", "2024-05-01T12:34:56.123456Z"),
    ])
    func normalisesLeniently(_ input: String, _ expected: String) {
        #expect(JupyterDate.normalized(input) == expected)
    }

    @Test func unparsableDatesAreKept() {
        #expect(JupyterDate.parse("yesterday") == nil)
        #expect(JupyterDate.normalized("yesterday") == "yesterday")
    }

    @Test func formatsNowWithMicroseconds() throws {
        let s = JupyterDate.string(Date(timeIntervalSince1970: 1_700_000_000.25))
        #expect(s == "2023-11-14T22:13:20.250000Z")
        #expect(try #require(JupyterDate.parse(s)).timeIntervalSince1970 == 1_700_000_000.25)
    }
}
