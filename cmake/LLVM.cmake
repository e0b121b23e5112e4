# Finds Debian's LLVM/Clang 22 and exposes them through one INTERFACE target,
# `async_lint_llvm`, that only the analyzer's targets link. LLVM's own
# HandleLLVMOptions is deliberately not included: it would add -fno-exceptions
# to every target of the project, the runtime's included.
set(ASYNC_LINT_LLVM_ROOT /usr/lib/llvm-22 CACHE PATH "Root of the LLVM 22 installation")
find_package(LLVM CONFIG REQUIRED PATHS ${ASYNC_LINT_LLVM_ROOT}/lib/cmake/llvm NO_DEFAULT_PATH)
find_package(Clang CONFIG REQUIRED PATHS ${ASYNC_LINT_LLVM_ROOT}/lib/cmake/clang NO_DEFAULT_PATH)
if(NOT LLVM_VERSION_MAJOR EQUAL 22)
  message(FATAL_ERROR "async-lint needs LLVM 22, found ${LLVM_PACKAGE_VERSION} in ${LLVM_DIR}")
endif()
message(STATUS "Using LLVM ${LLVM_PACKAGE_VERSION} from ${LLVM_DIR}")

list(APPEND CMAKE_MODULE_PATH ${LLVM_CMAKE_DIR})

add_library(async_lint_llvm INTERFACE)
target_include_directories(async_lint_llvm SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
separate_arguments(ASYNC_LINT_LLVM_DEFINITIONS NATIVE_COMMAND "${LLVM_DEFINITIONS}")
target_compile_options(async_lint_llvm INTERFACE ${ASYNC_LINT_LLVM_DEFINITIONS} -fno-exceptions -Wall -Wextra -Wno-unused-parameter -Wno-nonnull)
if(NOT LLVM_ENABLE_RTTI)
  target_compile_options(async_lint_llvm INTERFACE -fno-rtti)
endif()

# The clang resource directory (stddef.h and friends): a tool outside LLVM's
# tree cannot find it relative to its own binary.
set(ASYNC_LINT_CLANG_RESOURCE_DIR "${LLVM_LIBRARY_DIR}/clang/${LLVM_VERSION_MAJOR}")

# The tests' Python helpers use the Debian packages build.sh installs
# (python3-jsonschema, python3-psutil for lit's timeouts): prefer the system
# interpreter, which lit itself runs on, to one earlier on PATH.
if(EXISTS /usr/bin/python3 AND NOT Python3_EXECUTABLE)
  set(Python3_EXECUTABLE /usr/bin/python3 CACHE FILEPATH "Python for the test helpers")
endif()
find_package(Python3 REQUIRED COMPONENTS Interpreter)
find_program(LLVM_EXTERNAL_LIT NAMES llvm-lit lit PATHS ${LLVM_TOOLS_BINARY_DIR} NO_DEFAULT_PATH REQUIRED)
find_program(ASYNC_LINT_FILECHECK FileCheck PATHS ${LLVM_TOOLS_BINARY_DIR} NO_DEFAULT_PATH REQUIRED)
find_program(ASYNC_LINT_CLANG_TIDY clang-tidy PATHS ${LLVM_TOOLS_BINARY_DIR} NO_DEFAULT_PATH REQUIRED)
find_program(ASYNC_LINT_CLANGXX clang++ PATHS ${LLVM_TOOLS_BINARY_DIR} NO_DEFAULT_PATH REQUIRED)
