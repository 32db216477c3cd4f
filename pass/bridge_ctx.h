//===- bridge_ctx.h - the host's analyses, as the bridge sees them --------===//
// C++ only: shared by plugin.cpp (which fills it) and bridge.cpp.
#ifndef ESC_BRIDGE_CTX_H
#define ESC_BRIDGE_CTX_H

#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/PassManager.h"

struct escb_ctx {
  llvm::FunctionAnalysisManager *FAM;
  void *kept = nullptr; // escb_ctx_keep: the C core's, released at the end
  void (*release)(void *) = nullptr;
  ~escb_ctx() {
    if (kept && release)
      release(kept);
  }
  const llvm::TargetLibraryInfo &tli(llvm::Function &F) {
    return FAM->getResult<llvm::TargetLibraryAnalysis>(F);
  }
};

#endif
