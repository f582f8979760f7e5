namespace HeadlessCrm.GraphQL.Execution;

/// <summary>
/// A map or list under construction in the response. Each knows its parent slot, so a null can travel up to the
/// nearest nullable position (spec §6.4.4 "Handling Field Errors") and work queued beneath a nulled node is skipped.
/// </summary>
public abstract class ResultNode
{
    internal ResultNode? Parent { get; init; }

    internal int IndexInParent { get; init; }

    /// <summary>Whether the slot holding this node has a non-null type, so an invalid null here nulls the parent too.</summary>
    internal bool NonNullInParent { get; init; }

    internal bool IsNulledOut { get; set; }

    internal abstract void SetSlot(int index, object? value);

    internal abstract object PathSegment(int index);

    /// <summary>Whether this node or one of its ancestors was replaced by null.</summary>
    internal bool IsDiscarded
    {
        get
        {
            for (var node = this; node is not null; node = node.Parent)
            {
                if (node.IsNulledOut)
                {
                    return true;
                }
            }

            return false;
        }
    }

    internal IReadOnlyList<object> PathTo(int index)
    {
        var path = new List<object> { PathSegment(index) };
        for (var node = this; node.Parent is not null; node = node.Parent)
        {
            path.Add(node.Parent.PathSegment(node.IndexInParent));
        }

        path.Reverse();
        return path;
    }
}
