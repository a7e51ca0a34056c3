# grassroots_set_warnings(target): the project's warning flags, -Werror when GRASSROOTS_WERROR is
# on, and the sanitizers when GRASSROOTS_SANITIZE is on. Applied to our own targets only.
function(grassroots_set_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                             -Wno-sign-conversion -Wnon-virtual-dtor)
    if(GRASSROOTS_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(GRASSROOTS_SANITIZE)
      target_compile_options(${target} PUBLIC -fsanitize=address,undefined -fno-omit-frame-pointer
                                              -fno-sanitize-recover=all)
      target_link_options(${target} PUBLIC -fsanitize=address,undefined)
    endif()
    if(GRASSROOTS_SANITIZE_THREAD)
      target_compile_options(${target} PUBLIC -fsanitize=thread -fno-omit-frame-pointer)
      target_link_options(${target} PUBLIC -fsanitize=thread)
    endif()
    if(GRASSROOTS_BUILD_FUZZERS)
      # Coverage feedback for libFuzzer; the fuzz targets link -fsanitize=fuzzer (its main()).
      target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
    endif()
  endif()
endfunction()
