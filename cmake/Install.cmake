# What `cmake --install` and the Debian package (cmake/Package.cmake) put
# where, relative to the prefix, so that an install can be moved whole:
#
#   bin/async-lint, bin/async-lint-hook      the tool and the pre-commit hook's wrapper
#   lib/AsyncLintPlugin.so                   the clang-tidy plugin
#   include/asyncrt/, lib/libasyncrt.a       the runtime
#   lib/cmake/asyncrt/                       find_package(asyncrt 0.2 CONFIG) -> asyncrt::asyncrt
#   lib/pkgconfig/asyncrt.pc                 pkg-config asyncrt
#   share/doc/async-lint/, share/man/man1/   README.md and docs/, async-lint(1)
#
# async-lint finds include/ relative to itself (tools/async-lint/Paths.cpp),
# and asyncrt.pc and the CMake package find the prefix relative to
# themselves: nothing names the prefix the build was configured with.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# The runtime.
install(TARGETS asyncrt EXPORT asyncrtTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime)
install(DIRECTORY lib/asyncrt/include/asyncrt
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT runtime)

set(ASYNCRT_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/asyncrt)
install(EXPORT asyncrtTargets NAMESPACE asyncrt::
  DESTINATION ${ASYNCRT_CMAKE_DIR} COMPONENT runtime)
configure_package_config_file(cmake/asyncrtConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/asyncrtConfig.cmake
  INSTALL_DESTINATION ${ASYNCRT_CMAKE_DIR})
# 0.x: a minor version may break the API, so 0.2 accepts 0.2.y only.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cmake/asyncrtConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cmake/asyncrtConfig.cmake
  ${PROJECT_BINARY_DIR}/cmake/asyncrtConfigVersion.cmake
  DESTINATION ${ASYNCRT_CMAKE_DIR} COMPONENT runtime)

# pkg-config: the prefix is found from the .pc file's own directory.
file(RELATIVE_PATH ASYNCRT_PC_TO_PREFIX
  /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
string(REGEX REPLACE "/$" "" ASYNCRT_PC_TO_PREFIX "${ASYNCRT_PC_TO_PREFIX}")
configure_file(cmake/asyncrt.pc.in ${PROJECT_BINARY_DIR}/cmake/asyncrt.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/cmake/asyncrt.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT runtime)

# The tool.
if(ASYNC_LINT_BUILD_ANALYZER)
  install(TARGETS async-lint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tool)
  install(TARGETS async-lint-plugin LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT tool)
  install(PROGRAMS tools/pre-commit/async-lint-hook
    DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tool)
  install(FILES docs/man/async-lint.1
    DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT tool)
  install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT tool)
  install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs COMPONENT tool
    PATTERN CMakeLists.txt EXCLUDE PATTERN man EXCLUDE)
endif()
