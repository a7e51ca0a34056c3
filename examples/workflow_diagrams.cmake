# The state diagrams of the built-in loops in docs/workflow/, kept in step with the code.
#
#   MODE=check   (the docs.workflow_diagrams test) regenerates the .dot files into OUTPUT and fails
#                when one differs from, or is missing in, DOCS, when DOCS holds a .dot no loop makes,
#                or when a .dot has no .svg next to it.
#   MODE=update  (the workflow_diagrams target) writes the .dot files into DOCS and renders each one
#                to SVG with DOT (graphviz).
#
# Variables: MODE, PROGRAM (grassroots_workflow_diagrams), DOCS (docs/workflow), OUTPUT, DOT.
cmake_minimum_required(VERSION 3.25)

if(MODE STREQUAL "update")
  execute_process(COMMAND "${PROGRAM}" "${DOCS}" RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "${PROGRAM} failed")
  endif()
  file(GLOB diagrams "${DOCS}/*.dot")
  foreach(diagram IN LISTS diagrams)
    get_filename_component(name "${diagram}" NAME_WE)
    execute_process(COMMAND "${DOT}" -Tsvg "${diagram}" -o "${DOCS}/${name}.svg" RESULT_VARIABLE failed)
    if(failed)
      message(FATAL_ERROR "dot could not render ${diagram}")
    endif()
  endforeach()
  return()
endif()

file(REMOVE_RECURSE "${OUTPUT}")
execute_process(COMMAND "${PROGRAM}" "${OUTPUT}" RESULT_VARIABLE failed OUTPUT_QUIET)
if(failed)
  message(FATAL_ERROR "${PROGRAM} failed")
endif()
file(GLOB generated RELATIVE "${OUTPUT}" "${OUTPUT}/*.dot")
file(GLOB committed RELATIVE "${DOCS}" "${DOCS}/*.dot")
set(problems "")
foreach(name IN LISTS generated)
  if(NOT EXISTS "${DOCS}/${name}")
    string(APPEND problems "\n  ${name}: missing in docs/workflow/")
    continue()
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${OUTPUT}/${name}" "${DOCS}/${name}" RESULT_VARIABLE differs)
  if(differs)
    string(APPEND problems "\n  ${name}: differs from the definition (compare ${OUTPUT}/${name})")
  endif()
  string(REGEX REPLACE "\\.dot$" ".svg" svg "${name}")
  if(NOT EXISTS "${DOCS}/${svg}")
    string(APPEND problems "\n  ${svg}: missing in docs/workflow/")
  endif()
endforeach()
foreach(name IN LISTS committed)
  if(NOT name IN_LIST generated)
    string(APPEND problems "\n  ${name}: in docs/workflow/ but no built-in loop has that id")
  endif()
endforeach()
if(problems)
  message(FATAL_ERROR "the workflow diagrams in docs/workflow/ are stale:${problems}\n"
                      "regenerate them with: cmake --build <build folder> --target workflow_diagrams")
endif()
list(LENGTH generated count)
message(STATUS "${count} workflow diagrams in docs/workflow/ match the built-in definitions")
