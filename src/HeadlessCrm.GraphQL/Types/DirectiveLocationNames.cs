using System.Text;

namespace HeadlessCrm.GraphQL.Types;

/// <summary>Converts directive locations to their spec spelling, e.g. <c>FRAGMENT_SPREAD</c>.</summary>
public static class DirectiveLocationNames
{
    private static readonly Dictionary<DirectiveLocation, string> Names =
        Enum.GetValues<DirectiveLocation>().ToDictionary(l => l, ToSpecName);

    public static string Name(DirectiveLocation location) => Names[location];

    private static string ToSpecName(DirectiveLocation location)
    {
        var text = location.ToString();
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && char.IsUpper(text[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(text[i]));
        }

        return builder.ToString();
    }
}
