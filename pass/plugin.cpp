//===- plugin.cpp - llvm-escape's registration with the pass builder ------===//
//
// The only PassBuilder code of the project.  Registers:
//   escape          module pass: analysis, heap -> stack, report
//   escape-record   module pass: notes allocation sites as written
//   escape-cleanup  function pass: SROA + InstCombine on rewritten functions
//   escape-wrappers module pass: marks allocation/free wrappers alwaysinline
// and, in clang's default O1-O3 pipelines, escape-record at the pipeline's
// start, escape-wrappers after the early simplification (before the
// inliner), and escape + escape-cleanup at the start of the optimization
// pipeline (after the inliner, like Go).  Link-time optimization (lld's
// -flto full pipeline) gets escape-wrappers first and escape +
// escape-cleanup last; a ThinLTO backend runs the per-module hooks.  A
// module compiled for -flto is only recorded at the compile step (pass/
// record.c), and analysed and reported at the link.
//
//   clang-19 -O2 -flto -fuse-ld=lld -fplugin=LLVMEscape.so -fpass-plugin=LLVMEscape.so
//       -mllvm -escape-m=1 a.c b.c -Wl,--load-pass-plugin=LLVMEscape.so
// (lld parses -mllvm before loading plugins: the link takes the options the
// compile steps recorded, pass/lto.c).
//
//   opt-19 -load-pass-plugin=build/pass/LLVMEscape.so -passes=escape -S f.ll
//   clang-19 -O2 -fpass-plugin=build/pass/LLVMEscape.so f.c
//
//===----------------------------------------------------------------------===//
#include "bridge_ctx.h"
#include "escape.h"

#include <cstdlib>
#include <cstring>

#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/PassBuilder.h"
#if __has_include("llvm/Plugins/PassPlugin.h") // moved from llvm/Passes in LLVM 22
#include "llvm/Plugins/PassPlugin.h"
#else
#include "llvm/Passes/PassPlugin.h"
#endif
#include "llvm/Support/CommandLine.h"
#include "llvm/Transforms/InstCombine/InstCombine.h"
#include "llvm/Transforms/Scalar/SROA.h"

using namespace llvm;

namespace {

// LevelParser reads -escape-m: 0, 1 or 2; a bare -escape-m means 1, like
// Go's -m.  Anything else is a one-line error naming the option.
struct LevelParser : public cl::parser<unsigned> {
  LevelParser(cl::Option &O) : cl::parser<unsigned>(O) {}
  bool parse(cl::Option &O, StringRef, StringRef Arg, unsigned &Val) {
    if (Arg.empty()) {
      Val = 1;
      return false;
    }
    if (Arg == "0" || Arg == "1" || Arg == "2") {
      Val = unsigned(Arg[0] - '0');
      return false;
    }
    return O.error("'" + Arg + "' is not a report level: use 0, 1 or 2");
  }
};

// Options holds one cl::opt per row of options.def.
#define ESC_CL_LEVEL cl::opt<unsigned, false, LevelParser>
#define ESC_CL_BYTES cl::opt<uint64_t>
#define ESC_CL_BOOL cl::opt<bool>
#define ESC_CL_STRING cl::opt<std::string>
#define ESC_CLFLAGS_LEVEL cl::ValueOptional,
#define ESC_CLFLAGS_BYTES
#define ESC_CLFLAGS_BOOL
#define ESC_CLFLAGS_STRING
// ESC_GET_<kind>: an option's value as esc_options holds it (a string's
// stays the cl::opt's, which lives as long as the plugin).
#define ESC_GET_LEVEL(o) (o)
#define ESC_GET_BYTES(o) (o)
#define ESC_GET_BOOL(o) (o)
#define ESC_GET_STRING(o) ((o).getValue().c_str())
struct Options {
#define ESC_OPTION(kind, field, name, def, merge, help)                        \
  ESC_CL_##kind field{name, ESC_CLFLAGS_##kind cl::init(def), cl::desc(help)};
#include "options.def"
};

// Opts: the registered options (created when the plugin is loaded).
Options *Opts;

// The options are registered at load time (clang's -fplugin loads the
// plugin before it parses -mllvm), unless the plugin was loaded into
// another LLVM, where registering them would run this LLVM's code on that
// one's data (escb_host_check prints why; nothing is registered).
struct RegisterOptions {
  RegisterOptions() {
    if (escb_host_check())
      Opts = new Options();
  }
} Registered;

// options: the -escape-* settings, and which of them the command line gave.
esc_options options() {
  esc_options Opt = {};
#define ESC_OPTION(kind, field, name, def, merge, help)                        \
  Opt.field = ESC_GET_##kind(Opts->field);                                     \
  if (Opts->field.getNumOccurrences())                                         \
    Opt.given |= ESC_GIVEN(field);
#include "options.def"
  // ESCAPE_VERIFY=1 turns -escape-verify on in every process of a build
  // (compile steps, lld, opt) that no flag reaches: the lit suite sets it.
  if (const char *V = getenv("ESCAPE_VERIFY"))
    if (*V && strcmp(V, "0") != 0)
      Opt.verify = 1;
  return Opt;
}

struct EscapeRecordPass : PassInfoMixin<EscapeRecordPass> {
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &MAM) {
    auto &FAM = MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
    escb_ctx Ctx{&FAM};
    esc_options Opt = options();
    esc_record_sites(wrap(&M), &Ctx, &Opt);
    return PreservedAnalyses::all(); // metadata only
  }
  static bool isRequired() { return true; }
};

