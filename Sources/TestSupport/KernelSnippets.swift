/// Python code that puts an IPython kernel into states tests need.
public enum KernelSnippets {
    /// Installs an input transformer that, for a cell starting with `# slow-transform`, prints
    /// `transforming` and sleeps 60 s: the kernel is then preparing the cell, before the guard that
    /// turns KeyboardInterrupt into an error reply (an interrupt there loses the reply).
    public static let slowTransform = """
        import time
        def _slow_transform(lines):
            if lines and lines[0].startswith('# slow-transform'):
                print('transforming', flush=True)
                time.sleep(60)
            return lines
        get_ipython().input_transformers_cleanup.append(_slow_transform)
        """
}
