import EditorCore
import EditorUI
import TermCore

extension Pilot {
    /// A pilot showing fixture files in read-only viewers (the view binary and other files not
    /// edited as text get), the first one focused: for tests of the workspace rather than of editing.
    static func viewing(_ names: String..., width: Int = 80, height: Int = 24, config: String = Pilot.standardConfig,
                        colorDepth: ColorDepth = .trueColor) -> Pilot {
        let pilot = Pilot(width: width, height: height, paths: nil, config: config, colorDepth: colorDepth)
        let tabs = names.map { pilot.app.open(TextViewer(ReadOnlyText.load(path: Fixtures.path($0)))) }
        if let first = tabs.first { pilot.app.workspace.activate(first) }
        pilot.settle()
        return pilot
    }
}
