"""hostile.py KIND DEPTH: prints a hostile C++ input of the given depth, made
at test time so that no large file is kept in the tree (issue 10).

  for          DEPTH nested `for (;;)` statements in a coroutine
  lambda       DEPTH nested lambdas, each called where it is made
  template     a type of DEPTH nested template arguments
  coroutine    DEPTH nested coroutine lambdas, each awaited, the innermost
               dropping a task at line 17
"""
import sys

PRELUDE = """#include <coroutine>
struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(int) {}
    void unhandled_exception() {}
  };
  bool await_ready() { return true; }
  void await_suspend(std::coroutine_handle<>) {}
  int await_resume() { return 0; }
};
task make();
"""

kind, depth = sys.argv[1], int(sys.argv[2])
if kind == "for":
    print(PRELUDE + "task f() {\n" + "for (;;)\n" * depth + "  ;\n  co_return 0;\n}")
elif kind == "lambda":
    print("int f() { return " + "[] { return " * depth + "0" + "; }()" * depth + "; }")
elif kind == "template":
    print("template <class T> struct W {};\nusing T = " + "W<" * depth + "int" +
          ">" * depth + ";\nT t;")
elif kind == "coroutine":
    print(PRELUDE + "task f() {\n  co_return " +
          "co_await [&]() -> task { co_return " * (depth - 1) +
          "co_await [&]() -> task {\n  make();\n  co_return 0; }()" +
          "; }()" * (depth - 1) + ";\n}")
else:
    sys.exit("unknown kind " + kind)
