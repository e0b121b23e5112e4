# The runtime's test matrix: every GoogleTest file of test/runtime compiled
# into one executable per variant, against a copy of the runtime's sources
# compiled with the same flags, so that the runtime's own code is
# instrumented too. test/runtime/CMakeLists.txt builds the g++ variants in
# the main build; test/runtime/clang/ is a small project of its own that
# builds the clang++ variants (CMake allows one C++ compiler per build).

set(ASYNCRT_TEST_REPO ${CMAKE_CURRENT_LIST_DIR}/..)

set(ASYNCRT_TEST_SOURCES
  blocking_test.cpp
  cancel_safety_test.cpp
  cancellation_test.cpp
  frame_allocator_test.cpp
  fs_test.cpp
  join_test.cpp
  mpsc_test.cpp
  mutex_test.cpp
  notify_test.cpp
  oneshot_test.cpp
  runtime_test.cpp
  scheduler_test.cpp
  select_test.cpp
  semaphore_test.cpp
  spawn_test.cpp
  stress_test.cpp
  task_test.cpp
  time_test.cpp
)
list(TRANSFORM ASYNCRT_TEST_SOURCES PREPEND ${ASYNCRT_TEST_REPO}/test/runtime/)

find_package(GTest REQUIRED)
find_package(Threads REQUIRED)
include(GoogleTest)
include(CheckCXXSourceCompiles)
include(CheckCXXCompilerFlag)

# g++ warns that TSan does not model atomic_thread_fence; the runtime's
# fences only order a lost-wake-up handshake, never data, so the warning is
# silenced rather than the fences removed.
check_cxx_compiler_flag(-Wno-tsan ASYNCRT_HAVE_WNO_TSAN)

# asyncrt_add_test_executable(<target> <test prefix> <timeout> <environment>)
# The test executable of a variant, its tests discovered one by one.
function(asyncrt_add_test_executable target prefix timeout environment)
  add_executable(${target} ${ASYNCRT_TEST_SOURCES})
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  target_link_libraries(${target} PRIVATE GTest::gtest GTest::gtest_main)
  set(properties TIMEOUT ${timeout} LABELS asyncrt)
  if(environment)
    list(APPEND properties ENVIRONMENT "${environment}")
  endif()
  gtest_discover_tests(${target}
    TEST_PREFIX "${prefix}"
    DISCOVERY_TIMEOUT 120
    PROPERTIES ${properties})
endfunction()

# asyncrt_test_variant(<name> <environment> [<flags>...])
# A copy of the runtime built with <flags> (a sanitizer, or none) and the
# test executable asyncrt_tests_<name> against it; its tests are named
# asyncrt.<name>.<suite>.<test>. Skipped with a warning where the compiler
# cannot link the flags.
function(asyncrt_test_variant name environment)
  set(flags ${ARGN})
  string(REPLACE ";" " " CMAKE_REQUIRED_FLAGS "${flags}")
  set(CMAKE_REQUIRED_LINK_OPTIONS ${flags})
  check_cxx_source_compiles("int main() { return 0; }" ASYNCRT_CAN_BUILD_${name})
  if(NOT ASYNCRT_CAN_BUILD_${name})
    message(WARNING "asyncrt: ${CMAKE_CXX_COMPILER} cannot link with ${flags}; the ${name} runtime tests are "
                    "skipped (on Debian: apt-get install libtsan2 libasan8 libubsan1 libclang-rt-22-dev)")
    return()
  endif()
  set(compile_flags ${flags})
  if(flags)
    # A sanitized build is optimised as the sanitizers' documentation
    # advises (-O1), with line tables only: half the compile time of -O2 -g.
    list(APPEND compile_flags -O1 -g1)
  endif()
  if(flags MATCHES "-fsanitize=thread" AND ASYNCRT_HAVE_WNO_TSAN)
    list(APPEND compile_flags -Wno-tsan)
  endif()
  file(GLOB runtime_sources CONFIGURE_DEPENDS ${ASYNCRT_TEST_REPO}/lib/asyncrt/src/*.cpp)
  add_library(asyncrt_${name} STATIC ${runtime_sources})
  target_include_directories(asyncrt_${name} PUBLIC ${ASYNCRT_TEST_REPO}/lib/asyncrt/include)
  target_compile_features(asyncrt_${name} PUBLIC cxx_std_20)
  target_compile_options(asyncrt_${name} PRIVATE -Wall -Wextra)
  target_compile_options(asyncrt_${name} PUBLIC ${compile_flags})
  target_link_options(asyncrt_${name} PUBLIC ${flags})
  target_link_libraries(asyncrt_${name} PUBLIC Threads::Threads)
  asyncrt_add_test_executable(asyncrt_tests_${name} "asyncrt.${name}." 600 "${environment}")
  target_link_libraries(asyncrt_tests_${name} PRIVATE asyncrt_${name})
endfunction()

# ThreadSanitizer (g++: libtsan2; clang++: libclang-rt-22-dev).
set(ASYNCRT_TSAN_ENVIRONMENT "TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1")
set(ASYNCRT_TSAN_FLAGS -fsanitize=thread)
# AddressSanitizer with UBSan (g++: libasan8, libubsan1).
set(ASYNCRT_ASAN_ENVIRONMENT "ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1")
set(ASYNCRT_ASAN_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
