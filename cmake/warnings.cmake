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
  endif()
endfunction()
