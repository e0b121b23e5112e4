# Writes OUTPUT, the entries of CheckPages.cpp's table: one
# {"<check>", R"md(<page>)md"}, for each page docs/checks/<check>.md under
# DOCS_DIR. The file is only rewritten when it changes, so that a build that
# changes no page recompiles nothing.
file(GLOB pages "${DOCS_DIR}/checks/*.md")
list(SORT pages)
set(entries "")
foreach(page IN LISTS pages)
  get_filename_component(check "${page}" NAME_WLE)
  file(READ "${page}" markdown)
  string(APPEND entries "{\"${check}\", R\"md(${markdown})md\"},\n")
endforeach()
set(old "")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
endif()
if(NOT old STREQUAL entries)
  file(WRITE "${OUTPUT}" "${entries}")
endif()
