import EditorCore
import EditorUI
import Foundation
import TermCore

/// Starts the full-screen workspace: settings (problems become a status message, never fatal), the
/// terminal, the signal pipe, the files to open, then the event loop.
enum App {
    static func run(paths: [String], noRestore: Bool = false, workspace: String? = nil) throws -> Int32 {
        let settings = EditorSettings.load(locator: ResourceLocator.standard())
        let configuration = settings.configuration
        let terminal = try AppTerminals.make(mouse: configuration.mouse, extendedKeys: configuration.extendedKeys,
                                             images: configuration.imagesProtocol)
        let signals = try AppTerminals.signals()
        let app = WorkspaceApp(settings: settings, size: terminal.size, capabilities: terminal.capabilities)
        app.crashSnapshots = CrashSnapshots()
        AppTerminals.onCrash(CrashRecoverySnapshot.writeAllHandler)
        let directory = FileManager.default.currentDirectoryPath
        app.start(paths: paths, launch: .plan(directory: directory, paths: paths, noRestore: noRestore, name: workspace),
                  store: .fromEnvironment())
        let runner = AppRunner(terminal: terminal, signals: signals, app: app,
                               escapeTimeout: .milliseconds(configuration.escapeDelay))
        return try runner.run()
    }
}
