# Install.cmake — what `cmake --install build --prefix P` puts in P, the CMake
# package find_package(LLVMEscape) reads, and the .deb CPack makes of it:
#   P/bin/escape-cc, escape-c++, escape-profile, escape-build (when the tree has
#         it), escape-ar, escape-ranlib, escape-nm (and escape-llvm-*, for CMake)
#   P/lib/llvm-escape/LLVMEscape.so, libescape-profile.a, libescape-sidestack.a
#   P/lib/cmake/LLVMEscape/LLVMEscapeConfig.cmake (+ ...ConfigVersion.cmake)
# An installed escape-cc finds P/lib/llvm-escape/LLVMEscape.so from its own
# place (scripts/escape-cc, find_plugin).  Exercised by test/install/.
#   cmake --install build --prefix /opt/llvm-escape
#   (cd build && cpack -G DEB)      # llvm-escape_VERSION_ARCH.deb
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(ESCAPE_VERSION 0.20.0 CACHE STRING "llvm-escape's version (the package's)")
set(ESCAPE_INSTALL_LIBDIR lib/llvm-escape) # the plugin and the runtime
set(ESCAPE_INSTALL_CMAKEDIR lib/cmake/LLVMEscape)

install(TARGETS LLVMEscape LIBRARY DESTINATION ${ESCAPE_INSTALL_LIBDIR})
install(TARGETS escape-profile escape-sidestack ARCHIVE DESTINATION ${ESCAPE_INSTALL_LIBDIR})

# The scripts, symlinks kept (escape-c++ -> escape-cc, escape-nm -> escape-ar...).
set(ESCAPE_INSTALL_SCRIPTS escape-cc escape-c++ escape-profile
    escape-ar escape-ranlib escape-nm escape-llvm-ar escape-llvm-ranlib escape-llvm-nm)
set(ESCAPE_HAS_BUILD FALSE)
if(EXISTS ${CMAKE_SOURCE_DIR}/scripts/escape-build)
  if(IS_DIRECTORY ${CMAKE_SOURCE_DIR}/scripts/escape_build)
    set(ESCAPE_HAS_BUILD TRUE)
  else()
    list(APPEND ESCAPE_INSTALL_SCRIPTS escape-build)
  endif()
endif()
# escape-cc and escape-ar run LLVM 19's clang and llvm-ar in the source tree (for build/);
# their installed copies run the plugin's LLVM's (clang-22 for a build-22 install), written
# into <build>/install-scripts/ by cmake/InstallScript.cmake.  Their symlinks (escape-c++,
# escape-nm...) are installed as they are, and so point at them.
set(ESCAPE_PINNED_SCRIPTS escape-cc escape-ar)
set(pinned "")
foreach(s IN LISTS ESCAPE_PINNED_SCRIPTS)
  set(out ${CMAKE_BINARY_DIR}/install-scripts/${s})
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DIN=${CMAKE_SOURCE_DIR}/scripts/${s} -DOUT=${out}
      -DLLVM=${LLVM_VERSION_MAJOR} -P ${CMAKE_SOURCE_DIR}/cmake/InstallScript.cmake
    DEPENDS ${CMAKE_SOURCE_DIR}/scripts/${s} ${CMAKE_SOURCE_DIR}/cmake/InstallScript.cmake
    COMMENT "scripts/${s} for LLVM ${LLVM_VERSION_MAJOR}, to install")
  list(APPEND pinned ${out})
endforeach()
add_custom_target(escape-install-scripts ALL DEPENDS ${pinned})
foreach(s IN LISTS ESCAPE_INSTALL_SCRIPTS)
  if(s IN_LIST ESCAPE_PINNED_SCRIPTS)
    install(PROGRAMS ${CMAKE_BINARY_DIR}/install-scripts/${s} DESTINATION ${CMAKE_INSTALL_BINDIR})
  elseif(EXISTS ${CMAKE_SOURCE_DIR}/scripts/${s} OR IS_SYMLINK ${CMAKE_SOURCE_DIR}/scripts/${s})
    install(PROGRAMS ${CMAKE_SOURCE_DIR}/scripts/${s} DESTINATION ${CMAKE_INSTALL_BINDIR})
  endif()
