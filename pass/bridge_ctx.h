//===- bridge_ctx.h - the host's analyses, as the bridge sees them --------===//
// C++ only: shared by plugin.cpp (which fills it) and bridge.cpp.
#ifndef ESC_BRIDGE_CTX_H
#define ESC_BRIDGE_CTX_H

#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/PassManager.h"

struct escb_ctx {
  llvm::FunctionAnalysisManager *FAM;
  const llvm::TargetLibraryInfo &tli(llvm::Function &F) {
    return FAM->getResult<llvm::TargetLibraryAnalysis>(F);
  }
};

#endif
