using HeadlessCrm.GraphQL.Language.Ast;

namespace HeadlessCrm.GraphQL.Language;

/// <summary>
/// A recursive-descent parser for the whole GraphQL grammar (spec §2 and §3, Appendix B), including the
/// September 2025 edition's descriptions on operations, fragments and variable definitions.
/// </summary>
public sealed class Parser
{
    private static readonly HashSet<string> DirectiveLocationNames =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    ];

    private readonly Lexer _lexer;
    private readonly ParserOptions _options;
    private Token _token;
    private Token _previous;
    private int _depth;
    private Token? _lookahead;

    private Parser(string source, ParserOptions options)
    {
        _options = options;
        _lexer = new Lexer(source, options.MaxTokens);
        _token = _lexer.Next();
    }

    public static DocumentNode Parse(string source, ParserOptions? options = null) =>
        new Parser(source, options ?? ParserOptions.Default).ParseDocument();

    /// <summary>Parses a single input value, e.g. a default value given as text.</summary>
    public static ValueNode ParseValue(string source, ParserOptions? options = null)
    {
        var parser = new Parser(source, options ?? ParserOptions.Default);
        var value = parser.ParseValueLiteral(isConst: false);
        parser.Expect(TokenKind.EndOfFile);
        return value;
    }

    /// <summary>Parses a single type reference such as <c>[String!]!</c>.</summary>
    public static TypeNode ParseType(string source, ParserOptions? options = null)
    {
        var parser = new Parser(source, options ?? ParserOptions.Default);
        var type = parser.ParseTypeReference();
        parser.Expect(TokenKind.EndOfFile);
        return type;
    }

    private DocumentNode ParseDocument()
    {
        var start = _token;
        var definitions = new List<DefinitionNode>();
        do
        {
            definitions.Add(ParseDefinition());
        }
        while (_token.Kind != TokenKind.EndOfFile);

        return new DocumentNode(definitions, At(start));
    }

    private DefinitionNode ParseDefinition()
    {
        if (_token.Kind == TokenKind.BraceLeft)
        {
            return ParseOperationDefinition();
        }

        var hasDescription = IsDescription();
        var keyword = hasDescription ? PeekAfterDescription() : _token;
        if (keyword.Kind == TokenKind.Name)
        {
            switch (keyword.Value)
            {
                case "query" or "mutation" or "subscription":
                    return ParseOperationDefinition();
                case "fragment":
                    return ParseFragmentDefinition();
                case "schema" or "scalar" or "type" or "interface" or "union" or "enum" or "input" or "directive":
                    return ParseTypeSystemDefinition();
                case "extend" when !hasDescription:
                    return ParseTypeSystemExtension();
            }
        }

        if (hasDescription && keyword.Kind == TokenKind.BraceLeft)
        {
            throw Error("Unexpected description, descriptions are not supported on shorthand queries.", _token);
        }

        throw Unexpected(keyword);
    }

    private bool IsDescription() => _token.Kind is TokenKind.String or TokenKind.BlockString;

    private Token PeekAfterDescription() => LookAhead();

    // Operations (spec §2.3)
    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = _token;
        if (_token.Kind == TokenKind.BraceLeft)
        {
            return new OperationDefinitionNode(OperationType.Query, null, null, [], [], ParseSelectionSet(), At(start));
        }

        var description = ParseDescription();
        var operation = ParseOperationType();
        var name = _token.Kind == TokenKind.Name ? ParseName() : null;
        return new OperationDefinitionNode(
            operation, description, name, ParseVariableDefinitions(), ParseDirectives(isConst: false), ParseSelectionSet(), At(start));
    }

    private OperationType ParseOperationType()
    {
        var token = Expect(TokenKind.Name);
        return token.Value switch
        {
            "query" => OperationType.Query,
            "mutation" => OperationType.Mutation,
            "subscription" => OperationType.Subscription,
            _ => throw Unexpected(token),
        };
    }

    private List<VariableDefinitionNode> ParseVariableDefinitions()
    {
        var definitions = new List<VariableDefinitionNode>();
        if (!Skip(TokenKind.ParenLeft))
        {
            return definitions;
        }

        do
        {
            var start = _token;
            var description = ParseDescription();
            var variable = ParseVariable();
            Expect(TokenKind.Colon);
            var type = ParseTypeReference();
            var defaultValue = Skip(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
            definitions.Add(new VariableDefinitionNode(description, variable, type, defaultValue, ParseDirectives(isConst: true), At(start)));
        }
        while (!Skip(TokenKind.ParenRight));

        return definitions;
    }

    private VariableNode ParseVariable()
    {
        var start = Expect(TokenKind.Dollar);
        return new VariableNode(ParseName(), At(start));
    }

    private SelectionSetNode ParseSelectionSet()
    {
        var start = _token;
        Enter(start);
        Expect(TokenKind.BraceLeft);
        var selections = new List<SelectionNode>();
        do
        {
            selections.Add(ParseSelection());
        }
        while (!Skip(TokenKind.BraceRight));

        _depth--;
        return new SelectionSetNode(selections, At(start));
    }

    private SelectionNode ParseSelection() =>
        _token.Kind == TokenKind.Spread ? ParseFragment() : ParseField();

    private FieldNode ParseField()
    {
        var start = _token;
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        var name = nameOrAlias;
        if (Skip(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }

        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var selectionSet = _token.Kind == TokenKind.BraceLeft ? ParseSelectionSet() : null;
        return new FieldNode(alias, name, arguments, directives, selectionSet, At(start));
    }

    private List<ArgumentNode> ParseArguments(bool isConst)
    {
        var arguments = new List<ArgumentNode>();
        if (!Skip(TokenKind.ParenLeft))
        {
            return arguments;
        }

        do
        {
            var start = _token;
            var name = ParseName();
            Expect(TokenKind.Colon);
            arguments.Add(new ArgumentNode(name, ParseValueLiteral(isConst), At(start)));
        }
        while (!Skip(TokenKind.ParenRight));

        return arguments;
    }

    // Fragments (spec §2.8)
    private SelectionNode ParseFragment()
    {
        var start = Expect(TokenKind.Spread);
        var hasTypeCondition = IsKeyword("on");
        if (!hasTypeCondition && _token.Kind == TokenKind.Name)
        {
            return new FragmentSpreadNode(ParseName(), ParseDirectives(isConst: false), At(start));
        }

        NamedTypeNode? typeCondition = null;
        if (hasTypeCondition)
        {
            Advance();
            typeCondition = ParseNamedType();
        }

        return new InlineFragmentNode(typeCondition, ParseDirectives(isConst: false), ParseSelectionSet(), At(start));
    }

    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        ExpectKeyword("fragment");
        if (IsKeyword("on"))
        {
            throw Unexpected(_token);
        }

        var name = ParseName();
        ExpectKeyword("on");
        return new FragmentDefinitionNode(
            description, name, ParseNamedType(), ParseDirectives(isConst: false), ParseSelectionSet(), At(start));
    }

    // Values (spec §2.9)
    private ValueNode ParseValueLiteral(bool isConst)
    {
        var token = _token;
        switch (token.Kind)
        {
            case TokenKind.BracketLeft:
                return ParseList(isConst);
            case TokenKind.BraceLeft:
                return ParseObject(isConst);
            case TokenKind.Int:
                Advance();
                return new IntValueNode(token.Value!, At(token));
            case TokenKind.Float:
                Advance();
                return new FloatValueNode(token.Value!, At(token));
            case TokenKind.String or TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                Advance();
                return token.Value switch
                {
                    "true" => new BooleanValueNode(true, At(token)),
                    "false" => new BooleanValueNode(false, At(token)),
                    "null" => new NullValueNode(At(token)),
                    _ => new EnumValueNode(token.Value!, At(token)),
                };
            case TokenKind.Dollar when isConst:
                var variableName = LookAhead();
                throw Error(variableName.Kind == TokenKind.Name ? $"Unexpected variable \"${variableName.Value}\" in constant value." : "Unexpected \"$\".", token);
            case TokenKind.Dollar:
                return ParseVariable();
            default:
                throw Unexpected(token);
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = _token;
        Advance();
        return new StringValueNode(token.Value!, token.Kind == TokenKind.BlockString, At(token));
    }

    private ListValueNode ParseList(bool isConst)
    {
        var start = _token;
        Enter(start);
        Expect(TokenKind.BracketLeft);
        var values = new List<ValueNode>();
        while (!Skip(TokenKind.BracketRight))
        {
            values.Add(ParseValueLiteral(isConst));
        }

        _depth--;
        return new ListValueNode(values, At(start));
    }

    private ObjectValueNode ParseObject(bool isConst)
    {
        var start = _token;
        Enter(start);
        Expect(TokenKind.BraceLeft);
        var fields = new List<ObjectFieldNode>();
        while (!Skip(TokenKind.BraceRight))
        {
            var fieldStart = _token;
            var name = ParseName();
            Expect(TokenKind.Colon);
            fields.Add(new ObjectFieldNode(name, ParseValueLiteral(isConst), At(fieldStart)));
        }

        _depth--;
        return new ObjectValueNode(fields, At(start));
    }

    // Directives (spec §2.12)
    private List<DirectiveNode> ParseDirectives(bool isConst)
    {
        var directives = new List<DirectiveNode>();
        while (_token.Kind == TokenKind.At)
        {
            var start = _token;
            Advance();
            directives.Add(new DirectiveNode(ParseName(), ParseArguments(isConst), At(start)));
        }

        return directives;
    }

    // Types (spec §2.11)
    private TypeNode ParseTypeReference()
    {
        var start = _token;
        TypeNode type;
        if (Skip(TokenKind.BracketLeft))
        {
            Enter(start);
            var inner = ParseTypeReference();
            Expect(TokenKind.BracketRight);
            _depth--;
            type = new ListTypeNode(inner, At(start));
        }
        else
        {
            type = ParseNamedType();
        }

        return Skip(TokenKind.Bang) ? new NonNullTypeNode(type, At(start)) : type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = _token;
        return new NamedTypeNode(ParseName(), At(start));
    }

    // Type system (spec §3)
    private TypeSystemDefinitionNode ParseTypeSystemDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        var keyword = Expect(TokenKind.Name);
        switch (keyword.Value)
        {
            case "schema":
                return new SchemaDefinitionNode(description, ParseDirectives(isConst: true), ParseOperationTypeDefinitions(required: true), At(start));
            case "scalar":
                return new ScalarTypeDefinitionNode(description, ParseName(), ParseDirectives(isConst: true), At(start));
            case "type":
            {
                var name = ParseName();
                var interfaces = InterfacesThen(out var directives);
                return new ObjectTypeDefinitionNode(description, name, directives, interfaces, ParseFieldDefinitions(), At(start));
            }

            case "interface":
            {
                var name = ParseName();
                var interfaces = InterfacesThen(out var directives);
                return new InterfaceTypeDefinitionNode(description, name, directives, interfaces, ParseFieldDefinitions(), At(start));
            }

            case "union":
            {
                var name = ParseName();
                return new UnionTypeDefinitionNode(description, name, ParseDirectives(isConst: true), ParseUnionMembers(), At(start));
            }

            case "enum":
            {
                var name = ParseName();
                return new EnumTypeDefinitionNode(description, name, ParseDirectives(isConst: true), ParseEnumValues(), At(start));
            }

            case "input":
            {
                var name = ParseName();
                return new InputObjectTypeDefinitionNode(description, name, ParseDirectives(isConst: true), ParseInputFields(), At(start));
            }

            default:
                return ParseDirectiveDefinition(description, start);
        }
    }

    private List<NamedTypeNode> InterfacesThen(out List<DirectiveNode> directives)
    {
        var interfaces = ParseImplementsInterfaces();
        directives = ParseDirectives(isConst: true);
        return interfaces;
    }

    private List<OperationTypeDefinitionNode> ParseOperationTypeDefinitions(bool required)
    {
        var operationTypes = new List<OperationTypeDefinitionNode>();
        if (!required && _token.Kind != TokenKind.BraceLeft)
        {
            return operationTypes;
        }

        Expect(TokenKind.BraceLeft);
        do
        {
            var start = _token;
            var operation = ParseOperationType();
            Expect(TokenKind.Colon);
            operationTypes.Add(new OperationTypeDefinitionNode(operation, ParseNamedType(), At(start)));
        }
        while (!Skip(TokenKind.BraceRight));

        return operationTypes;
    }

    private List<NamedTypeNode> ParseImplementsInterfaces()
    {
        var interfaces = new List<NamedTypeNode>();
        if (!IsKeyword("implements"))
        {
            return interfaces;
        }

        Advance();
        Skip(TokenKind.Ampersand);
        do
        {
            interfaces.Add(ParseNamedType());
        }
        while (Skip(TokenKind.Ampersand));

        return interfaces;
    }

    private List<FieldDefinitionNode> ParseFieldDefinitions()
    {
        var fields = new List<FieldDefinitionNode>();
        if (!Skip(TokenKind.BraceLeft))
        {
            return fields;
        }

        do
        {
            var start = _token;
            var description = ParseDescription();
            var name = ParseName();
            var arguments = ParseArgumentDefinitions();
            Expect(TokenKind.Colon);
            var type = ParseTypeReference();
            fields.Add(new FieldDefinitionNode(description, name, arguments, type, ParseDirectives(isConst: true), At(start)));
        }
        while (!Skip(TokenKind.BraceRight));

        return fields;
    }

    private List<InputValueDefinitionNode> ParseArgumentDefinitions() =>
        ParseInputValueDefinitions(TokenKind.ParenLeft, TokenKind.ParenRight);

    private List<InputValueDefinitionNode> ParseInputFields() =>
        ParseInputValueDefinitions(TokenKind.BraceLeft, TokenKind.BraceRight);

    private List<InputValueDefinitionNode> ParseInputValueDefinitions(TokenKind open, TokenKind close)
    {
        var values = new List<InputValueDefinitionNode>();
        if (!Skip(open))
        {
            return values;
        }

        do
        {
            var start = _token;
            var description = ParseDescription();
            var name = ParseName();
            Expect(TokenKind.Colon);
            var type = ParseTypeReference();
            var defaultValue = Skip(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
            values.Add(new InputValueDefinitionNode(description, name, type, defaultValue, ParseDirectives(isConst: true), At(start)));
        }
        while (!Skip(close));

        return values;
    }

    private List<NamedTypeNode> ParseUnionMembers()
    {
        var types = new List<NamedTypeNode>();
        if (!Skip(TokenKind.Equals))
        {
            return types;
        }

        Skip(TokenKind.Pipe);
        do
        {
            types.Add(ParseNamedType());
        }
        while (Skip(TokenKind.Pipe));

        return types;
    }

    private List<EnumValueDefinitionNode> ParseEnumValues()
    {
        var values = new List<EnumValueDefinitionNode>();
        if (!Skip(TokenKind.BraceLeft))
        {
            return values;
        }

        do
        {
            var start = _token;
            var description = ParseDescription();
            if (_token.Value is "true" or "false" or "null")
            {
                throw Error($"{_token.Value} is reserved and cannot be used for an enum value.", _token);
            }

            values.Add(new EnumValueDefinitionNode(description, ParseName(), ParseDirectives(isConst: true), At(start)));
        }
        while (!Skip(TokenKind.BraceRight));

        return values;
    }

    private DirectiveDefinitionNode ParseDirectiveDefinition(StringValueNode? description, Token start)
    {
        if (_previous.Value != "directive")
        {
            throw Unexpected(_previous);
        }

        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        var repeatable = IsKeyword("repeatable");
        if (repeatable)
        {
            Advance();
        }

        ExpectKeyword("on");
        Skip(TokenKind.Pipe);
        var locations = new List<NameNode>();
        do
        {
            var token = _token;
            var location = ParseName();
            if (!DirectiveLocationNames.Contains(location.Value))
            {
                throw Unexpected(token);
            }

            locations.Add(location);
        }
        while (Skip(TokenKind.Pipe));

        return new DirectiveDefinitionNode(description, name, arguments, repeatable, locations, At(start));
    }

    private TypeSystemExtensionNode ParseTypeSystemExtension()
    {
        var start = _token;
        ExpectKeyword("extend");
        var keyword = _token;
        if (keyword.Kind != TokenKind.Name)
        {
            throw Unexpected(keyword);
        }

        Advance();
        TypeSystemExtensionNode extension;
        switch (keyword.Value)
        {
            case "schema":
                var schemaDirectives = ParseDirectives(isConst: true);
                var operationTypes = ParseOperationTypeDefinitions(required: false);
                RequireSomething(schemaDirectives.Count + operationTypes.Count);
                return new SchemaExtensionNode(schemaDirectives, operationTypes, At(start));
            case "scalar":
            {
                var name = ParseName();
                var directives = ParseDirectives(isConst: true);
                RequireSomething(directives.Count);
                return new ScalarTypeExtensionNode(name, directives, At(start));
            }

            case "type" or "interface":
            {
                var name = ParseName();
                var interfaces = InterfacesThen(out var directives);
                var fields = ParseFieldDefinitions();
                RequireSomething(interfaces.Count + directives.Count + fields.Count);
                extension = keyword.Value == "type"
                    ? new ObjectTypeExtensionNode(name, directives, interfaces, fields, At(start))
                    : new InterfaceTypeExtensionNode(name, directives, interfaces, fields, At(start));
                return extension;
            }

            case "union":
            {
                var name = ParseName();
                var directives = ParseDirectives(isConst: true);
                var types = ParseUnionMembers();
                RequireSomething(directives.Count + types.Count);
                return new UnionTypeExtensionNode(name, directives, types, At(start));
            }

            case "enum":
            {
                var name = ParseName();
                var directives = ParseDirectives(isConst: true);
                var values = ParseEnumValues();
                RequireSomething(directives.Count + values.Count);
                return new EnumTypeExtensionNode(name, directives, values, At(start));
            }

            case "input":
            {
                var name = ParseName();
                var directives = ParseDirectives(isConst: true);
                var fields = ParseInputFields();
                RequireSomething(directives.Count + fields.Count);
                return new InputObjectTypeExtensionNode(name, directives, fields, At(start));
            }

            default:
                throw Unexpected(keyword);
        }
    }

    private void RequireSomething(int count)
    {
        if (count == 0)
        {
            throw Unexpected(_token);
        }
    }

    private StringValueNode? ParseDescription() => IsDescription() ? ParseStringLiteral() : null;

    // Token helpers
    private NameNode ParseName()
    {
        var token = Expect(TokenKind.Name);
        return new NameNode(token.Value!, At(token));
    }

    private void Advance()
    {
        _previous = _token;
        _token = _lookahead ?? _lexer.Next();
        _lookahead = null;
    }

    /// <summary>The token after the current one; descriptions and constant-value errors need one token of lookahead.</summary>
    private Token LookAhead() => _lookahead ??= _lexer.Next();

    private bool Skip(TokenKind kind)
    {
        if (_token.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private Token Expect(TokenKind kind)
    {
        var token = _token;
        if (token.Kind != kind)
        {
            throw Error($"Expected {Token.KindName(kind)}, found {token.Describe()}.", token);
        }

        Advance();
        return token;
    }

    private bool IsKeyword(string keyword) => _token.Kind == TokenKind.Name && _token.Value == keyword;

    private void ExpectKeyword(string keyword)
    {
        if (!IsKeyword(keyword))
        {
            throw Error($"Expected \"{keyword}\", found {_token.Describe()}.", _token);
        }

        Advance();
    }

    private void Enter(Token token)
    {
        if (++_depth > _options.MaxDepth)
        {
            throw Error($"Document nests deeper than {_options.MaxDepth} levels; parsing stopped.", token);
        }
    }

    private Location At(Token start) =>
        _options.KeepLocations ? new Location(start.Start, _previous.End, start.Line, start.Column) : default;

    private static GraphQLSyntaxException Unexpected(Token token) =>
        Error($"Unexpected {token.Describe()}.", token);

    private static GraphQLSyntaxException Error(string description, Token token) =>
        new(description, new SourceLocation(token.Line, token.Column));
}
