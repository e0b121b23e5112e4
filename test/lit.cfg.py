# lit configuration for async-lint's suites: the checks, the driver, the
# clang-tidy plugin and the pre-commit hook.
import os
import lit.formats

config.name = "async-lint"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "runtime", "CMakeLists.txt", "lit.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.async_lint_binary_dir, "test")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
# Tests must not pick up a compilation database or .clang-tidy from the
# machine they run on.
config.environment["HOME"] = config.test_exec_root

inputs = os.path.join(config.test_source_root, "Inputs")
runtime_include = os.path.join(config.async_lint_source_dir, "lib", "asyncrt", "include")
# Mock headers: a tiny standard library and runtime, so most check tests are
# fast and independent of the host's headers.
mock_flags = "-std=c++20 -nostdinc++ -nostdlibinc -isystem %s" % os.path.join(inputs, "mock")
real_flags = "-std=c++20 -I%s" % runtime_include

config.substitutions.append(("%async-lint", config.async_lint))
config.substitutions.append(("%clang-tidy", config.clang_tidy))
config.substitutions.append(("%clangxx", config.clangxx))
config.substitutions.append(("%plugin", config.async_lint_plugin))
config.substitutions.append(("%mock-flags", mock_flags))
config.substitutions.append(("%real-flags", real_flags))
config.substitutions.append(("%runtime-include", runtime_include))
config.substitutions.append(("%inputs", inputs))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%srcroot", config.async_lint_source_dir))
# Boost's examples as Debian's libboost1.81-doc installs them (build.sh).
config.substitutions.append(("%boost-examples", "/usr/share/doc/libboost1.81-doc/examples/libs"))
