// CursesBackend: see docs/ARCHITECTURE.md for what this target holds.
