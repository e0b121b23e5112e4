# The Debian package: `cpack -G DEB` in the build directory (or
# `cpack --config <build>/CPackConfig.cmake`) makes
# packages/async-lint_<version>_<arch>.deb from the install rules
# (cmake/Install.cmake) with the prefix /usr. Its Depends are computed by
# dpkg-shlibdeps from what async-lint and the plugin link (libllvm22,
# libclang-cpp22, libstdc++6, ...), plus clang's builtin headers
# (stddef.h, the intrinsics), which every parse needs and which Debian
# ships only in libclang-common-22-dev.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME async-lint)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "C++20 coroutine linter (clang-tidy checks) and the asyncrt runtime")
set(CPACK_PACKAGE_DESCRIPTION
  "async-lint finds the async mistakes of C++20 coroutine code: lazy tasks never awaited, blocking calls, locks held across co_await, heavy loops in coroutines. Also the same checks as a clang-tidy-22 plugin, a pre-commit hook wrapper, and asyncrt, a tokio-like coroutine runtime (headers, static library, CMake package and pkg-config file).")
set(CPACK_PACKAGE_CONTACT "async-lint developers <${ASYNC_LINT_HOMEPAGE_URL}>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${ASYNC_LINT_HOMEPAGE_URL})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libclang-common-22-dev (>= 1:22)")
# The plugin loads into clang-tidy-22; linting real code needs the host's
# standard library headers; the hook wrapper serves pre-commit.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "clang-tidy-22, libstdc++-12-dev | libstdc++-dev")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "pre-commit, pkg-config, cmake")
include(CPack)
