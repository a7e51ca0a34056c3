# Writes a C++ source that returns a text file's contents from a function.
# cmake -DINPUT=file -DOUTPUT=file.cpp -DFUNCTION=name -P embed.cmake
# The text is split into raw-string chunks so that no single literal grows too long.
file(READ "${INPUT}" text)
string(LENGTH "${text}" length)
set(chunks "")
set(offset 0)
set(step 8000)
while(offset LESS length)
  string(SUBSTRING "${text}" ${offset} ${step} piece)
  string(APPEND chunks "    R\"grassroots_embed(${piece})grassroots_embed\"\n")
  math(EXPR offset "${offset} + ${step}")
endwhile()
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by cmake/embed.cmake; do not edit.\n"
"#include <string_view>\n\n"
"namespace grassroots::detail {\n\n"
"std::string_view ${FUNCTION}() noexcept {\n"
"    static constexpr char text[] =\n${chunks};\n"
"    return {text, sizeof text - 1};\n"
"}\n\n"
"}  // namespace grassroots::detail\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
