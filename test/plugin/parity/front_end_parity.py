"""A lit test format: one test per check test file, each replayed through
both front ends by compare_front_ends.py. The files are listed when lit
discovers tests, so a new check's tests are covered without being named."""

import os

import lit.formats
import lit.Test
import lit.util


class FrontEndParity(lit.formats.base.TestFormat):
    def __init__(self, home, checks_dir, command):
        self.home = home
        self.checks_dir = checks_dir
        self.command = command

    def getTestsInDirectory(self, testSuite, path_in_suite, litConfig, localConfig):
        # Subdirectories inherit this format; the tests belong to one place.
        if testSuite.getSourcePath(path_in_suite) != self.home:
            return
        for name in sorted(os.listdir(self.checks_dir)):
            if name.endswith(".cpp"):
                yield lit.Test.Test(testSuite, path_in_suite + (name,), localConfig,
                                    file_path=os.path.join(self.checks_dir, name))

    def execute(self, test, litConfig):
        try:
            out, err, code = lit.util.executeCommand(
                self.command + [test.getFilePath()], env=test.config.environment,
                timeout=litConfig.maxIndividualTestTime)
        except lit.util.ExecuteCommandTimeoutException as timeout:
            return lit.Test.TIMEOUT, timeout.out + timeout.err
        return (lit.Test.PASS if code == 0 else lit.Test.FAIL), out + err
