//===- NBEnums.td - Enumerations of the nb dialect ---------*- tablegen -*-===//
#ifndef MUMBA_DIALECT_NB_IR_NBENUMS_TD
#define MUMBA_DIALECT_NB_IR_NBENUMS_TD

include "mlir/IR/EnumAttr.td"

def NB_BinOpKind : I32EnumAttr<"BinOpKind", "a Python binary operator", [
    I32EnumAttrCase<"Add", 0, "add">, I32EnumAttrCase<"Sub", 1, "sub">,
    I32EnumAttrCase<"Mul", 2, "mul">, I32EnumAttrCase<"TrueDiv", 3, "truediv">,
    I32EnumAttrCase<"FloorDiv", 4, "floordiv">, I32EnumAttrCase<"Mod", 5, "mod">,
    I32EnumAttrCase<"Pow", 6, "pow">, I32EnumAttrCase<"LShift", 7, "lshift">,
    I32EnumAttrCase<"RShift", 8, "rshift">, I32EnumAttrCase<"BitAnd", 9, "bitand">,
    I32EnumAttrCase<"BitOr", 10, "bitor">, I32EnumAttrCase<"BitXor", 11, "bitxor">]> {
  let cppNamespace = "::mumba::nb";
}

def NB_CmpOpKind : I32EnumAttr<"CmpOpKind", "a Python comparison operator", [
    I32EnumAttrCase<"Eq", 0, "eq">, I32EnumAttrCase<"Ne", 1, "ne">,
    I32EnumAttrCase<"Lt", 2, "lt">, I32EnumAttrCase<"Le", 3, "le">,
    I32EnumAttrCase<"Gt", 4, "gt">, I32EnumAttrCase<"Ge", 5, "ge">,
    I32EnumAttrCase<"Is", 6, "is">, I32EnumAttrCase<"IsNot", 7, "isnot">,
    I32EnumAttrCase<"In", 8, "in">, I32EnumAttrCase<"NotIn", 9, "notin">]> {
  let cppNamespace = "::mumba::nb";
}

def NB_UnaryOpKind : I32EnumAttr<"UnaryOpKind", "a Python unary operator", [
    I32EnumAttrCase<"Neg", 0, "neg">, I32EnumAttrCase<"Pos", 1, "pos">,
    I32EnumAttrCase<"Not", 2, "not">, I32EnumAttrCase<"Invert", 3, "invert">]> {
  let cppNamespace = "::mumba::nb";
}

def NB_ArrayLayout : I32EnumAttr<"ArrayLayout", "a NumPy array layout", [
    I32EnumAttrCase<"C", 0, "C">, I32EnumAttrCase<"F", 1, "F">, I32EnumAttrCase<"A", 2, "A">]> {
  let cppNamespace = "::mumba::nb";
}

#endif // MUMBA_DIALECT_NB_IR_NBENUMS_TD
