/// Conversion between notebooks and Python scripts in jupytext's `py:percent` format.
public enum PercentScript {
    /// The script jupytext 1.19.6 writes for `jupytext --to py:percent`.
    public static func script(from notebook: Notebook) -> String {
        PercentScriptWriter.write(notebook)
    }

    /// The notebook jupytext 1.19.6 reads from a percent script (`jupytext --to ipynb`); cells get
    /// fresh 8-hex-digit ids.
    public static func notebook(from script: String) -> Notebook {
        PercentScriptReader.read(script)
    }
}
