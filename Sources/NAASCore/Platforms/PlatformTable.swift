/// The platform table: every platform the service drives, one entry each.
/// The entries live beside this file, grouped by vendor.
extension Platform {
    public static let all: [Platform] = [
        ciscoIOS, ciscoNXOS, ciscoXR, ciscoASA, aristaEOS, juniperJunos,
        hpProCurve, hpComware, huawei, dellForce10, dellOS10, dellPowerConnect,
        paloAltoPANOS, fortinet, mikroTikRouterOS, vyos, ubiquitiEdgeSwitch,
        extremeEXOS, ruckusFastIron, linux,
    ]

    /// What autodetect speaks before it knows the platform: any line ending
    /// in a usual prompt terminator, no paging-off, no privilege change.
    public static let generic = Platform(
        name: "generic",
        // The base is the leading name (`x1` of `* x1.12 #`): prompts that count commands still match.
        prompt: PromptStyle(pattern: #"^.{1,200}[>#$%\]]\s?$"#, base: #"^\W*([\w\-@:/]+)"#),
        pagers: Reply.commonPagers
    )
}

extension Platform.Reply {
    /// A pager line answered with a space, which shows the next page.
    public static func pager(_ pattern: String) -> Platform.Reply {
        Platform.Reply(pattern, .keys(" "))
    }

    /// `--More--`, `---(more 42%)---`, `---- More ----`, `<--- More --->`.
    public static let morePager = pager(#"(?i)-{2,}\s*\(?\s*more\b[^-\n]{0,12}\)?\s*-{2,}>?\s*$"#)

    /// Every pager of the table, for sessions that do not know their platform yet.
    public static let commonPagers: [Platform.Reply] = [
        morePager,
        pager(#"(?i)--\s*more\s*--,? next page"#),
        pager(#"(?i)press any key to continue \(q to quit\)"#),
        pager(#"(?i)press <space> to continue or <q> to quit"#),
        pager(#"^lines \d+-\d+"#),
        pager(#"-- \[Q quit\|D dump\|down\]"#),
    ]
}
