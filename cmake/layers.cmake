# The library's areas as CMake targets, from the rule in cmake/layers.json (the same file the
# layering test tests/layers/check_layers.py and the diagram docs/architecture/layers.svg read).
#
# grassroots_add_areas() makes one OBJECT library grassroots_<area> per area:
#   - sources: src/<area>/*.cpp (globbed: a new file is picked up when the build next runs),
#   - public headers: include/grassroots/<area>/**.hpp (and the top-level headers the rule assigns to
#     the area) as a FILE_SET HEADERS with VERIFY_INTERFACE_HEADER_SETS, so that each one is compiled
#     on its own by the target all_verify_interface_header_sets,
#   - PUBLIC links to the areas it sits on, so an area sees the headers below it and no others.
# It sets GRASSROOTS_AREAS and GRASSROOTS_UMBRELLA_HEADERS (the top-level headers above every area)
# in the caller's scope. The umbrella grassroots::grassroots (CMakeLists.txt)
# carries every area's objects.

set(GRASSROOTS_LAYERS_FILE "${CMAKE_CURRENT_LIST_DIR}/layers.json")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${GRASSROOTS_LAYERS_FILE}")

# _grassroots_json_keys(json out path...): the member names of the object at path.
function(_grassroots_json_keys json out)
  string(JSON count LENGTH "${json}" ${ARGN})
  set(keys "")
  if(count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
      string(JSON key MEMBER "${json}" ${ARGN} ${i})
      list(APPEND keys "${key}")
    endforeach()
  endif()
  set(${out} "${keys}" PARENT_SCOPE)
endfunction()

function(grassroots_add_areas)
  file(READ "${GRASSROOTS_LAYERS_FILE}" json)
  _grassroots_json_keys("${json}" areas areas)
  set(source_dir "${PROJECT_SOURCE_DIR}")

  # Every folder of src/ and include/grassroots/ must be an area, or its files would be left out.
  file(GLOB folders LIST_DIRECTORIES true RELATIVE "${source_dir}"
       "${source_dir}/src/*" "${source_dir}/include/grassroots/*")
  foreach(folder IN LISTS folders)
    get_filename_component(name "${folder}" NAME)
    if(IS_DIRECTORY "${source_dir}/${folder}" AND NOT name IN_LIST areas)
      message(FATAL_ERROR "${folder}/ is not an area of cmake/layers.json: add it there "
                          "(with the areas it sits on) or move its files into an area")
    endif()
  endforeach()

  # Top-level headers (include/grassroots/<name>.hpp) that the rule gives to an area.
  _grassroots_json_keys("${json}" top_level top_level_headers)
  foreach(name IN LISTS top_level)
    string(JSON area GET "${json}" top_level_headers "${name}")
    list(APPEND _top_${area} "${source_dir}/include/grassroots/${name}")
  endforeach()

  foreach(area IN LISTS areas)
    set(target grassroots_${area})
    file(GLOB sources CONFIGURE_DEPENDS "${source_dir}/src/${area}/*.cpp")
    file(GLOB_RECURSE headers CONFIGURE_DEPENDS "${source_dir}/include/grassroots/${area}/*.hpp")
    if(NOT sources)
      message(FATAL_ERROR "area ${area} has no src/${area}/*.cpp")
    endif()
    add_library(${target} OBJECT ${sources})
    target_sources(${target} PUBLIC FILE_SET HEADERS BASE_DIRS "${source_dir}/include"
                   FILES ${headers} ${_top_${area}})
    set_target_properties(${target} PROPERTIES
      POSITION_INDEPENDENT_CODE ON
      VERIFY_INTERFACE_HEADER_SETS ON)
    target_compile_features(${target} PUBLIC cxx_std_20)
    target_include_directories(${target} PRIVATE "${source_dir}/src")

    string(JSON count LENGTH "${json}" areas ${area} sits_on)
    set(lower "")
    if(count GREATER 0)
      math(EXPR last "${count} - 1")
      foreach(i RANGE ${last})
        string(JSON other GET "${json}" areas ${area} sits_on ${i})
        if(NOT other IN_LIST areas)
          message(FATAL_ERROR "cmake/layers.json: ${area} sits on ${other}, which is not an area")
        endif()
        list(APPEND lower grassroots_${other})
      endforeach()
    else()
      set(lower Boost::headers)  # the bottom layer brings the header-only Boost libraries
    endif()
    target_link_libraries(${target} PUBLIC ${lower} PRIVATE ZLIB::ZLIB nlohmann_json::nlohmann_json simdjson::simdjson)
    grassroots_set_warnings(${target})
    # Boost 1.74's own Geometry/Math headers include a deprecated Boost header and print a note.
    target_compile_definitions(${target} PRIVATE BOOST_ALLOW_DEPRECATED_HEADERS)
  endforeach()
  set(GRASSROOTS_AREAS "${areas}" PARENT_SCOPE)
  set(GRASSROOTS_UMBRELLA_HEADERS "${_top_umbrella}" PARENT_SCOPE)
endfunction()
