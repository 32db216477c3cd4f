# InstallScript.cmake — the installed copy of scripts/escape-cc or scripts/escape-ar, naming the
# LLVM the plugin was built for: the script's line "escape_llvm=19" (the source tree's, whose
# build/ is LLVM 19's) becomes "escape_llvm=N", so an installed build-22 runs clang-22 and
# llvm-ar-22.  Run at build time by cmake/Install.cmake, as
#   cmake -DIN=scripts/escape-cc -DOUT=build-22/install-scripts/escape-cc -DLLVM=22 \
#         -P cmake/InstallScript.cmake
# and checked by test/install/ (the installed escape-cc, run with no ESCAPE_CC_CLANG).
file(READ "${IN}" text)
string(REGEX MATCHALL "\nescape_llvm=[0-9]+\n" lines "${text}")
list(LENGTH lines n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "${IN}: expected one line escape_llvm=N, found ${n}")
endif()
string(REGEX REPLACE "\nescape_llvm=[0-9]+\n" "\nescape_llvm=${LLVM}\n" text "${text}")
file(WRITE "${OUT}" "${text}")
