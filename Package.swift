// swift-tools-version:6.0
import PackageDescription

/// Callisto: JupyterLab for the terminal. Target layout and the rules that keep it: docs/ARCHITECTURE.md.
let package = Package(
    name: "Callisto",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "callisto", targets: ["callisto"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
    ],
    targets: [
        // System libraries: module maps and shim headers only. One adapter target imports each.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CZMQ", path: "Sources/CZMQ", providers: [.apt(["libzmq3-dev"])]),
        .systemLibrary(name: "CVTerm", path: "Sources/CVTerm", providers: [.apt(["libvterm-dev"])]),
        .systemLibrary(name: "CChafa", path: "Sources/CChafa", pkgConfig: "chafa",
                       providers: [.apt(["libchafa-dev", "libglib2.0-dev"])]),
        .systemLibrary(name: "CSpng", path: "Sources/CSpng", providers: [.apt(["libspng-dev"])]),
        .systemLibrary(name: "COpenSSLCrypto", path: "Sources/COpenSSLCrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CPosixSpawn", path: "Sources/CPosixSpawn"),
        // JPEG decoding in C: libjpeg's errors longjmp, which must not cross Swift frames.
        .target(name: "CJpeg", path: "Sources/CJpeg", linkerSettings: [.linkedLibrary("jpeg")]),

        // Pure cores: values and state machines, Foundation at most (plus an HMAC provider).
        .target(name: "JSONCore"),
        .target(name: "NotebookFormat", dependencies: ["JSONCore"]),
        .target(name: "JupyterProtocol", dependencies: ["JSONCore", "COpenSSLCrypto"]),
        .target(name: "TermCore"),

        // Adapters and shells.
        .target(name: "JupyterClient", dependencies: ["JupyterProtocol", "NotebookFormat", "CZMQ", "CPosixSpawn"]),
        .target(name: "CursesBackend", dependencies: ["TermCore", "CNcursesw"]),
        .target(name: "Rendering", dependencies: ["TermCore", "CCmarkGFM", "CChafa", "CSpng", "CJpeg"]),
        .target(name: "TerminalEmulator", dependencies: ["TermCore", "CVTerm"]),
        .target(name: "EditorCore", dependencies: [
            "TermCore", "NotebookFormat", "JupyterClient", "JupyterProtocol",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ], plugins: ["EmbedResources"]),
        // Build-time embedding of Keymaps/*.toml and Themes/*.toml into EditorCore.
        .executableTarget(name: "callisto-embed", path: "Sources/callisto-embed"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["callisto-embed"],
                path: "Sources/EmbedResourcesPlugin"),
        .target(name: "EditorUI", dependencies: ["EditorCore", "TermCore", "Rendering", "NotebookFormat", "TerminalEmulator",
                                                 "JupyterClient", "JupyterProtocol"]),
        .executableTarget(name: "callisto", dependencies: [
            "NotebookFormat", "JupyterProtocol", "JupyterClient", "TermCore", "CursesBackend",
            "Rendering", "TerminalEmulator", "EditorCore", "EditorUI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Benchmarks (make bench).
        .executableTarget(name: "callisto-bench", dependencies: [
            "NotebookFormat",
            "JupyterProtocol",
            "JupyterClient",
            "Rendering",
            "EditorCore",
            "EditorUI",
            "TermCore",
            "TerminalEmulator",
            "EditorUI",
        ],
                          path: "Benchmarks/CallistoBench"),

        // Test helpers and tests.
        .target(name: "TestSupport", dependencies: ["TermCore", "NotebookFormat"]),
        .testTarget(name: "NotebookFormatTests", dependencies: ["NotebookFormat", "TestSupport"], exclude: ["Python"]),
        .testTarget(name: "JupyterProtocolTests", dependencies: ["JupyterProtocol", "TestSupport"]),
        .testTarget(name: "JupyterClientTests", dependencies: ["JupyterClient", "JupyterProtocol", "CZMQ", "TestSupport"]),
        .testTarget(name: "TermCoreTests", dependencies: ["TermCore", "TestSupport"], exclude: ["__Snapshots__"]),
        .testTarget(name: "CursesBackendTests", dependencies: ["CursesBackend", "TermCore", "TestSupport"]),
        .executableTarget(name: "callisto-termtest", dependencies: ["TermCore", "CursesBackend"], path: "Tests/CallistoTermTest"),
        .testTarget(name: "EditorCoreTests", dependencies: ["EditorCore", "TestSupport"]),
        .testTarget(name: "EditorUITests", dependencies: ["EditorUI", "EditorCore", "TermCore", "TerminalEmulator", "TestSupport",
                                                         "JupyterClient", "JupyterProtocol", "NotebookFormat"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "TestSupport"]),
        .testTarget(name: "TerminalEmulatorTests", dependencies: ["TerminalEmulator", "TermCore", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["callisto", "TestSupport", "NotebookFormat", "TerminalEmulator", "TermCore"]),
    ]
)
