using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HeadlessCrm.Api.Infrastructure.Data;

/// <summary>
/// How the rows of one entity type are inserted, read from EF's model: its table, each column with the property it
/// holds and the type mapping EF writes it with (value converter included), and which columns the database fills
/// (computed columns, <c>xmin</c>, defaults for values left unset) and must be read back. Null for a type a
/// multi-row INSERT cannot write as EF would: mapped to several tables or sharing one, owned or JSON-mapped parts,
/// optional or collection complex properties.
/// </summary>
internal sealed class InsertShape
{
    private static readonly ConcurrentDictionary<IEntityType, InsertShape?> Shapes = new();

    private InsertShape(IEntityType entityType, ITable table, Column[] columns)
    {
        EntityType = entityType;
        Table = table;
        Columns = columns;
        Keys = [.. columns.Where(c => c.Property.IsPrimaryKey())];
        ReadBack = [.. Keys, .. columns.Where(c => c.Kind != ColumnKind.Written && !c.Property.IsPrimaryKey())];
    }

    public IEntityType EntityType { get; }
    public ITable Table { get; }
    public Column[] Columns { get; }
    public Column[] Keys { get; }
    /// <summary>What the statement returns: the key (to find each row's entry), then what the database filled.</summary>
    public Column[] ReadBack { get; }

    public enum ColumnKind
    {
        /// <summary>Always sent.</summary>
        Written,
        /// <summary>Sent when set; left to the column's default (and read back) when it holds the sentinel or a temporary value.</summary>
        WrittenUnlessUnset,
        /// <summary>Never sent (computed, row version); always read back.</summary>
        Generated,
    }

    public sealed record Column(string Name, IProperty Property, RelationalTypeMapping TypeMapping, bool IsNullable, ColumnKind Kind)
    {
        /// <summary>The property's entry on the row's entity (through its complex properties, if it belongs to one).</summary>
        public PropertyEntry Of(EntityEntry entry)
        {
            if (Property.DeclaringType is not IComplexType complex) return entry.Property(Property);
            var path = new Stack<IComplexProperty>();
            for (var type = complex; ; type = (IComplexType)type.ComplexProperty.DeclaringType)
            {
                path.Push(type.ComplexProperty);
                if (type.ComplexProperty.DeclaringType is not IComplexType) break;
            }
            var member = entry.ComplexProperty(path.Pop());
            while (path.Count > 0) member = member.ComplexProperty(path.Pop());
            return member.Property(Property);
        }

        /// <summary>Whether this row leaves the column to the database, as EF's own insert would.</summary>
        public bool IsLeftToDatabase(PropertyEntry value) => Kind switch
        {
            ColumnKind.Generated => true,
            ColumnKind.WrittenUnlessUnset => value.IsTemporary || Equals(value.CurrentValue, Property.Sentinel),
            _ => false,
        };
    }

    public static InsertShape? Of(IEntityType type) => Shapes.GetOrAdd(type, Build);

    private static InsertShape? Build(IEntityType type)
    {
        if (type.IsOwned() || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || !PlainComplexProperties(type)) return null;
        var mappings = type.GetTableMappings().ToList();
        if (mappings.Count != 1) return null;
        var table = mappings[0].Table;
        if (table.EntityTypeMappings.Count() != 1) return null;
        var columns = new List<Column>();
        foreach (var column in table.Columns)
        {
            var propertyMappings = column.PropertyMappings.ToList();
            if (propertyMappings.Count != 1) return null;
            var property = propertyMappings[0].Property;
            columns.Add(new Column(column.Name, property, propertyMappings[0].TypeMapping, column.IsNullable, KindOf(property)));
        }
        // Rows are found again by their key in what the statement returns: a key the database makes is not known before.
        return columns.Any(c => c.Property.IsPrimaryKey() && c.Kind == ColumnKind.Generated) ? null : new InsertShape(type, table, [.. columns]);
    }

    /// <summary>EF's rule for an added row: a property it ignores on insert is the database's; one generated on add is sent only when set.</summary>
    private static ColumnKind KindOf(IProperty property) =>
        property.GetBeforeSaveBehavior() != PropertySaveBehavior.Save ? ColumnKind.Generated
        : (property.ValueGenerated & ValueGenerated.OnAdd) != 0 ? ColumnKind.WrittenUnlessUnset
        : ColumnKind.Written;

    private static bool PlainComplexProperties(ITypeBase type) => type.GetComplexProperties().All(p =>
        !p.IsCollection && !p.IsNullable && !p.ComplexType.IsMappedToJson() && PlainComplexProperties(p.ComplexType));
}
