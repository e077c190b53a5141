using System.Collections.Immutable;

namespace ExNunc.Domain.Rules;

/// <summary>The parsed form of a condition. <see cref="Position"/> is the 0-based offset in its text.</summary>
public abstract record Expr(int Position);

public sealed record LiteralExpr(Value Value, int Position) : Expr(Position);

/// <summary>A bare name: a path into the case, a built-in, or (if neither) a symbol.</summary>
public sealed record NameExpr(string Name, int Position) : Expr(Position);

public sealed record CallExpr(string Function, ImmutableArray<Expr> Arguments, int Position) : Expr(Position);

public enum CompareOp { Eq, Ne, Lt, Le, Gt, Ge }

public sealed record CompareExpr(CompareOp Op, Expr Left, Expr Right, int Position) : Expr(Position);

public sealed record InExpr(Expr Left, ImmutableArray<Expr> Options, int Position) : Expr(Position);

public sealed record ContainsExpr(Expr List, Expr Item, int Position) : Expr(Position);

public enum TestKind { Known, Unknown, Empty, NotEmpty }

public sealed record TestExpr(TestKind Test, Expr Operand, int Position) : Expr(Position);

public sealed record AndExpr(Expr Left, Expr Right, int Position) : Expr(Position);

public sealed record OrExpr(Expr Left, Expr Right, int Position) : Expr(Position);

public sealed record NotExpr(Expr Operand, int Position) : Expr(Position);

/// <summary>A problem in a condition, at an offset in its text.</summary>
public sealed record ConditionError(string Code, string Message, int Position);
