# lit configuration for llvm-escape.  Run through scripts/test, or by hand:
#   python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv build/test
# The suite runs with the tools of the LLVM the plugin was built for
# (scripts/test --llvm N: build-N/test).
import os
import shutil
import lit.formats

config.name = "llvm-escape"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".ll", ".c", ".cpp", ".test"]
config.excludes = ["Inputs", "tools", "CMakeLists.txt", "bench"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.escape_obj_root, "test")

# The plugin's LLVM (N = config.llvm_major): its tools (FileCheck, not,
# llvm-stress, opt) come first on PATH, and the wrappers (scripts/escape-cc,
# escape-ar) use its clang and archiver.  Feature llvm-N: tests (or RUN
# lines, FileCheck prefixes) for what one LLVM prints or does differently.
path = os.pathsep.join([config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
config.environment["PATH"] = path
config.environment["ESCAPE_PLUGIN"] = config.escape_plugin
config.environment["ESCAPE_CLANG"] = config.clang
config.environment["ESCAPE_CLANGXX"] = config.clangxx
major = config.llvm_major
config.available_features.add("llvm-" + major)
for var, tool in (("ESCAPE_CC_CLANG", "clang-"), ("ESCAPE_CC_CLANGXX", "clang++-"),
                  ("ESCAPE_AR", "llvm-ar-"), ("ESCAPE_RANLIB", "llvm-ranlib-"),
                  ("ESCAPE_NM", "llvm-nm-")):
    config.environment[var] = tool + major
# %llvm_major: that version's number (FileCheck -DMAJOR=%llvm_major).
config.substitutions.append(("%llvm_major", major))
# %llvm-prefix: LLVM16, LLVM19 or LLVM22, the FileCheck prefix for lines one
# version prints otherwise (--check-prefixes=CHECK,%llvm-prefix).
config.substitutions.append(("%llvm-prefix", "LLVM" + major))
# %ir-prefix: the FileCheck prefix for IR the pass writes that LLVM 22
# prints otherwise: IR before 22, IR22 from 22 on.  22's lifetime markers
# lost the size (llvm.lifetime.start.p0(i64 SIZE, ptr P) is now
# llvm.lifetime.start.p0(ptr P)), and nocapture prints as captures(none).
config.substitutions.append(("%ir-prefix", "IR22" if int(major) >= 22 else "IR"))
# %host-datalayout FILE: FILE with LLVM 19's x86-64 data layout (that of the
# suite's .ll files) turned into the plugin's LLVM's: 16's has no i128:128
# (LLVM 18 added it).  Elsewhere it prints FILE as it is.
if int(major) < 18:
    config.substitutions.append(("%host-datalayout", "sed -e 's/-i64:64-i128:128-/-i64:64-/'"))
else:
    config.substitutions.append(("%host-datalayout", "cat"))
# %verify-ir: clang's flag to verify the IR after the pipeline (its release
# driver does not), also ESCAPE_VERIFY_IR for test/tools/*.sh.  clang-16 has
# none (-fverify-intermediate-code came with clang 17): there the pass's own
# check of each function it rewrote (ESCAPE_VERIFY, next) is the only one.
verify_ir = "" if int(major) < 17 else "-fverify-intermediate-code"
config.substitutions.append(("%verify-ir", verify_ir))
config.environment["ESCAPE_VERIFY_IR"] = verify_ir
# Every compile, opt run and link of the suite verifies each function the
# pass rewrote (-escape-verify): a rewrite that leaves invalid IR fails the
# test that made it, also where no -mllvm option can be given.
config.environment["ESCAPE_VERIFY"] = "1"
for var in ("HOME", "TMPDIR"):
    if var in os.environ:
        config.environment[var] = os.environ[var]

tools = os.path.join(config.escape_src_root, "test", "tools")
plugin = config.escape_plugin
config.substitutions.append(("%plugin", plugin))
config.environment["ESCAPE_OPT"] = os.path.join(config.llvm_tools_dir, "opt")
# %opt: opt with the plugin; the same passes run again over the module with
# synthetic debug info (debugify), so every IR test also checks the rewrite
# under -g (test/tools/opt-check.sh).
config.substitutions.append(("%opt", "bash %s/opt-check.sh" % tools))
config.substitutions.append(("%clangxx", config.clangxx))
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%escape-flags", "-fplugin=%s -fpass-plugin=%s" % (plugin, plugin)))
# %report -m=N FILE [CFLAGS...]: compile FILE from its own folder (so positions
# read "f.c:L:C") with the plugin at -O2 -g and print only the pass's report.
config.substitutions.append(("%report", "bash %s/report.sh" % tools))
# %exec FILE [CFLAGS...]: build FILE plain, with the plugin, and with the plugin
# under AddressSanitizer; run all three and require identical output.
config.substitutions.append(("%exec", "bash %s/exec-check.sh" % tools))
# %count FILE [CFLAGS...] [-- PLUGIN-FLAGS]: heap allocations, plain and with the plugin.
config.substitutions.append(("%count", "bash %s/count-allocs.sh" % tools))
# %lto-build MODE OUT DIR FILE... -- [CFLAGS...]: a multi-file program built
# per file, or with -flto=full / -flto=thin and lld; prints the report.
config.substitutions.append(("%lto-build", "bash %s/lto-build.sh" % tools))
config.substitutions.append(("%src_root", config.escape_src_root))
# %obj_root: the build tree (the plugin's objects, for scripts/check-layers).
config.substitutions.append(("%obj_root", config.escape_obj_root))
# %runtime_dir: the built runtime libraries (libescape-profile.a).
config.substitutions.append(("%runtime_dir", os.path.join(config.escape_obj_root, "runtime")))

# Other LLVMs, for the tests that load the plugin into them (REQUIRES:).
for tool in ("opt-16", "clang-16", "clang-14", "opt-19", "clang-19", "opt-22", "clang-22"):
    path = shutil.which(tool) or os.path.join("/usr/bin", tool)
    if os.path.exists(path):
        config.available_features.add(tool)
