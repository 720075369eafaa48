print("callisto-bench: no benchmarks yet")
