using HeadlessCrm.GraphQL.Types.ScalarTypes;

namespace HeadlessCrm.GraphQL.Types;

/// <summary>The built-in scalars of the spec (§3.5) and the custom ones this engine ships.</summary>
public static class Scalars
{
    public static ScalarType Int { get; } = new IntType();

    public static ScalarType Float { get; } = new FloatType();

    public static ScalarType String { get; } = new StringType();

    public static ScalarType Boolean { get; } = new BooleanType();

    public static ScalarType ID { get; } = new IdType();

    public static ScalarType DateTime { get; } = new DateTimeType();

    public static ScalarType Uuid { get; } = new UuidType();

    public static ScalarType Decimal { get; } = new DecimalType();

    public static ScalarType Json { get; } = new JsonType();

    /// <summary>The five scalars every schema has (spec §3.5).</summary>
    public static IReadOnlyList<ScalarType> Specified { get; } = [Int, Float, String, Boolean, ID];

    /// <summary>Every scalar the engine knows by name, so a builder can refer to them in type strings.</summary>
    public static IReadOnlyList<ScalarType> All { get; } = [Int, Float, String, Boolean, ID, DateTime, Uuid, Decimal, Json];

    public static bool IsSpecified(NamedType type) => Specified.Contains(type);
}
