namespace ExNunc.Domain.Rules;

/// <summary>Three-valued truth (Kleene): a fact the case leaves out is unknown, never false.</summary>
public enum Tri : byte { False = 0, Unknown = 1, True = 2 }

public static class TriLogic
{
    public static Tri And(Tri a, Tri b) => (Tri)Math.Min((byte)a, (byte)b);
    public static Tri Or(Tri a, Tri b) => (Tri)Math.Max((byte)a, (byte)b);
    public static Tri Not(Tri a) => (Tri)(2 - (byte)a);
    public static Tri Of(bool b) => b ? Tri.True : Tri.False;
}
