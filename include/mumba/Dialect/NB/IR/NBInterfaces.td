//===- NBInterfaces.td - Interfaces of the nb dialect ------*- tablegen -*-===//
#ifndef MUMBA_DIALECT_NB_IR_NBINTERFACES_TD
#define MUMBA_DIALECT_NB_IR_NBINTERFACES_TD

include "mlir/IR/OpBase.td"

def NB_TypeInferenceOpInterface : OpInterface<"TypeInferenceOpInterface"> {
  let description = [{
    The typing rule of an nb op: from the current types of its operands,
    compute the types of its results. `nb-infer-types` calls it only once no
    operand is `!nb.unknown`, and calls it again whenever an operand's type
    changes, until a fixed point.
  }];
  let cppNamespace = "::mumba::nb";
  let methods = [
    InterfaceMethod<[{
        Computes the result types into `resultTypes`, or emits an error at the
        op's location naming the types involved and returns failure.
      }],
      "::llvm::LogicalResult", "inferTypes",
      (ins "::mumba::nb::TypingContext &":$ctx,
           "::llvm::SmallVectorImpl<::mlir::Type> &":$resultTypes)>,
  ];
}

#endif // MUMBA_DIALECT_NB_IR_NBINTERFACES_TD
