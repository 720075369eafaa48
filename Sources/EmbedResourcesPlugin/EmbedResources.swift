import Foundation
import PackagePlugin

/// Build tool plugin: turns `Keymaps/*.toml` and `Themes/*.toml` into a generated Swift source of the
/// target, so the shipped files travel inside the binary. The TOML files stay the source of truth.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        for folder in ["Keymaps", "Themes"] {
            let dir = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".toml") {
                inputs.append(dir.appendingPathComponent(name))
            }
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedResources.swift")
        return [.buildCommand(
            displayName: "Embedding \(inputs.count) keymap and theme files",
            executable: try context.tool(named: "callisto-embed").url,
            arguments: [output.path] + inputs.map(\.path),
            inputFiles: inputs,
            outputFiles: [output]
        )]
    }
}