struct EscapeWrappersPass : PassInfoMixin<EscapeWrappersPass> {
  bool Link; // the full-LTO link pipeline
  explicit EscapeWrappersPass(bool Link = false) : Link(Link) {}
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &MAM) {
    auto &FAM = MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
    escb_ctx Ctx{&FAM};
    esc_options Opt = options();
    Opt.link = Link;
    esc_effective_options(wrap(&M), &Opt);
    if (!Opt.interprocedural || !esc_wrappers_mark(wrap(&M), &Ctx))
      return PreservedAnalyses::all();
    return PreservedAnalyses::none(); // attributes changed
  }
  static bool isRequired() { return true; }
};

struct EscapePass : PassInfoMixin<EscapePass> {
  bool InPipeline; // escape-cleanup follows: mark the functions it should visit
  bool Link;       // the full-LTO link pipeline
  explicit EscapePass(bool InPipeline, bool Link = false)
      : InPipeline(InPipeline), Link(Link) {}
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &MAM) {
    auto &FAM = MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
    escb_ctx Ctx{&FAM};
    esc_options Opt = options();
    Opt.mark_rewritten = InPipeline;
    Opt.link = Link;
    if (!esc_run_module(wrap(&M), &Ctx, &Opt))
      return PreservedAnalyses::all();
    return PreservedAnalyses::none();
  }
  static bool isRequired() { return true; }
};

struct EscapeCleanupPass : PassInfoMixin<EscapeCleanupPass> {
  PreservedAnalyses run(Function &F, FunctionAnalysisManager &FAM) {
    if (!F.hasFnAttribute("escape-rewritten"))
      return PreservedAnalyses::all();
    F.removeFnAttr("escape-rewritten");
    FunctionPassManager FPM;
    FPM.addPass(SROAPass(SROAOptions::ModifyCFG));
    FPM.addPass(InstCombinePass());
    FPM.run(F, FAM);
    return PreservedAnalyses::none();
  }
  // Runs on optnone functions too, so the marker never outlives the pass.
  static bool isRequired() { return true; }
};

void registerCallbacks(PassBuilder &PB) {
  PB.registerPipelineStartEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel Level) {
        if (Level != OptimizationLevel::O0)
          MPM.addPass(EscapeRecordPass());
      });
  // The early-simplification and optimizer-early callbacks also get the
  // LTO phase in newer LLVMs (22); `auto...` takes it or nothing.
  PB.registerPipelineEarlySimplificationEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel Level, auto...) {
        if (Level != OptimizationLevel::O0)
          MPM.addPass(EscapeWrappersPass());
      });
  PB.registerFullLinkTimeOptimizationEarlyEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel Level) {
        if (Level != OptimizationLevel::O0)
          MPM.addPass(EscapeWrappersPass(/*Link=*/true));
      });
  PB.registerFullLinkTimeOptimizationLastEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel Level) {
        if (Level == OptimizationLevel::O0)
          return;
        MPM.addPass(EscapePass(/*InPipeline=*/true, /*Link=*/true));
        MPM.addPass(createModuleToFunctionPassAdaptor(EscapeCleanupPass()));
      });
  PB.registerOptimizerEarlyEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel Level, auto...) {
        if (Level == OptimizationLevel::O0)
          return;
        MPM.addPass(EscapePass(/*InPipeline=*/true));
        MPM.addPass(createModuleToFunctionPassAdaptor(EscapeCleanupPass()));
      });
  PB.registerPipelineParsingCallback(
      [](StringRef Name, ModulePassManager &MPM,
         ArrayRef<PassBuilder::PipelineElement>) {
        if (Name == "escape") {
          MPM.addPass(EscapePass(/*InPipeline=*/false));
          return true;
        }
        if (Name == "escape-wrappers") {
          MPM.addPass(EscapeWrappersPass());
          return true;
        }
        if (Name == "escape-record") {
          MPM.addPass(EscapeRecordPass());
          return true;
        }
        return false;
      });
  PB.registerPipelineParsingCallback(
      [](StringRef Name, FunctionPassManager &FPM,
         ArrayRef<PassBuilder::PipelineElement>) {
        if (Name == "escape-cleanup") {
          FPM.addPass(EscapeCleanupPass());
          return true;
        }
        return false;
      });
}

void registerNothing(PassBuilder &) {}

} // namespace

// llvmGetPassPluginInfo: in another LLVM (a plugin for 19 in clang-16 or
// opt-16), the pass is off: the host gets a plugin that registers nothing,
// and builds as usual.  That needs the host's PassPluginLibraryInfo to be
// ours: LLVM_PLUGIN_API_VERSION 1 up to LLVM 21, 2 (a field more) from 22.
// A host of the other version either refuses the plugin itself (LLVM 22
// refuses version 1: "Wrong API version") or, older, would get a struct
// larger than the one it made room for: escb_host_stop says so and ends the
// process instead.
extern "C" __attribute__((visibility("default"))) PassPluginLibraryInfo
llvmGetPassPluginInfo() {
  if (!escb_host_check() && escb_host_plugin_api() < LLVM_PLUGIN_API_VERSION)
    escb_host_stop();
  if (!escb_host_check() || !Opts)
    return {LLVM_PLUGIN_API_VERSION, "escape", LLVM_VERSION_STRING, registerNothing};
  return {LLVM_PLUGIN_API_VERSION, "escape", LLVM_VERSION_STRING, registerCallbacks};
}
