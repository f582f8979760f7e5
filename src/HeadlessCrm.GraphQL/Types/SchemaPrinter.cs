using System.Text;
using HeadlessCrm.GraphQL.Language;

namespace HeadlessCrm.GraphQL.Types;

/// <summary>
/// Prints a schema as SDL (spec §3): every type except the built-in scalars and introspection types, sorted by name
/// so the output is stable enough to commit as a golden file.
/// </summary>
public static class SchemaPrinter
{
    public static string Print(Schema schema)
    {
        var blocks = new List<string>();
        if (schema.Description is not null)
        {
            var roots = new StringBuilder();
            AppendDescription(roots, schema.Description, string.Empty);
            roots.Append("schema {\n  query: ").Append(schema.QueryType.Name).Append('\n');
            AppendRoot(roots, "mutation", schema.MutationType);
            AppendRoot(roots, "subscription", schema.SubscriptionType);
            blocks.Add(roots.Append('}').ToString());
        }

        blocks.AddRange(schema.DirectiveList.Where(d => !BuiltInDirectives.IsBuiltIn(d)).OrderBy(d => d.Name, StringComparer.Ordinal).Select(PrintDirective));
        blocks.AddRange(schema.TypeList
            .Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && !Scalars.IsSpecified(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(PrintType));
        return string.Join("\n\n", blocks) + "\n";
    }

    public static string PrintType(NamedType type)
    {
        var builder = new StringBuilder();
        AppendDescription(builder, type.Description, string.Empty);
        switch (type)
        {
            case ScalarType scalar:
                builder.Append("scalar ").Append(scalar.Name);
                if (scalar.SpecifiedByUrl is not null)
                {
                    builder.Append(" @specifiedBy(url: ").Append(Printer.PrintString(scalar.SpecifiedByUrl)).Append(')');
                }

                break;
            case ComplexType complex:
                builder.Append(complex is ObjectType ? "type " : "interface ").Append(complex.Name);
                if (complex.Interfaces.Count > 0)
                {
                    builder.Append(" implements ").AppendJoin(" & ", complex.Interfaces.Select(i => i.Name));
                }

                AppendBlock(builder, complex.Fields, (b, field) =>
                {
                    AppendDescription(b, field.Description, "  ");
                    b.Append("  ").Append(field.Name);
                    AppendArguments(b, field.Arguments);
                    b.Append(": ").Append(field.Type);
                    AppendDeprecation(b, field.DeprecationReason);
                });
                break;
            case UnionType union:
                builder.Append("union ").Append(union.Name).Append(" = ").AppendJoin(" | ", union.Types.Select(t => t.Name));
                break;
            case EnumType enumType:
                builder.Append("enum ").Append(enumType.Name);
                AppendBlock(builder, enumType.Values, (b, value) =>
                {
                    AppendDescription(b, value.Description, "  ");
                    b.Append("  ").Append(value.Name);
                    AppendDeprecation(b, value.DeprecationReason);
                });
                break;
            case InputObjectType input:
                builder.Append("input ").Append(input.Name).Append(input.IsOneOf ? " @oneOf" : string.Empty);
                AppendBlock(builder, input.Fields, (b, field) =>
                {
                    AppendDescription(b, field.Description, "  ");
                    b.Append("  ");
                    AppendInputValue(b, field);
                });
                break;
        }

        return builder.ToString();
    }

    private static string PrintDirective(DirectiveDefinition directive)
    {
        var builder = new StringBuilder();
        AppendDescription(builder, directive.Description, string.Empty);
        builder.Append("directive @").Append(directive.Name);
        AppendArguments(builder, directive.Arguments);
        builder.Append(directive.IsRepeatable ? " repeatable" : string.Empty).Append(" on ")
            .AppendJoin(" | ", directive.Locations.Select(DirectiveLocationNames.Name));
        return builder.ToString();
    }

    private static void AppendRoot(StringBuilder builder, string operation, ObjectType? type)
    {
        if (type is not null)
        {
            builder.Append("  ").Append(operation).Append(": ").Append(type.Name).Append('\n');
        }
    }

    private static void AppendBlock<T>(StringBuilder builder, IReadOnlyList<T> items, Action<StringBuilder, T> appendItem)
    {
        builder.Append(" {\n");
        foreach (var item in items)
        {
            appendItem(builder, item);
            builder.Append('\n');
        }

        builder.Append('}');
    }

    private static void AppendArguments(StringBuilder builder, IReadOnlyList<InputValueDefinition> arguments)
    {
        if (arguments.Count == 0)
        {
            return;
        }

        if (arguments.All(a => a.Description is null))
        {
            builder.Append('(');
            for (var i = 0; i < arguments.Count; i++)
            {
                builder.Append(i > 0 ? ", " : string.Empty);
                AppendInputValue(builder, arguments[i]);
            }

            builder.Append(')');
            return;
        }

        builder.Append("(\n");
        foreach (var argument in arguments)
        {
            AppendDescription(builder, argument.Description, "    ");
            builder.Append("    ");
            AppendInputValue(builder, argument);
            builder.Append('\n');
        }

        builder.Append("  )");
    }

    private static void AppendInputValue(StringBuilder builder, InputValueDefinition value)
    {
        builder.Append(value.Name).Append(": ").Append(value.Type);
        if (value.HasDefaultValue && LiteralFromValue.Convert(value.DefaultValue, value.Type) is { } literal)
        {
            builder.Append(" = ").Append(Printer.Print(literal));
        }

        AppendDeprecation(builder, value.DeprecationReason);
    }

    private static void AppendDeprecation(StringBuilder builder, string? reason)
    {
        if (reason is null)
        {
            return;
        }

        builder.Append(" @deprecated");
        if (reason != BuiltInDirectives.DefaultDeprecationReason)
        {
            builder.Append("(reason: ").Append(Printer.PrintString(reason)).Append(')');
        }
    }

    private static void AppendDescription(StringBuilder builder, string? description, string indent)
    {
        if (description is not null)
        {
            builder.Append(indent).Append(BlockString.Print(description, indent)).Append('\n');
        }
    }
}
