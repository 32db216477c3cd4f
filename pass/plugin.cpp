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

#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/PassPlugin.h"
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

cl::opt<unsigned, false, LevelParser>
    ReportLevel("escape-m", cl::ValueOptional, cl::init(0),
                cl::desc("Go-style escape report on stderr: 0 silent, 1 one "
                         "line per allocation site, 2 with explanations"));

cl::opt<uint64_t> MaxObjectBytes(
    "escape-max-object-bytes", cl::init(65536),
    cl::desc("Largest object moved to the stack, in bytes (Go: 64 KiB)"));

cl::opt<uint64_t> MaxFrameBytes(
    "escape-max-frame-bytes", cl::init(65536),
    cl::desc("Most bytes the pass adds to one function's stack frame"));

cl::opt<uint64_t> MaxRecursiveFrameBytes(
    "escape-max-recursive-frame-bytes", cl::init(0),
    cl::desc("Most bytes the pass adds to the frame of a function on a "
             "call-graph cycle (default 0: recursion keeps its heap)"));

cl::opt<uint64_t> MaxChainBytes(
    "escape-max-chain-bytes", cl::init(65536),
    cl::desc("Most bytes the pass adds to the frames of any chain of calls "
             "within the module (C stacks do not grow: musl threads get 128 "
             "KiB)"));

cl::opt<uint64_t> GuardBytes(
    "escape-guard-bytes", cl::init(256),
    cl::desc("Stack buffer for an allocation whose size is known only at run "
             "time: sizes up to it use the buffer, larger ones the heap "
             "(0: such allocations stay on the heap)"));

cl::opt<bool> SideStack(
    "escape-side-stack", cl::init(true),
    cl::desc("In recursive functions, take non-escaping objects of sites "
             "outside loops from a per-thread side stack released when the "
             "function returns (false: only -escape-max-recursive-frame-bytes "
             "applies)"));

cl::opt<bool> Interprocedural(
    "escape-interprocedural", cl::init(true),
    cl::desc("Use parameter summaries and the C library model at calls "
             "(false: LLVM's parameter attributes only)"));

cl::opt<bool> Rewrite("escape-rewrite", cl::init(true),
                      cl::desc("Move non-escaping allocations to the stack "
                               "(false: analyse and report only)"));

cl::opt<bool> Profile(
    "escape-profile", cl::init(false),
    cl::desc("Instrument allocation sites, frees and frames for the "
             "allocation profiler (link runtime/ escape-profile)"));

cl::opt<bool> LTONote(
    "escape-lto-note", cl::init(true),
    cl::desc("At an -flto compile step with a report asked for, say how to link "
             "for the analysis (false: the link is arranged, as escape-cc does)"));

// options: the -escape-* settings, and which of them the command line gave.
esc_options options() {
  esc_options Opt = {};
  Opt.m = int(ReportLevel);
  Opt.max_object_bytes = MaxObjectBytes;
  Opt.max_frame_bytes = MaxFrameBytes;
  Opt.max_recursive_frame_bytes = MaxRecursiveFrameBytes;
  Opt.rewrite = Rewrite;
  Opt.interprocedural = Interprocedural;
  Opt.max_chain_bytes = MaxChainBytes;
  Opt.guard_bytes = GuardBytes;
  Opt.side_stack = SideStack;
  Opt.profile = Profile;
  Opt.given = (ReportLevel.getNumOccurrences() ? ESC_GIVEN_M : 0) |
              (MaxObjectBytes.getNumOccurrences() ? ESC_GIVEN_MAX_OBJECT : 0) |
              (MaxFrameBytes.getNumOccurrences() ? ESC_GIVEN_MAX_FRAME : 0) |
              (MaxRecursiveFrameBytes.getNumOccurrences() ? ESC_GIVEN_MAX_RECURSIVE : 0) |
              (Rewrite.getNumOccurrences() ? ESC_GIVEN_REWRITE : 0) |
              (Interprocedural.getNumOccurrences() ? ESC_GIVEN_INTERPROCEDURAL : 0);
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
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &MAM) {
    auto &FAM = MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
    escb_ctx Ctx{&FAM};
    if (!Interprocedural || !esc_wrappers_mark(wrap(&M), &Ctx))
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
    Opt.lto_note = LTONote;
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
  PB.registerPipelineEarlySimplificationEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel Level) {
        if (Level != OptimizationLevel::O0)
          MPM.addPass(EscapeWrappersPass());
      });
  PB.registerFullLinkTimeOptimizationEarlyEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel Level) {
        if (Level != OptimizationLevel::O0)
          MPM.addPass(EscapeWrappersPass());
      });
  PB.registerFullLinkTimeOptimizationLastEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel Level) {
        if (Level == OptimizationLevel::O0)
          return;
        MPM.addPass(EscapePass(/*InPipeline=*/true, /*Link=*/true));
        MPM.addPass(createModuleToFunctionPassAdaptor(EscapeCleanupPass()));
      });
  PB.registerOptimizerEarlyEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel Level) {
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

} // namespace

extern "C" __attribute__((visibility("default"))) PassPluginLibraryInfo
llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "escape", LLVM_VERSION_STRING, registerCallbacks};
}