endforeach()
# escape-build with its Python package (scripts/escape_build/, found beside the script's real
# place) goes to lib/llvm-escape/, bin/escape-build is a symlink to it, and the compilers and
# archivers it takes from its own folder are symlinks there to bin/.
if(ESCAPE_HAS_BUILD)
  install(PROGRAMS ${CMAKE_SOURCE_DIR}/scripts/escape-build DESTINATION ${ESCAPE_INSTALL_LIBDIR})
  install(DIRECTORY ${CMAKE_SOURCE_DIR}/scripts/escape_build DESTINATION ${ESCAPE_INSTALL_LIBDIR}
    PATTERN __pycache__ EXCLUDE)
  set(links ${CMAKE_BINARY_DIR}/install-links)
  file(MAKE_DIRECTORY ${links}/bin ${links}/lib)
  file(CREATE_LINK ../${ESCAPE_INSTALL_LIBDIR}/escape-build ${links}/bin/escape-build SYMBOLIC)
  install(PROGRAMS ${links}/bin/escape-build DESTINATION ${CMAKE_INSTALL_BINDIR})
  foreach(s escape-cc escape-c++ escape-llvm-ar escape-llvm-ranlib escape-llvm-nm)
    file(CREATE_LINK ../../${CMAKE_INSTALL_BINDIR}/${s} ${links}/lib/${s} SYMBOLIC)
    install(PROGRAMS ${links}/lib/${s} DESTINATION ${ESCAPE_INSTALL_LIBDIR})
  endforeach()
endif()

# The CMake package: LLVMEscape::plugin (cmake/LLVMEscapeConfig.cmake.in).
set(ESCAPE_PLUGIN_FILE ${ESCAPE_INSTALL_LIBDIR}/LLVMEscape.so)
set(ESCAPE_RUNTIME_FILE ${ESCAPE_INSTALL_LIBDIR}/libescape-profile.a)
configure_package_config_file(${CMAKE_SOURCE_DIR}/cmake/LLVMEscapeConfig.cmake.in
  ${CMAKE_BINARY_DIR}/LLVMEscapeConfig.cmake
  INSTALL_DESTINATION ${ESCAPE_INSTALL_CMAKEDIR}
  PATH_VARS ESCAPE_PLUGIN_FILE ESCAPE_RUNTIME_FILE)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/LLVMEscapeConfigVersion.cmake
  VERSION ${ESCAPE_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/LLVMEscapeConfig.cmake
  ${CMAKE_BINARY_DIR}/LLVMEscapeConfigVersion.cmake
  DESTINATION ${ESCAPE_INSTALL_CMAKEDIR})

# CPack: a .deb that depends on the LLVM the plugin was built for (the
# plugin runs only in that LLVM's clang, lld and opt).
set(CPACK_PACKAGE_NAME llvm-escape)
set(CPACK_PACKAGE_VERSION ${ESCAPE_VERSION})
set(CPACK_PACKAGE_VENDOR llvm-escape)
set(CPACK_PACKAGE_CONTACT "llvm-escape maintainers <llvm-escape@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "Go-style escape analysis for C and C++: heap to stack, -m reports (LLVM ${LLVM_VERSION_MAJOR} plugin)")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "libllvm${LLVM_VERSION_MAJOR}, clang-${LLVM_VERSION_MAJOR}, lld-${LLVM_VERSION_MAJOR}, llvm-${LLVM_VERSION_MAJOR}, libc6, libstdc++6, python3")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "LLVM ${LLVM_VERSION_MAJOR} pass plugin (LLVMEscape.so) that moves malloc'd objects which
provably do not escape to the stack and prints Go-style -m reports; escape-cc and
escape-c++, drop-in compilers that load it; escape-profile; the CMake package
LLVMEscape (LLVMEscape::plugin).")
set(CPACK_STRIP_FILES ON) # the plugin without its debug info (RelWithDebInfo)
set(CPACK_GENERATOR DEB)
include(CPack)
