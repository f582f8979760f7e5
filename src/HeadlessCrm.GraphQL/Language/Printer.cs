using System.Text;
using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Language;

/// <summary>Prints a syntax tree back to GraphQL text in one canonical layout (two-space indents, one selection a line).</summary>
public static class Printer
{
    public static string Print(SyntaxNode node)
    {
        var writer = new StringBuilder();
        Write(writer, node, string.Empty);
        return writer.ToString();
    }

    /// <summary>Prints a string as a quoted GraphQL string literal with the escapes it needs.</summary>
    public static string PrintString(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\b' => builder.Append("\\b"),
                '\f' => builder.Append("\\f"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                < ' ' or '\u007F' => builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    private static void Write(StringBuilder w, SyntaxNode node, string indent)
    {
        switch (node)
        {
            case DocumentNode document:
                for (var i = 0; i < document.Definitions.Count; i++)
                {
                    if (i > 0)
                    {
                        w.Append("\n\n");
                    }

                    Write(w, document.Definitions[i], indent);
                }

                break;
            case OperationDefinitionNode operation:
                WriteDescription(w, operation.Description, indent);
                var shorthand = operation.Operation == OperationType.Query && operation.Name is null && operation.Description is null
                    && operation.VariableDefinitions.Count == 0 && operation.Directives.Count == 0;
                if (!shorthand)
                {
                    w.Append(operation.Operation.ToString().ToLowerInvariant());
                    if (operation.Name is not null)
                    {
                        w.Append(' ').Append(operation.Name.Value);
                    }

                    WriteList(w, operation.VariableDefinitions, "(", ", ", ")", indent);
                    WriteDirectives(w, operation.Directives, indent);
                    w.Append(' ');
                }

                Write(w, operation.SelectionSet, indent);
                break;
            case VariableDefinitionNode variable:
                WriteDescription(w, variable.Description, indent, inline: true);
                Write(w, variable.Variable, indent);
                w.Append(": ");
                Write(w, variable.Type, indent);
                WriteDefault(w, variable.DefaultValue, indent);
                WriteDirectives(w, variable.Directives, indent);
                break;
            case SelectionSetNode selectionSet:
                WriteBlock(w, selectionSet.Selections, indent);
                break;
            case FieldNode field:
                if (field.Alias is not null)
                {
                    w.Append(field.Alias.Value).Append(": ");
                }

                w.Append(field.Name.Value);
                WriteList(w, field.Arguments, "(", ", ", ")", indent);
                WriteDirectives(w, field.Directives, indent);
                WriteSelectionSet(w, field.SelectionSet, indent);
                break;
            case ArgumentNode argument:
                w.Append(argument.Name.Value).Append(": ");
                Write(w, argument.Value, indent);
                break;
            case FragmentSpreadNode spread:
                w.Append("...").Append(spread.Name.Value);
                WriteDirectives(w, spread.Directives, indent);
                break;
            case InlineFragmentNode inline:
                w.Append("...");
                if (inline.TypeCondition is not null)
                {
                    w.Append(" on ").Append(inline.TypeCondition.Name.Value);
                }

                WriteDirectives(w, inline.Directives, indent);
                WriteSelectionSet(w, inline.SelectionSet, indent);
                break;
            case FragmentDefinitionNode fragment:
                WriteDescription(w, fragment.Description, indent);
                w.Append("fragment ").Append(fragment.Name.Value).Append(" on ").Append(fragment.TypeCondition.Name.Value);
                WriteDirectives(w, fragment.Directives, indent);
                WriteSelectionSet(w, fragment.SelectionSet, indent);
                break;
            case ValueNode value:
                WriteValue(w, value, indent);
                break;
            case DirectiveNode directive:
                w.Append('@').Append(directive.Name.Value);
                WriteList(w, directive.Arguments, "(", ", ", ")", indent);
                break;
            case NamedTypeNode named:
                w.Append(named.Name.Value);
                break;
            case ListTypeNode list:
                w.Append('[');
                Write(w, list.Type, indent);
                w.Append(']');
                break;
            case NonNullTypeNode nonNull:
                Write(w, nonNull.Type, indent);
                w.Append('!');
                break;
            case NameNode name:
                w.Append(name.Value);
                break;
            case ObjectFieldNode objectField:
                w.Append(objectField.Name.Value).Append(": ");
                Write(w, objectField.Value, indent);
                break;
            default:
                WriteTypeSystem(w, node, indent);
                break;
        }
    }

    private static void WriteValue(StringBuilder w, ValueNode value, string indent)
    {
        switch (value)
        {
            case VariableNode variable:
                w.Append('$').Append(variable.Name.Value);
                break;
            case IntValueNode i:
                w.Append(i.Value);
                break;
            case FloatValueNode f:
                w.Append(f.Value);
                break;
            case StringValueNode s:
                w.Append(s.IsBlock ? BlockString.Print(s.Value, indent) : PrintString(s.Value));
                break;
            case BooleanValueNode b:
                w.Append(b.Value ? "true" : "false");
                break;
            case NullValueNode:
                w.Append("null");
                break;
            case EnumValueNode e:
                w.Append(e.Value);
                break;
            case ListValueNode list:
                w.Append('[');
                WriteJoined(w, list.Values, ", ", indent);
                w.Append(']');
                break;
            case ObjectValueNode obj:
                w.Append('{');
                WriteJoined(w, obj.Fields, ", ", indent);
                w.Append('}');
                break;
        }
    }

    private static void WriteTypeSystem(StringBuilder w, SyntaxNode node, string indent)
    {
        switch (node)
        {
            case SchemaDefinitionNode schema:
                WriteDescription(w, schema.Description, indent);
                w.Append("schema");
                WriteDirectives(w, schema.Directives, indent);
                w.Append(' ');
                WriteBlock(w, schema.OperationTypes, indent);
                break;
            case SchemaExtensionNode schema:
                w.Append("extend schema");
                WriteDirectives(w, schema.Directives, indent);
                if (schema.OperationTypes.Count > 0)
                {
                    w.Append(' ');
                    WriteBlock(w, schema.OperationTypes, indent);
                }

                break;
            case OperationTypeDefinitionNode operationType:
                w.Append(operationType.Operation.ToString().ToLowerInvariant()).Append(": ").Append(operationType.Type.Name.Value);
                break;
            case TypeDefinitionNode definition:
                WriteDescription(w, definition.Description, indent);
                WriteTypeHeader(w, definition, definition.Name, definition.Directives, indent);
                break;
            case TypeExtensionNode extension:
                w.Append("extend ");
                WriteTypeHeader(w, extension, extension.Name, extension.Directives, indent);
                break;
            case FieldDefinitionNode field:
                WriteDescription(w, field.Description, indent);
                w.Append(field.Name.Value);
                WriteArgumentDefinitions(w, field.Arguments, indent);
                w.Append(": ");
                Write(w, field.Type, indent);
                WriteDirectives(w, field.Directives, indent);
                break;
            case InputValueDefinitionNode input:
                WriteDescription(w, input.Description, indent);
                w.Append(input.Name.Value).Append(": ");
                Write(w, input.Type, indent);
                WriteDefault(w, input.DefaultValue, indent);
                WriteDirectives(w, input.Directives, indent);
                break;
            case EnumValueDefinitionNode enumValue:
                WriteDescription(w, enumValue.Description, indent);
                w.Append(enumValue.Name.Value);
                WriteDirectives(w, enumValue.Directives, indent);
                break;
            case DirectiveDefinitionNode directive:
                WriteDescription(w, directive.Description, indent);
                w.Append("directive @").Append(directive.Name.Value);
                WriteArgumentDefinitions(w, directive.Arguments, indent);
                w.Append(directive.IsRepeatable ? " repeatable on " : " on ");
                WriteJoined(w, directive.Locations, " | ", indent);
                break;
        }
    }

    private static void WriteTypeHeader(StringBuilder w, SyntaxNode node, NameNode name, IReadOnlyList<DirectiveNode> directives, string indent)
    {
        var (keyword, interfaces, members) = node switch
        {
            ScalarTypeDefinitionNode or ScalarTypeExtensionNode => ("scalar", null, null),
            ObjectTypeDefinitionNode o => ("type", o.Interfaces, (IReadOnlyList<SyntaxNode>)o.Fields),
            ObjectTypeExtensionNode o => ("type", o.Interfaces, o.Fields),
            InterfaceTypeDefinitionNode i => ("interface", i.Interfaces, i.Fields),
            InterfaceTypeExtensionNode i => ("interface", i.Interfaces, i.Fields),
            UnionTypeDefinitionNode u => ("union", null, u.Types),
            UnionTypeExtensionNode u => ("union", null, u.Types),
            EnumTypeDefinitionNode e => ("enum", null, e.Values),
            EnumTypeExtensionNode e => ("enum", null, e.Values),
            InputObjectTypeDefinitionNode o => ("input", null, o.Fields),
            InputObjectTypeExtensionNode o => ("input", null, o.Fields),
            _ => (string.Empty, (IReadOnlyList<NamedTypeNode>?)null, (IReadOnlyList<SyntaxNode>?)null),
        };
        w.Append(keyword).Append(' ').Append(name.Value);
        if (interfaces is { Count: > 0 })
        {
            w.Append(" implements ");
            WriteJoined(w, interfaces, " & ", indent);
        }

        WriteDirectives(w, directives, indent);
        if (members is not { Count: > 0 })
        {
            return;
        }

        if (keyword == "union")
        {
            w.Append(" = ");
            WriteJoined(w, members, " | ", indent);
            return;
        }

        w.Append(' ');
        WriteBlock(w, members, indent);
    }

    private static void WriteArgumentDefinitions(StringBuilder w, IReadOnlyList<InputValueDefinitionNode> arguments, string indent)
    {
        if (arguments.Count == 0)
        {
            return;
        }

        // Arguments go on one line unless one carries a description, which needs lines of its own.
        if (arguments.All(a => a.Description is null))
        {
            WriteList(w, arguments, "(", ", ", ")", indent);
            return;
        }

        WriteBlock(w, arguments, indent, '(', ')');
    }

    private static void WriteDescription(StringBuilder w, StringValueNode? description, string indent, bool inline = false)
    {
        if (description is null)
        {
            return;
        }

        WriteValue(w, description, indent);
        if (inline)
        {
            w.Append(' ');
        }
        else
        {
            w.Append('\n').Append(indent);
        }
    }

    private static void WriteDefault(StringBuilder w, ValueNode? value, string indent)
    {
        if (value is not null)
        {
            w.Append(" = ");
            Write(w, value, indent);
        }
    }

    private static void WriteDirectives(StringBuilder w, IReadOnlyList<DirectiveNode> directives, string indent)
    {
        foreach (var directive in directives)
        {
            w.Append(' ');
            Write(w, directive, indent);
        }
    }

    private static void WriteSelectionSet(StringBuilder w, SelectionSetNode? selectionSet, string indent)
    {
        if (selectionSet is not null)
        {
            w.Append(' ');
            Write(w, selectionSet, indent);
        }
    }

    /// <summary>One item a line, indented inside the brackets.</summary>
    private static void WriteBlock<T>(StringBuilder w, IReadOnlyList<T> items, string indent, char open = '{', char close = '}')
        where T : SyntaxNode
    {
        var inner = indent + "  ";
        w.Append(open).Append('\n');
        foreach (var item in items)
        {
            w.Append(inner);
            Write(w, item, inner);
            w.Append('\n');
        }

        w.Append(indent).Append(close);
    }

    private static void WriteList<T>(StringBuilder w, IReadOnlyList<T> items, string open, string separator, string close, string indent)
        where T : SyntaxNode
    {
        if (items.Count == 0)
        {
            return;
        }

        w.Append(open);
        WriteJoined(w, items, separator, indent);
        w.Append(close);
    }

    private static void WriteJoined<T>(StringBuilder w, IReadOnlyList<T> items, string separator, string indent)
        where T : SyntaxNode
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                w.Append(separator);
            }

            Write(w, items[i], indent);
        }
    }
}
