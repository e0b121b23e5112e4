# The consumer project's own lit suite: its coroutine code pinned to
# async-lint's findings. async-lint, FileCheck and not come from PATH.
import os
import lit.formats

config.name = "consumer"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp"]
config.test_source_root = os.path.dirname(__file__)
config.environment["PATH"] = os.environ["PATH"]
